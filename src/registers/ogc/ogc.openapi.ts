/**
 * The OpenAPI 3.0 definition of the OGC API – Features interface (conformance class oas30),
 * served at /ogc/api. Written out here rather than generated from the route schemas: the OGC
 * routes are hidden from the portal's own /openapi.json (they carry no tag), and the standard
 * expects the collection ids, parameters and media types of its own interface.
 */
import type { FeatureLayer } from '../catalogue/layer.ts';
import { DEFAULT_LIMIT, MAX_LIMIT } from './ogc.params.ts';
import { GEOJSON, HTML, JSON_TYPE } from './ogc.documents.ts';

const problem = {
  description: 'Fehler (RFC 9457, Meldung auf Deutsch)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

function ok(description: string, jsonType: string, schema: string) {
  return {
    '200': {
      description,
      content: {
        [jsonType]: { schema: { $ref: `#/components/schemas/${schema}` } },
        [HTML]: { schema: { type: 'string' } },
      },
    },
    '400': problem,
    '500': problem,
  };
}

export function ogcOpenApi(serverUrl: string, layers: readonly FeatureLayer[]) {
  const f = { $ref: '#/components/parameters/f' };
  const collectionId = { $ref: '#/components/parameters/collectionId' };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Industrieland – Geodaten (OGC API – Features)',
      version: '1.0.0',
      description:
        'Die Geodaten-Ebenen von Industrieland nach OGC API – Features, Teil 1: Core (mit GeoJSON, HTML und OpenAPI 3.0). Koordinaten in WGS84-Länge/Breite (CRS84). Alle Endpunkte sind öffentlich und lesend.',
      license: {
        name: 'EUPL-1.2',
        url: 'https://interoperable-europe.ec.europa.eu/collection/eupl',
      },
    },
    servers: [{ url: serverUrl, description: 'Dieser Server' }],
    tags: [{ name: 'Geodaten', description: 'OGC API – Features' }],
    paths: {
      '/': {
        get: {
          tags: ['Geodaten'],
          operationId: 'getLandingPage',
          summary: 'Startseite der Schnittstelle',
          parameters: [f],
          responses: ok('Startseite mit Links', JSON_TYPE, 'LandingPage'),
        },
      },
      '/conformance': {
        get: {
          tags: ['Geodaten'],
          operationId: 'getConformance',
          summary: 'Erfüllte Konformitätsklassen',
          parameters: [f],
          responses: ok('Konformitätsklassen', JSON_TYPE, 'Conformance'),
        },
      },
      '/api': {
        get: {
          tags: ['Geodaten'],
          operationId: 'getApiDefinition',
          summary: 'Diese Schnittstellenbeschreibung',
          parameters: [f],
          responses: {
            '200': {
              description: 'OpenAPI 3.0',
              content: {
                'application/vnd.oai.openapi+json;version=3.0': { schema: { type: 'object' } },
                [HTML]: { schema: { type: 'string' } },
              },
            },
            '400': problem,
          },
        },
      },
      '/collections': {
        get: {
          tags: ['Geodaten'],
          operationId: 'getCollections',
          summary: 'Alle Sammlungen (Ebenen)',
          parameters: [f],
          responses: ok('Sammlungen', JSON_TYPE, 'Collections'),
        },
      },
      '/collections/{collectionId}': {
        get: {
          tags: ['Geodaten'],
          operationId: 'describeCollection',
          summary: 'Eine Sammlung',
          parameters: [collectionId, f],
          responses: { ...ok('Sammlung', JSON_TYPE, 'Collection'), '404': problem },
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          tags: ['Geodaten'],
          operationId: 'getFeatures',
          summary: 'Objekte einer Sammlung, seitenweise',
          parameters: [
            collectionId,
            { $ref: '#/components/parameters/limit' },
            { $ref: '#/components/parameters/offset' },
            { $ref: '#/components/parameters/bbox' },
            { $ref: '#/components/parameters/datetime' },
            f,
          ],
          responses: {
            ...ok('Objekte als GeoJSON-FeatureCollection', GEOJSON, 'FeatureCollection'),
            '404': problem,
          },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          tags: ['Geodaten'],
          operationId: 'getFeature',
          summary: 'Ein Objekt',
          parameters: [
            collectionId,
            {
              name: 'featureId',
              in: 'path',
              required: true,
              schema: { type: 'string' },
              description: 'Kennung des Objekts',
            },
            f,
          ],
          responses: { ...ok('Objekt als GeoJSON-Feature', GEOJSON, 'Feature'), '404': problem },
        },
      },
    },
    components: {
      parameters: {
        f: {
          name: 'f',
          in: 'query',
          required: false,
          description:
            'Format der Antwort: json (GeoJSON bzw. JSON) oder html. Ohne Angabe entscheidet der Accept-Kopf.',
          schema: { type: 'string', enum: ['json', 'html'] },
          style: 'form',
          explode: false,
        },
        collectionId: {
          name: 'collectionId',
          in: 'path',
          required: true,
          description: 'Kennung der Sammlung',
          schema: { type: 'string', enum: layers.map((l) => l.id) },
        },
        limit: {
          name: 'limit',
          in: 'query',
          required: false,
          description: `Höchstzahl der Objekte auf einer Seite (1 bis ${MAX_LIMIT}; größere Werte werden als ${MAX_LIMIT} gelesen).`,
          schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
          style: 'form',
          explode: false,
        },
        offset: {
          name: 'offset',
          in: 'query',
          required: false,
          description:
            'Anzahl der übersprungenen Objekte (Blättern; die Links next/prev setzen ihn).',
          schema: { type: 'integer', minimum: 0, default: 0 },
          style: 'form',
          explode: false,
        },
        bbox: {
          name: 'bbox',
          in: 'query',
          required: false,
          description:
            'Nur Objekte, deren Umgrenzung dieses Rechteck schneidet: West,Süd,Ost,Nord in Grad (CRS84); 6 Zahlen mit Höhen sind erlaubt, die Höhen werden ignoriert.',
          schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
          style: 'form',
          explode: false,
        },
        datetime: {
          name: 'datetime',
          in: 'query',
          required: false,
          description:
            'Zeitpunkt oder Zeitraum nach RFC 3339; versionierte Register zeigen den Stand an diesem Tag (bei Zeiträumen: am Ende), andere Ebenen ignorieren ihn.',
          schema: { type: 'string' },
          style: 'form',
          explode: false,
        },
      },
      schemas: {
        Link: {
          type: 'object',
          required: ['href', 'rel'],
          properties: {
            href: { type: 'string' },
            rel: { type: 'string' },
            type: { type: 'string' },
            title: { type: 'string' },
          },
        },
        LandingPage: {
          type: 'object',
          required: ['links'],
          properties: {
            title: { type: 'string' },
            description: { type: 'string' },
            links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
          },
        },
        Conformance: {
          type: 'object',
          required: ['conformsTo'],
          properties: { conformsTo: { type: 'array', items: { type: 'string' } } },
        },
        Collection: {
          type: 'object',
          required: ['id', 'links'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            description: { type: 'string' },
            itemType: { type: 'string' },
            crs: { type: 'array', items: { type: 'string' } },
            extent: { type: 'object' },
            attribution: { type: 'string' },
            license: { type: 'string' },
            dataDate: { type: 'string', format: 'date' },
            links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
          },
        },
        Collections: {
          type: 'object',
          required: ['links', 'collections'],
          properties: {
            links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
            collections: { type: 'array', items: { $ref: '#/components/schemas/Collection' } },
          },
        },
        Feature: {
          type: 'object',
          required: ['type', 'geometry', 'properties'],
          properties: {
            type: { type: 'string', enum: ['Feature'] },
            id: { type: 'string' },
            geometry: { type: 'object', nullable: true },
            properties: { type: 'object', nullable: true },
            links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
          },
        },
        FeatureCollection: {
          type: 'object',
          required: ['type', 'features'],
          properties: {
            type: { type: 'string', enum: ['FeatureCollection'] },
            features: { type: 'array', items: { $ref: '#/components/schemas/Feature' } },
            links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
            timeStamp: { type: 'string', format: 'date-time' },
            numberMatched: { type: 'integer', minimum: 0 },
            numberReturned: { type: 'integer', minimum: 0 },
          },
        },
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { field: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
