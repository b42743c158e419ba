import fastifySwagger from '@fastify/swagger';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { SAFE_METHODS } from './http.ts';
import { SESSION_COOKIE } from './auth/auth.queries.ts';
import type { Access } from './auth/policy.ts';

/**
 * The OpenAPI document (/openapi.json, /api/docs) is generated from the route schemas. What every
 * API operation shares is added here from what the route declares, so that it cannot be forgotten
 * per route: the security requirement follows `config.access`, the error answers follow the
 * access and the inputs, and every error answer points at the one problem+json schema.
 */

/** RFC 9457 problem details as the error handler sends them (src/platform/error-handler.tsx). */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'about:blank#<Fehlercode>, z. B. about:blank#validation' }),
    title: Type.String({ description: 'Kurzer deutscher Titel, z. B. „Ungültige Eingabe“' }),
    status: Type.Integer({ description: 'HTTP-Statuscode' }),
    detail: Type.String({ description: 'Deutsche Meldung, was zu tun ist' }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String({ description: 'Name des Feldes' }),
          message: Type.String({ description: 'Deutsche Meldung zu diesem Feld' }),
        }),
        { description: 'Fehler je Feld (nur bei ungültiger Eingabe)' },
      ),
    ),
  },
  {
    $id: 'Problem',
    title: 'Problem',
    description:
      'Fehlerbeschreibung nach RFC 9457 (application/problem+json), Meldungen auf Deutsch',
  },
);

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Ungültige Eingabe: die Meldung nennt das Feld',
  401: 'API-Token fehlt oder ist ungültig',
  403: 'Keine Berechtigung für dieses Verfahren oder diese Aktion',
  404: 'Nicht gefunden',
  409: 'Konflikt: der Stand hat sich geändert oder die Aktion ist in diesem Schritt nicht erlaubt',
  413: 'Anfrage oder Datei zu groß',
  415: 'Datenformat nicht unterstützt',
  429: 'Zu viele Anfragen; später erneut versuchen',
  500: 'Unerwarteter Fehler; es wurde nichts gespeichert',
  503: 'Dienst nicht verfügbar',
};

/** One problem+json answer, referring to the shared schema. */
export function problemResponse(status: number, description?: string) {
  return {
    description: description ?? PROBLEM_DESCRIPTIONS[status] ?? 'Fehler',
    content: { 'application/problem+json': { schema: Type.Ref('Problem') } },
  };
}

/** Problem answers a route can give beyond the common ones (e.g. 404, 409), for `response`. */
export function problemResponses(
  ...entries: (number | [number, string])[]
): Record<number, ReturnType<typeof problemResponse>> {
  return Object.fromEntries(
    entries.map((entry) =>
      typeof entry === 'number'
        ? [entry, problemResponse(entry)]
        : [entry[0], problemResponse(...entry)],
    ),
  );
}

/** A non-JSON success answer (file download, CSV, ZIP) for `response`. */
export function fileResponse(mediaTypes: string[], description: string) {
  return {
    description,
    content: Object.fromEntries(
      mediaTypes.map((type) => [type, { schema: Type.String({ format: 'binary' }) }]),
    ),
  };
}

/** A string with listed values: `enum` in the document (TypeBox unions of literals are anyOf). */
export function StringEnum<T extends string>(
  values: readonly T[],
  options: { description?: string } = {},
) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
}

/** The answer 204 (nothing in the body). */
export const noContent = Type.Null({ description: 'Gespeichert; kein Inhalt' });

/** A point in time as PostgreSQL returns it (a Date), sent as an ISO 8601 string, or null. */
export const NullableTimestamp = Type.Unsafe<Date | string | null>({
  type: 'string',
  format: 'date-time',
  nullable: true,
});

declare module 'fastify' {
  interface FastifySchema {
    /**
     * Documentation only: the fields of a multipart/form-data upload, which the route reads as a
     * stream (a `body` schema would be checked before the stream is read).
     */
    multipartBody?: TSchema;
  }
}

interface RouteSchema {
  operationId?: string;
  multipartBody?: TSchema;
  security?: unknown;
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  headers?: TSchema;
  response?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * Security by access class: public operations need nothing (stated explicitly), reading
 * operations accept an API token or the portal's session cookie, writing ones only an API token
 * (the JSON API never acts on a cookie for writes: no CSRF exposure, see server.ts).
 */
function securityFor(access: Access | undefined, method: string): Record<string, string[]>[] {
  if (!access || access === 'public') return [];
  return SAFE_METHODS.has(method) ? [{ bearer: [] }, { session: [] }] : [{ bearer: [] }];
}

/** e.g. GET /api/v1/procedures/{id}/documents/{docId} → getProceduresIdDocumentsDocId */
function derivedOperationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1\//, '/')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function withCommonResponses(
  schema: RouteSchema,
  access: Access | undefined,
): Record<string, unknown> {
  const responses: Record<string, unknown> = { ...schema.response };
  const add = (status: number) => {
    if (!(status in responses)) responses[status] = problemResponse(status);
  };
  // Every input (path, query, header, body) is checked against its schema: 400 on a mismatch.
  // Every input (path, query, header, body) is checked against its schema; a request whose
  // address or body cannot even be read is refused too.
  const hasInput =
    schema.params || schema.querystring || schema.body || schema.headers || schema.multipartBody;
  if (!(400 in responses))
    responses[400] = problemResponse(
      400,
      hasInput ? undefined : 'Anfrage nicht lesbar (z. B. fehlerhaft kodierte Adresse)',
    );
  if (access && access !== 'public') {
    add(401);
    add(403);
  }
  add(500);
  return responses;
}

function transform({
  schema,
  url,
  route,
}: {
  schema: unknown;
  url: string;
  route: { method: string | string[]; config?: unknown };
}) {
  const routeSchema = (schema ?? {}) as RouteSchema;
  const access = (route.config as { access?: Access } | undefined)?.access;
  const method = [route.method].flat()[0] ?? 'GET';
  const { multipartBody, ...rest } = routeSchema;
  return {
    url,
    schema: {
      ...rest,
      ...(multipartBody ? { body: multipartBody, consumes: ['multipart/form-data'] } : {}),
      operationId: routeSchema.operationId ?? derivedOperationId(method, url),
      security: securityFor(access, method),
      response: withCommonResponses(routeSchema, access),
    },
  };
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  app.addSchema(Problem);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Industrieland API',
        version: '1',
        description:
          'Öffentliche und geschützte JSON-Schnittstellen von Industrieland. Geschützte Endpunkte erwarten ein API-Token im Kopf „Authorization: Bearer …“ (im Portal unter „Mein Konto“ erzeugen); lesende Endpunkte nehmen auch die Sitzung des Portals an. Fehler kommen als application/problem+json mit deutscher Meldung.',
        license: {
          name: 'EUPL-1.2',
          url: 'https://interoperable-europe.ec.europa.eu/collection/eupl',
        },
      },
      // Relative: the document describes the server it is served from.
      servers: [{ url: '/', description: 'Dieser Server' }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'API-Token aus „Mein Konto“ (Kopfzeile Authorization: Bearer …)',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'Sitzung nach Anmeldung im Portal (nur für lesende Anfragen)',
          },
        },
      },
    },
    hideUntagged: true,
    // Shared schemas (e.g. Problem) appear under their own name in components.schemas.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
    transform,
  });
}
