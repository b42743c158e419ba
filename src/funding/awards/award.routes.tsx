/**
 * The public award list (no login, no script): the page with its GET filter form, the CSV and the
 * JSON. Public by law (Art. 9 (1) (c) AGVO), so the access class is 'public'; what a row may
 * reveal is decided in award.queries.ts. A bad filter value is a German 400 (the page with its
 * error summary and the typed values; the German error page for the files), never a 5xx.
 */
import { Type } from '@sinclair/typebox';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { streamAwardCsv } from './award.csv.ts';
import { awardQueryString, parseAwardQuery } from './award.filters.ts';
import { streamAwardJson } from './award.json.ts';
import { filterOptions, listAwards } from './award.queries.ts';
import { AwardListPage, AWARDS_PATH } from './award.views.tsx';

const AnyQuery = Type.Record(Type.String(), Type.Unknown());
const config = { access: 'public' as const };

function stamp(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function registerAwardRoutes(app: App, deps: Deps): void {
  app.get(AWARDS_PATH, { config, schema: { querystring: AnyQuery } }, async (request, reply) => {
    const now = deps.clock.now();
    const parsed = parseAwardQuery(request.query);
    const options = await filterOptions(deps.db, now);
    const ctx = pageContext(request, reply);
    if (!parsed.ok) {
      return sendPage(
        reply,
        <AwardListPage ctx={ctx} options={options} values={parsed.values} errors={parsed.errors} />,
        400,
      );
    }
    const list = await listAwards(deps.db, { filters: parsed.filters, page: parsed.page, now });
    return sendPage(
      reply,
      <AwardListPage
        ctx={ctx}
        options={options}
        values={parsed.values}
        result={{ filters: parsed.filters, page: parsed.page, list }}
      />,
    );
  });

  app.get(
    `${AWARDS_PATH}.csv`,
    { config, schema: { querystring: AnyQuery } },
    async (request, reply) => {
      const parsed = parseAwardQuery(request.query);
      if (!parsed.ok) throw new AppError('validation', parsed.errors[0]!.message, parsed.errors);
      const now = deps.clock.now();
      return reply
        .header('content-disposition', `attachment; filename="foerderungen-${stamp(now)}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(streamAwardCsv(deps.db, parsed.filters, now));
    },
  );

  app.get(
    `${AWARDS_PATH}.json`,
    { config, schema: { querystring: AnyQuery } },
    async (request, reply) => {
      const parsed = parseAwardQuery(request.query);
      // Like every address outside /api/v1, an error is the German error page (status 400).
      if (!parsed.ok) throw new AppError('validation', parsed.errors[0]!.message, parsed.errors);
      const now = deps.clock.now();
      return reply.type('application/json; charset=utf-8').send(
        streamAwardJson({
          db: deps.db,
          filters: parsed.filters,
          now,
          publicUrl: deps.config.publicUrl,
          query: awardQueryString(parsed.filters),
        }),
      );
    },
  );
}
