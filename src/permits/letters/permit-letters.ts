/**
 * Which permit letters a case offers in its current state, and the builder per kind. The
 * letters engine (src/procedures/letters) asks these through the LetterBuilder registered for
 * the permit procedure types; drafting, preview, sign-off and delivery are the engine's.
 */
import type { LetterContent, LetterKind } from '../../procedures/letters/letter.types.ts';
import type { ProcedureState } from '../../procedures/engine/index.ts';
import { buildHearingLetter, buildRefusalLetter, buildRejectionLetter } from './adverse.content.ts';
import { buildDecisionLetter } from './decision.content.ts';
import {
  buildCompletenessLetter,
  buildMissingDocumentsLetter,
  buildReceiptLetter,
} from './intake.content.ts';
import type { PermitLetterSnapshot } from './snapshot.ts';

export function buildPermitLetter(kind: LetterKind, snapshot: PermitLetterSnapshot): LetterContent {
  switch (kind) {
    case 'receipt':
      return buildReceiptLetter(snapshot);
    case 'missing-documents':
      return buildMissingDocumentsLetter(snapshot);
    case 'completeness':
      return buildCompletenessLetter(snapshot);
    case 'hearing':
      return buildHearingLetter(snapshot);
    case 'decision':
      return buildDecisionLetter(snapshot);
    case 'refusal':
      return buildRefusalLetter(snapshot);
    case 'rejection':
      return buildRejectionLetter(snapshot);
    case 'revocation':
      // Permits have no revocation letter (availablePermitKinds never offers one).
      throw new Error('permit procedures have no revocation letter');
  }
}

/** Steps in which the authority may still refuse on the merits (formal: the 'refuse' action). */
const REFUSAL_STEPS: Record<string, readonly string[]> = {
  'bimschg-formal': ['agency-involvement', 'ready-for-participation', 'decision-drafting'],
  'bimschg-simplified': ['decision-drafting'],
};

/**
 * The letters that fit the case now. The decision letters follow the steps and actions of the
 * procedure type: a grant or refusal once the decision is being drafted (and the refusal of
 * the formal procedure before participation), the rejection while a document request is open.
 */
export function availablePermitKinds(typeKey: string, state: ProcedureState): LetterKind[] {
  const kinds: LetterKind[] = [];
  if (state.submittedAt === null) return kinds;
  kinds.push('receipt');
  if (state.documentRequests.length > 0) kinds.push('missing-documents');
  if (state.completeness) kinds.push('completeness');
  const open =
    state.closure === null && !['decided', 'decision-published', 'delivered'].includes(state.step);
  const requestOpen = state.documentRequests.some((r) => r.answeredAt === null);
  if (open && (state.step === 'completeness-check' ? requestOpen : true)) kinds.push('hearing');
  const outcome = state.decision?.outcome;
  const decisionSteps = ['decision-drafting', 'decided'];
  if (decisionSteps.includes(state.step) && outcome !== 'refused') kinds.push('decision');
  if (
    (REFUSAL_STEPS[typeKey]?.includes(state.step) ?? false) ||
    (state.step === 'decided' && outcome === 'refused') ||
    state.closure?.kind === 'refused'
  )
    kinds.push('refusal');
  if ((state.step === 'completeness-check' && requestOpen) || state.closure?.kind === 'rejected')
    kinds.push('rejection');
  return kinds;
}
