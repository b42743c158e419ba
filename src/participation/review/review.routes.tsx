/** Pages of the objection review (case workers) and the applicant's view of the objections. */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { confirmConcerns } from '../catalogue/catalogue.actions.ts';
import { KIND_LABELS, type PersonalDataKind } from '../redaction/index.ts';
import { loadObjectionView, type SubmittedChoices } from './objection.view-model.ts';
import { ObjectionPage } from './objection.views.tsx';
import { confirmRedaction, type ChosenSpan } from './redaction.actions.ts';
import { listObjections } from './review.queries.ts';
import { ObjectionListPage } from './review.views.tsx';
import { requireCaseWorker } from './staff-access.ts';
import { decideDisregard, parseDisregardForm } from '../groups/disregard.actions.ts';

const Form = Type.Record(Type.String(), Type.Unknown());
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ObjectionParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  oid: Type.String({ format: 'uuid' }),
});
const Page = Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' }));
const Flag = Type.Optional(Type.String({ maxLength: 10 }));

const MESSAGES: Record<string, string> = {
  entschieden: 'Die Entscheidung nach § 17 Abs. 2 VwVfG wurde gespeichert.',
  schwaerzung: 'Die Schwärzung wurde bestätigt.',
  belange: 'Die Belange wurden bestätigt.',
};

/** A form field that may be sent once, several times or not at all (checkboxes). */
export function formList(body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function formText(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

export function pageNumber(value: string | undefined): number {
  const page = Number(value ?? '1');
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

/** "start:end:kind" from a checkbox; anything else is a tampered or stale form. */
function parseSpan(value: string): ChosenSpan {
  const match = /^(\d{1,9}):(\d{1,9}):([a-z]+)$/.exec(value);
  if (!match || !Object.hasOwn(KIND_LABELS, match[3]!)) {
    const message = 'Eine gewählte Stelle ist ungültig. Bitte laden Sie die Seite neu.';
    throw new AppError('validation', message, [{ field: 'spans', message }]);
  }
  return { start: Number(match[1]), end: Number(match[2]), kind: match[3] as PersonalDataKind };
}

function extraKind(value: string): PersonalDataKind {
  return Object.hasOwn(KIND_LABELS, value) ? (value as PersonalDataKind) : 'name';
}

export function registerReviewRoutes(app: App, deps: Deps): void {
  /** A validation error shows the objection page again with the choices made and status 400. */
  const rerenderObjection = async (
    request: FastifyRequest,
    reply: FastifyReply,
    { id, oid }: { id: string; oid: string },
    error: unknown,
    submitted: SubmittedChoices,
  ) => {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    const view = await loadObjectionView(deps, request.actor, id, oid, submitted);
    return sendPage(
      reply,
      <ObjectionPage ctx={pageContext(request, reply)} view={view} errors={error.fieldErrors} />,
      400,
    );
  };

  app.get(
    '/verfahren/:id/einwendungen',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Id,
        querystring: Type.Object({
          seite: Page,
          spaet: Flag,
          frueh: Flag,
          unberuecksichtigt: Flag,
          ohneBelange: Flag,
          schwaerzungOffen: Flag,
          q: Type.Optional(Type.String({ maxLength: 200 })),
          erfasst: Flag,
        }),
      },
    },
    async (request, reply) => {
      const procedure = await requireCaseWorker(deps.db, request.actor, request.params.id);
      const query = request.query;
      const filter = {
        lateOnly: query.spaet === 'ja',
        earlyOnly: query.frueh === 'ja',
        disregardedOnly: query.unberuecksichtigt === 'ja',
        withoutConfirmedConcerns: query.ohneBelange === 'ja',
        redactionOpen: query.schwaerzungOffen === 'ja',
        search: query.q ?? '',
      };
      const page = pageNumber(query.seite);
      const { items, total } = await listObjections(deps.db, procedure.id, filter, page);
      return sendPage(
        reply,
        <ObjectionListPage
          ctx={pageContext(request, reply)}
          procedure={procedure}
          filter={filter}
          page={page}
          total={total}
          items={items}
          message={query.erfasst ? 'Die Einwendung wurde erfasst.' : undefined}
        />,
      );
    },
  );

  app.get(
    '/verfahren/:id/einwendungen/:oid',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: ObjectionParams,
        querystring: Type.Object({
          ok: Type.Optional(Type.String({ maxLength: 40 })),
          anzahl: Page,
        }),
      },
    },
    async (request, reply) => {
      const { id, oid } = request.params;
      const view = await loadObjectionView(deps, request.actor, id, oid);
      const ok = request.query.ok;
      const message =
        ok === 'belange' && request.query.anzahl && request.query.anzahl !== '1'
          ? `Die Belange wurden für ${request.query.anzahl} Einwendungen der Gruppe bestätigt.`
          : ok !== undefined && Object.hasOwn(MESSAGES, ok)
            ? MESSAGES[ok]
            : undefined;
      return sendPage(
        reply,
        <ObjectionPage ctx={pageContext(request, reply)} view={view} message={message} />,
      );
    },
  );

  // § 17 Abs. 2 VwVfG: a single signature list without a representative (groups: group page).
  app.post(
    '/verfahren/:id/einwendungen/:oid/beruecksichtigung',
    { config: { access: 'procedures:use' }, schema: { params: ObjectionParams, body: Form } },
    async (request, reply) => {
      const { id, oid } = request.params;
      try {
        const { decision, reason } = parseDisregardForm(request.body);
        await decideDisregard({
          deps,
          actor: request.actor,
          procedureId: id,
          target: { kind: 'objection', id: oid },
          decision,
          reason,
        });
        return reply.redirect(`/verfahren/${id}/einwendungen/${oid}?ok=entschieden`, 303);
      } catch (error) {
        if (
          !(error instanceof AppError) ||
          (error.code !== 'validation' && error.code !== 'conflict')
        ) {
          throw error;
        }
        const view = await loadObjectionView(deps, request.actor, id, oid);
        return sendPage(
          reply,
          <ObjectionPage
            ctx={pageContext(request, reply)}
            view={view}
            errors={error.formErrors('decision')}
            disregardValues={{
              decision: formText(request.body, 'decision'),
              reason: formText(request.body, 'reason'),
            }}
          />,
          error.code === 'validation' ? 400 : 409,
        );
      }
    },
  );

  app.post(
    '/verfahren/:id/einwendungen/:oid/schwaerzung',
    { config: { access: 'procedures:use' }, schema: { params: ObjectionParams, body: Form } },
    async (request, reply) => {
      const { id, oid } = request.params;
      const body = request.body;
      const submitted: SubmittedChoices = {
        spans: formList(body, 'spans'),
        extraTerms: formText(body, 'weitere'),
        extraKind: formText(body, 'weitereArt'),
      };
      try {
        await confirmRedaction({
          deps,
          actor: request.actor,
          procedureId: id,
          objectionId: oid,
          spans: formList(body, 'spans').map(parseSpan),
          terms: {
            words: formText(body, 'weitere').split(/\r?\n/),
            kind: extraKind(formText(body, 'weitereArt')),
          },
        });
        return reply.redirect(`/verfahren/${id}/einwendungen/${oid}?ok=schwaerzung`, 303);
      } catch (error) {
        return rerenderObjection(request, reply, { id, oid }, error, submitted);
      }
    },
  );

  app.post(
    '/verfahren/:id/einwendungen/:oid/belange',
    { config: { access: 'procedures:use' }, schema: { params: ObjectionParams, body: Form } },
    async (request, reply) => {
      const { id, oid } = request.params;
      const concernIds = formList(request.body, 'concerns');
      const applyToGroup = formText(request.body, 'gruppe') === 'ja';
      try {
        const result = await confirmConcerns({
          deps,
          actor: request.actor,
          procedureId: id,
          objectionId: oid,
          concernIds,
          applyToGroup,
        });
        return reply.redirect(
          `/verfahren/${id}/einwendungen/${oid}?ok=belange&anzahl=${result.objections}`,
          303,
        );
      } catch (error) {
        return rerenderObjection(request, reply, { id, oid }, error, {
          concernIds,
          applyToGroup,
        });
      }
    },
  );
}
