/**
 * When the authority works on the result of the public participation: sorting concerns into the
 * catalogue and assessing them, grouping uniform objections, redacting them. Before the public
 * notice there is nothing to work on (§ 10 Abs. 3 BImSchG); from the decision on the record the
 * decision rests on is final (§ 10 Abs. 7 BImSchG, § 21 Abs. 1 Nr. 5 9. BImSchV), and a closed
 * procedure (withdrawn, rejected, refused, delivered) changes no more. One rule for every such
 * write, checked under the procedure's lock where the write takes one.
 */
import { AppError } from '../platform/errors.ts';
import type { ProcedureRow } from '../permits/permit.queries.ts';
import { procedureType } from '../permits/permit.types.ts';

/** Steps of the formal procedure between the public notice and the decision. */
const WORK_STEPS: ReadonlySet<string> = new Set(['participation', 'hearing', 'decision-drafting']);

type StepOf = Pick<ProcedureRow, 'step' | 'state'>;

/** Whether the participation record may change in the procedure's current step. */
export function participationWorkPossible(procedure: StepOf): boolean {
  return (procedure.state.participation ?? null) !== null && WORK_STEPS.has(procedure.step);
}

/** 409 with the step named, unless participation work is possible now. */
export function requireParticipationWork(
  procedure: StepOf & Pick<ProcedureRow, 'typeKey' | 'typeVersion'>,
): void {
  if (participationWorkPossible(procedure)) return;
  const type = procedureType(procedure.typeKey, procedure.typeVersion);
  const label = type.steps.find((s) => s.key === procedure.step)?.label ?? procedure.step;
  const step = `Das Verfahren ist im Schritt „${label}“`;
  const before =
    (procedure.state.participation ?? null) === null &&
    procedure.state.decision === null &&
    procedure.state.closure === null;
  const reason = !type.steps.some((s) => WORK_STEPS.has(s.key))
    ? 'Dieses Verfahren hat keine Öffentlichkeitsbeteiligung'
    : before
      ? 'Einwendungen, Belange und Gruppen gibt es erst nach der öffentlichen Bekanntmachung'
      : 'Einwendungen, Belange und Gruppen können nicht mehr geändert werden';
  throw new AppError('conflict', `${step}. ${reason}; es wurde nichts geändert.`);
}
