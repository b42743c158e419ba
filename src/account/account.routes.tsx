import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { ROLE_LABELS } from '../platform/auth/actor.ts';
import { createApiToken } from '../platform/auth/auth.queries.ts';
import { AppError } from '../platform/errors.ts';
import { pageContext, sendPage } from '../platform/http.ts';
import type { App, Deps } from '../platform/server.ts';
import { AccountPage } from './account.views.tsx';
import { changePassword, readPasswordChange } from './password.actions.ts';
import { ChangePasswordPage } from './password.views.tsx';
import { startSession } from '../platform/auth/session.http.ts';
import { LoginThrottledError } from '../platform/auth/throttle.ts';

function listTokens(db: Db, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

async function renderAccount(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  extra: object = {},
  status = 200,
) {
  const actor = request.actor;
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const tokens = await listTokens(deps.db, actor.userId);
  return sendPage(
    reply,
    <AccountPage ctx={pageContext(request, reply)} user={actor} tokens={tokens} {...extra} />,
    status,
  );
}

const Me = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  memberships: Type.Array(
    Type.Object({
      organisationId: Type.String(),
      organisationName: Type.String(),
      role: Type.String(),
      roleLabel: Type.String(),
    }),
  ),
});

export function registerAccountRoutes(app: App, deps: Deps): void {
  app.get(
    '/konto',
    {
      config: { access: 'account:view' },
      schema: {
        querystring: Type.Object({
          widerrufen: Type.Optional(Type.String()),
          passwort: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) =>
      renderAccount(deps, request, reply, {
        revoked: request.query.widerrufen === '1',
        passwordChanged: request.query.passwort === '1',
      }),
  );

  app.get('/konto/passwort', { config: { access: 'account:view' } }, async (request, reply) =>
    sendPage(reply, <ChangePasswordPage ctx={pageContext(request, reply)} />),
  );

  app.post(
    '/konto/passwort',
    {
      config: { access: 'account:view' },
      schema: { body: Type.Record(Type.String(), Type.Unknown()) },
    },
    async (request, reply) => {
      try {
        const token = await changePassword({
          db: deps.db,
          actor: request.actor,
          input: readPasswordChange(request.body),
          ip: request.ip,
          now: deps.clock.now(),
          publicUrl: deps.config.publicUrl,
        });
        await startSession(deps, request, reply, token);
        return reply.redirect('/konto?passwort=1', 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code !== 'validation' && error.code !== 'rate_limited') throw error;
        if (error instanceof LoginThrottledError) {
          reply.header('retry-after', String(error.retryAfterSeconds));
        }
        const page = (
          <ChangePasswordPage
            ctx={pageContext(request, reply)}
            errors={error.fieldErrors}
            message={error.fieldErrors.length === 0 ? error.message : undefined}
          />
        );
        return sendPage(reply, page, error.code === 'rate_limited' ? 429 : 400);
      }
    },
  );

  app.post(
    '/konto/tokens',
    {
      config: { access: 'api-token:manage' },
      schema: { body: Type.Record(Type.String(), Type.Unknown()) },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
      const name = typeof request.body.name === 'string' ? request.body.name.trim() : '';
      if (name.length < 3 || name.length > 100) {
        const errors = [
          { field: 'name', message: 'Die Bezeichnung muss 3 bis 100 Zeichen lang sein.' },
        ];
        return renderAccount(deps, request, reply, { errors, tokenName: name }, 400);
      }
      const { token } = await createApiToken(deps.db, actor.userId, name);
      // Shown once in the response to this POST; never stored in clear, never in a URL.
      return renderAccount(deps, request, reply, { newToken: token });
    },
  );

  app.post(
    '/konto/tokens/:id/widerrufen',
    {
      config: { access: 'api-token:manage' },
      schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }) },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
      // Only the owner's own tokens: the user id is part of the WHERE clause.
      const result = await deps.db
        .updateTable('api_tokens')
        .set({ revoked_at: deps.clock.now() })
        .where('id', '=', request.params.id)
        .where('user_id', '=', actor.userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n)
        throw new AppError(
          'not_found',
          'Dieses API-Token gibt es nicht oder es ist bereits widerrufen.',
        );
      return reply.redirect('/konto?widerrufen=1', 303);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: 'account:view' },
      schema: {
        tags: ['Konto'],
        operationId: 'getOwnAccount',
        summary: 'Das eigene Konto mit Rollen (API-Token erforderlich)',
        security: [{ bearer: [] }],
        response: { 200: Me },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (actor.kind !== 'user')
        throw new AppError('unauthenticated', 'API-Token fehlt oder ist ungültig.');
      return {
        id: actor.userId,
        email: actor.email,
        displayName: actor.displayName,
        memberships: actor.memberships.map((m) => ({
          organisationId: m.organisationId,
          organisationName: m.organisationName,
          role: m.role,
          roleLabel: ROLE_LABELS[m.role],
        })),
      };
    },
  );
}
