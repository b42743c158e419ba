/**
 * The map page /karte: the GET form (layers as checkboxes, background, extent, table), the SVG
 * map, the legend with source, licence and data date of every shown layer, and the data table
 * of one layer's features, paged. Everything works without JavaScript; layer-map.js turns the
 * map into an interactive one when it can.
 */
import { SourceText } from '../catalogue/source-note.tsx';
import type { VNode } from 'preact';
import { formatGermanDateShort } from '../../law/german-format.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  ErrorSummary,
  fieldId,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { FeatureLayer, LayerFeature, LayerProperty } from '../catalogue/layer.ts';
import { LayerMap, type MapLayerData } from './layer-map.tsx';
import { layerStyle, swatchKind, symbolPath } from './layer-style.ts';
import {
  MAP_PATH,
  mapQueryString,
  TABLE_PAGE_SIZE,
  type MapQuery,
  type MapQueryValues,
} from './map.query.ts';

/** Where the island loads features from: the OGC API – Features items of each collection. */
export const OGC_ITEMS_URL = '/ogc/collections/{id}/items';
export const KREISE_GEOJSON_PATH = `${MAP_PATH}/kreise.geojson`;

export interface MapTable {
  layer: FeatureLayer;
  features: LayerFeature[];
  numberMatched: number;
}

function isoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function Swatch(props: { index: number; geometry: FeatureLayer['geometry'] }): VNode {
  const style = layerStyle(props.index);
  const kind = swatchKind(props.geometry);
  return (
    <svg class="layer-map__swatch" viewBox="-12 -8 24 16" width="24" height="16" aria-hidden="true">
      {kind === 'symbol' ? (
        <path d={symbolPath(style.symbol)} fill={style.colour} stroke="#ffffff" stroke-width="1" />
      ) : kind === 'line' ? (
        <path
          d="M-11,0H11"
          stroke={style.colour}
          stroke-width="2.5"
          stroke-dasharray={style.dash || undefined}
        />
      ) : (
        <rect
          x="-10"
          y="-6"
          width="20"
          height="12"
          fill={style.colour}
          fill-opacity="0.25"
          stroke={style.colour}
          stroke-width="1.5"
          stroke-dasharray={style.dash || undefined}
        />
      )}
    </svg>
  );
}

function LayerForm(props: {
  catalogue: readonly FeatureLayer[];
  values: MapQueryValues;
  errors: FieldError[];
}): VNode {
  const { catalogue, values, errors } = props;
  const layerError = errors.find((e) => e.field === 'ebene')?.message;
  const chosen = catalogue.filter((l) => values.layers.includes(l.id));
  return (
    <form method="get" action={MAP_PATH} class="kern-body layer-map__form">
      <input type="hidden" name="auswahl" value="1" />
      <fieldset class="kern-fieldset" id={fieldId('ebene')}>
        <legend class="kern-label">Ebenen</legend>
        {layerError ? (
          <p class="kern-error">
            <span class="kern-sr-only">Fehler: </span>
            {layerError}
          </p>
        ) : null}
        {catalogue.length === 0 ? (
          <p class="kern-body">Es sind noch keine Ebenen veröffentlicht.</p>
        ) : null}
        {catalogue.map((layer) => (
          <Checkbox
            key={layer.id}
            name="ebene"
            value={layer.id}
            label={layer.title}
            checked={values.layers.includes(layer.id)}
          />
        ))}
      </fieldset>
      <SelectField
        name="hintergrund"
        label="Hintergrund"
        errors={errors}
        value={values.background}
        options={[
          { value: 'kreise', label: 'Kreise und kreisfreie Städte' },
          { value: 'gemeinden', label: 'Gemeinden' },
          { value: 'keine', label: 'Nur die Landesfläche ohne Grenzen' },
        ]}
      />
      <SelectField
        name="tabelle"
        label="Tabelle unter der Karte"
        errors={errors}
        value={values.table}
        options={[
          { value: '', label: 'Erste gewählte Ebene' },
          ...chosen.map((l) => ({ value: l.id, label: l.title })),
        ]}
      />
      <TextField
        name="bbox"
        label="Ausschnitt"
        hint="Optional: westliche Länge, südliche Breite, östliche Länge, nördliche Breite in Grad, z. B. 6.5,51.2,7.5,51.7 für das Ruhrgebiet."
        errors={errors}
        value={values.bbox}
      />
      {errors.some((e) => e.field === 'seite') ? (
        <p class="kern-error" id={fieldId('seite')}>
          <span class="kern-sr-only">Fehler: </span>
          {errors.find((e) => e.field === 'seite')?.message}
        </p>
      ) : null}
      <SubmitButton>Karte anzeigen</SubmitButton>{' '}
      <a class="kern-link" href={MAP_PATH}>
        Auswahl zurücksetzen
      </a>
    </form>
  );
}

function Legend(props: { layers: readonly MapLayerData[] }): VNode {
  return (
    <section aria-labelledby="legende-titel">
      <h2 class="kern-heading-medium" id="legende-titel">
        Legende und Quellen
      </h2>
      {props.layers.length === 0 ? (
        <p class="kern-body">Keine Ebene gewählt: Die Karte zeigt nur die Grenzen.</p>
      ) : (
        <ul class="layer-map__legend">
          {props.layers.map((l) => {
            const s = l.layer.source;
            return (
              <li key={l.layer.id} class="layer-map__legend-item" data-layer-id={l.layer.id}>
                <Swatch index={l.styleIndex} geometry={l.layer.geometry} />{' '}
                <strong>{l.layer.title}</strong> ({l.numberMatched.toLocaleString('de-DE')}{' '}
                {l.numberMatched === 1 ? 'Objekt' : 'Objekte'})
                <br />
                <span class="kern-body--small">
                  <SourceText source={s} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function formatValue(value: string | number | boolean | null | undefined, p: LayerProperty) {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (typeof value === 'number') {
    const text = value.toLocaleString('de-DE', { maximumFractionDigits: 2 });
    return p.unit ? `${text} ${p.unit}` : text;
  }
  if (p.type === 'date' && isoDay(value)) return formatGermanDateShort(value);
  return value;
}

function degrees(value: number, positive: string, negative: string): string {
  const text = Math.abs(value).toLocaleString('de-DE', {
    minimumFractionDigits: 4,
    maximumFractionDigits: 4,
  });
  return `${text}° ${value >= 0 ? positive : negative}`;
}

function location(geometry: GeoJSON.Geometry): string {
  if (geometry.type === 'Point') {
    const [lon = NaN, lat = NaN] = geometry.coordinates;
    return `${degrees(lat, 'N', 'S')}, ${degrees(lon, 'O', 'W')}`;
  }
  return geometry.type.includes('Line')
    ? 'Linie'
    : geometry.type.includes('Polygon')
      ? 'Fläche'
      : 'Mehrteilig';
}

function FeatureTable(props: { table: MapTable; query: MapQuery }): VNode {
  const { layer, features, numberMatched } = props.table;
  const columns = layer.properties.filter((p) => p.name !== layer.labelProperty);
  const pages = Math.max(1, Math.ceil(numberMatched / TABLE_PAGE_SIZE));
  const page = props.query.page;
  const first = (page - 1) * TABLE_PAGE_SIZE + 1;
  const link = (n: number) => `${MAP_PATH}${mapQueryString(props.query, n)}#tabelle`;
  const cell = (p?: LayerProperty) =>
    `kern-table__cell${p && (p.type === 'number' || p.type === 'integer') ? ' kern-table__cell--numeric' : ''}`;
  return (
    <section aria-labelledby="tabelle-titel" id="tabelle">
      <h2 class="kern-heading-medium" id="tabelle-titel">
        Tabelle: {layer.title}
      </h2>
      <p class="kern-body" role="status">
        {numberMatched === 0
          ? 'Keine Objekte im Ausschnitt.'
          : `${first.toLocaleString('de-DE')}–${(first + features.length - 1).toLocaleString('de-DE')} von ${numberMatched.toLocaleString('de-DE')} Objekten.`}
      </p>
      {features.length > 0 ? (
        <div
          class="kern-table-responsive"
          role="region"
          aria-labelledby="tabelle-beschriftung"
          tabIndex={0}
        >
          <table class="kern-table">
            <caption class="kern-sr-only" id="tabelle-beschriftung">
              {layer.title}: Objekte im Kartenausschnitt
            </caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  Bezeichnung
                </th>
                {columns.map((p) => (
                  <th scope="col" class="kern-table__header" key={p.name}>
                    {p.title}
                  </th>
                ))}
                <th scope="col" class="kern-table__header">
                  Lage
                </th>
                <th scope="col" class="kern-table__header">
                  Daten
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {features.map((f) => (
                <tr class="kern-table__row" key={f.id}>
                  <th scope="row" class={cell()}>
                    {String(f.properties[layer.labelProperty] ?? f.id)}
                  </th>
                  {columns.map((p) => (
                    <td class={cell(p)} key={p.name}>
                      {formatValue(f.properties[p.name], p)}
                    </td>
                  ))}
                  <td class={cell()}>{location(f.geometry)}</td>
                  <td class={cell()}>
                    <a
                      class="kern-link"
                      href={`/ogc/collections/${encodeURIComponent(layer.id)}/items/${encodeURIComponent(f.id)}?f=json`}
                    >
                      GeoJSON
                      <span class="kern-sr-only">
                        {' '}
                        zu {String(f.properties[layer.labelProperty] ?? f.id)}
                      </span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pages > 1 ? (
        <nav aria-label="Seiten der Tabelle" class="kern-body">
          <p class="kern-body">
            Seite {page.toLocaleString('de-DE')} von {pages.toLocaleString('de-DE')}
          </p>
          <ul class="kern-list kern-list--horizontal">
            {page > 1 ? (
              <li>
                <a class="kern-link" href={link(page - 1)} rel="prev">
                  Vorherige Seite
                </a>
              </li>
            ) : null}
            {page < pages ? (
              <li>
                <a class="kern-link" href={link(page + 1)} rel="next">
                  Nächste Seite
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}

/**
 * What the island needs of every layer, also of those the page does not show yet (so that
 * ticking one of them works without reloading): title, geometry, label, style, properties.
 */
export function islandLayers(catalogue: readonly FeatureLayer[]) {
  return catalogue.map((layer, index) => {
    const style = layerStyle(index);
    return {
      id: layer.id,
      title: layer.title,
      geometry: layer.geometry,
      labelProperty: layer.labelProperty,
      colour: style.colour,
      symbol: style.symbol,
      dash: style.dash,
      properties: layer.properties.map((p) => ({ name: p.name, title: p.title, unit: p.unit })),
    };
  });
}

export function MapPage(props: {
  ctx: PageContext;
  catalogue: readonly FeatureLayer[];
  values: MapQueryValues;
  errors?: FieldError[];
  result?: { query: MapQuery; layers: MapLayerData[]; table?: MapTable };
}): VNode {
  const errors = props.errors ?? [];
  const { result } = props;
  return (
    <Layout
      ctx={props.ctx}
      title="Karte"
      hasErrors={errors.length > 0}
      scripts={result ? ['/static/layer-map.js'] : []}
    >
      <ErrorSummary errors={errors} />
      <h1 class="kern-heading-large">Karte der Register und Ebenen</h1>
      <p class="kern-body">
        Windenergiegebiete, Flächen für Industrie und Gewerbe, Energieanlagen und Leitungen in
        Nordrhein-Westfalen. Wählen Sie die Ebenen und zeigen Sie die Karte an; die Tabelle unter
        der Karte enthält dieselben Objekte. Alle Ebenen gibt es auch als offene Geodaten über die{' '}
        <a class="kern-link" href="/ogc">
          Geodaten-Schnittstelle (OGC API – Features)
        </a>
        .
      </p>
      <LayerForm catalogue={props.catalogue} values={props.values} errors={errors} />
      {result ? (
        <>
          <div
            class="layer-map"
            data-module="layer-map"
            data-items-url={OGC_ITEMS_URL}
            data-background-url={KREISE_GEOJSON_PATH}
            data-bbox={result.query.bbox?.join(',')}
            data-layers={JSON.stringify(islandLayers(props.catalogue))}
          >
            <LayerMap
              title={
                result.layers.length === 0
                  ? 'Karte von Nordrhein-Westfalen'
                  : `Karte: ${result.layers.map((l) => l.layer.title).join(', ')}`
              }
              layers={result.layers}
              background={result.query.background}
              bbox={result.query.bbox}
            />
          </div>
          <Legend layers={result.layers} />
          {result.table ? <FeatureTable table={result.table} query={result.query} /> : null}
        </>
      ) : null}
    </Layout>
  );
}
