/**
 * OGC API – Features, Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) at /ogc, over every FeatureLayer
 * of the catalogue. Public and read-only. JSON is the default; f=html or a browser's Accept header
 * gives the HTML pages. Errors are problem+json in German (HTML when HTML was asked for), and every
 * answer allows cross-origin reading, so web GIS clients on other origins can use it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/server.ts';
import { AppError } from '../../platform/errors.ts';
import { handleError, sendProblem, toProblem } from '../../platform/error-handler.tsx';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { BBox, FeatureLayer } from '../catalogue/layer.ts';
import { FEATURE_LAYERS } from '../catalogue/layers.ts';
import { focusBbox, mapHref } from '../map/map.query.ts';
import {
  collectionDocument,
  collectionsDocument,
  conformanceDocument,
  featureDocument,
  GEOJSON,
  HTML,
  itemsDocument,
  itemsLinks,
  JSON_TYPE,
  landingDocument,
  OgcUrls,
  OPENAPI_TYPE,
} from './ogc.documents.ts';
import { ogcOpenApi } from './ogc.openapi.ts';
import { parseFormat, parseItemsParams, rejectUnknown, type OgcFormat } from './ogc.params.ts';
import { ItemPage, ItemsPage } from './ogc.items.views.tsx';
import {
  ApiDocPage,
  CollectionPage,
  CollectionsPage,
  ConformancePage,
  LandingPage,
} from './ogc.views.tsx';

type Query = Record<string, unknown>;

/** f wins; without it a browser (Accept: text/html …) gets HTML and every other client JSON. */
function chosenFormat(request: FastifyRequest, format: OgcFormat | undefined): OgcFormat {
  if (format) return format;
  return (request.headers.accept ?? '').includes(HTML) ? 'html' : 'json';
}

/** For the error handler: HTML only when HTML was asked for and f itself is readable. */
function wantsHtml(request: FastifyRequest): boolean {
  const f = (request.query as Query | undefined)?.f;
  if (f === 'html') return true;
  if (f !== undefined) return false;
  return (request.headers.accept ?? '').includes(HTML);
}

function sendJson(reply: FastifyReply, type: string, body: unknown): FastifyReply {
  return reply
    .status(200)
    .header('content-type', `${type}; charset=utf-8`)
    .send(JSON.stringify(body));
}

/** The format of a resource that takes no parameter but f (/req/core/query-param-unknown). */
function simpleFormat(request: FastifyRequest): OgcFormat {
  const query = request.query as Query;
  rejectUnknown(query, ['f']);
  return chosenFormat(request, parseFormat(query));
}

/** A box the map accepts as its extent (west < east, south < north after rounding), else none. */
function mapExtent(bbox: BBox | undefined): BBox | undefined {
  if (!bbox || !bbox.every(Number.isFinite)) return undefined;
  const [minLon, minLat, maxLon, maxLat] = bbox.map((v) => Number(v.toFixed(5)));
  return minLon! < maxLon! && minLat! < maxLat! ? bbox : undefined;
}

function notFound(message: string): AppError {
  return new AppError('not_found', message);
}

export function registerOgcRoutes(
  app: App,
  deps: Deps,
  options: {
    layers?: readonly FeatureLayer[];
    /** The layers the map page /karte can show; their HTML pages link to it. */
    mapLayerIds?: readonly string[];
  } = {},
): void {
  const layers = options.layers ?? FEATURE_LAYERS;
  const mapLayerIds = options.mapLayerIds ?? FEATURE_LAYERS.map((l) => l.id);
  /** The map with this layer (focused on a box), or nothing for a layer the map cannot show. */
  const onMap = (layer: FeatureLayer, bbox?: BBox) =>
    mapLayerIds.includes(layer.id) ? mapHref([layer.id], mapExtent(bbox)) : undefined;
  const urls = new OgcUrls(deps.config.publicUrl);
  const access = { access: 'public' as const };
  const local = (href: string | undefined) => (href ? urls.local(href) : undefined);
  const layerById = (id: string): FeatureLayer => {
    const layer = layers.find((l) => l.id === id);
    if (!layer)
      throw notFound(
        `Die Sammlung „${id}“ gibt es nicht. Die vorhandenen Sammlungen stehen unter /ogc/collections.`,
      );
    return layer;
  };

  void app.register(
    async (ogc) => {
      // Read-only public data: any origin may read it (CORS for GET), including from scripts.
      ogc.addHook('onSend', async (_request, reply, payload) => {
        reply.header('access-control-allow-origin', '*');
        reply.header('cross-origin-resource-policy', 'cross-origin');
        return payload;
      });
      ogc.setErrorHandler(function (error: Error, request, reply) {
        if (wantsHtml(request)) return handleError.call(this, error, request, reply);
        return sendProblem(reply, toProblem(error));
      });
      ogc.setNotFoundHandler((request, reply) => {
        const error = notFound(
          'Diese Adresse gibt es in der Geodaten-Schnittstelle nicht. Der Einstieg ist /ogc.',
        );
        if (wantsHtml(request)) return handleError.call(ogc, error, request, reply);
        return sendProblem(reply, toProblem(error));
      });

      ogc.get('/', { config: access }, async (request, reply) => {
        const format = simpleFormat(request);
        const doc = landingDocument(urls, format);
        if (format === 'html')
          return sendPage(
            reply,
            <LandingPage
              ctx={pageContext(request, reply)}
              {...doc}
              links={doc.links.map((l) => ({ ...l, href: urls.local(l.href) }))}
            />,
          );
        return sendJson(reply, JSON_TYPE, doc);
      });

      ogc.get('/conformance', { config: access }, async (request, reply) => {
        const format = simpleFormat(request);
        if (format === 'html')
          return sendPage(reply, <ConformancePage ctx={pageContext(request, reply)} />);
        return sendJson(reply, JSON_TYPE, conformanceDocument());
      });

      ogc.get('/api', { config: access }, async (request, reply) => {
        const format = simpleFormat(request);
        const doc = ogcOpenApi(urls.base, layers);
        if (format === 'html') {
          const operations = Object.entries(doc.paths).map(([path, item]) => ({
            method: 'GET',
            path,
            summary: item.get.summary,
          }));
          return sendPage(
            reply,
            <ApiDocPage ctx={pageContext(request, reply)} operations={operations} />,
          );
        }
        return sendJson(reply, OPENAPI_TYPE, doc);
      });

      ogc.get('/collections', { config: access }, async (request, reply) => {
        const format = simpleFormat(request);
        if (format === 'html')
          return sendPage(
            reply,
            <CollectionsPage ctx={pageContext(request, reply)} layers={layers} />,
          );
        const entries = await Promise.all(
          layers.map(async (layer) => ({ layer, extent: await layer.extent(deps.db) })),
        );
        return sendJson(reply, JSON_TYPE, collectionsDocument(urls, entries, format));
      });

      ogc.get<{ Params: { collectionId: string } }>(
        '/collections/:collectionId',
        { config: access },
        async (request, reply) => {
          const layer = layerById(request.params.collectionId);
          const format = simpleFormat(request);
          const extent = await layer.extent(deps.db);
          if (format === 'html')
            return sendPage(
              reply,
              <CollectionPage
                ctx={pageContext(request, reply)}
                layer={layer}
                extent={extent}
                mapHref={onMap(layer)}
              />,
            );
          return sendJson(reply, JSON_TYPE, collectionDocument(urls, layer, extent, format, true));
        },
      );

      ogc.get<{ Params: { collectionId: string } }>(
        '/collections/:collectionId/items',
        { config: access },
        async (request, reply) => {
          const layer = layerById(request.params.collectionId);
          const query = request.query as Query;
          const raw = (name: string) => (typeof query[name] === 'string' ? query[name] : undefined);
          let params;
          try {
            params = parseItemsParams(query);
          } catch (error) {
            // The HTML form shows what was wrong next to the field, with the values kept.
            if (!(error instanceof AppError) || error.code !== 'validation' || !wantsHtml(request))
              throw error;
            const view = {
              layer,
              features: [],
              numberMatched: 0,
              offset: 0,
              next: undefined,
              prev: undefined,
              values: { bbox: raw('bbox') ?? '', limit: raw('limit') ?? '' },
              errors: error.formErrors('bbox'),
            };
            return sendPage(
              reply,
              <ItemsPage ctx={pageContext(request, reply)} view={view} />,
              400,
            );
          }
          const format = chosenFormat(request, params.format);
          const page = await layer.items(deps.db, {
            bbox: params.bbox,
            limit: params.limit,
            offset: params.offset,
            asOf: params.asOf,
          });
          const input = {
            layer,
            features: page.features,
            numberMatched: page.numberMatched,
            limit: params.limit,
            offset: params.offset,
            keep: { bbox: raw('bbox'), datetime: raw('datetime') },
            format,
            timeStamp: new Date(deps.clock.now()).toISOString(),
          };
          if (format === 'json') return sendJson(reply, GEOJSON, itemsDocument(urls, input));
          const links = itemsLinks(urls, input, HTML);
          const view = {
            layer,
            features: page.features,
            numberMatched: page.numberMatched,
            offset: params.offset,
            next: local(links.find((l) => l.rel === 'next')?.href),
            prev: local(links.find((l) => l.rel === 'prev')?.href),
            values: { bbox: raw('bbox') ?? '', limit: raw('limit') ?? '' },
            errors: [],
            mapHref: onMap(layer, params.bbox),
          };
          return sendPage(reply, <ItemsPage ctx={pageContext(request, reply)} view={view} />);
        },
      );

      ogc.get<{ Params: { collectionId: string; featureId: string } }>(
        '/collections/:collectionId/items/:featureId',
        { config: access },
        async (request, reply) => {
          const layer = layerById(request.params.collectionId);
          const format = simpleFormat(request);
          const feature = await layer.item(deps.db, request.params.featureId);
          if (!feature)
            throw notFound(
              `Das Objekt „${request.params.featureId}“ gibt es in der Sammlung „${layer.title}“ nicht.`,
            );
          if (format === 'html')
            return sendPage(
              reply,
              <ItemPage
                ctx={pageContext(request, reply)}
                layer={layer}
                feature={feature}
                mapHref={onMap(layer, focusBbox(feature.geometry))}
              />,
            );
          return sendJson(reply, GEOJSON, featureDocument(urls, layer, feature, format));
        },
      );
    },
    { prefix: '/ogc' },
  );
}
