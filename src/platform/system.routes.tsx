import { Type } from '@sinclair/typebox';
import { pingDatabase } from '../db/database.ts';
import { pageContext, sendPage } from './http.ts';
import type { App, Deps } from './server.ts';
import { ApiDocsPage, type OpenApiDocument } from './system.views.tsx';

export function registerSystemRoutes(app: App, deps: Deps): void {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Betrieb'],
        operationId: 'getHealth',
        summary: 'Betriebszustand: 200, wenn die Datenbank antwortet, sonst 503',
        response: {
          200: Type.Object({ status: Type.Literal('ok') }, { description: 'Betriebsbereit' }),
          503: Type.Object(
            { status: Type.Literal('unavailable'), detail: Type.String() },
            { description: 'Die Datenbank antwortet nicht' },
          ),
        },
      },
    },
    async (_request, reply) => {
      if (await pingDatabase(deps.db))
        return reply.header('cache-control', 'no-store').send({ status: 'ok' as const });
      return reply
        .status(503)
        .header('cache-control', 'no-store')
        .send({ status: 'unavailable' as const, detail: 'Die Datenbank antwortet nicht.' });
    },
  );

  app.get('/openapi.json', { config: { access: 'public' } }, async () => app.swagger());

  app.get('/api/docs', { config: { access: 'public' } }, async (request, reply) =>
    sendPage(
      reply,
      <ApiDocsPage
        ctx={pageContext(request, reply)}
        doc={app.swagger() as unknown as OpenApiDocument}
      />,
    ),
  );
}
