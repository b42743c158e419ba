/**
 * Simplified permit procedure (§ 19 BImSchG, § 24 9. BImSchV) for fewer than 20 wind turbines
 * without EIA: no public participation; agency involvement, the 3-month decision deadline and
 * the written decision remain (§ 19 Abs. 2 BImSchG).
 */
import type {
  ProcedureTypeVersion,
  StepDef,
  TransitionDef,
} from '../../procedures/engine/index.ts';
import { cite } from './citations.ts';
import { consentDeadlines, consentsSettled, consentTransitions, CONSENTS } from './consents.ts';
import {
  agencyStatementDeadline,
  completenessCheckDeadline,
  decisionDeadline,
  documentSubmissionDeadline,
} from './deadlines.ts';
import { WIND_REQUIRED_DOCUMENTS } from './required-documents.ts';
import { JULY_2024, procedureFacts, RED_III_2025 } from './rule-sets.ts';
import type { RuleSet } from './rule-sets.ts';
import { openSteps, sharedSteps } from './steps.ts';
import {
  agencyTransitions,
  decisionDeadlineTransitions,
  intakeTransitions,
  letterSigned,
  withdrawalTransition,
} from './transitions.ts';

const steps: readonly StepDef[] = [
  sharedSteps.draft,
  sharedSteps.submitted,
  sharedSteps.completenessCheck,
  sharedSteps.agencyInvolvement,
  {
    key: 'decision-drafting',
    label: 'Vorbereitung der Entscheidung',
    kind: 'active',
    citations: [cite.simplifiedProcedure, cite.decisionDeadline],
  },
  {
    key: 'decided',
    label: 'Entschieden, Zustellung ausstehend',
    kind: 'active',
    citations: [cite.writtenDecision, cite.conditions],
  },
  {
    key: 'delivered',
    label: 'Bescheid zugestellt',
    kind: 'terminal',
    citations: [cite.writtenDecision],
  },
  sharedSteps.withdrawn,
  sharedSteps.rejected,
];

/** A refusal here is a decision (outcome 'refused') and goes through delivery. */
const closing = ['application-withdrawn', 'application-rejected'];

const simplifiedOnly: readonly TransitionDef[] = [
  {
    action: 'complete-agency-involvement',
    label: 'Beteiligung der Behörden abschließen',
    from: ['agency-involvement'],
    to: 'decision-drafting',
    roles: ['case_worker'],
    guards: [
      {
        check: { kind: 'all-agencies-answered' },
        message: `Es liegen noch nicht alle Stellungnahmen vor; jede beteiligte Behörde hat bis zum Ablauf ihrer Frist von einem Monat Zeit (${cite.agencyInvolvement}).`,
      },
    ],
    effect: { kind: 'close-step' },
    event: 'agency-involvement-completed',
    citations: [cite.agencyInvolvement],
  },
  {
    action: 'decide',
    label: 'Entscheidung treffen',
    from: ['decision-drafting'],
    to: 'decided',
    roles: ['case_worker', 'supervisor'],
    guards: [consentsSettled],
    effect: { kind: 'decide' },
    event: 'decision-issued',
    citations: [cite.writtenDecision, cite.conditions, cite.refusal, cite.simplifiedProcedure],
  },
  {
    action: 'deliver-decision',
    label: 'Bescheid zustellen',
    from: ['decided'],
    to: 'delivered',
    roles: ['case_worker'],
    guards: [letterSigned.decision],
    effect: { kind: 'deliver-decision' },
    event: 'decision-delivered',
    citations: [cite.writtenDecision, cite.simplifiedProcedure],
  },
];

function simplified(rules: RuleSet): ProcedureTypeVersion {
  return {
    key: 'bimschg-simplified',
    version: rules.version,
    validFrom: rules.validFrom,
    title: 'Vereinfachtes Genehmigungsverfahren nach § 19 BImSchG (Windenergieanlagen an Land)',
    citations: [
      cite.simplifiedProcedure,
      cite.simplifiedRules,
      cite.applicationContent,
      cite.decisionDeadline,
      ...(rules.red ? [cite.redCompleteness] : []),
      cite.transition,
    ],
    facts: procedureFacts(rules),
    steps,
    initialStep: 'draft',
    transitions: [
      ...intakeTransitions(rules),
      ...agencyTransitions(['agency-involvement']),
      // A consent may still be open when all statements are in and the decision is drafted.
      ...consentTransitions(['agency-involvement', 'decision-drafting']),
      ...decisionDeadlineTransitions(['agency-involvement', 'decision-drafting']),
      ...simplifiedOnly,
      withdrawalTransition(openSteps(steps)),
    ],
    deadlines: [
      completenessCheckDeadline(rules, closing),
      documentSubmissionDeadline(closing),
      agencyStatementDeadline(closing),
      ...consentDeadlines(closing),
      decisionDeadline(rules, {
        months: 3,
        citation: cite.simplifiedProcedure,
        decidedBy: ['decision-issued'],
        closing,
      }),
    ],
    requiredDocuments: WIND_REQUIRED_DOCUMENTS,
    consents: CONSENTS,
  };
}

export const BIMSCHG_SIMPLIFIED_VERSIONS: readonly ProcedureTypeVersion[] = [
  simplified(JULY_2024),
  simplified(RED_III_2025),
];
