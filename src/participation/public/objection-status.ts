import type { Db } from '../../db/database.ts';
import type { ProcedureState } from '../../procedures/engine/index.ts';
import type { ObjectionStatus } from './status.views.tsx';

const DECIDED = new Set(['decided', 'decision-published']);
const ENDED = new Set(['delivered', 'refused', 'withdrawn', 'rejected']);

/**
 * received → in review (after the objection period, or once the authority linked concerns) →
 * considered (every linked concern assessed, or the decision taken) → decision delivered.
 */
export function objectionStatus(options: {
  step: string;
  state: ProcedureState;
  today: string;
  linked: number;
  assessed: number;
}): ObjectionStatus {
  const { step, state, today, linked, assessed } = options;
  if (ENDED.has(step)) return 'decision-delivered';
  if (DECIDED.has(step) || (linked > 0 && assessed === linked)) return 'considered';
  const end = state.participation?.objectionEnd;
  if (linked > 0 || (end !== undefined && today > end) || step !== 'participation') {
    return 'in-review';
  }
  return 'received';
}

/** The concerns the authority confirmed for one objection, with their assessment texts. */
export async function concernsOfObjection(db: Db, objectionId: string) {
  return db
    .selectFrom('objection_concerns as oc')
    .innerJoin('concerns as c', 'c.id', 'oc.concern_id')
    .select(['c.label', 'c.assessment'])
    .where('oc.objection_id', '=', objectionId)
    .where('oc.source', '=', 'confirmed')
    .orderBy('c.position')
    .execute();
}
