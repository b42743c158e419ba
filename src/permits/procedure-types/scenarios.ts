/**
 * Test scenarios for the BImSchG types: how to reach every step, a valid command for every
 * action, and for every guard a situation in which it fails. Used only by the tests.
 */
import type { ProcedureTypeVersion } from '../../procedures/engine/index.ts';
import { AGENCIES, CONSENT_AGENCY, spec } from './test-support.ts';
import type { PathOptions, Spec } from './test-support.ts';

/** Commands from a new case to the given step. */
export function pathTo(
  type: ProcedureTypeVersion,
  step: string,
  options: PathOptions = {},
): Spec[] {
  const submitted = [spec.submit(type, options)];
  const checking = [...submitted, spec.confirmReceipt];
  const involving = [...checking, spec.confirmCompleteness(1, options.consent)];
  const formal = type.key === 'bimschg-formal';
  const participating = [...involving, spec.publishNotice()];
  const asked = options.consent ? [...AGENCIES, CONSENT_AGENCY] : AGENCIES;
  const drafting = formal
    ? [...participating, spec.skipHearing]
    : [...involving, ...asked.map(spec.statement), spec.completeAgencyInvolvement];
  const decided = [...drafting, spec.decide];
  const paths: Record<string, Spec[]> = {
    draft: [],
    submitted,
    'completeness-check': checking,
    'agency-involvement': involving,
    'ready-for-participation': [...involving, spec.prepareParticipation],
    'decision-drafting': drafting,
    participation: participating,
    hearing: [...participating, spec.requestHearing, spec.scheduleHearing],
    decided,
    'decision-published': [...decided, spec.publishDecision],
    delivered: [...decided, spec.deliver],
    withdrawn: [spec.withdraw],
    rejected: [...checking, spec.requestDocuments(), spec.rejectIncomplete(40)],
    refused: [...involving, spec.refuse],
  };
  const path = paths[step];
  if (!path) throw new Error(`no path to step ${step}`);
  return path;
}

export interface Scenario {
  /** Commands after reaching the from-step. */
  readonly setup: readonly Spec[];
  readonly command: Spec;
  readonly options?: PathOptions;
}

/** A valid command for each action, with what must happen first in the from-step. */
export function validScenario(type: ProcedureTypeVersion, action: string): Scenario {
  const only = (command: Spec): Scenario => ({ setup: [], command });
  switch (action) {
    case 'submit':
      return only(spec.submit(type));
    case 'confirm-receipt':
      return only(spec.confirmReceipt);
    case 'request-documents':
      return only(spec.requestDocuments());
    case 'submit-documents':
      return { setup: [spec.requestDocuments()], command: spec.submitDocuments() };
    case 'extend-completeness-check':
      return only(spec.extendCompletenessCheck);
    case 'confirm-completeness':
      return only(spec.confirmCompleteness());
    case 'reject-incomplete':
      return { setup: [spec.requestDocuments()], command: spec.rejectIncomplete(40) };
    case 'ask-agencies':
      return only(spec.askAgencies);
    case 'record-agency-statement':
      return only(spec.statement('Bauaufsicht'));
    case 'record-agency-no-comment':
      return only(spec.noComment(40));
    case 'extend-decision-deadline':
      return only(spec.extendDecision());
    case 'record-applicant-consent':
      return only(spec.consent);
    case 'prepare-participation':
      return only(spec.prepareParticipation);
    case 'complete-agency-involvement':
      return { setup: AGENCIES.map(spec.statement), command: spec.completeAgencyInvolvement };
    case 'refuse':
      return only(spec.refuse);
    case 'decide':
      return only(spec.decide);
    case 'deliver-decision':
      return only(spec.deliver);
    case 'withdraw':
      return only(spec.withdraw);
    case 'publish-notice':
      return only(spec.publishNotice());
    case 'skip-hearing':
      return only(spec.skipHearing);
    case 'request-hearing':
      return only(spec.requestHearing);
    case 'schedule-hearing':
      return { setup: [spec.requestHearing], command: spec.scheduleHearing };
    case 'record-hearing':
      return only(spec.recordHearing);
    case 'publish-decision':
      return only(spec.publishDecision);
    case 'close-procedure':
      return only(spec.closeProcedure);
    case 'give-consent':
      return { setup: [], command: spec.giveConsent, options: { consent: 'municipality' } };
    case 'refuse-consent':
      return { setup: [], command: spec.refuseConsent, options: { consent: 'aviation' } };
    case 'replace-consent':
      return {
        setup: [spec.refuseConsent],
        command: spec.replaceConsent,
        options: { consent: 'municipality' },
      };
    case 'deem-consent-given':
      // Two months after the request in every step: the fiction applies.
      return { setup: [], command: spec.deemConsent(70), options: { consent: 'aviation' } };
    default:
      throw new Error(`no scenario for action ${action}: add one in scenarios.ts`);
  }
}

export interface Violation extends Scenario {
  /** Index of the guard in the transition's guard list that must fail. */
  readonly guard: number;
}

/** Situations in which a guard fails; every guard of every type needs at least one. */
export function guardViolations(type: ProcedureTypeVersion, action: string): Violation[] {
  return [
    ...specificViolations(type, action),
    ...unsignedLetterViolations(type, action),
    ...tooManyDeliveriesViolations(type, action),
  ];
}

/** The valid command, but more deliveries than the guard allows (public notice instead). */
function tooManyDeliveriesViolations(type: ProcedureTypeVersion, action: string): Violation[] {
  const transition = type.transitions.find((t) => t.action === action);
  const index = transition?.guards.findIndex((g) => g.check.kind === 'deliveries-at-most') ?? -1;
  const guard = index < 0 ? undefined : transition?.guards[index]?.check;
  if (guard?.kind !== 'deliveries-at-most') return [];
  const valid = validScenario(type, action);
  return [{ ...valid, guard: index, command: { ...valid.command, deliveryCount: guard.max + 1 } }];
}

/** The valid command, but the case has no signed letter yet (decision flow). */
function unsignedLetterViolations(type: ProcedureTypeVersion, action: string): Violation[] {
  const transition = type.transitions.find((t) => t.action === action);
  const index = transition?.guards.findIndex((g) => g.check.kind === 'letter-signed') ?? -1;
  if (index < 0) return [];
  const valid = validScenario(type, action);
  return [{ ...valid, guard: index, command: { ...valid.command, signedLetters: [] } }];
}

function specificViolations(type: ProcedureTypeVersion, action: string): Violation[] {
  switch (action) {
    case 'extend-completeness-check':
      return [
        { guard: 0, setup: [spec.extendCompletenessCheck], command: spec.extendCompletenessCheck },
        {
          guard: 1,
          setup: [],
          command: spec.extendCompletenessCheck,
          options: { inAccelerationArea: true },
        },
      ];
    case 'confirm-completeness':
      return [{ guard: 0, setup: [spec.requestDocuments()], command: spec.confirmCompleteness() }];
    case 'reject-incomplete':
      return [
        { guard: 0, setup: [], command: spec.rejectIncomplete(40) },
        { guard: 0, setup: [spec.requestDocuments()], command: spec.rejectIncomplete(5) },
      ];
    case 'record-agency-no-comment':
      return [{ guard: 0, setup: [], command: spec.noComment(5) }];
    case 'extend-decision-deadline':
      return [
        { guard: 0, setup: [spec.extendDecision(1)], command: spec.extendDecision(1) },
        {
          guard: 0,
          setup: [spec.extendDecision(1), spec.consent, spec.extendDecision(1)],
          command: spec.extendDecision(1),
        },
      ];
    case 'record-applicant-consent':
      return [{ guard: 0, setup: [spec.consent], command: spec.consent }];
    case 'request-hearing':
      return [{ guard: 0, setup: [spec.requestHearing], command: spec.requestHearing }];
    case 'skip-hearing':
      return [
        { guard: 0, setup: [], command: { ...spec.skipHearing, gap: 5 } },
        { guard: 1, setup: [spec.requestHearing], command: spec.skipHearing },
      ];
    case 'schedule-hearing':
      return [
        { guard: 0, setup: [spec.requestHearing], command: { ...spec.scheduleHearing, gap: 5 } },
        { guard: 1, setup: [], command: spec.scheduleHearing },
      ];
    case 'record-hearing':
      return [{ guard: 0, setup: [], command: { ...spec.recordHearing, gap: 1 } }];
    case 'close-procedure':
      return [{ guard: 0, setup: [], command: { ...spec.closeProcedure, gap: 3 } }];
    case 'complete-agency-involvement':
      return [
        {
          guard: 0,
          setup: [spec.statement('Bauaufsicht')],
          command: spec.completeAgencyInvolvement,
        },
      ];
    case 'give-consent':
    case 'refuse-consent': {
      const municipality = { consent: 'municipality' } as const;
      const aviation = { consent: 'aviation' } as const;
      const command = action === 'give-consent' ? spec.giveConsent : spec.refuseConsent;
      return [
        { guard: 0, setup: [spec.giveConsent], command, options: municipality },
        { guard: 0, setup: [spec.refuseConsent], command, options: aviation },
        { guard: 0, setup: [spec.deemConsent(70)], command, options: municipality },
        {
          guard: 0,
          setup: [spec.refuseConsent, spec.replaceConsent],
          command,
          options: municipality,
        },
      ];
    }
    case 'replace-consent':
      return [
        { guard: 0, setup: [], command: spec.replaceConsent, options: { consent: 'municipality' } },
        {
          guard: 0,
          setup: [spec.giveConsent],
          command: spec.replaceConsent,
          options: { consent: 'municipality' },
        },
        {
          guard: 0,
          setup: [spec.refuseConsent, spec.replaceConsent],
          command: spec.replaceConsent,
          options: { consent: 'municipality' },
        },
      ];
    case 'deem-consent-given':
      return [
        {
          guard: 0,
          setup: [spec.giveConsent],
          command: spec.deemConsent(70),
          options: { consent: 'municipality' },
        },
        {
          guard: 0,
          setup: [spec.refuseConsent],
          command: spec.deemConsent(70),
          options: { consent: 'aviation' },
        },
        // The last day of the period: not yet (§ 188 Abs. 2 BGB: the period ends with that day).
        { guard: 1, setup: [], command: spec.deemConsent(1), options: { consent: 'municipality' } },
      ];
    case 'decide':
      return [
        { guard: 0, setup: [], command: spec.decide, options: { consent: 'municipality' } },
        {
          guard: 0,
          setup: [spec.refuseConsent],
          command: spec.decide,
          options: { consent: 'aviation' },
        },
      ];
    default:
      return [];
  }
}
