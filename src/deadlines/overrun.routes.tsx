import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { pageContext, sendPage } from '../platform/http.ts';
import type { App, Deps } from '../platform/server.ts';
import { overrunsCsv } from './overrun.csv.ts';
import { parseOverrunQuery, type OverrunQuery } from './overrun.filter.ts';
import { listOverruns, visibleAuthorities } from './overrun.queries.ts';
import { OverrunPage } from './overrun.views.tsx';

const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

const Query = Type.Object({
  behoerde: Type.Optional(Type.String({ maxLength: 100 })),
  art: Type.Optional(Type.String({ maxLength: 100 })),
  von: Type.Optional(Type.String({ maxLength: 30 })),
  bis: Type.Optional(Type.String({ maxLength: 30 })),
});

export function registerOverrunRoutes(app: App, deps: Deps): void {
  const load = async (request: FastifyRequest, query: OverrunQuery) => {
    const authorities = await visibleAuthorities(deps.db, request.actor);
    const { filter, errors } = parseOverrunQuery(query, authorities);
    const rows =
      errors.length > 0
        ? []
        : await listOverruns(deps.db, request.actor, BERLIN_DAY.format(deps.clock.now()), filter);
    return { authorities, errors, rows };
  };

  app.get(
    '/aufsicht/fristen',
    { config: { access: 'overruns:view' }, schema: { querystring: Query } },
    async (request, reply) => {
      const { authorities, errors, rows } = await load(request, request.query);
      return sendPage(
        reply,
        <OverrunPage
          ctx={pageContext(request, reply)}
          rows={rows}
          authorities={authorities}
          query={request.query}
          errors={errors}
        />,
        errors.length > 0 ? 400 : 200,
      );
    },
  );

  app.get(
    '/aufsicht/fristen.csv',
    { config: { access: 'overruns:view' }, schema: { querystring: Query } },
    async (request, reply) => {
      const { authorities, errors, rows } = await load(request, request.query);
      if (errors.length > 0)
        return sendPage(
          reply,
          <OverrunPage
            ctx={pageContext(request, reply)}
            rows={[]}
            authorities={authorities}
            query={request.query}
            errors={errors}
          />,
          400,
        );
      const day = BERLIN_DAY.format(deps.clock.now());
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="fristueberschreitungen-${day}.csv"`)
        .send(overrunsCsv(rows));
    },
  );
}
