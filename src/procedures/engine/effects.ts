import type { EffectContext, Prepared } from './effect-types.ts';
import {
  confirmCompleteness,
  confirmReceipt,
  extendCompletenessCheck,
  requestDocuments,
  submitApplication,
  submitDocuments,
} from './effects-intake.ts';
import {
  askAgencies,
  close,
  closeStep,
  decide,
  deliverDecision,
  extendDecisionDeadline,
  recordAgencyAnswer,
  recordApplicantConsent,
} from './effects-review.ts';
import { answerConsent, deemConsentGiven, replaceConsent } from './effects-consent.ts';
import {
  deemDelivered,
  publishDecision,
  publishNotice,
  recordHearing,
  requestHearing,
  scheduleHearing,
  skipHearing,
} from './effects-participation.ts';
import type { Effect } from './types.ts';

/** Validates the input for an effect and prepares its change (see effect-types.ts). */
export function prepareEffect(effect: Effect, ctx: EffectContext): Prepared {
  switch (effect.kind) {
    case 'submit-application':
      return submitApplication(ctx);
    case 'confirm-receipt':
      return confirmReceipt(ctx);
    case 'request-documents':
      return requestDocuments(ctx, effect.maxPeriod, effect.citation);
    case 'submit-documents':
      return submitDocuments(ctx);
    case 'extend-completeness-check':
      return extendCompletenessCheck(ctx);
    case 'confirm-completeness':
      return confirmCompleteness(ctx);
    case 'ask-agencies':
      return askAgencies(ctx);
    case 'record-agency-statement':
      return recordAgencyAnswer(ctx, 'statement');
    case 'record-agency-no-comment':
      return recordAgencyAnswer(ctx, 'no-comment');
    case 'give-consent':
      return answerConsent(ctx, 'given');
    case 'refuse-consent':
      return answerConsent(ctx, 'refused');
    case 'replace-consent':
      return replaceConsent(ctx);
    case 'deem-consent-given':
      return deemConsentGiven(ctx);
    case 'close-step':
      return closeStep(ctx);
    case 'extend-decision-deadline':
      return extendDecisionDeadline(ctx, effect.maxMonths, effect.freeExtensions);
    case 'record-applicant-consent':
      return recordApplicantConsent(ctx);
    case 'decide':
      return decide(ctx);
    case 'deliver-decision':
      return deliverDecision(ctx);
    case 'publish-notice':
      return publishNotice(ctx, effect.minDaysBeforeDisplay);
    case 'request-hearing':
      return requestHearing(ctx);
    case 'skip-hearing':
      return skipHearing(ctx, effect.rule);
    case 'schedule-hearing':
      return scheduleHearing(ctx, effect.minWrittenPeriodDays, effect.rule);
    case 'record-hearing':
      return recordHearing(ctx);
    case 'publish-decision':
      return publishDecision(ctx);
    case 'deem-delivered':
      return deemDelivered(ctx);
    case 'withdraw':
      return close(ctx, 'withdrawn');
    case 'reject-incomplete':
      return close(ctx, 'rejected');
    case 'refuse':
      return close(ctx, 'refused');
  }
}
