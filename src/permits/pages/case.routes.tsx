/** Permit case routes: the case page, the application draft, steps with confirmation, documents. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { unflattenForm } from '../../platform/forms.tsx';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { saveApplication } from '../application.actions.ts';
import { uploadDocument } from '../document.actions.ts';
import { performAction } from '../permit.actions.ts';
import { loadCaseView, sendCaseDocument } from '../procedure.view-model.ts';
import { CONFIRM_FIELD, DESTRUCTIVE_EFFECTS } from '../../procedures/case/destructive-actions.ts';
import { ConfirmActionPage } from './confirm-action.views.tsx';
import { readUpload } from '../upload.ts';
import { actionInput } from './action.input.ts';
import { renderCase } from './case.render.tsx';
import { CASEWORK_MESSAGES } from '../../procedures/casework.routes.tsx';

export const Form = Type.Record(Type.String(), Type.Unknown());
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const MESSAGES: Record<string, string> = {
  angelegt: 'Der Antrag wurde als Entwurf angelegt.',
  gespeichert: 'Der Entwurf wurde gespeichert.',
  hochgeladen: 'Die Unterlage wurde gespeichert.',
};

export function rowsFrom(body: Record<string, unknown>): number {
  const rows = Number(body.rows ?? 2) + (body.moreRows ? 3 : 0);
  return Number.isFinite(rows) ? Math.min(Math.max(rows, 1), 60) : 2;
}

/** The confirmation page of a step that ends the procedure, if the viewer may take it now. */
async function renderConfirmation(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: { id: string; action: string; errors: FieldError[]; values: Record<string, string> },
  status = 200,
) {
  const view = await loadCaseView(deps, request.actor, page.id);
  const action = view.actions.find(
    (a) => a.action === page.action && DESTRUCTIVE_EFFECTS.has(a.effect),
  );
  if (!action)
    throw new AppError(
      'conflict',
      'Dieser Schritt ist in diesem Verfahren jetzt nicht möglich oder steht Ihnen nicht zu.',
    );
  return sendPage(
    reply,
    <ConfirmActionPage
      ctx={pageContext(request, reply)}
      view={view}
      action={action}
      errors={page.errors}
      values={page.values}
    />,
    status,
  );
}

/**
 * The submitted values as text, to show a refused form again as it was sent. A field sent more
 * than once (several ticked boxes of one name) is kept as its values, one per line.
 */
export function strings(body: Record<string, unknown>): Record<string, string> {
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') entries.push([name, value]);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      entries.push([name, value.join('\n')]);
  }
  return Object.fromEntries(entries);
}

const STATUS = { validation: 400, conflict: 409, forbidden: 403, payload_too_large: 413 } as const;

/** The case page and what is sent from it: the application draft, steps, documents. */
export function registerPermitCaseRoutes(app: App, deps: Deps): void {
  app.get(
    '/verfahren/:id',
    {
      config: { access: 'procedures:use' },
      schema: { params: Id, querystring: Type.Object({ ok: Type.Optional(Type.String()) }) },
    },
    async (request, reply) => {
      // Letters and follow-ups link every case as /verfahren/{id}; a funding case has its own
      // page (its family's), which checks access itself.
      const kind = await deps.db
        .selectFrom('procedures')
        .select('type_key')
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (kind?.type_key.startsWith('funding-'))
        return reply.redirect(
          `/foerderung/antraege/${request.params.id}${request.query.ok ? `?ok=${encodeURIComponent(request.query.ok)}` : ''}`,
          303,
        );
      const ok = request.query.ok;
      const message = ok
        ? (MESSAGES[ok] ?? CASEWORK_MESSAGES[ok] ?? 'Der Verfahrensschritt wurde ausgeführt.')
        : undefined;
      return renderCase(deps, request, reply, request.params.id, { message });
    },
  );

  app.post(
    '/verfahren/:id/antrag',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      const body = unflattenForm(request.body);
      // More rows keep what was typed so far; nothing is saved until the person saves.
      if (body.moreRows)
        return renderCase(deps, request, reply, request.params.id, {
          rows: rowsFrom(body),
          applicationInput: strings(request.body),
        });
      try {
        await saveApplication({
          deps,
          actor: request.actor,
          procedureId: request.params.id,
          body,
          expectedVersion: Number(body.version),
        });
        return reply.redirect(`/verfahren/${request.params.id}?ok=gespeichert`, 303);
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === 'validation' || error.code === 'conflict')
        ) {
          const errors = error.formErrors('title');
          return renderCase(
            deps,
            request,
            reply,
            request.params.id,
            { errors, rows: rowsFrom(body), applicationInput: strings(request.body) },
            STATUS[error.code],
          );
        }
        throw error;
      }
    },
  );

  app.post(
    '/verfahren/:id/aktionen/:action',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          action: Type.String({ pattern: '^[a-z-]{2,60}$' }),
        }),
        body: Form,
      },
    },
    async (request, reply) => {
      const { id, action } = request.params;
      try {
        await performAction({
          deps,
          actor: request.actor,
          procedureId: id,
          action,
          input: actionInput(action, request.body),
          expectedVersion: Number(request.body.version),
          confirmed: request.body[CONFIRM_FIELD] === 'ja',
        });
        return reply.redirect(`/verfahren/${id}?ok=${action}`, 303);
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === 'validation' || error.code === 'conflict' || error.code === 'forbidden')
        ) {
          const errors = error
            .formErrors(action)
            // The engine's errors name the whole input; a use case's errors name one field.
            .map((e) => ({
              ...e,
              field:
                e.field === 'input'
                  ? action
                  : e.field.startsWith(`${action}.`)
                    ? e.field
                    : `${action}.${e.field}`,
            }));
          if (request.body.bestaetigungsseite === 'ja')
            return renderConfirmation(
              deps,
              request,
              reply,
              { id, action, errors, values: strings(request.body) },
              STATUS[error.code],
            );
          return renderCase(
            deps,
            request,
            reply,
            id,
            { errors, values: strings(request.body) },
            STATUS[error.code],
          );
        }
        throw error;
      }
    },
  );

  app.get(
    '/verfahren/:id/aktionen/:action/bestaetigen',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          action: Type.String({ pattern: '^[a-z-]{2,60}$' }),
        }),
      },
    },
    async (request, reply) =>
      renderConfirmation(deps, request, reply, {
        id: request.params.id,
        action: request.params.action,
        errors: [],
        values: {},
      }),
  );

  app.post(
    '/verfahren/:id/dokumente',
    { config: { access: 'procedures:use' }, schema: { params: Id } },
    async (request, reply) => {
      try {
        const upload = await readUpload(request);
        await uploadDocument({
          deps,
          actor: request.actor,
          procedureId: request.params.id,
          ...upload,
        });
        return reply.redirect(`/verfahren/${request.params.id}?ok=hochgeladen#unterlagen`, 303);
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === 'validation' ||
            error.code === 'conflict' ||
            error.code === 'payload_too_large')
        ) {
          const errors = error.formErrors('file');
          return renderCase(
            deps,
            request,
            reply,
            request.params.id,
            { errors },
            STATUS[error.code],
          );
        }
        throw error;
      }
    },
  );

  app.get(
    '/verfahren/:id/dokumente/:docId',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          docId: Type.String({ format: 'uuid' }),
        }),
      },
    },
    async (request, reply) => {
      return sendCaseDocument(deps, request, reply, request.params.id, request.params.docId);
    },
  );
}
