/**
 * Formal permit procedure with public participation (§ 10 BImSchG), for 20 or more wind
 * turbines or where an EIA is required (4. BImSchV Annex 1 No. 1.6, UVPG Annex 1 No. 1.6).
 * Implemented up to the BOUNDARY step 'ready-for-participation': public notice, display,
 * objections, hearing and the decision (§ 10 Abs. 3–8 BImSchG) are built later.
 */
import type {
  ProcedureTypeVersion,
  StepDef,
  TransitionDef,
} from '../../procedures/engine/index.ts';
import { cite } from './citations.ts';
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
  withdrawalTransition,
} from './transitions.ts';

const steps: readonly StepDef[] = [
  sharedSteps.draft,
  sharedSteps.submitted,
  sharedSteps.completenessCheck,
  sharedSteps.agencyInvolvement,
  {
    key: 'ready-for-participation',
    label: 'Bereit für die Öffentlichkeitsbeteiligung',
    kind: 'boundary',
    citations: [cite.participation, cite.participationDetails],
    note: 'Grenze des bisher umgesetzten Verfahrens: Bekanntmachung, Auslegung, Einwendungen, Erörterung und Entscheidung folgen in einer späteren Ausbaustufe. Stellungnahmen der Behörden können weiter eingehen.',
  },
  sharedSteps.withdrawn,
  sharedSteps.rejected,
  {
    key: 'refused',
    label: 'Abgelehnt',
    kind: 'terminal',
    citations: [cite.refusal, cite.writtenDecision],
  },
];

const closing = ['application-withdrawn', 'application-rejected', 'application-refused'];

/** Steps after completeness in which agencies answer and the decision deadline runs. */
const reviewSteps = ['agency-involvement', 'ready-for-participation'];

const formalOnly: readonly TransitionDef[] = [
  {
    // [open] § 10 Abs. 5 BImSchG asks agencies "at the latest" with the public notice, so the
    // participation need not wait for all statements: no guard here, statements may follow.
    action: 'prepare-participation',
    label: 'Öffentlichkeitsbeteiligung vorbereiten',
    from: ['agency-involvement'],
    to: 'ready-for-participation',
    roles: ['case_worker'],
    guards: [],
    effect: { kind: 'close-step' },
    event: 'participation-prepared',
    citations: [cite.participation, cite.agencyInvolvement],
  },
  {
    action: 'refuse',
    label: 'Antrag ablehnen',
    from: reviewSteps,
    to: 'refused',
    roles: ['case_worker', 'supervisor'],
    guards: [],
    effect: { kind: 'refuse' },
    event: 'application-refused',
    citations: [cite.refusal, cite.writtenDecision],
  },
];

function formal(rules: RuleSet): ProcedureTypeVersion {
  return {
    key: 'bimschg-formal',
    version: rules.version,
    validFrom: rules.validFrom,
    title: 'Förmliches Genehmigungsverfahren nach § 10 BImSchG (Windenergieanlagen an Land)',
    citations: [
      cite.formalProcedure,
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
      ...agencyTransitions(reviewSteps),
      ...decisionDeadlineTransitions(reviewSteps),
      ...formalOnly,
      withdrawalTransition(openSteps(steps)),
    ],
    deadlines: [
      completenessCheckDeadline(rules, closing),
      documentSubmissionDeadline(closing),
      agencyStatementDeadline(closing),
      // A refusal decides the application; the grant comes with the participation stage. [open]
      decisionDeadline(rules, {
        months: 7,
        citation: cite.formalProcedure,
        decidedBy: ['application-refused'],
        closing: ['application-withdrawn', 'application-rejected'],
      }),
    ],
    requiredDocuments: WIND_REQUIRED_DOCUMENTS,
  };
}

export const BIMSCHG_FORMAL_VERSIONS: readonly ProcedureTypeVersion[] = [
  formal(JULY_2024),
  formal(RED_III_2025),
];
