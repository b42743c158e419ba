import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import type { Provider } from './site.actions.ts';
import type { SiteFields } from './site.fields.ts';
import type { DataQuality } from './site.quality.ts';
import type { SiteProblem } from './site.queries.ts';
import { CODED, type StoredSite } from './site.types.ts';
import { germanDate, ha, PROVIDER_PATH, SITES_PATH, siteName } from './site.views.tsx';

/** The provider's pages: its sites, data quality and open problems, import, export and forms. */
export function ProviderPage(props: {
  ctx: PageContext;
  provider: Provider;
  providers: Provider[];
  sites: StoredSite[];
  quality: DataQuality;
  problems: SiteProblem[];
  message?: string;
  importErrors: FieldError[];
}): VNode {
  const { ctx, provider, sites, quality, problems, importErrors } = props;
  const csrfQuery = `?_csrf=${encodeURIComponent(ctx.csrfToken)}&anbieter=${encodeURIComponent(provider.id)}`;
  const forProvider = `anbieter=${encodeURIComponent(provider.id)}`;
  return (
    <Layout
      ctx={ctx}
      title={`Flächen pflegen – ${provider.name}`}
      hasErrors={importErrors.length > 0}
    >
      <h1 class="kern-heading-large">Flächen pflegen: {provider.name}</h1>
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <ErrorSummary errors={importErrors} />
      {props.providers.length > 1 ? (
        <form method="get" action={PROVIDER_PATH} class="inline-form">
          <SelectField
            name="anbieter"
            label="Organisation"
            options={props.providers.map((p) => ({ value: p.id, label: p.name }))}
            value={provider.id}
          />
          <SubmitButton variant="secondary">Anzeigen</SubmitButton>
        </form>
      ) : null}
      <h2 class="kern-heading-medium">Datenqualität: {quality.score} von 100</h2>
      <p class="kern-body">
        {quality.current} aktuelle Flächen, davon {quality.withProblems} mit offenen Hinweisen;
        Vollständigkeit der freiwilligen Angaben (Netto-Fläche, Umriss, Verfügbar ab){' '}
        {Math.round(quality.completeness * 100)} %. Der Wert gewichtet Flächen ohne offene Hinweise
        mit 70 % und die Vollständigkeit mit 30 %.
      </p>
      <h2 class="kern-heading-medium">Offene Hinweise</h2>
      {problems.length === 0 ? (
        <p class="kern-body">Keine offenen Hinweise.</p>
      ) : (
        <DataTable
          caption="Offene Hinweise der Prüfung"
          hideCaption
          rowHeader={0}
          columns={['Fläche', 'Hinweis']}
          rows={problems.map((p) => ({
            key: p.id,
            cells: [
              <a class="kern-link" href={`${PROVIDER_PATH}/${p.siteId}`}>
                {p.reference}: {p.name}
              </a>,
              p.message,
            ],
          }))}
        />
      )}
      <h2 class="kern-heading-medium">Flächen</h2>
      <p class="kern-body">
        <a class="kern-link" href={`${PROVIDER_PATH}/neu?${forProvider}`}>
          Neue Fläche erfassen
        </a>
      </p>
      {sites.length === 0 ? (
        <p class="kern-body">Noch keine Flächen erfasst.</p>
      ) : (
        <DataTable
          caption={`${sites.length} Flächen von ${provider.name}`}
          hideCaption
          rowHeader={1}
          columns={['Kennung', 'Fläche', 'Gemeinde', { label: 'Brutto', numeric: true }, 'Stand']}
          rows={sites.map((s) => ({
            key: s.id,
            cells: [
              s.reference,
              s.endDate === null ? (
                <a class="kern-link" href={`${PROVIDER_PATH}/${s.id}`}>
                  {siteName(s)}
                </a>
              ) : (
                <a class="kern-link" href={`${SITES_PATH}/${s.id}`}>
                  {siteName(s)}
                </a>
              ),
              s.gemeinde ?? '–',
              ha(s.grossHa),
              s.endDate === null ? 'aktuell' : `beendet am ${germanDate(s.endDate)}`,
            ],
          }))}
        />
      )}
      <h2 class="kern-heading-medium">Export</h2>
      <p class="kern-body">
        Alle Flächen dieser Organisation, auch beendete:{' '}
        <a class="kern-link" href={`${PROVIDER_PATH}/export.csv?${forProvider}`}>
          CSV (Semikolon, UTF-8)
        </a>{' '}
        oder{' '}
        <a class="kern-link" href={`${PROVIDER_PATH}/export.geojson?${forProvider}`}>
          GeoJSON
        </a>
        . Eine exportierte Datei lässt sich unverändert wieder einlesen.
      </p>
      <form
        method="post"
        action={`${PROVIDER_PATH}/import${csrfQuery}`}
        enctype="multipart/form-data"
        class="kern-stack form-narrow"
        novalidate
      >
        <h2 class="kern-heading-medium">Import</h2>
        <p class="kern-body">
          CSV-Datei (Semikolon, UTF-8) oder GeoJSON-FeatureCollection mit den Spalten bzw.
          Eigenschaften des Datenstandards. Eine Zeile mit einer vorhandenen Kennung ändert diese
          Fläche, jede andere legt eine neue an. Enthält die Datei einen Fehler, wird nichts
          gespeichert und jeder Fehler mit Zeile oder Feature genannt.
        </p>
        <div class={`kern-form-input${importErrors.length > 0 ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for="feld-datei">
            Datei (CSV oder GeoJSON, höchstens 5 MB)
          </label>
          <input
            class="kern-form-input__input"
            id="feld-datei"
            name="datei"
            type="file"
            accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
          />
        </div>
        <SubmitButton>Einlesen</SubmitButton>
      </form>
    </Layout>
  );
}

function options(field: keyof typeof CODED) {
  return [
    { value: '', label: 'Bitte wählen' },
    ...Object.entries(CODED[field]).map(([value, label]) => ({ value, label })),
  ];
}

/** Create or change one site. Without JavaScript the location is a point or a GeoJSON outline. */
export function SiteFormPage(props: {
  ctx: PageContext;
  provider: Provider;
  site?: StoredSite;
  values: SiteFields;
  errors: FieldError[];
  endValues: SiteFields;
  endErrors: FieldError[];
  message?: string;
}): VNode {
  const { ctx, provider, site, values, errors } = props;
  const title = site ? `Fläche bearbeiten: ${site.reference}` : 'Neue Fläche erfassen';
  const action = site ? `${PROVIDER_PATH}/${site.id}` : `${PROVIDER_PATH}/neu`;
  const v = (name: string) => values[name] ?? '';
  const all = [...errors, ...props.endErrors];
  return (
    <Layout ctx={ctx} title={title} hasErrors={all.length > 0}>
      <p class="kern-body">
        <a class="kern-link" href={`${PROVIDER_PATH}?anbieter=${encodeURIComponent(provider.id)}`}>
          Zurück zu den Flächen von {provider.name}
        </a>
      </p>
      <h1 class="kern-heading-large">{title}</h1>
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <ErrorSummary errors={all} />
      <form method="post" action={action} class="kern-stack form-narrow" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="anbieter" value={provider.id} />
        <TextField
          name="kennung"
          label="Kennung"
          hint="Eindeutig innerhalb Ihrer Organisation, z. B. MARL-001."
          value={v('kennung')}
          errors={errors}
        />
        <TextField
          name="bezeichnung"
          label="Bezeichnung"
          value={v('bezeichnung')}
          errors={errors}
        />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">Lage</legend>
          <TextField
            name="laenge"
            label="Länge (Ost) in Dezimalgrad"
            hint="WGS84, in NRW etwa 5,8 bis 9,5; z. B. 7,1106"
            value={v('laenge')}
            errors={errors}
            required={false}
          />
          <TextField
            name="breite"
            label="Breite (Nord) in Dezimalgrad"
            hint="WGS84, in NRW etwa 50,3 bis 52,6; z. B. 51,6851"
            value={v('breite')}
            errors={errors}
            required={false}
          />
          <TextArea
            name="geometrie"
            label="Umriss als GeoJSON (Polygon oder MultiPolygon)"
            hint="Ersetzt Länge und Breite, wenn angegeben. Koordinaten als [Länge, Breite]."
            value={v('geometrie')}
            errors={errors}
            required={false}
            rows={4}
          />
        </fieldset>
        <TextField
          name="flaeche_brutto_ha"
          label="Fläche brutto in Hektar"
          value={v('flaeche_brutto_ha')}
          errors={errors}
        />
        <TextField
          name="flaeche_netto_ha"
          label="Fläche netto in Hektar"
          hint="Die tatsächlich vermarktbare Fläche ohne Erschließung und Grün."
          value={v('flaeche_netto_ha')}
          errors={errors}
          required={false}
        />
        <SelectField
          name="eigentum"
          label="Eigentum"
          options={options('ownership')}
          value={v('eigentum')}
          errors={errors}
        />
        <SelectField
          name="planungsstand"
          label="Planungsstand"
          options={options('planningStatus')}
          value={v('planungsstand')}
          errors={errors}
        />
        <SelectField
          name="gebietsart"
          label="Gebietsart"
          options={options('zoning')}
          value={v('gebietsart')}
          errors={errors}
        />
        <SelectField
          name="altlasten"
          label="Altlasten"
          options={options('contamination')}
          value={v('altlasten')}
          errors={errors}
        />
        <SelectField
          name="bergaufsicht"
          label="Bergaufsicht"
          options={options('miningSupervision')}
          value={v('bergaufsicht')}
          errors={errors}
        />
        <SelectField
          name="netzanschluss"
          label="Netzanschluss (Strom)"
          options={options('gridConnection')}
          value={v('netzanschluss')}
          errors={errors}
        />
        <SelectField
          name="verfuegbarkeit"
          label="Verfügbarkeit"
          options={options('readiness')}
          value={v('verfuegbarkeit')}
          errors={errors}
        />
        <TextField
          name="verfuegbar_ab"
          label="Verfügbar ab"
          hint="TT.MM.JJJJ"
          value={v('verfuegbar_ab')}
          errors={errors}
          required={false}
        />
        <TextField
          name="kontakt"
          label="Kontakt"
          hint="Stelle, Telefon oder E-Mail der Wirtschaftsförderung; wird öffentlich angezeigt."
          value={v('kontakt')}
          errors={errors}
        />
        <TextField
          name="beginn"
          label="Im Register seit"
          hint="TT.MM.JJJJ; leer: heute"
          value={v('beginn')}
          errors={errors}
          required={false}
        />
        <SubmitButton>Speichern</SubmitButton>
      </form>
      {site ? (
        <form
          method="post"
          action={`${PROVIDER_PATH}/${site.id}/beenden`}
          class="kern-stack form-narrow"
          novalidate
        >
          <h2 class="kern-heading-medium">Fläche beenden</h2>
          <p class="kern-body">
            Flächen werden nicht gelöscht, sondern beendet (z. B. verkauft, bebaut, aufgegeben). Sie
            erscheinen dann nicht mehr in der Suche und auf der Karte; ihre Kennung bleibt vergeben.
          </p>
          <CsrfField token={ctx.csrfToken} />
          <TextField
            name="ende"
            label="Beendet am"
            hint="TT.MM.JJJJ; leer: heute"
            value={props.endValues.ende ?? ''}
            errors={props.endErrors}
            required={false}
          />
          <TextField
            name="grund"
            label="Grund"
            value={props.endValues.grund ?? ''}
            errors={props.endErrors}
          />
          <SubmitButton variant="secondary">Fläche beenden</SubmitButton>
        </form>
      ) : null}
    </Layout>
  );
}
