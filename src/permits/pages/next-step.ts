import type { EffectKind } from '../../procedures/engine/index.ts';
import { DESTRUCTIVE_EFFECTS } from '../../procedures/case/destructive-actions.ts';

/**
 * Which of the actions open to the viewer leads on the case page. The order follows the course
 * of a procedure: the step that moves the case forward comes first; extending a period, asking
 * further agencies and recording silence are side paths; steps that end the procedure are never
 * the primary action (they are secondary and confirmed).
 */
const FORWARD: readonly EffectKind[] = [
  'submit-application',
  'confirm-receipt',
  'confirm-completeness',
  'record-agency-statement',
  'give-consent',
  'refuse-consent',
  'close-step',
  'publish-notice',
  'schedule-hearing',
  'record-hearing',
  'decide',
  'deliver-decision',
  'publish-decision',
  'deem-delivered',
  'submit-documents',
  'request-documents',
  'skip-hearing',
  'record-applicant-consent',
  'ask-agencies',
  'extend-completeness-check',
  'extend-decision-deadline',
  'replace-consent',
  'record-agency-no-comment',
  'deem-consent-given',
];

export interface ActionChoice {
  action: string;
  effect: EffectKind;
}

export function rankActions<A extends ActionChoice>(
  actions: readonly A[],
  options: { missingDocuments: number },
): { primary: A | undefined; secondary: A[]; destructive: A[] } {
  const rank = (a: A) => {
    // While required documents are missing, asking for them is the regular next step
    // (§ 7 Abs. 1 S. 3 9. BImSchV); confirming anyway stays possible with a reason.
    if (options.missingDocuments > 0 && a.effect === 'request-documents') return -1;
    const index = FORWARD.indexOf(a.effect);
    return index === -1 ? FORWARD.length : index;
  };
  const destructive = actions.filter((a) => DESTRUCTIVE_EFFECTS.has(a.effect));
  const others = actions
    .filter((a) => !DESTRUCTIVE_EFFECTS.has(a.effect))
    .map((a, i) => ({ a, i }))
    .sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i)
    .map((x) => x.a);
  const [primary, ...secondary] = others;
  return { primary, secondary, destructive };
}
