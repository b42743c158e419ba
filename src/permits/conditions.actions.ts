/**
 * The conditions workflow of a permit case: only the case workers of the authority, only while
 * the case is open, and never once the decision (or refusal) letter is signed: what was signed is
 * what the applicant receives, and a change needs a new version of the letter with a reason.
 */
import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';
import type { ConditionCase } from '../procedures/conditions/conditions.actions.ts';
import { signedLetterKinds } from './letters/signed-letters.ts';
import { findProcedureFor, type ProcedureRow } from './permit.queries.ts';
import { procedureType, type PermitDeps } from './permit.types.ts';

export const CONDITIONS_FROZEN_MESSAGE =
  'Der Bescheid ist bereits gezeichnet; die Nebenbestimmungen können nicht mehr geändert werden. Eine Änderung ist nur mit einer neuen Fassung des Bescheids möglich.';

/** Why the conditions of this case cannot change now, or null if they can. */
export function conditionsClosedReason(
  row: ProcedureRow,
  signedKinds: readonly string[],
): string | null {
  if (signedKinds.includes('decision') || signedKinds.includes('refusal'))
    return CONDITIONS_FROZEN_MESSAGE;
  const type = procedureType(row.typeKey, row.typeVersion);
  if (type.steps.find((s) => s.key === row.step)?.kind === 'terminal')
    return 'Das Verfahren ist abgeschlossen; die Nebenbestimmungen können nicht mehr geändert werden.';
  if (row.state.submittedAt === null)
    return 'Nebenbestimmungen werden erst nach Eingang des Antrags bearbeitet.';
  return null;
}

/** Loads and locks the case, checks who acts and whether it is still open, then runs the change. */
export async function changeConditions<T>(options: {
  deps: PermitDeps;
  actor: Actor;
  procedureId: string;
  change: (c: ConditionCase) => Promise<T>;
}): Promise<T> {
  const { deps, actor } = options;
  return deps.db.transaction().execute(async (trx) => {
    const { row, roles } = await findProcedureFor(trx, actor, options.procedureId, { lock: true });
    // Anyone else involved (applicant, agency, supervision) learns nothing of the working list.
    if (actor.kind !== 'user' || !roles.includes('case_worker'))
      throw new AppError(
        'not_found',
        'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
      );
    const closed = conditionsClosedReason(row, await signedLetterKinds(trx, row.id));
    if (closed) throw new AppError('conflict', closed);
    return options.change({
      trx,
      procedureId: row.id,
      tenantId: row.tenantId,
      actorId: actor.userId,
      actorRole: 'case_worker',
      now: deps.clock.now(),
    });
  });
}
