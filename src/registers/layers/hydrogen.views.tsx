import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { ErrorSummary, SubmitButton, TextField } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { mapHref } from '../map/map.query.ts';
import { formatValue, SourceNote } from '../catalogue/source-note.tsx';
import { CORE_NETWORK_SOURCE, INDUSTRY_SOURCE, PIPELINE_SOURCE } from './energy.sources.ts';
import { LAST_MILE_PATH, type LastMileRow } from './hydrogen.queries.ts';

/** The map with the industrial sites and the hydrogen network they are measured against. */
export const HYDROGEN_MAP_HREF = mapHref([
  'industrial-sites',
  'hydrogen-core-network',
  'hydrogen-pipelines',
]);

export function LastMilePage(props: {
  ctx: PageContext;
  raw: string;
  errors: FieldError[];
  rows: LastMileRow[] | undefined;
}): VNode {
  const { rows, errors } = props;
  const csv = `${LAST_MILE_PATH}.csv${props.raw ? `?ab_km=${encodeURIComponent(props.raw)}` : ''}`;
  const total = rows?.reduce((sum, r) => sum + (r.emissionsT ?? 0), 0) ?? 0;
  return (
    <Layout ctx={props.ctx} title="Wasserstoff: die letzte Meile" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <h1 class="kern-heading-large">Wasserstoff: die letzte Meile</h1>
      <p class="kern-body">
        Industriestandorte in NRW nach ihren CO₂-Emissionen, mit dem Abstand zum nächsten Ort des
        Wasserstoff-Kernnetzes oder zur nächsten Wasserstoffleitung. Der Abstand ist die kürzeste
        Entfernung auf dem Erdellipsoid (WGS84), bei Leitungen bis zum nächsten Punkt der Trasse,
        nicht nur ihrer Stützpunkte. Er sagt nichts über den tatsächlichen Leitungsweg.
      </p>
      <p class="kern-body">
        Die geplante Inbetriebnahme ist angegeben, soweit die Daten sie nennen: Das Kernnetz geht
        nach der Genehmigung der Bundesnetzagentur vom 22.10.2024 schrittweise von 2025 bis 2032 in
        Betrieb; das Jahr je Maßnahme und die Daten der Leitungstrassen enthalten die Quellen nicht.
      </p>
      <form method="get" action={LAST_MILE_PATH} class="kern-body">
        <TextField
          name="ab_km"
          label="Mindestabstand zum Wasserstoffnetz (km)"
          hint="Nur Standorte, die mindestens so weit entfernt sind; leer für alle."
          value={props.raw}
          required={false}
          inputMode="text"
          width="width-4"
          errors={errors}
        />
        <SubmitButton>Anzeigen</SubmitButton>
      </form>
      {rows ? (
        <>
          <p class="kern-body" role="status">
            {rows.length.toLocaleString('de-DE')} Standorte mit zusammen{' '}
            {formatValue(Math.round(total))} t CO₂ (2014).
          </p>
          <p class="kern-body">
            <a class="kern-link" href={csv}>
              Diese Liste als CSV (Tabellenkalkulation)
            </a>{' '}
            ·{' '}
            <a class="kern-link" href={HYDROGEN_MAP_HREF}>
              Standorte, Kernnetz und Wasserstoffleitungen auf der Karte
            </a>
          </p>
          <DataTable
            caption="Industriestandorte nach Emissionen mit Abstand zum Wasserstoffnetz"
            hideCaption
            small
            rowHeader={1}
            columns={[
              { label: 'Rang', numeric: true },
              'Standort',
              'Ort',
              'Branche',
              { label: 'CO₂ 2014 (t)', numeric: true },
              { label: 'Abstand (km)', numeric: true },
              'Nächstes Element des Wasserstoffnetzes',
              'Geplante Inbetriebnahme',
            ]}
            rows={rows.map((r, i) => ({
              key: r.id,
              cells: [
                String(i + 1),
                <a
                  class="kern-link"
                  href={`/ogc/collections/industrial-sites/items/${encodeURIComponent(r.id)}?f=html`}
                >
                  {r.name}
                </a>,
                formatValue(r.city),
                formatValue(r.subsector),
                formatValue(r.emissionsT),
                formatValue(r.distanceKm),
                `${formatValue(r.nearest)}${r.nearestKind ? ` (${r.nearestKind})` : ''}`,
                formatValue(r.commissioning),
              ],
            }))}
          />
        </>
      ) : null}
      <SourceNote source={INDUSTRY_SOURCE} />
      <SourceNote source={CORE_NETWORK_SOURCE} />
      <SourceNote source={PIPELINE_SOURCE} />
    </Layout>
  );
}
