/**
 * The public monitoring dashboard (no login, no script): overview, a page per indicator, its
 * embeddable chart, the drill-down, and the data as CSV (with CSV-on-the-Web metadata) and JSON.
 * `?stand=JJJJ-MM-TT` fixes the day the figures describe; a bad stand is a German 400 with the
 * value kept, an unknown indicator a 404. Only the embeddable chart may be framed by other sites.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { AppError, type FieldError } from '../platform/errors.ts';
import { pageContext, sendPage } from '../platform/http.ts';
import { renderDocument } from '../platform/layout.tsx';
import type { App, Deps } from '../platform/server.ts';
import type { CachedResult, IndicatorStore } from './cache.ts';
import { DetailsPage, detailsFor, EmbedPage } from './dashboard.embed.tsx';
import {
  csvMetadata,
  indicatorJson,
  indicatorPath,
  MONITORING_PATH,
  seriesCsv,
  withStand,
} from './dashboard.files.ts';
import { IndicatorPage, OverviewPage } from './dashboard.views.tsx';
import type { IndicatorDefinition } from './indicator.types.ts';
import { findIndicator, INDICATORS } from './indicators.ts';
import { registerImportFormRoutes } from './import.routes.tsx';
import { berlinToday, isCalendarDate } from './stand.ts';

const AnyQuery = Type.Record(Type.String(), Type.Unknown());
const Params = Type.Object({ indicator: Type.String({ maxLength: 100 }) });
const config = { access: 'public' as const };
const EARLIEST = '2000-01-01';

interface StandQuery {
  /** The stand asked for; undefined for today. */
  stand: string | undefined;
  /** The day computed. */
  day: string;
  value: string;
  errors: FieldError[];
}

function parseStand(query: Record<string, unknown>, now: Date): StandQuery {
  const today = berlinToday(now);
  const raw = query.stand;
  if (raw === undefined || raw === '')
    return { stand: undefined, day: today, value: '', errors: [] };
  const value = typeof raw === 'string' ? raw.slice(0, 40) : '';
  const error = (message: string) => ({
    stand: undefined,
    day: today,
    value,
    errors: [{ field: 'stand', message }],
  });
  if (typeof raw !== 'string' || !isCalendarDate(raw))
    return error('Der Stand muss ein Datum im Format JJJJ-MM-TT sein, zum Beispiel 2026-12-01.');
  if (raw < EARLIEST) return error('Der Stand darf nicht vor dem 01.01.2000 liegen.');
  if (raw > today) return error('Der Stand darf nicht in der Zukunft liegen.');
  return { stand: raw, day: raw, value: raw, errors: [] };
}

function indicatorOr404(id: string): IndicatorDefinition {
  const definition = findIndicator(id);
  if (!definition)
    throw new AppError('not_found', `Die Kennzahl „${id.slice(0, 100)}“ gibt es nicht.`);
  return definition;
}

/** Files answer a bad stand with the German error page (status 400), like every non-API address. */
function fileStand(query: Record<string, unknown>, now: Date): StandQuery {
  const parsed = parseStand(query, now);
  if (parsed.errors.length > 0)
    throw new AppError('validation', parsed.errors[0]!.message, parsed.errors);
  return parsed;
}

function parseGroup(query: Record<string, unknown>): string | undefined {
  const raw = query.gruppe;
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^[A-Za-z0-9ÄÖÜäöüß ,.-]{1,100}$/.test(raw))
    throw new AppError('validation', 'Die gewählte Zeile der Grafik ist ungültig.', [
      { field: 'gruppe', message: 'Die gewählte Zeile der Grafik ist ungültig.' },
    ]);
  return raw;
}

function download(reply: FastifyReply, type: string, name: string, body: string): FastifyReply {
  return reply
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('access-control-allow-origin', '*')
    .type(type)
    .send(body);
}

/** `store` computes and keeps the figures (shared with the open-data catalogue). */
export function registerDashboardRoutes(app: App, deps: Deps, store: IndicatorStore): void {
  const publicUrl = deps.config.publicUrl.replace(/\/+$/, '');
  const query = { querystring: AnyQuery };
  const withParams = { querystring: AnyQuery, params: Params };

  app.get(MONITORING_PATH, { config, schema: query }, async (request, reply) => {
    const stand = parseStand(request.query, deps.clock.now());
    const computed = stand.errors.length > 0 ? [] : await store.all(INDICATORS, stand.day);
    return sendPage(
      reply,
      <OverviewPage
        ctx={pageContext(request, reply)}
        results={computed.map((c) => c.result)}
        computedAt={computedAtOf(computed)}
        stand={stand.stand}
        standValue={stand.value}
        errors={stand.errors}
      />,
      stand.errors.length > 0 ? 400 : 200,
    );
  });

  app.get(
    `${MONITORING_PATH}/:indicator`,
    { config, schema: withParams },
    async (request, reply) => {
      const definition = indicatorOr404(request.params.indicator);
      const stand = parseStand(request.query, deps.clock.now());
      const computed =
        stand.errors.length > 0 ? undefined : await store.indicator(definition, stand.day);
      return sendPage(
        reply,
        <IndicatorPage
          ctx={pageContext(request, reply)}
          definition={definition}
          result={computed?.result}
          computedAt={computed?.computedAt}
          stand={stand.stand}
          standValue={stand.value}
          errors={stand.errors}
          publicUrl={publicUrl}
        />,
        stand.errors.length > 0 ? 400 : 200,
      );
    },
  );

  app.get(
    `${MONITORING_PATH}/:indicator/einbetten`,
    { config, schema: withParams },
    async (request, reply) => {
      const definition = indicatorOr404(request.params.indicator);
      const stand = fileStand(request.query, deps.clock.now());
      const { result } = await store.indicator(definition, stand.day);
      // Other sites may show this page in a frame (and only this one): the portal's default policy
      // forbids framing everywhere else against clickjacking; this page has no form and no session use.
      reply.raw.removeHeader('x-frame-options');
      return reply
        .header(
          'content-security-policy',
          "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'none'; frame-ancestors *; object-src 'none'; base-uri 'self'",
        )
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderDocument(<EmbedPage result={result} publicUrl={publicUrl} />));
    },
  );

  app.get(
    `${MONITORING_PATH}/:indicator/daten.csv`,
    { config, schema: withParams },
    async (request, reply) => {
      const definition = indicatorOr404(request.params.indicator);
      const stand = fileStand(request.query, deps.clock.now());
      const { result } = await store.indicator(definition, stand.day);
      return download(
        reply,
        'text/csv; charset=utf-8',
        `${definition.id}-${stand.day}.csv`,
        seriesCsv(result.series),
      );
    },
  );

  app.get(
    `${MONITORING_PATH}/:indicator/daten.csv-metadata.json`,
    { config, schema: withParams },
    async (request, reply) => {
      const definition = indicatorOr404(request.params.indicator);
      const stand = fileStand(request.query, deps.clock.now());
      const { result } = await store.indicator(definition, stand.day);
      const csvUrl = `${publicUrl}${withStand(`${indicatorPath(definition.id)}/daten.csv`, stand.stand)}`;
      return reply
        .header('access-control-allow-origin', '*')
        .type('application/csvm+json; charset=utf-8')
        .send(
          JSON.stringify(csvMetadata(result, result.series, csvUrl, definition.title), null, 2),
        );
    },
  );

  app.get(
    `${MONITORING_PATH}/:indicator/daten.json`,
    { config, schema: withParams },
    async (request, reply) => {
      const definition = indicatorOr404(request.params.indicator);
      const stand = fileStand(request.query, deps.clock.now());
      const { result, computedAt } = await store.indicator(definition, stand.day);
      const page = `${publicUrl}${indicatorPath(definition.id)}`;
      const body = indicatorJson(
        result,
        {
          page: `${page}?stand=${result.stand}`,
          csv: `${page}/daten.csv?stand=${result.stand}`,
          csvMetadata: `${page}/daten.csv-metadata.json?stand=${result.stand}`,
          embed: `${page}/einbetten?stand=${result.stand}`,
        },
        computedAt,
      );
      return reply
        .header('access-control-allow-origin', '*')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(body, null, 2));
    },
  );

  app.get(
    `${MONITORING_PATH}/:indicator/einzelwerte`,
    { config, schema: withParams },
    async (request, reply) => {
      const definition = indicatorOr404(request.params.indicator);
      const stand = fileStand(request.query, deps.clock.now());
      const group = parseGroup(request.query);
      const { result } = await store.indicator(definition, stand.day);
      if (!result.details)
        throw new AppError('not_found', 'Zu dieser Kennzahl gibt es keine Einzelwerte.');
      return sendPage(
        reply,
        <DetailsPage
          ctx={pageContext(request, reply)}
          result={result}
          group={group}
          stand={stand.stand}
        />,
      );
    },
  );

  app.get(
    `${MONITORING_PATH}/:indicator/einzelwerte.csv`,
    { config, schema: withParams },
    async (request, reply) => {
      const definition = indicatorOr404(request.params.indicator);
      const stand = fileStand(request.query, deps.clock.now());
      const group = parseGroup(request.query);
      const { result } = await store.indicator(definition, stand.day);
      if (!result.details)
        throw new AppError('not_found', 'Zu dieser Kennzahl gibt es keine Einzelwerte.');
      return download(
        reply,
        'text/csv; charset=utf-8',
        `${definition.id}-einzelwerte-${stand.day}.csv`,
        seriesCsv(detailsFor(result.details, group)),
      );
    },
  );

  // The administrators' form for imported statistics: it drops the kept figures after an import.
  registerImportFormRoutes(app, deps, store);
}

/** The oldest computation time among the figures shown together. */
function computedAtOf(computed: readonly CachedResult[]): Date | undefined {
  let oldest: Date | undefined;
  for (const c of computed) if (!oldest || c.computedAt < oldest) oldest = c.computedAt;
  return oldest;
}
