import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { focusBbox, mapHref } from '../map/map.query.ts';
import type { Readiness } from './site.readiness.ts';
import {
  CONTAMINATION,
  GRID_CONNECTION,
  MINING_SUPERVISION,
  OWNERSHIP,
  PLANNING_STATUS,
  READINESS,
  ZONING,
  type StoredSite,
} from './site.types.ts';

export const SITES_PATH = '/gewerbeflaechen';
export const PROVIDER_PATH = '/gewerbeflaechen/pflege';

export const ha = (n: number | null) =>
  n === null ? '–' : `${n.toLocaleString('de-DE', { maximumFractionDigits: 1 })} ha`;
export const km = (n: number | null) =>
  n === null ? '–' : `${n.toLocaleString('de-DE', { maximumFractionDigits: 1 })} km`;
export const germanDate = (iso: string | null) =>
  iso === null ? '–' : iso.split('-').reverse().join('.');

/** Sites are attributed to their provider; examples say so. */
export function siteName(site: StoredSite): string {
  return site.example ? `${site.name} (Beispiel)` : site.name;
}

export interface SearchValues {
  q: string;
  gemeinde: string;
  mindestgroesse: string;
  verfuegbarkeit: string;
}

export function SearchPage(props: {
  ctx: PageContext;
  values: SearchValues;
  errors: FieldError[];
  sites: StoredSite[];
  total: number;
  page: number;
  pageSize: number;
  canManage: boolean;
}): VNode {
  const { ctx, values, errors, sites } = props;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const query = (page: number) =>
    `${SITES_PATH}?${new URLSearchParams({ ...values, seite: String(page) }).toString()}`;
  return (
    <Layout ctx={ctx} title="Gewerbe- und Industrieflächen" hasErrors={errors.length > 0}>
      <h1 class="kern-heading-large">Gewerbe- und Industrieflächen in NRW</h1>
      <p class="kern-body">
        Flächen für Industrie und Gewerbe, vorrangig Brachflächen, gepflegt von den
        Wirtschaftsförderungen der Kommunen. Jede Fläche zeigt ihren Bereitschaftswert mit den
        Gründen. Beendete Flächen werden nicht aufgeführt.
      </p>
      {props.canManage ? (
        <p class="kern-body">
          <a class="kern-link" href={PROVIDER_PATH}>
            Eigene Flächen pflegen
          </a>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="get" action={SITES_PATH} class="kern-stack form-narrow" novalidate>
        <h2 class="kern-heading-medium">Flächen suchen</h2>
        <TextField
          name="q"
          label="Name oder Kennung"
          value={values.q}
          errors={errors}
          type="search"
        />
        <TextField name="gemeinde" label="Gemeinde" value={values.gemeinde} errors={errors} />
        <TextField
          name="mindestgroesse"
          label="Mindestgröße in Hektar"
          hint="Netto, wenn angegeben, sonst brutto. Beispiel: 5 oder 12,5"
          value={values.mindestgroesse}
          errors={errors}
          inputMode="text"
        />
        <SelectField
          name="verfuegbarkeit"
          label="Verfügbarkeit"
          options={[
            { value: '', label: 'Alle' },
            ...Object.entries(READINESS).map(([value, label]) => ({ value, label })),
          ]}
          value={values.verfuegbarkeit}
          errors={errors}
        />
        <SubmitButton>Suchen</SubmitButton>
      </form>
      <h2 class="kern-heading-medium" id="ergebnis">
        {props.total === 1 ? '1 Fläche gefunden' : `${props.total} Flächen gefunden`}
      </h2>
      {sites.length === 0 ? (
        <p class="kern-body">Keine Fläche entspricht der Suche.</p>
      ) : (
        <DataTable
          caption="Gefundene Flächen"
          hideCaption
          rowHeader={0}
          columns={[
            'Fläche',
            'Gemeinde',
            { label: 'Brutto', numeric: true },
            { label: 'Netto', numeric: true },
            'Verfügbarkeit',
            { label: 'Wasserstoff-Kernnetz', numeric: true },
            'Anbieter',
          ]}
          rows={sites.map((s) => ({
            key: s.id,
            cells: [
              <a class="kern-link" href={`${SITES_PATH}/${s.id}`}>
                {siteName(s)}
              </a>,
              s.gemeinde ?? '–',
              ha(s.grossHa),
              ha(s.netHa),
              READINESS[s.readiness],
              km(s.hydrogenDistanceKm),
              s.provider,
            ],
          }))}
        />
      )}
      {pages > 1 ? (
        <nav aria-label="Seiten der Ergebnisliste" class="kern-body">
          {props.page > 1 ? (
            <a class="kern-link" href={query(props.page - 1)}>
              Vorherige Seite
            </a>
          ) : null}{' '}
          Seite {props.page} von {pages}{' '}
          {props.page < pages ? (
            <a class="kern-link" href={query(props.page + 1)}>
              Nächste Seite
            </a>
          ) : null}
        </nav>
      ) : null}
      <p class="kern-body">
        Alle aktuellen Flächen als Daten:{' '}
        <a class="kern-link" href={`${SITES_PATH}/daten.csv`}>
          CSV
        </a>{' '}
        und{' '}
        <a class="kern-link" href={`${SITES_PATH}/daten.geojson`}>
          GeoJSON
        </a>{' '}
        (Spalten nach dem Datenstandard des Registers).{' '}
        <a class="kern-link" href={mapHref(['sites'])}>
          Alle Flächen auf der Karte
        </a>
      </p>
      <p class="kern-body--small">
        Entfernungen zum Wasserstoff-Kernnetz: eigene Berechnung auf dem WGS84-Ellipsoid aus den
        Kernnetz-Orten (PyPSA-DE, nach den Maßnahmenlisten der FNB Gas) und Leitungsverläufen
        (Global Energy Monitor, CC BY 4.0 [offen: Lizenz zu prüfen]).
      </p>
    </Layout>
  );
}

function Facts(props: { site: StoredSite }): VNode {
  const s = props.site;
  const rows: [string, string][] = [
    ['Kennung', s.reference],
    ['Anbieter', s.provider],
    ['Gemeinde', s.gemeinde ? `${s.gemeinde} (${s.ags ?? ''})` : '–'],
    ['Fläche brutto', ha(s.grossHa)],
    ['Fläche netto', ha(s.netHa)],
    [
      'Fläche der Geometrie (Ellipsoid)',
      s.geometryHa === null ? 'nur Punkt erfasst' : ha(s.geometryHa),
    ],
    ['Eigentum', OWNERSHIP[s.ownership]],
    ['Planungsstand', PLANNING_STATUS[s.planningStatus]],
    ['Gebietsart', ZONING[s.zoning]],
    ['Altlasten', CONTAMINATION[s.contamination]],
    ['Bergaufsicht', MINING_SUPERVISION[s.miningSupervision]],
    ['Netzanschluss', GRID_CONNECTION[s.gridConnection]],
    ['Entfernung zum Wasserstoff-Kernnetz', km(s.hydrogenDistanceKm)],
    ['Verfügbarkeit', READINESS[s.readiness]],
    ['Verfügbar ab', germanDate(s.availableFrom)],
    ['Kontakt', s.contact],
    ['Im Register seit', germanDate(s.startDate)],
    [
      'Lage (Länge, Breite)',
      `${s.centre[0].toLocaleString('de-DE', { maximumFractionDigits: 5 })}, ${s.centre[1].toLocaleString('de-DE', { maximumFractionDigits: 5 })}`,
    ],
  ];
  return (
    <dl class="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt class="kern-label">{term}</dt>
          <dd class="kern-body">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SiteDetailPage(props: {
  ctx: PageContext;
  site: StoredSite;
  readiness: Readiness;
  fundingLink: string;
  canEdit: boolean;
}): VNode {
  const { ctx, site, readiness } = props;
  return (
    <Layout ctx={ctx} title={siteName(site)}>
      <p class="kern-body">
        <a class="kern-link" href={SITES_PATH}>
          Zur Flächensuche
        </a>{' '}
        ·{' '}
        <a class="kern-link" href={mapHref(['sites'], focusBbox(site.geometry))}>
          Diese Fläche auf der Karte
        </a>
      </p>
      <h1 class="kern-heading-large">{siteName(site)}</h1>
      {site.endDate !== null ? (
        <div class="kern-alert kern-alert--warning" role="status">
          <div class="kern-alert__header">
            <h2 class="kern-title">Diese Fläche ist beendet ({germanDate(site.endDate)})</h2>
          </div>
          <div class="kern-alert__body">
            <p class="kern-body">{site.endReason ?? ''}</p>
          </div>
        </div>
      ) : null}
      {site.example ? (
        <p class="kern-body">
          Beispieldaten: Die Angaben zeigen, wie das Register arbeitet; sie sind keine amtlichen
          Angaben.
        </p>
      ) : null}
      {props.canEdit && site.endDate === null ? (
        <p class="kern-body">
          <a class="kern-link" href={`${PROVIDER_PATH}/${site.id}`}>
            Fläche bearbeiten
          </a>
        </p>
      ) : null}
      <h2 class="kern-heading-medium">Bereitschaftswert: {readiness.score} von 100</h2>
      <p class="kern-body">
        Wie schnell ein Industrievorhaben hier bauen könnte, nach den Angaben im Register. Die
        Gewichte sind eine fachliche Festlegung der Plattform, keine Rechtsnorm.
      </p>
      <DataTable
        caption="Gründe des Bereitschaftswerts"
        rowHeader={0}
        columns={['Faktor', { label: 'Punkte', numeric: true }, 'Begründung']}
        rows={readiness.factors.map((f) => ({
          key: f.key,
          cells: [f.label, `${f.points} von ${f.max}`, f.reason],
        }))}
      />
      <h2 class="kern-heading-medium">Passende Förderung</h2>
      <p class="kern-body">
        Der Förderfinder enthält derzeit kein Programm für die Herrichtung von Flächen. Für Vorhaben
        auf dieser Fläche prüft er Programme für Unternehmen mit Standort in NRW:{' '}
        <a class="kern-link" href={props.fundingLink}>
          Förderfinder mit Standort dieser Fläche öffnen
        </a>
      </p>
      <h2 class="kern-heading-medium">Angaben</h2>
      <Facts site={site} />
    </Layout>
  );
}
