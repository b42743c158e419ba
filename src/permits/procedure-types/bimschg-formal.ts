/**
 * Formal permit procedure with public participation (§ 10 BImSchG), for 20 or more wind
 * turbines or where an EIA is required (4. BImSchV Annex 1 No. 1.6, UVPG Annex 1 No. 1.6):
 * intake and agency involvement as in the simplified procedure, then public notice, display,
 * objection period, the decision on the hearing, the decision and its public notice (§ 10
 * Abs. 3–8 BImSchG, §§ 8–21a 9. BImSchV).
 */
import type {
  FactDef,
  ProcedureTypeVersion,
  StepDef,
  TransitionDef,
} from '../../procedures/engine/index.ts';
import { cite } from './citations.ts';
import { consentDeadlines, consentTransitions, CONSENTS } from './consents.ts';
import {
  agencyStatementDeadline,
  completenessCheckDeadline,
  decisionDeadline,
  documentSubmissionDeadline,
} from './deadlines.ts';
import {
  decisionDisplayPeriod,
  displayPeriod,
  objectionPeriod,
} from './deadlines-participation.ts';
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
import { participationTransitions } from './transitions-participation.ts';

const steps: readonly StepDef[] = [
  sharedSteps.draft,
  sharedSteps.submitted,
  sharedSteps.completenessCheck,
  sharedSteps.agencyInvolvement,
  {
    key: 'ready-for-participation',
    label: 'Vorbereitung der Öffentlichkeitsbeteiligung',
    kind: 'active',
    citations: [cite.participation, cite.notice],
  },
  {
    key: 'participation',
    label: 'Öffentlichkeitsbeteiligung (Bekanntmachung, Auslegung, Einwendungen)',
    kind: 'active',
    citations: [cite.notice, cite.display, cite.objections],
  },
  { key: 'hearing', label: 'Erörterung', kind: 'active', citations: [cite.hearing] },
  {
    key: 'decision-drafting',
    label: 'Vorbereitung der Entscheidung',
    kind: 'active',
    citations: [cite.formalProcedure, cite.decisionDeadline],
  },
  {
    key: 'decided',
    label: 'Entschieden, Bekanntgabe ausstehend',
    kind: 'active',
    citations: [cite.writtenDecision, cite.conditions],
  },
  {
    key: 'decision-published',
    label: 'Bescheid öffentlich bekannt gemacht und ausgelegt',
    kind: 'active',
    citations: [cite.decisionNotice],
  },
  {
    key: 'delivered',
    label: 'Bescheid zugestellt, Verfahren abgeschlossen',
    kind: 'terminal',
    citations: [cite.writtenDecision, cite.decisionNotice],
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

/** Steps after completeness in which agencies may still answer and the decision deadline runs. */
const reviewSteps = [
  'agency-involvement',
  'ready-for-participation',
  'participation',
  'hearing',
  'decision-drafting',
];

/** Recorded with the public notice; decides the length of the objection period. */
const EIA_FACT: FactDef = {
  key: 'eiaRequired',
  label: 'Wird eine Umweltverträglichkeitsprüfung durchgeführt?',
  required: false,
  citations: [cite.eia, cite.objections],
};

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
    from: ['agency-involvement', 'ready-for-participation'],
    to: 'refused',
    roles: ['case_worker', 'supervisor'],
    guards: [letterSigned.refusal],
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
      cite.participation,
      ...(rules.red ? [cite.redCompleteness] : []),
      cite.transition,
    ],
    facts: [...procedureFacts(rules), EIA_FACT],
    steps,
    initialStep: 'draft',
    transitions: [
      ...intakeTransitions(rules),
      ...agencyTransitions(reviewSteps),
      ...consentTransitions(reviewSteps),
      ...decisionDeadlineTransitions(reviewSteps),
      ...formalOnly,
      ...participationTransitions(rules),
      withdrawalTransition(openSteps(steps)),
    ],
    deadlines: [
      completenessCheckDeadline(rules, closing),
      documentSubmissionDeadline(closing),
      agencyStatementDeadline(closing),
      ...consentDeadlines(closing),
      decisionDeadline(rules, {
        months: 7,
        citation: cite.formalProcedure,
        decidedBy: ['application-refused', 'decision-issued'],
        closing: ['application-withdrawn', 'application-rejected'],
      }),
      displayPeriod(closing),
      objectionPeriod(closing),
      decisionDisplayPeriod(closing),
    ],
    requiredDocuments: WIND_REQUIRED_DOCUMENTS,
    consents: CONSENTS,
  };
}

export const BIMSCHG_FORMAL_VERSIONS: readonly ProcedureTypeVersion[] = [
  formal(JULY_2024),
  formal(RED_III_2025),
];
