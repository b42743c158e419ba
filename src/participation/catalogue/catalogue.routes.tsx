/** Pages of the argument catalogue (Belange) for the case workers of the authority. */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { participationWorkPossible } from '../participation-work.ts';
import { countOpenRedactions } from '../review/review.queries.ts';
import { formList } from '../review/review.routes.tsx';
import { requireCaseWorker } from '../review/staff-access.ts';
import {
  addConcern,
  confirmStatementConcerns,
  saveAssessment,
  suggestForProcedure,
} from './catalogue.actions.ts';
import { catalogueSummary, listAgencyStatements } from './catalogue.queries.ts';
import {
  assessmentField,
  CataloguePage,
  statementField,
  type CatalogueValues,
  type CatalogueView,
} from './catalogue.views.tsx';

const Form = Type.Record(Type.String(), Type.Unknown());
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Count = Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$' }));

async function loadCatalogueView(
  deps: Deps,
  actor: Actor,
  procedureId: string,
): Promise<CatalogueView> {
  const procedure = await requireCaseWorker(deps.db, actor, procedureId);
  const [concerns, statements, openRedactions] = await Promise.all([
    catalogueSummary(deps.db, procedure.id),
    listAgencyStatements(deps.db, procedure.id),
    countOpenRedactions(deps.db, procedure.id),
  ]);
  return {
    procedure: { id: procedure.id, reference: procedure.reference, title: procedure.title },
    concerns,
    statements,
    openRedactions,
    canWork: participationWorkPossible(procedure),
  };
}

const MESSAGES: Record<string, (n: string) => string> = {
  vorschlaege: (n) => `Vorschläge berechnet: ${n} neue Zuordnungen.`,
  bewertung: () => 'Die Bewertung wurde gespeichert.',
  belang: () => 'Der Belang wurde hinzugefügt.',
  stellungnahme: () => 'Die Belange der Stellungnahme wurden bestätigt.',
};

function message(ok: string | undefined, count: string | undefined): string | undefined {
  const text = ok === undefined || !Object.hasOwn(MESSAGES, ok) ? undefined : MESSAGES[ok];
  return text?.(Number(count ?? 0).toLocaleString('de-DE'));
}

/** Runs a use case; a validation error shows the page again with status 400 and the values. */
async function withValidation(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  procedureId: string,
  run: () => Promise<string>,
  rerender: { values: CatalogueValues; field: (error: FieldError) => string },
) {
  try {
    const ok = await run();
    return reply.redirect(`/verfahren/${procedureId}/belange?ok=${ok}`, 303);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    const view = await loadCatalogueView(deps, request.actor, procedureId);
    const errors = error.fieldErrors.length
      ? error.fieldErrors.map((e) => ({ ...e, field: rerender.field(e) }))
      : [{ field: rerender.field({ field: '', message: error.message }), message: error.message }];
    return sendPage(
      reply,
      <CataloguePage
        ctx={pageContext(request, reply)}
        view={view}
        errors={errors}
        values={rerender.values}
      />,
      400,
    );
  }
}

const text = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? body[name] : '';

export function registerCatalogueRoutes(app: App, deps: Deps): void {
  app.get(
    '/verfahren/:id/belange',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Id,
        querystring: Type.Object({
          ok: Type.Optional(Type.String({ maxLength: 40 })),
          anzahl: Count,
        }),
      },
    },
    async (request, reply) => {
      const view = await loadCatalogueView(deps, request.actor, request.params.id);
      return sendPage(
        reply,
        <CataloguePage
          ctx={pageContext(request, reply)}
          view={view}
          message={message(request.query.ok, request.query.anzahl)}
        />,
      );
    },
  );

  app.post(
    '/verfahren/:id/belange/vorschlaege',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      const result = await suggestForProcedure({
        deps,
        actor: request.actor,
        procedureId: request.params.id,
      });
      const links = result.objectionLinks + result.statementLinks;
      return reply.redirect(
        `/verfahren/${request.params.id}/belange?ok=vorschlaege&anzahl=${links}`,
        303,
      );
    },
  );

  app.post(
    '/verfahren/:id/belange/neu',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      const label = text(request.body, 'label');
      const description = text(request.body, 'description');
      return withValidation(
        deps,
        request,
        reply,
        request.params.id,
        async () => {
          await addConcern({
            deps,
            actor: request.actor,
            procedureId: request.params.id,
            label,
            description,
          });
          return 'belang';
        },
        { values: { label, description }, field: (e) => e.field || 'label' },
      );
    },
  );

  app.post(
    '/verfahren/:id/belange/stellungnahmen/:agencyOrgId',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          agencyOrgId: Type.String({ format: 'uuid' }),
        }),
        body: Form,
      },
    },
    async (request, reply) => {
      const { id, agencyOrgId } = request.params;
      const concernIds = formList(request.body, 'concerns');
      return withValidation(
        deps,
        request,
        reply,
        id,
        async () => {
          await confirmStatementConcerns({
            deps,
            actor: request.actor,
            procedureId: id,
            agencyOrgId,
            concernIds,
          });
          return 'stellungnahme';
        },
        {
          values: { statementConcerns: { agencyOrgId, concernIds } },
          field: () => statementField(agencyOrgId),
        },
      );
    },
  );

  app.post(
    '/verfahren/:id/belange/:concernId',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          concernId: Type.String({ format: 'uuid' }),
        }),
        body: Form,
      },
    },
    async (request, reply) => {
      const { id, concernId } = request.params;
      const assessment = text(request.body, assessmentField(concernId));
      return withValidation(
        deps,
        request,
        reply,
        id,
        async () => {
          await saveAssessment({
            deps,
            actor: request.actor,
            procedureId: id,
            concernId,
            assessment,
          });
          return 'bewertung';
        },
        {
          values: { assessments: { [concernId]: assessment } },
          field: () => assessmentField(concernId),
        },
      );
    },
  );
}
