import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import { problemResponses } from '../../platform/openapi.ts';
import type { App, Deps } from '../../platform/server.ts';
import { GroupComputation, ObjectionGroups } from '../participation.api.schemas.ts';
import { participationWorkPossible, requireParticipationWork } from '../participation-work.ts';
import { requestWork } from '../../procedures/background/work.actions.ts';
import { GROUPS_JOB } from '../jobs/group.job.ts';
import { statusPageOf } from '../jobs/jobs.routes.tsx';
import { actorIdOf, procedureForGroups } from './group.access.ts';
import {
  computeGroups,
  confirmGroup,
  mergeGroups,
  setRepresentative,
  splitGroup,
} from './group.actions.ts';
import { GroupDetailPage, type DetailValues } from './group-detail.views.tsx';
import { decideDisregard, parseDisregardForm } from './disregard.actions.ts';
import { listGroups, listGroupsForCli, summaryCounts } from './group.queries.ts';
import { findGroupDetail, listGroupEvents, listGroupMembers } from './group-detail.queries.ts';
import { GroupOverviewPage, groupsPath } from './group.views.tsx';

const GROUPS_PER_PAGE = 50;
const MEMBERS_PER_PAGE = 100;
/** Up to this many other groups the merge form offers a list; beyond, a field for the id. */
const MERGE_CHOICES = 200;

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const GroupParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  groupId: Type.String({ maxLength: 64 }),
});
const PageQuery = Type.Object({
  seite: Type.Optional(Type.String({ maxLength: 8 })),
  ok: Type.Optional(Type.String({ maxLength: 40 })),
});
const Form = Type.Record(Type.String(), Type.Unknown());

const MESSAGES: Record<string, string> = {
  berechnet: 'Die gleichförmigen Einwendungen wurden neu erkannt.',
  bestaetigt: 'Die Gruppe wurde bestätigt.',
  aufgeteilt: 'Die ausgewählten Einwendungen wurden abgetrennt.',
  aufgeloest: 'Die Gruppe wurde aufgelöst; ihre Einwendungen stehen wieder einzeln.',
  zusammengefuehrt: 'Die Gruppen wurden zusammengeführt.',
  vertreter: 'Der Vertreter wurde bestimmt.',
  entschieden: 'Die Entscheidung nach § 17 Abs. 2 VwVfG wurde gespeichert.',
};
const STATUS = { validation: 400, conflict: 409 } as const;

function pageNumber(value: string | undefined): number {
  const page = Number(value ?? 1);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function valuesOf(body: Record<string, unknown>): DetailValues {
  return {
    memberIds: list(body.memberIds),
    into: text(body.into),
    representative: text(body.representative),
    sourceGroupId: text(body.sourceGroupId),
    decision: text(body.decision),
    reason: text(body.reason),
  };
}

export function registerObjectionGroupRoutes(app: App, deps: Deps): void {
  async function renderDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    params: { id: string; groupId: string; seite?: string },
    extra: { message?: string; errors?: FieldError[]; values?: DetailValues },
    status = 200,
  ) {
    const procedure = await procedureForGroups(deps.db, request.actor, params.id);
    const group = await findGroupDetail(deps.db, procedure.id, params.groupId);
    if (!group) throw new AppError('not_found', 'Diese Gruppe gibt es in diesem Verfahren nicht.');
    const pageCount = Math.max(1, Math.ceil(group.members / MEMBERS_PER_PAGE));
    const page = Math.min(pageNumber(params.seite), pageCount);
    const [members, events, groups] = await Promise.all([
      listGroupMembers(deps.db, group.id, {
        offset: (page - 1) * MEMBERS_PER_PAGE,
        limit: MEMBERS_PER_PAGE,
      }),
      listGroupEvents(deps.db, procedure.id, group.id),
      listGroups(deps.db, procedure.id, { offset: 0, limit: MERGE_CHOICES + 1 }),
    ]);
    const others = groups.filter((g) => g.id !== group.id);
    const base = `${groupsPath(procedure.id)}/${group.id}`;
    return sendPage(
      reply,
      <GroupDetailPage
        ctx={pageContext(request, reply)}
        procedure={procedure}
        group={group}
        members={members}
        paging={{ page, pageCount, href: base }}
        events={events}
        others={others.slice(0, MERGE_CHOICES)}
        manyOthers={others.length > MERGE_CHOICES}
        {...extra}
      />,
      status,
    );
  }

  app.get(
    '/verfahren/:id/einwendungen/gruppen',
    { config: { access: 'procedures:use' }, schema: { params: Id, querystring: PageQuery } },
    async (request, reply) => {
      const procedure = await procedureForGroups(deps.db, request.actor, request.params.id);
      const counts = await summaryCounts(deps.db, procedure.id);
      const pageCount = Math.max(1, Math.ceil(counts.groups / GROUPS_PER_PAGE));
      const page = Math.min(pageNumber(request.query.seite), pageCount);
      const offset = (page - 1) * GROUPS_PER_PAGE;
      const items = await listGroups(deps.db, procedure.id, { offset, limit: GROUPS_PER_PAGE });
      const ok = request.query.ok;
      return sendPage(
        reply,
        <GroupOverviewPage
          ctx={pageContext(request, reply)}
          procedure={procedure}
          summary={{ ...counts, items }}
          paging={{ page, pageCount, href: groupsPath(procedure.id) }}
          offset={offset}
          message={ok ? MESSAGES[ok] : undefined}
          canCompute={participationWorkPossible(procedure)}
        />,
      );
    },
  );

  app.post(
    '/verfahren/:id/einwendungen/gruppen/berechnen',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      // Detection over many thousand objections takes up to half a minute: it runs in the
      // background and the case worker follows it on the job's status page.
      const procedure = await procedureForGroups(deps.db, request.actor, request.params.id);
      requireParticipationWork(procedure);
      const started = await requestWork({
        db: deps.db,
        clock: deps.clock,
        procedure,
        kind: GROUPS_JOB,
        requestedBy: actorIdOf(request.actor),
      });
      return reply.redirect(statusPageOf(procedure.id, started), 303);
    },
  );

  app.get(
    '/verfahren/:id/einwendungen/gruppen/:groupId',
    {
      config: { access: 'procedures:use' },
      schema: { params: GroupParams, querystring: PageQuery },
    },
    async (request, reply) => {
      const ok = request.query.ok;
      return renderDetail(
        request,
        reply,
        { ...request.params, seite: request.query.seite },
        { message: ok ? MESSAGES[ok] : undefined },
      );
    },
  );

  /** One staff decision as a form: PRG on success, the page with the errors on bad input. */
  function groupForm(
    path: string,
    run: (input: {
      request: FastifyRequest;
      procedureId: string;
      groupId: string;
      body: Record<string, unknown>;
    }) => Promise<string>,
  ) {
    app.post(
      `/verfahren/:id/einwendungen/gruppen/:groupId/${path}`,
      { config: { access: 'procedures:use' }, schema: { params: GroupParams, body: Form } },
      async (request, reply) => {
        const { id, groupId } = request.params;
        try {
          const next = await run({ request, procedureId: id, groupId, body: request.body });
          return reply.redirect(next, 303);
        } catch (error) {
          if (
            error instanceof AppError &&
            (error.code === 'validation' || error.code === 'conflict')
          ) {
            const errors = error.formErrors('confirm');
            return renderDetail(
              request,
              reply,
              request.params,
              { errors, values: valuesOf(request.body) },
              STATUS[error.code],
            );
          }
          throw error;
        }
      },
    );
  }

  const detail = (procedureId: string, groupId: string, ok: string) =>
    `${groupsPath(procedureId)}/${groupId}?ok=${ok}`;

  groupForm('bestaetigen', async ({ request, procedureId, groupId }) => {
    await confirmGroup({ deps, actor: request.actor, procedureId, groupId });
    return detail(procedureId, groupId, 'bestaetigt');
  });

  groupForm('aufteilen', async ({ request, procedureId, groupId, body }) => {
    const into = text(body.into);
    if (into !== 'gruppe' && into !== 'einzeln') {
      const message = 'Wählen Sie, wohin die ausgewählten Einwendungen sollen.';
      throw new AppError('validation', message, [{ field: 'into', message }]);
    }
    const result = await splitGroup({
      deps,
      actor: request.actor,
      procedureId,
      groupId,
      memberIds: list(body.memberIds),
      into: into === 'gruppe' ? 'group' : 'singletons',
    });
    return result.dissolved
      ? `${groupsPath(procedureId)}?ok=aufgeloest`
      : detail(procedureId, groupId, 'aufgeteilt');
  });

  groupForm('zusammenfuehren', async ({ request, procedureId, groupId, body }) => {
    await mergeGroups({
      deps,
      actor: request.actor,
      procedureId,
      groupId,
      sourceGroupId: text(body.sourceGroupId),
    });
    return detail(procedureId, groupId, 'zusammengefuehrt');
  });

  groupForm('vertreter', async ({ request, procedureId, groupId, body }) => {
    await setRepresentative({
      deps,
      actor: request.actor,
      procedureId,
      groupId,
      objection: text(body.representative),
    });
    return detail(procedureId, groupId, 'vertreter');
  });

  groupForm('beruecksichtigung', async ({ request, procedureId, groupId, body }) => {
    const { decision, reason } = parseDisregardForm(body);
    await decideDisregard({
      deps,
      actor: request.actor,
      procedureId,
      target: { kind: 'group', id: groupId },
      decision,
      reason,
    });
    return detail(procedureId, groupId, 'entschieden');
  });

  const tags = ['Einwendungen'];
  const security = [{ bearer: [] }];

  app.get(
    '/api/v1/procedures/:id/objection-groups',
    {
      config: { access: 'procedures:use' },
      schema: {
        tags,
        security,
        operationId: 'listObjectionGroups',
        summary:
          'Gruppen gleichförmiger Einwendungen (§ 17 VwVfG) mit ID und externer Kennung jedes Mitglieds (nur Genehmigungsbehörde)',
        params: Id,
        response: { 200: ObjectionGroups, ...problemResponses(404) },
      },
    },
    async (request) => {
      const procedure = await procedureForGroups(deps.db, request.actor, request.params.id);
      return listGroupsForCli(deps.db, procedure.id);
    },
  );

  app.post(
    '/api/v1/procedures/:id/objection-groups/compute',
    {
      config: { access: 'procedures:use' },
      schema: {
        tags,
        security,
        operationId: 'computeObjectionGroups',
        summary:
          'Gleichförmige Einwendungen neu erkennen; bestätigte und geänderte Gruppen bleiben (nur Genehmigungsbehörde)',
        params: Id,
        response: { 200: GroupComputation, ...problemResponses(404, 409) },
      },
    },
    async (request) =>
      computeGroups({ deps, actor: request.actor, procedureId: request.params.id }),
  );
}
