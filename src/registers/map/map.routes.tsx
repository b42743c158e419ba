/**
 * The map page and the background outlines the interactive map loads. Public: every layer is
 * open data. A bad query is the page with its German error summary (400), never a 5xx.
 */
import { Type } from '@sinclair/typebox';
import { readFileSync } from 'node:fs';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import type { FeatureLayer } from '../catalogue/layer.ts';
import { loadMapLayers } from './layer-map.tsx';
import { MAP_PATH, parseMapQuery, TABLE_PAGE_SIZE } from './map.query.ts';
import { KREISE_GEOJSON_PATH, MapPage, type MapTable } from './map.views.tsx';

const AnyQuery = Type.Record(Type.String(), Type.Unknown());
const config = { access: 'public' as const };

let kreiseGeoJson: Buffer | undefined;

/** The shipped file as it is (86 KB, ~25 KB compressed); read once. */
function kreiseFile(): Buffer {
  kreiseGeoJson ??= readFileSync(new URL('../../../data/geo/nrw_kreise.geojson', import.meta.url));
  return kreiseGeoJson;
}

export function registerMapRoutes(app: App, deps: Deps, catalogue: readonly FeatureLayer[]): void {
  const ids = catalogue.map((l) => l.id);

  app.get(MAP_PATH, { config, schema: { querystring: AnyQuery } }, async (request, reply) => {
    const parsed = parseMapQuery(request.query, ids);
    const ctx = pageContext(request, reply);
    if (!parsed.ok) {
      return sendPage(
        reply,
        <MapPage ctx={ctx} catalogue={catalogue} values={parsed.values} errors={parsed.errors} />,
        400,
      );
    }
    const { query } = parsed;
    const layers = await loadMapLayers(deps.db, catalogue, query.layers, query.bbox);
    const tableLayer = catalogue.find((l) => l.id === query.table);
    let table: MapTable | undefined;
    if (tableLayer) {
      const page = await tableLayer.items(deps.db, {
        bbox: query.bbox,
        limit: TABLE_PAGE_SIZE,
        offset: (query.page - 1) * TABLE_PAGE_SIZE,
      });
      table = { layer: tableLayer, ...page };
    }
    return sendPage(
      reply,
      <MapPage
        ctx={ctx}
        catalogue={catalogue}
        values={parsed.values}
        result={{ query, layers, table }}
      />,
    );
  });

  app.get(KREISE_GEOJSON_PATH, { config }, async (_request, reply) =>
    reply
      .type('application/geo+json; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(kreiseFile()),
  );
}
