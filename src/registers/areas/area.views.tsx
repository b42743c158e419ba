/**
 * The public tracker of the wind-area target with its Stichtag GET form, and the paths and helpers
 * the register and import pages share. No script: tables carry the data, every table also comes
 * as CSV.
 */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { ErrorSummary, SubmitButton, TextField } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { mapHref } from '../map/map.query.ts';
import {
  fixed,
  germanDate,
  paceAchievedText,
  paceNeededText,
  projectionText,
} from './area.format.ts';
import type { AreaVersion } from './area.queries.ts';
import { type TrackerView } from './area.service.ts';
import type { TrackerRow } from './area.tracker.ts';
import { planningRegion, type PlanningRegionKey } from './planning-regions.ts';

export const TRACKER_PATH = '/windenergiegebiete';
export const REGISTER_PATH = '/windenergiegebiete/gebiete';
export const IMPORT_PATH = '/windenergiegebiete/import';
/** The map with the register's layer; it shows today's areas (the map has no Stichtag). */
export const AREAS_MAP_HREF = mapHref(['wind-areas']);

export const count = (value: number) => value.toLocaleString('de-DE');

export function withStichtag(path: string, stichtag: string | undefined): string {
  return stichtag ? `${path}?stichtag=${stichtag}` : path;
}

export function StichtagForm(props: {
  action: string;
  value: string;
  errors: FieldError[];
}): VNode {
  return (
    <form method="get" action={props.action} class="kern-stack form-narrow" novalidate>
      <TextField
        name="stichtag"
        label="Stichtag"
        hint="TT.MM.JJJJ; leer lassen für den heutigen Stand. Gezeigt wird der Stand des letzten Imports bis zu diesem Tag."
        value={props.value}
        errors={props.errors}
        width="width-date"
      />
      <SubmitButton variant="secondary">Anzeigen</SubmitButton>
    </form>
  );
}

const COLUMNS = [
  'Name',
  { label: 'Landesfläche (ha)', numeric: true },
  { label: 'Wirksam ausgewiesen (ha)', numeric: true },
  { label: 'Anteil', numeric: true },
  { label: 'Mit Entwürfen (ha)', numeric: true },
  'Ziel',
  'Frist',
  { label: 'Fehlend (ha)', numeric: true },
  { label: 'Tempo erreicht (ha/Jahr)', numeric: true },
  { label: 'Tempo nötig (ha/Jahr)', numeric: true },
  'Voraussichtlich erreicht',
];

function rowCells(r: TrackerRow, name: string): (string | VNode)[] {
  return [
    name,
    fixed(r.landHa, 0),
    fixed(r.inForceHa, 1),
    `${fixed(r.sharePercent, 2)} %`,
    fixed(r.withDraftsHa, 1),
    r.targetOpen ? `${r.targetLabel} [offen]` : r.targetLabel,
    germanDate(r.deadline),
    fixed(r.missingHa, 1),
    paceAchievedText(r),
    paceNeededText(r),
    projectionText(r.projection),
  ];
}

function TrackerTable(props: { caption: string; rows: TrackerRow[]; withParent?: string }): VNode {
  return (
    <DataTable
      caption={props.caption}
      columns={props.withParent ? [COLUMNS[0]!, props.withParent, ...COLUMNS.slice(1)] : COLUMNS}
      rowHeader={0}
      small
      rows={props.rows.map((r) => {
        const cells = rowCells(r, r.name);
        if (props.withParent) cells.splice(1, 0, r.parent ?? '');
        return { key: r.key, cells };
      })}
    />
  );
}

function VersionTable(props: { versions: AreaVersion[] }): VNode {
  return (
    <DataTable
      caption="Importierte Stände des Registers"
      columns={['Version', 'Stand', 'Art', 'Quelle', { label: 'Gebiete', numeric: true }]}
      rowHeader={0}
      small
      rows={props.versions.map((v) => ({
        key: v.id,
        cells: [
          String(v.seq),
          germanDate(v.effectiveOn),
          v.mode === 'replace'
            ? `ersetzt ${v.replacedRegions.map((r) => planningRegion(r as PlanningRegionKey).name).join(', ')}`
            : 'ergänzt',
          `${v.source}${v.example ? ' (Beispiel)' : ''}`,
          String(v.areaCount),
        ],
      }))}
    />
  );
}

export function TrackerPage(props: {
  ctx: PageContext;
  view?: TrackerView;
  stichtag?: string;
  value: string;
  errors: FieldError[];
}): VNode {
  const { view } = props;
  const land = view?.tracker.land ?? [];
  const withAreas = view?.tracker.gemeinden.filter((g) => g.withDraftsHa > 0) ?? [];
  const csv = (name: string) => withStichtag(`${TRACKER_PATH}/${name}.csv`, props.stichtag);
  return (
    <Layout
      ctx={props.ctx}
      title="Windenergiegebiete: Flächenziel"
      hasErrors={props.errors.length > 0}
    >
      <h1 class="kern-heading-large">Windenergiegebiete: Flächenziel</h1>
      <p class="kern-body">
        Wie viel der Landesfläche Nordrhein-Westfalens als Windenergiegebiet ausgewiesen ist,
        gemessen an den Zielen des Landes, des Bundes (Windenergieflächenbedarfsgesetz) und der
        Planungsregionen. Flächen werden auf dem Ellipsoid (WGS84) berechnet; überlappende Gebiete
        zählen einmal, Rotor-innerhalb-Gebiete nur mit der nach § 4 Abs. 3 WindBG anrechenbaren
        Fläche. Angerechnet werden nur wirksame Gebiete.
      </p>
      <ErrorSummary errors={props.errors} />
      <StichtagForm action={TRACKER_PATH} value={props.value} errors={props.errors} />
      {view ? (
        <>
          <p class="kern-body" id="stand">
            {view.version
              ? `Stand ${germanDate(view.asOf)}: Version ${view.version.seq} vom ${germanDate(view.version.effectiveOn)}. Wirksam ausgewiesen sind ${fixed(land[0]?.inForceHa ?? 0, 1)} ha, das sind ${fixed(land[0]?.sharePercent ?? 0, 2)} % der Landesfläche von ${fixed(view.tracker.landHa, 0)} ha.`
              : `Zum Stichtag ${germanDate(view.asOf)} gab es noch keinen Import.`}
            {view.versions.some((v) => v.example)
              ? ' Das Register enthält Beispielgebiete; sie sind keine echten Ausweisungen.'
              : ''}
          </p>
          <p class="kern-body">
            <a class="kern-link" href={withStichtag(REGISTER_PATH, props.stichtag)}>
              Gebiete im Register zu diesem Stand
            </a>{' '}
            ·{' '}
            <a class="kern-link" href={AREAS_MAP_HREF}>
              Heutige Gebiete auf der Karte
            </a>
          </p>
          <TrackerTable caption="Land Nordrhein-Westfalen" rows={land} />
          <p class="kern-body">
            <a class="kern-link" href={csv('land')}>
              Tabelle Land als CSV
            </a>
          </p>
          <TrackerTable caption="Planungsregionen" rows={view.tracker.regions} />
          <p class="kern-body">
            Die Zielwerte der Planungsregionen sind als „[offen]“ markiert, solange sie nicht mit
            dem veröffentlichten Landesentwicklungsplan abgeglichen sind.{' '}
            <a class="kern-link" href={csv('regionen')}>
              Tabelle Planungsregionen als CSV
            </a>
          </p>
          <TrackerTable
            caption="Kreise und kreisfreie Städte"
            rows={view.tracker.kreise}
            withParent="Planungsregion"
          />
          <p class="kern-body">
            Kreise und Gemeinden haben kein eigenes gesetzliches Ziel; der Bezugswert ist der
            Flächenbeitragswert des Bundes für 2032.{' '}
            <a class="kern-link" href={csv('kreise')}>
              Tabelle Kreise als CSV
            </a>
          </p>
          {withAreas.length > 0 ? (
            <TrackerTable
              caption="Gemeinden mit Windenergiegebieten"
              rows={withAreas}
              withParent="Kreis"
            />
          ) : (
            <p class="kern-body">Zu diesem Stand hat keine Gemeinde ein Windenergiegebiet.</p>
          )}
          <p class="kern-body">
            Alle 396 Gemeinden:{' '}
            <a class="kern-link" href={csv('gemeinden')}>
              Tabelle Gemeinden als CSV
            </a>
          </p>
          <VersionTable versions={view.versions} />
          <p class="kern-body--small">
            Tempo erreicht: Zuwachs der wirksamen Fläche zwischen dem ersten Import und dem
            gezeigten Stand, auf ein Jahr gerechnet. Tempo nötig: fehlende Fläche geteilt durch die
            Zeit bis zur Frist. Landesfläche: Flächenerhebung 31.12.2021 (© Statistische Ämter des
            Bundes und der Länder, dl-de/by-2-0); Gemeindegrenzen © GeoBasis-DE / BKG 2013 (Daten
            verändert), dl-de/by-2-0.
          </p>
        </>
      ) : null}
    </Layout>
  );
}
