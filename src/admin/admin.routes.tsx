import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';
import { pageContext, sendPage } from '../platform/http.ts';
import type { App, Deps } from '../platform/server.ts';
import { listAccountThrottle } from '../platform/auth/throttle.ts';
import {
  addMembership,
  clearLoginThrottle,
  createOrganisation,
  createUser,
  setUserDisabled,
} from './identity.actions.ts';
import { listOrganisations, listOutbox, listUsers } from './identity.queries.ts';
import { OrganisationsPage, OutboxPage, UserPage, UsersPage } from './admin.views.tsx';

const FormBody = Type.Record(Type.String(), Type.Unknown());
const UserParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Flag = Type.Object({ ok: Type.Optional(Type.String()) });

/** Keep what the user typed (except passwords) to re-render the form after an error. */
function keptValues(body: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && key !== 'password' && key !== '_csrf') values[key] = value;
  }
  return values;
}

async function userPage(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  extra: object = {},
  status = 200,
) {
  const [users, organisations] = await Promise.all([
    listUsers(deps.db),
    listOrganisations(deps.db),
  ]);
  const user = users.find((u) => u.id === id);
  if (!user) throw new AppError('not_found', 'Dieses Benutzerkonto gibt es nicht.');
  const throttled = await listAccountThrottle(deps.db, user.email.toLowerCase());
  return sendPage(
    reply,
    <UserPage
      ctx={pageContext(request, reply)}
      user={user}
      organisations={organisations}
      throttled={throttled}
      now={deps.clock.now()}
      {...extra}
    />,
    status,
  );
}

export function registerAdminRoutes(app: App, deps: Deps): void {
  app.get('/admin', { config: { access: 'admin:users' } }, async (_request, reply) =>
    reply.redirect('/admin/benutzer', 303),
  );

  app.get(
    '/admin/benutzer',
    { config: { access: 'admin:users' }, schema: { querystring: Flag } },
    async (request, reply) => {
      const [users, organisations] = await Promise.all([
        listUsers(deps.db),
        listOrganisations(deps.db),
      ]);
      const page = (
        <UsersPage
          ctx={pageContext(request, reply)}
          users={users}
          organisations={organisations}
          created={request.query.ok === '1'}
        />
      );
      return sendPage(reply, page);
    },
  );

  app.post(
    '/admin/benutzer',
    { config: { access: 'admin:users' }, schema: { body: FormBody } },
    async (request, reply) => {
      try {
        const id = await createUser({ db: deps.db, actor: request.actor, body: request.body });
        return reply.redirect(`/admin/benutzer/${id}?ok=1`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        const [users, organisations] = await Promise.all([
          listUsers(deps.db),
          listOrganisations(deps.db),
        ]);
        const form = { values: keptValues(request.body), errors: error.fieldErrors };
        return sendPage(
          reply,
          <UsersPage
            ctx={pageContext(request, reply)}
            users={users}
            organisations={organisations}
            form={form}
          />,
          400,
        );
      }
    },
  );

  app.get(
    '/admin/benutzer/:id',
    { config: { access: 'admin:users' }, schema: { params: UserParams, querystring: Flag } },
    async (request, reply) =>
      userPage(
        deps,
        request,
        reply,
        request.params.id,
        request.query.ok === '1' ? { message: 'Gespeichert.' } : {},
      ),
  );

  app.post(
    '/admin/benutzer/:id/rollen',
    { config: { access: 'admin:users' }, schema: { params: UserParams, body: FormBody } },
    async (request, reply) => {
      try {
        await addMembership({
          db: deps.db,
          actor: request.actor,
          userId: request.params.id,
          body: request.body,
        });
        return reply.redirect(`/admin/benutzer/${request.params.id}?ok=1`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        const form = { values: keptValues(request.body), errors: error.fieldErrors };
        return userPage(deps, request, reply, request.params.id, { form }, 400);
      }
    },
  );

  app.post(
    '/admin/benutzer/:id/status',
    { config: { access: 'admin:users' }, schema: { params: UserParams, body: FormBody } },
    async (request, reply) => {
      const disabled = request.body.disabled === 'true';
      await setUserDisabled({
        db: deps.db,
        actor: request.actor,
        userId: request.params.id,
        disabled,
      });
      return reply.redirect(`/admin/benutzer/${request.params.id}?ok=1`, 303);
    },
  );

  app.post(
    '/admin/benutzer/:id/anmeldeversuche',
    { config: { access: 'admin:users' }, schema: { params: UserParams } },
    async (request, reply) => {
      await clearLoginThrottle({ db: deps.db, actor: request.actor, userId: request.params.id });
      return reply.redirect(`/admin/benutzer/${request.params.id}?ok=1`, 303);
    },
  );

  app.get(
    '/admin/organisationen',
    { config: { access: 'admin:organisations' }, schema: { querystring: Flag } },
    async (request, reply) => {
      const organisations = await listOrganisations(deps.db);
      return sendPage(
        reply,
        <OrganisationsPage
          ctx={pageContext(request, reply)}
          organisations={organisations}
          created={request.query.ok === '1'}
        />,
      );
    },
  );

  app.post(
    '/admin/organisationen',
    { config: { access: 'admin:organisations' }, schema: { body: FormBody } },
    async (request, reply) => {
      try {
        await createOrganisation({ db: deps.db, actor: request.actor, body: request.body });
        return reply.redirect('/admin/organisationen?ok=1', 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        const organisations = await listOrganisations(deps.db);
        const form = { values: keptValues(request.body), errors: error.fieldErrors };
        return sendPage(
          reply,
          <OrganisationsPage
            ctx={pageContext(request, reply)}
            organisations={organisations}
            form={form}
          />,
          400,
        );
      }
    },
  );

  app.get('/admin/postausgang', { config: { access: 'admin:outbox' } }, async (request, reply) => {
    const mails = await listOutbox(deps.db);
    return sendPage(
      reply,
      <OutboxPage
        ctx={pageContext(request, reply)}
        mails={mails}
        smtpConfigured={Boolean(deps.config.smtpUrl)}
      />,
    );
  });
}
