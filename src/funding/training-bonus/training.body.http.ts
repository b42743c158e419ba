/** Shared parts of the funding body's training-bonus routes: schemas, form handling, access. */
import type { Access } from '../../platform/auth/policy.ts';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasRole } from '../../platform/auth/actor.ts';
import { AppError, HTTP_STATUS, type FieldError } from '../../platform/errors.ts';
import { fundingBodyOf } from './training.body.ts';

export const FormBody = Type.Record(Type.String(), Type.Unknown());
export const Flag = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 40 })) });
export const Uuid = Type.String({ format: 'uuid' });
export const ClaimParams = Type.Object({ claimId: Uuid });
export const CourseParams = Type.Object({ courseId: Uuid });
export const RunParams = Type.Object({ runId: Uuid });
export const QUEUE_SHOWN = 100;

export const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 2_100) : '');
export function kept(body: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (k !== '_csrf' && typeof v === 'string') values[k] = v.slice(0, 300);
  return values;
}
export const okOf = (request: FastifyRequest) => (request.query as { ok?: string } | undefined)?.ok;

/** Runs `action`; a German validation or conflict error re-renders the page with status 400/409. */
export async function formAction(
  action: () => Promise<string>,
  render: (errors: FieldError[], status: number) => Promise<FastifyReply>,
  reply: FastifyReply,
  fallbackField: string,
): Promise<FastifyReply> {
  try {
    return reply.redirect(await action(), 303);
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== 'validation' && error.code !== 'conflict'))
      throw error;
    return render(
      error.formErrors(fallbackField),
      error.code === 'validation' ? HTTP_STATUS.validation : HTTP_STATUS.conflict,
    );
  }
}

export const access: { access: Access } = { access: 'training-bonus:review' };
// The paying account, the QA share and confirming a payment run are the supervisor's.
export const supervise: { access: Access } = { access: 'training-bonus:supervise' };
export const isSupervisor = (request: FastifyRequest) => {
  const body = fundingBodyOf(request.actor);
  return hasRole(request.actor, 'supervisor', body.id);
};
