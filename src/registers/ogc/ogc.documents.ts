/**
 * The JSON documents of the OGC API – Features interface (Part 1: Core, GeoJSON, HTML, OpenAPI
 * 3.0). Links are absolute (built from the configured public address, never from the request's
 * Host header) and carry the relation types GIS clients follow: self, alternate, service-desc,
 * service-doc, conformance, data, items, next, prev, collection, license.
 */
import type { BBox, FeatureLayer, LayerFeature, LayerGeometryKind } from '../catalogue/layer.ts';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const GEOJSON = 'application/geo+json';
export const JSON_TYPE = 'application/json';
export const HTML = 'text/html';
export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

export const CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
] as const;

export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

/** Absolute addresses below /ogc on the configured public address. */
export class OgcUrls {
  readonly base: string;
  constructor(publicUrl: string) {
    this.base = `${publicUrl.replace(/\/$/, '')}/ogc`;
  }
  /** The same address without scheme and host, for links inside the portal's own pages. */
  local(href: string): string {
    return href.startsWith(this.base) ? `/ogc${href.slice(this.base.length)}` : href;
  }
  url(path: string, params: Record<string, string | number | undefined> = {}): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) search.set(key, String(value));
    const query = search.toString();
    return `${this.base}${path}${query ? `?${query.replaceAll('%2C', ',')}` : ''}`;
  }
}

/** self and alternate for a resource offered as JSON (or GeoJSON) and HTML. */
export function selfAndAlternate(
  urls: OgcUrls,
  path: string,
  format: 'json' | 'html',
  jsonType: string,
  params: Record<string, string | number | undefined> = {},
): Link[] {
  const json = {
    href: urls.url(path, { ...params, f: 'json' }),
    type: jsonType,
    title: 'als JSON',
  };
  const html = {
    href: urls.url(path, { ...params, f: 'html' }),
    type: HTML,
    title: 'als HTML',
  };
  return format === 'json'
    ? [
        { ...json, rel: 'self', title: 'dieses Dokument' },
        { ...html, rel: 'alternate' },
      ]
    : [
        { ...html, rel: 'self', title: 'diese Seite' },
        { ...json, rel: 'alternate' },
      ];
}

export function landingDocument(urls: OgcUrls, format: 'json' | 'html') {
  return {
    title: 'Industrieland – Geodaten (OGC API – Features)',
    description:
      'Die Geodaten-Ebenen der Plattform (Energie- und Netzebenen, Register) als OGC API – Features, Teil 1 (Core), mit GeoJSON und HTML; Koordinaten in WGS84-Länge/Breite (CRS84).',
    links: [
      ...selfAndAlternate(urls, '', format, JSON_TYPE),
      {
        href: urls.url('/api'),
        rel: 'service-desc',
        type: OPENAPI_TYPE,
        title: 'Schnittstellenbeschreibung (OpenAPI 3.0)',
      },
      {
        href: urls.url('/api', { f: 'html' }),
        rel: 'service-doc',
        type: HTML,
        title: 'Schnittstellendokumentation',
      },
      {
        href: urls.url('/conformance'),
        rel: 'conformance',
        type: JSON_TYPE,
        title: 'Konformitätsklassen',
      },
      {
        href: urls.url('/collections'),
        rel: 'data',
        type: JSON_TYPE,
        title: 'Sammlungen (Ebenen)',
      },
    ] satisfies Link[],
  };
}

export function conformanceDocument() {
  return { conformsTo: [...CONFORMANCE_CLASSES] };
}

const GEOMETRY_TITLES: Record<LayerGeometryKind, string> = {
  point: 'Punkte',
  line: 'Linien',
  polygon: 'Flächen',
};

export function geometryTitle(kind: LayerGeometryKind): string {
  return GEOMETRY_TITLES[kind];
}

export function collectionDocument(
  urls: OgcUrls,
  layer: FeatureLayer,
  extent: BBox | undefined,
  format: 'json' | 'html',
  withSelf: boolean,
) {
  const path = `/collections/${encodeURIComponent(layer.id)}`;
  const links: Link[] = [
    ...(withSelf
      ? selfAndAlternate(urls, path, format, JSON_TYPE)
      : [{ href: urls.url(path), rel: 'collection', type: JSON_TYPE, title: layer.title }]),
    {
      href: urls.url(`${path}/items`),
      rel: 'items',
      type: GEOJSON,
      title: `${layer.title} (GeoJSON)`,
    },
    {
      href: urls.url(`${path}/items`, { f: 'html' }),
      rel: 'items',
      type: HTML,
      title: `${layer.title} (HTML)`,
    },
  ];
  if (layer.source.licenceUrl)
    links.push({ href: layer.source.licenceUrl, rel: 'license', title: layer.source.licence });
  return {
    id: layer.id,
    title: layer.title,
    description: layer.description,
    itemType: 'feature',
    crs: [CRS84],
    storageCrs: CRS84,
    ...(extent ? { extent: { spatial: { bbox: [[...extent]], crs: CRS84 } } } : {}),
    attribution: layer.source.attribution,
    license: layer.source.licence + (layer.source.licenceOpen ? ' [offen: Lizenz zu prüfen]' : ''),
    dataDate: layer.source.dataDate,
    links,
  };
}

export function collectionsDocument(
  urls: OgcUrls,
  entries: { layer: FeatureLayer; extent: BBox | undefined }[],
  format: 'json' | 'html',
) {
  return {
    links: selfAndAlternate(urls, '/collections', format, JSON_TYPE),
    collections: entries.map((e) => collectionDocument(urls, e.layer, e.extent, format, false)),
  };
}

export function featureDocument(
  urls: OgcUrls,
  layer: FeatureLayer,
  feature: LayerFeature,
  format: 'json' | 'html',
) {
  const collection = `/collections/${encodeURIComponent(layer.id)}`;
  return {
    type: 'Feature' as const,
    id: feature.id,
    geometry: feature.geometry,
    properties: feature.properties,
    links: [
      ...selfAndAlternate(
        urls,
        `${collection}/items/${encodeURIComponent(feature.id)}`,
        format,
        GEOJSON,
      ),
      { href: urls.url(collection), rel: 'collection', type: JSON_TYPE, title: layer.title },
    ] satisfies Link[],
  };
}

export interface ItemsPageInput {
  layer: FeatureLayer;
  features: LayerFeature[];
  numberMatched: number;
  limit: number;
  offset: number;
  /** The query parameters to repeat in the paging links (bbox, datetime), as given. */
  keep: Record<string, string | undefined>;
  format: 'json' | 'html';
  timeStamp: string;
}

/** The links of an items page: self, alternate, next/prev (when there is one), collection. */
export function itemsLinks(urls: OgcUrls, input: ItemsPageInput, type: string): Link[] {
  const path = `/collections/${encodeURIComponent(input.layer.id)}/items`;
  const params = (offset: number) => ({ ...input.keep, limit: input.limit, offset });
  const links: Link[] = selfAndAlternate(urls, path, input.format, GEOJSON, params(input.offset));
  if (input.offset + input.features.length < input.numberMatched)
    links.push({
      href: urls.url(path, { ...params(input.offset + input.limit), f: input.format }),
      rel: 'next',
      type,
      title: 'nächste Seite',
    });
  if (input.offset > 0)
    links.push({
      href: urls.url(path, { ...params(Math.max(0, input.offset - input.limit)), f: input.format }),
      rel: 'prev',
      type,
      title: 'vorige Seite',
    });
  links.push({
    href: urls.url(`/collections/${encodeURIComponent(input.layer.id)}`),
    rel: 'collection',
    type: JSON_TYPE,
    title: input.layer.title,
  });
  return links;
}

export function itemsDocument(urls: OgcUrls, input: ItemsPageInput) {
  return {
    type: 'FeatureCollection' as const,
    features: input.features.map((f) => ({
      type: 'Feature' as const,
      id: f.id,
      geometry: f.geometry,
      properties: f.properties,
    })),
    links: itemsLinks(urls, input, GEOJSON),
    timeStamp: input.timeStamp,
    numberMatched: input.numberMatched,
    numberReturned: input.features.length,
  };
}
