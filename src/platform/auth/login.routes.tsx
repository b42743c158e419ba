import { Type } from '@sinclair/typebox';
import { AppError } from '../errors.ts';
import { localRedirectTarget, pageContext, sendPage } from '../http.ts';
import type { App, Deps } from '../server.ts';
import { deleteSession, SESSION_COOKIE } from './auth.queries.ts';
import { logIn, validateLoginInput } from './login.actions.ts';
import { LoginPage } from './login.views.tsx';
import { startSession } from './session.http.ts';
import { LoginThrottledError } from './throttle.ts';

const FormBody = Type.Record(Type.String(), Type.Unknown());

export function registerLoginRoutes(app: App, deps: Deps): void {
  app.get(
    '/anmelden',
    {
      config: { access: 'public' },
      schema: { querystring: Type.Object({ weiter: Type.Optional(Type.String()) }) },
    },
    async (request, reply) => {
      const next = localRedirectTarget(request.query.weiter);
      if (request.actor.kind === 'user') return reply.redirect(next ?? '/konto', 303);
      return sendPage(reply, <LoginPage ctx={pageContext(request, reply)} next={next} />);
    },
  );

  app.post(
    '/anmelden',
    { config: { access: 'public' }, schema: { body: FormBody } },
    async (request, reply) => {
      const next = localRedirectTarget(request.body.weiter);
      const email = typeof request.body.email === 'string' ? request.body.email.trim() : '';
      try {
        const input = validateLoginInput(request.body);
        const token = await logIn({
          db: deps.db,
          input,
          ip: request.ip,
          now: deps.clock.now(),
          publicUrl: deps.config.publicUrl,
        });
        await startSession(deps, request, reply, token);
        return reply.redirect(next ?? '/konto', 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error instanceof LoginThrottledError) {
          reply.header('retry-after', String(error.retryAfterSeconds));
        }
        const status = error.code === 'rate_limited' ? 429 : 400;
        const page = (
          <LoginPage
            ctx={pageContext(request, reply)}
            email={email}
            next={next}
            errors={error.fieldErrors}
            message={error.fieldErrors.length === 0 ? error.message : undefined}
          />
        );
        return sendPage(reply, page, status);
      }
    },
  );

  app.post('/abmelden', { config: { access: 'public' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(deps.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/?abgemeldet=1', 303);
  });
}
