/** Routes of the conditions page of a case (case workers of the authority; PRG forms). */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import {
  addCatalogueCondition,
  addOwnCondition,
  decideCondition,
  listCaseConditions,
  moveCondition,
} from '../../procedures/conditions/conditions.actions.ts';
import { conditionsClosedReason } from '../conditions.actions.ts';
import { referenceLabel } from '../../procedures/reference.ts';
import { changeConditions } from '../conditions.actions.ts';
import { signedLetterKinds } from '../letters/signed-letters.ts';
import { findProcedureFor } from '../permit.queries.ts';
import {
  ConditionsPage,
  reasonField,
  type ConditionsValues,
  type ConditionsView,
} from './conditions.views.tsx';

const Form = Type.Record(Type.String(), Type.Unknown());
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ConditionParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  conditionId: Type.String({ format: 'uuid' }),
});

const MESSAGES: Record<string, string> = {
  katalog: 'Die Nebenbestimmung aus dem Katalog wurde übernommen.',
  neu: 'Die Nebenbestimmung wurde hinzugefügt.',
  uebernommen: 'Die Nebenbestimmung wurde übernommen.',
  abgelehnt: 'Die Nebenbestimmung wurde nicht übernommen; die Begründung ist gespeichert.',
  verschoben: 'Die Reihenfolge wurde geändert.',
};

async function loadView(deps: Deps, actor: Actor, procedureId: string): Promise<ConditionsView> {
  const { row, roles } = await findProcedureFor(deps.db, actor, procedureId);
  if (!roles.includes('case_worker'))
    throw new AppError(
      'not_found',
      'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
    );
  const [conditions, catalogue, signed] = await Promise.all([
    listCaseConditions(deps.db, row.id),
    deps.db
      .selectFrom('condition_catalogue')
      .select(['id', 'category', 'title'])
      .where('tenant_id', '=', row.tenantId)
      .where('active', '=', true)
      .orderBy('category')
      .orderBy('title')
      .execute(),
    signedLetterKinds(deps.db, row.id),
  ]);
  return {
    procedure: { id: row.id, reference: referenceLabel(row.reference), title: row.title },
    conditions,
    catalogue,
    closedReason: conditionsClosedReason(row, signed),
  };
}

const text = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? body[name] : '';

/** Runs a change; a validation error shows the page again with status 400 and the values. */
async function withValidation(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  procedureId: string,
  run: () => Promise<string>,
  rerender: { values: ConditionsValues; field: (error: FieldError) => string },
) {
  try {
    const ok = await run();
    return reply.redirect(`/verfahren/${procedureId}/nebenbestimmungen?ok=${ok}`, 303);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    const view = await loadView(deps, request.actor, procedureId);
    const errors = error.formErrors('').map((e) => ({ ...e, field: rerender.field(e) }));
    return sendPage(
      reply,
      <ConditionsPage
        ctx={pageContext(request, reply)}
        view={view}
        errors={errors}
        values={rerender.values}
      />,
      400,
    );
  }
}

export function registerConditionRoutes(app: App, deps: Deps): void {
  app.get(
    '/verfahren/:id/nebenbestimmungen',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Id,
        querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
    },
    async (request, reply) => {
      const view = await loadView(deps, request.actor, request.params.id);
      const ok = request.query.ok;
      const message = ok !== undefined && Object.hasOwn(MESSAGES, ok) ? MESSAGES[ok] : undefined;
      return sendPage(
        reply,
        <ConditionsPage ctx={pageContext(request, reply)} view={view} message={message} />,
      );
    },
  );

  app.post(
    '/verfahren/:id/nebenbestimmungen/katalog',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      const catalogueId = text(request.body, 'catalogueId');
      return withValidation(
        deps,
        request,
        reply,
        request.params.id,
        async () => {
          await changeConditions({
            deps,
            actor: request.actor,
            procedureId: request.params.id,
            change: (c) => addCatalogueCondition(c, catalogueId),
          });
          return 'katalog';
        },
        { values: { catalogueId }, field: () => 'catalogueId' },
      );
    },
  );

  app.post(
    '/verfahren/:id/nebenbestimmungen/neu',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      const category = text(request.body, 'category');
      const conditionText = text(request.body, 'text');
      return withValidation(
        deps,
        request,
        reply,
        request.params.id,
        async () => {
          await changeConditions({
            deps,
            actor: request.actor,
            procedureId: request.params.id,
            change: (c) => addOwnCondition(c, { category, text: conditionText }),
          });
          return 'neu';
        },
        { values: { category, text: conditionText }, field: (e) => e.field || 'text' },
      );
    },
  );

  app.post(
    '/verfahren/:id/nebenbestimmungen/:conditionId/entscheidung',
    { config: { access: 'procedures:use' }, schema: { params: ConditionParams, body: Form } },
    async (request, reply) => {
      const { id, conditionId } = request.params;
      const decision = text(request.body, 'decision') === 'reject' ? 'reject' : 'adopt';
      const reason = text(request.body, reasonField(conditionId));
      return withValidation(
        deps,
        request,
        reply,
        id,
        async () => {
          await changeConditions({
            deps,
            actor: request.actor,
            procedureId: id,
            change: (c) => decideCondition(c, { conditionId, decision, reason }),
          });
          return decision === 'adopt' ? 'uebernommen' : 'abgelehnt';
        },
        {
          values: { reason: { conditionId, text: reason } },
          field: () => reasonField(conditionId),
        },
      );
    },
  );

  app.post(
    '/verfahren/:id/nebenbestimmungen/:conditionId/verschieben',
    { config: { access: 'procedures:use' }, schema: { params: ConditionParams, body: Form } },
    async (request, reply) => {
      const { id, conditionId } = request.params;
      const direction = text(request.body, 'direction') === 'up' ? 'up' : 'down';
      await changeConditions({
        deps,
        actor: request.actor,
        procedureId: id,
        change: (c) => moveCondition(c, { conditionId, direction }),
      });
      return reply.redirect(`/verfahren/${id}/nebenbestimmungen?ok=verschoben`, 303);
    },
  );
}
