import { Type } from '@sinclair/typebox';
import { pageContext, sendPage } from '../platform/http.ts';
import type { App } from '../platform/server.ts';
import { AccessibilityPage, HomePage, ImprintPage } from './home.views.tsx';

export function registerHomeRoutes(app: App): void {
  app.get(
    '/',
    {
      config: { access: 'public' },
      schema: { querystring: Type.Object({ abgemeldet: Type.Optional(Type.String()) }) },
    },
    async (request, reply) =>
      sendPage(
        reply,
        <HomePage ctx={pageContext(request, reply)} loggedOut={request.query.abgemeldet === '1'} />,
      ),
  );
  app.get('/barrierefreiheit', { config: { access: 'public' } }, async (request, reply) =>
    sendPage(reply, <AccessibilityPage ctx={pageContext(request, reply)} />),
  );
  app.get('/impressum', { config: { access: 'public' } }, async (request, reply) =>
    sendPage(reply, <ImprintPage ctx={pageContext(request, reply)} />),
  );
}
