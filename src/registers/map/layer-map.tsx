/**
 * The layer map: a server-rendered SVG of any FeatureLayers over Kreis or Gemeinde outlines,
 * for /karte and every register page. Works without JavaScript and without tile servers.
 * Thousands of points stay a reasonable page: each layer's symbol is defined once and every
 * point is a <use> of it with coordinates rounded to 0.1 units; lines and areas are simplified
 * in map units. The SVG is one image (role="img"): its features are not separate tab stops —
 * the data table beside it is the accessible alternative, and the interactive island offers a
 * focusable feature list.
 */
import type { VNode } from 'preact';
import type { BBox, FeatureLayer, LayerFeature } from '../catalogue/layer.ts';
import type { Db } from '../../db/database.ts';
import { loadGemeinden, loadKreise } from '../geo/data-files.ts';
import { BACKGROUND_STROKE, LAND_FILL, layerStyle, symbolPath } from './layer-style.ts';
import { createProjection, nrwProjection, type MapProjection } from './projection.ts';
import { geometryPath } from './svg-path.ts';

/** Most features drawn per layer; the caption says when a layer has more. */
export const MAP_FEATURE_LIMIT = 20_000;

export type MapBackground = 'kreise' | 'gemeinden' | 'keine';

/** A layer as the map draws it: its description, its place in the catalogue, its features. */
export interface MapLayerData {
  layer: Pick<FeatureLayer, 'id' | 'title' | 'geometry' | 'source' | 'labelProperty'>;
  /** Position in the full catalogue: fixes colour and symbol. */
  styleIndex: number;
  features: LayerFeature[];
  /** Features in the map extent, drawn or not. */
  numberMatched: number;
}

export interface LayerMapProps {
  /** Accessible name of the map. */
  title: string;
  layers: readonly MapLayerData[];
  background?: MapBackground;
  /** Extent to show (CRS84); the whole of NRW when absent. */
  bbox?: BBox;
  /** Prefix for element ids; unique per page when a page shows several maps. */
  idPrefix?: string;
}

/** Reads the features of each chosen layer in the extent, at most MAP_FEATURE_LIMIT each. */
export async function loadMapLayers(
  db: Db,
  catalogue: readonly FeatureLayer[],
  selected: readonly string[],
  bbox?: BBox,
): Promise<MapLayerData[]> {
  const chosen = catalogue
    .map((layer, styleIndex) => ({ layer, styleIndex }))
    .filter(({ layer }) => selected.includes(layer.id));
  return Promise.all(
    chosen.map(async ({ layer, styleIndex }) => {
      const page = await layer.items(db, { bbox, limit: MAP_FEATURE_LIMIT, offset: 0 });
      return { layer, styleIndex, features: page.features, numberMatched: page.numberMatched };
    }),
  );
}

const backgroundCache = new Map<MapBackground, string>();

/** Outline path data; cached for the whole-NRW map, which almost every page shows. */
function backgroundPath(projection: MapProjection, background: MapBackground, fixed: boolean) {
  if (background === 'keine') return '';
  const cached = fixed ? backgroundCache.get(background) : undefined;
  if (cached !== undefined) return cached;
  const geometries =
    background === 'kreise'
      ? loadKreise().map((k) => k.geometry)
      : loadGemeinden().map((g) => g.geometry);
  const path = geometries.map((g) => geometryPath(projection, g)).join('');
  if (fixed) backgroundCache.set(background, path);
  return path;
}

function pointPositions(geometry: GeoJSON.Geometry): GeoJSON.Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
      return geometry.coordinates;
    case 'GeometryCollection':
      return geometry.geometries.flatMap(pointPositions);
    case 'LineString':
    case 'MultiLineString':
    case 'Polygon':
    case 'MultiPolygon':
      return [];
  }
}

function inside(projection: MapProjection, x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x <= projection.width && y <= projection.height;
}

function LayerGroup(props: {
  data: MapLayerData;
  projection: MapProjection;
  symbolId: string;
}): VNode {
  const { data, projection, symbolId } = props;
  const style = layerStyle(data.styleIndex);
  if (data.layer.geometry === 'point') {
    const uses: VNode[] = [];
    for (const feature of data.features) {
      for (const [lon = NaN, lat = NaN] of pointPositions(feature.geometry)) {
        const { x, y } = projection.project(lon, lat);
        if (!inside(projection, x, y)) continue;
        // Whole units: half a unit is invisible on a 9-unit symbol and saves 4 bytes a point.
        uses.push(
          <use
            key={`${feature.id}-${uses.length}`}
            href={`#${symbolId}`}
            x={Math.round(x)}
            y={Math.round(y)}
          />,
        );
      }
    }
    return (
      <g
        class="layer-map__points"
        data-layer={data.layer.id}
        fill={style.colour}
        stroke="#ffffff"
        stroke-width="1"
      >
        {uses}
      </g>
    );
  }
  const d = data.features.map((f) => geometryPath(projection, f.geometry)).join('');
  return data.layer.geometry === 'line' ? (
    <path
      class="layer-map__lines"
      data-layer={data.layer.id}
      d={d}
      fill="none"
      stroke={style.colour}
      stroke-width="2.5"
      stroke-dasharray={style.dash || undefined}
      stroke-linejoin="round"
      stroke-linecap="round"
    />
  ) : (
    <path
      class="layer-map__areas"
      data-layer={data.layer.id}
      d={d}
      fill={style.colour}
      fill-opacity="0.25"
      fill-rule="evenodd"
      stroke={style.colour}
      stroke-width="1.5"
      stroke-dasharray={style.dash || undefined}
    />
  );
}

function describe(layers: readonly MapLayerData[], background: MapBackground): string {
  const under =
    background === 'kreise'
      ? 'über den Grenzen der Kreise und kreisfreien Städte'
      : background === 'gemeinden'
        ? 'über den Gemeindegrenzen'
        : 'ohne Verwaltungsgrenzen';
  if (layers.length === 0) return `Karte von Nordrhein-Westfalen ${under}, keine Ebene gewählt.`;
  const parts = layers.map(
    (l) =>
      `${l.layer.title} (${l.numberMatched.toLocaleString('de-DE')} ${l.numberMatched === 1 ? 'Objekt' : 'Objekte'})`,
  );
  return `Karte von Nordrhein-Westfalen ${under} mit ${parts.join(', ')}. Die Tabelle unter der Karte enthält dieselben Daten.`;
}

export function LayerMap(props: LayerMapProps): VNode {
  const idPrefix = props.idPrefix ?? 'layer-map';
  const background = props.background ?? 'kreise';
  const bbox = props.bbox;
  const projection = bbox
    ? createProjection({ minLon: bbox[0], minLat: bbox[1], maxLon: bbox[2], maxLat: bbox[3] })
    : nrwProjection();
  const truncated = props.layers.filter((l) => l.numberMatched > l.features.length);
  return (
    <figure class="layer-map__figure">
      <svg
        class="layer-map__svg"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${projection.width} ${projection.height}`}
        role="img"
        aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
      >
        <title id={`${idPrefix}-title`}>{props.title}</title>
        <desc id={`${idPrefix}-desc`}>{describe(props.layers, background)}</desc>
        <defs>
          {props.layers
            .filter((l) => l.layer.geometry === 'point')
            .map((l) => (
              <path
                key={l.layer.id}
                id={`${idPrefix}-s${l.styleIndex}`}
                d={symbolPath(layerStyle(l.styleIndex).symbol)}
              />
            ))}
        </defs>
        <path
          class="layer-map__background"
          d={backgroundPath(projection, background, bbox === undefined)}
          fill={LAND_FILL}
          fill-rule="evenodd"
          stroke={BACKGROUND_STROKE}
          stroke-width="0.8"
          stroke-linejoin="round"
        />
        {/* Areas first, then lines, then points: nothing hides what is drawn smaller. */}
        {(['polygon', 'line', 'point'] as const).flatMap((kind) =>
          props.layers
            .filter((l) => l.layer.geometry === kind)
            .map((data) => (
              <LayerGroup
                key={data.layer.id}
                data={data}
                projection={projection}
                symbolId={`${idPrefix}-s${data.styleIndex}`}
              />
            )),
        )}
      </svg>
      <figcaption class="layer-map__caption">
        {truncated.map((l) => (
          <p key={l.layer.id}>
            {l.layer.title}: {l.features.length.toLocaleString('de-DE')} von{' '}
            {l.numberMatched.toLocaleString('de-DE')} Objekten gezeichnet; wählen Sie einen
            kleineren Ausschnitt.
          </p>
        ))}
        {/* Required attribution of the outlines, see data/SOURCES.md. */}
        <p class="layer-map__attribution">
          Kartengrundlage: © GeoBasis-DE / BKG {background === 'gemeinden' ? '2013' : '2021'} (Daten
          verändert),{' '}
          <a class="kern-link" href="https://www.govdata.de/dl-de/by-2-0">
            dl-de/by-2-0
          </a>
        </p>
      </figcaption>
    </figure>
  );
}
