import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';
import type { App, Deps } from '../platform/server.ts';
import { assignCase } from './assignment/assignment.actions.ts';
import { addFollowUp, addNote, completeFollowUp } from './notes/notes.actions.ts';
import type { FieldError } from '../platform/errors.ts';

const Form = Type.Record(Type.String(), Type.Unknown());
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const STATUS = { validation: 400, conflict: 409 } as const;
export const CASEWORK_MESSAGES: Record<string, string> = {
  zugewiesen: 'Die Zuständigkeit wurde gespeichert.',
  vermerk: 'Der Vermerk wurde gespeichert.',
  wiedervorlage: 'Die Wiedervorlage wurde angelegt.',
  erledigt: 'Die Wiedervorlage ist erledigt.',
};

const text = (body: Record<string, unknown>, name: string): string =>
  typeof body[name] === 'string' ? body[name] : '';

/**
 * Renders the case page of the case's family again with the errors and the values as typed (the
 * permit page, the funding page): handed in by the composition root, so this generic module knows
 * neither.
 */
export type CaseworkRenderer = (
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  extra: { errors: FieldError[]; values: Record<string, string> },
  status: number,
) => Promise<unknown>;

/**
 * Post/Redirect/Get for the internal work on a case: success → 303 back to the case page;
 * bad input or a closed case → the case page again with the error summary and the values kept.
 */
async function handle(
  render: CaseworkRenderer,
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    id: string;
    body: Record<string, unknown>;
    ok: string;
    anchor: string;
    fields: string[];
    run: () => Promise<unknown>;
  },
) {
  const id = options.id;
  try {
    await options.run();
    return reply.redirect(`/verfahren/${id}?ok=${options.ok}#${options.anchor}`, 303);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'validation' || error.code === 'conflict')) {
      const values = Object.fromEntries(options.fields.map((f) => [f, text(options.body, f)]));
      return render(
        request,
        reply,
        id,
        { errors: error.formErrors(options.fields[0] ?? 'bearbeitung'), values },
        STATUS[error.code],
      );
    }
    throw error;
  }
}

export function registerCaseworkRoutes(app: App, deps: Deps, render: CaseworkRenderer): void {
  const base = { db: deps.db, clock: deps.clock };

  app.post(
    '/verfahren/:id/zustaendigkeit',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) =>
      handle(render, request, reply, {
        id: request.params.id,
        body: request.body,
        ok: 'zugewiesen',
        anchor: 'zustaendigkeit',
        fields: ['caseWorkerId', 'deputyId'],
        run: () =>
          assignCase({
            ...base,
            actor: request.actor,
            procedureId: request.params.id,
            caseWorkerId: text(request.body, 'caseWorkerId'),
            deputyId: text(request.body, 'deputyId'),
          }),
      }),
  );

  app.post(
    '/verfahren/:id/vermerke',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) =>
      handle(render, request, reply, {
        id: request.params.id,
        body: request.body,
        ok: 'vermerk',
        anchor: 'vermerke',
        fields: ['noteText'],
        run: () =>
          addNote({
            ...base,
            actor: request.actor,
            procedureId: request.params.id,
            text: text(request.body, 'noteText'),
          }),
      }),
  );

  app.post(
    '/verfahren/:id/wiedervorlagen',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) =>
      handle(render, request, reply, {
        id: request.params.id,
        body: request.body,
        ok: 'wiedervorlage',
        anchor: 'wiedervorlagen',
        fields: ['dueDate', 'followUpText'],
        run: () =>
          addFollowUp({
            ...base,
            actor: request.actor,
            procedureId: request.params.id,
            dueDate: text(request.body, 'dueDate'),
            text: text(request.body, 'followUpText'),
          }),
      }),
  );

  app.post(
    '/verfahren/:id/wiedervorlagen/:followUpId/erledigt',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          followUpId: Type.String({ format: 'uuid' }),
        }),
        body: Form,
      },
    },
    async (request, reply) =>
      handle(render, request, reply, {
        id: request.params.id,
        body: request.body,
        ok: 'erledigt',
        anchor: 'wiedervorlagen',
        fields: [],
        run: () =>
          completeFollowUp({
            ...base,
            actor: request.actor,
            procedureId: request.params.id,
            followUpId: request.params.followUpId,
          }),
      }),
  );
}
