import { Type } from '@sinclair/typebox';
import { DeadlineInputError, nrwHolidays } from '../law/index.ts';
import { AppError } from '../platform/errors.ts';
import { pageContext, sendPage } from '../platform/http.ts';
import { problemResponses } from '../platform/openapi.ts';
import type { App, Deps } from '../platform/server.ts';
import {
  calculateDeadline,
  collectDeadlineErrors,
  officeClosedCalendar,
  toApiResult,
} from './deadline.service.ts';
import { DeadlinePage } from './deadline.views.tsx';
import { registerOverrunRoutes } from './overrun.routes.tsx';

const DeadlineQuery = Type.Object({
  start: Type.String({
    description: 'Fristbeginn bzw. Tag des Ereignisses, JJJJ-MM-TT',
    examples: ['2026-03-09'],
  }),
  duration: Type.String({
    description:
      'Dauer nach ISO 8601 (PnD, PnW, PnM, PnY; P0.5M halber Monat, P0.25Y Vierteljahr, P0.5Y halbes Jahr)',
    examples: ['P1M'],
  }),
  counting: Type.String({
    description:
      'event: § 187 Abs. 1 BGB (Ereignistag zählt nicht); day-start: § 187 Abs. 2 BGB (erster Tag zählt)',
    enum: ['event', 'day-start'],
  }),
  shift: Type.Optional(
    Type.String({
      description: 'false: keine Verschiebung über Wochenende/Feiertag (§ 31 Abs. 4, 5 VwVfG NRW)',
      enum: ['true', 'false'],
    }),
  ),
});

const DeadlineResponse = Type.Object({
  start: Type.String(),
  counting: Type.String(),
  duration: Type.String(),
  firstDay: Type.String(),
  end: Type.String(),
  rawEnd: Type.String(),
  shifted: Type.Boolean(),
  skipped: Type.Array(Type.Object({ date: Type.String(), reason: Type.String() })),
  officeClosed: Type.Array(Type.Object({ date: Type.String(), reason: Type.String() })),
  rationale: Type.String(),
  citations: Type.Array(Type.String()),
});

const YEAR_MESSAGE = 'Bitte geben Sie ein Jahr zwischen 1900 und 2200 an, z. B. 2026.';

/**
 * A calendar year from a query parameter: four digits in 1900–2200, nothing else ("1e3",
 * "0x7e9" and " " are no years). The holiday calendar throws outside the Gregorian range, so no
 * other value may reach it. `fallback` applies only when the parameter is absent or empty and the
 * caller has a year of its own.
 */
export function parseYear(
  value: string | undefined,
  fallback?: number,
): { year: number; error?: undefined } | { year?: number; error: string } {
  const text = value?.trim() ?? '';
  if (text === '') return fallback === undefined ? { error: YEAR_MESSAGE } : { year: fallback };
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= 1900 && year <= 2200)) return { year: fallback, error: YEAR_MESSAGE };
  return { year };
}

export function registerDeadlineRoutes(app: App, deps: Deps): void {
  registerOverrunRoutes(app, deps);
  const officeClosed = officeClosedCalendar(deps.config.officeClosedDays);
  app.get(
    '/api/v1/deadlines',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Fristen'],
        summary: 'Fristende berechnen (§§ 187–193 BGB, § 31 VwVfG NRW, Feiertage NRW)',
        querystring: DeadlineQuery,
        operationId: 'calculateDeadline',
        response: { 200: DeadlineResponse, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { shift } = request.query;
      const errors = collectDeadlineErrors({ ...request.query, shift: undefined });
      if (errors.length > 0) {
        const fieldErrors = errors.map((e) => ({ field: e.field, message: e.message }));
        throw new AppError('validation', fieldErrors.map((e) => e.message).join(' '), fieldErrors);
      }
      const { start, duration, counting } = request.query;
      return toApiResult(
        calculateDeadline({ start, duration, counting, shift: shift !== 'false', officeClosed }),
      );
    },
  );
  app.get(
    '/api/v1/holidays',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Fristen'],
        operationId: 'listHolidays',
        summary: 'Gesetzliche Feiertage in Nordrhein-Westfalen für ein Jahr (§ 2 FeiertagsG NW)',
        querystring: Type.Object({
          year: Type.String({ description: 'Jahr, 1900–2200', examples: ['2026'] }),
        }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            holidays: Type.Array(Type.Object({ date: Type.String(), name: Type.String() })),
          }),
          ...problemResponses(400),
        },
      },
    },
    async (request) => {
      const parsed = parseYear(request.query.year);
      if (parsed.error !== undefined) {
        throw new AppError('validation', parsed.error, [{ field: 'year', message: parsed.error }]);
      }
      return { year: parsed.year, holidays: nrwHolidays.holidaysInYear(parsed.year) };
    },
  );

  app.get(
    '/fristenrechner',
    {
      config: { access: 'public' },
      schema: {
        querystring: Type.Object({
          start: Type.Optional(Type.String()),
          duration: Type.Optional(Type.String()),
          counting: Type.Optional(Type.String()),
          shift: Type.Optional(Type.String()),
          jahr: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const submitted =
        q.start !== undefined || q.duration !== undefined || q.counting !== undefined;
      const form = {
        start: q.start ?? '',
        duration: q.duration ?? '',
        counting: q.counting ?? 'event',
        shift: q.shift === 'false' ? 'false' : 'true',
      };
      const errors = submitted
        ? collectDeadlineErrors({
            start: q.start,
            duration: q.duration,
            counting: q.counting ?? '',
          }).map((e) => ({ field: e.field, message: e.message }))
        : [];
      let result;
      if (submitted && errors.length === 0) {
        try {
          result = calculateDeadline({ ...form, shift: form.shift !== 'false', officeClosed });
        } catch (error) {
          if (!(error instanceof DeadlineInputError)) throw error;
          errors.push({ field: error.field, message: error.message });
        }
      }
      // The holiday table shows the year of the result, or this year if that lies outside the
      // calendar's range (a deadline may end after 2200).
      const thisYear = Number(deps.clock.now().toISOString().slice(0, 4));
      const resultYear = parseYear(result?.end.slice(0, 4), thisYear);
      const fallbackYear = resultYear.error === undefined ? resultYear.year : thisYear;
      const { year = fallbackYear, error: yearError } = parseYear(q.jahr, fallbackYear);
      const page = (
        <DeadlinePage
          ctx={pageContext(request, reply)}
          form={form}
          errors={errors}
          result={result}
          year={year}
          holidays={nrwHolidays.holidaysInYear(year)}
          yearError={yearError}
        />
      );
      return sendPage(reply, page, errors.length > 0 || yearError ? 400 : 200);
    },
  );
}
