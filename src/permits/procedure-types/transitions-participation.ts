/**
 * Transitions of the public part of the formal procedure (§ 10 Abs. 3–8 BImSchG).
 */
import type { Guard, HearingRule, TransitionDef } from '../../procedures/engine/index.ts';
import { cite } from './citations.ts';
import { consentsSettled } from './consents.ts';
import type { RuleSet } from './rule-sets.ts';
import { letterSigned } from './transitions.ts';

/** Above this many deliveries to objectors, the public notice replaces them (§ 10 Abs. 8 BImSchG). */
export const INDIVIDUAL_DELIVERY_MAX = 50;

const afterObjections = {
  check: { kind: 'date-passed', date: 'objectionEnd', inclusive: false },
  message: `Über den Erörterungstermin wird nach dem Ende der Einwendungsfrist entschieden; bis dahin können Einwendungen erhoben werden (${cite.objections}).`,
} as const;

/** The rule on whether a hearing takes place, per rule set (§ 10 Abs. 6 BImSchG). */
export function hearingRule(rules: RuleSet): HearingRule {
  return rules.hearingOnRequest
    ? {
        key: 'on-request',
        label:
          'Bei Windenergieanlagen an Land findet ein Erörterungstermin nur statt, wenn die Antragstellerin ihn beantragt (§ 10 Abs. 6 BImSchG in der seit Juli 2024 geltenden Fassung).',
        citation: cite.hearing,
      }
    : {
        key: 'discretionary',
        label:
          'Die Genehmigungsbehörde entscheidet nach Ermessen, ob ein Erörterungstermin stattfindet (§ 10 Abs. 6 BImSchG).',
        citation: cite.hearing,
      };
}

/** [open] Whether the authority may still hold a hearing without a request (legal sign-off). */
const requestNeeded: Guard = {
  check: { kind: 'hearing-requested', value: true },
  message: `Bei Windenergieanlagen an Land findet ein Erörterungstermin nur auf Antrag der Antragstellerin statt (${cite.hearing}). Ein solcher Antrag ist nicht erfasst; erfassen Sie zuerst den Antrag oder entscheiden Sie, dass kein Erörterungstermin stattfindet.`,
};

/** [open] check: after a request the hearing is held; it cannot be dropped without withdrawal. */
const notRequested: Guard = {
  check: { kind: 'hearing-requested', value: false },
  message: `Die Antragstellerin hat einen Erörterungstermin beantragt; er findet dann statt und kann nicht entfallen (${cite.hearing}).`,
};

export function participationTransitions(rules: RuleSet): TransitionDef[] {
  const rule = hearingRule(rules);
  return [
    {
      action: 'request-hearing',
      label: 'Erörterungstermin beantragen',
      // The applicant may ask any time before the authority decides on the hearing.
      from: ['agency-involvement', 'ready-for-participation', 'participation'],
      to: null,
      roles: ['applicant', 'case_worker'],
      guards: [
        {
          check: { kind: 'hearing-requested', value: false },
          message: 'Ein Antrag auf einen Erörterungstermin ist bereits erfasst.',
        },
      ],
      effect: { kind: 'request-hearing' },
      event: 'hearing-requested',
      citations: [cite.hearing],
    },
    {
      action: 'publish-notice',
      label: 'Vorhaben öffentlich bekannt machen',
      from: ['agency-involvement', 'ready-for-participation'],
      to: 'participation',
      roles: ['case_worker'],
      guards: [],
      effect: { kind: 'publish-notice', minDaysBeforeDisplay: 7 },
      event: 'notice-published',
      citations: [cite.notice, cite.display, cite.objections],
    },
    {
      action: 'skip-hearing',
      label: 'Kein Erörterungstermin (Entscheidung bekannt machen)',
      from: ['participation'],
      to: 'decision-drafting',
      roles: ['case_worker'],
      guards: rules.hearingOnRequest ? [afterObjections, notRequested] : [afterObjections],
      effect: { kind: 'skip-hearing', rule },
      event: 'hearing-skipped',
      citations: [cite.hearing],
    },
    {
      action: 'schedule-hearing',
      label: 'Erörterungstermin ansetzen',
      from: ['participation'],
      to: 'hearing',
      roles: ['case_worker'],
      guards: rules.hearingOnRequest ? [afterObjections, requestNeeded] : [afterObjections],
      effect: { kind: 'schedule-hearing', minWrittenPeriodDays: 7, rule },
      event: 'hearing-scheduled',
      citations: [cite.hearing],
    },
    {
      action: 'record-hearing',
      label: 'Niederschrift der Erörterung erfassen',
      from: ['hearing'],
      to: 'decision-drafting',
      roles: ['case_worker'],
      guards: [
        {
          check: { kind: 'date-passed', date: 'hearingDate', inclusive: true },
          message: `Die Niederschrift kann erst am Tag des Erörterungstermins bzw. nach dem Ende der Äußerungsfrist erfasst werden (${cite.minutes}).`,
        },
      ],
      effect: { kind: 'record-hearing' },
      event: 'hearing-held',
      citations: [cite.hearing, cite.minutes],
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
      citations: [cite.writtenDecision, cite.conditions, cite.refusal],
    },
    {
      action: 'publish-decision',
      label: 'Bescheid öffentlich bekannt machen',
      from: ['decided'],
      to: 'decision-published',
      roles: ['case_worker'],
      guards: [letterSigned.decision],
      effect: { kind: 'publish-decision' },
      event: 'decision-published',
      citations: [cite.decisionNotice],
    },
    {
      action: 'deliver-decision',
      label: 'Bescheid einzeln zustellen',
      from: ['decided'],
      to: 'delivered',
      roles: ['case_worker'],
      guards: [
        letterSigned.decision,
        // § 10 Abs. 8 S. 1 BImSchG lets a public notice replace the delivery to the objectors; the
        // portal makes that the rule above 50 deliveries, the number at which the VwVfG's mass
        // procedure rules switch to public notice (§§ 17, 69 Abs. 2 S. 2, 74 Abs. 5 VwVfG). [open]
        {
          check: { kind: 'deliveries-at-most', max: INDIVIDUAL_DELIVERY_MAX },
          message: `Der Bescheid wäre mehr als ${INDIVIDUAL_DELIVERY_MAX} Einwendenden zuzustellen. Die Einzelzustellung wird dann durch öffentliche Bekanntmachung ersetzt (${cite.decisionNotice}): Bitte machen Sie den Bescheid öffentlich bekannt („Bescheid öffentlich bekannt machen“); die Antragstellerin erhält ihn dabei weiterhin einzeln.`,
        },
      ],
      effect: { kind: 'deliver-decision' },
      event: 'decision-delivered',
      citations: [cite.writtenDecision],
    },
    {
      action: 'close-procedure',
      label: 'Verfahren abschließen (Bescheid gilt als zugestellt)',
      from: ['decision-published'],
      to: 'delivered',
      roles: ['case_worker', 'system'],
      guards: [
        {
          check: { kind: 'date-passed', date: 'decisionDisplayEnd', inclusive: false },
          message: `Der Bescheid gilt erst mit dem Ende der zweiwöchigen Auslegung als zugestellt (${cite.decisionNotice}).`,
        },
      ],
      effect: { kind: 'deem-delivered' },
      event: 'decision-deemed-delivered',
      citations: [cite.decisionNotice],
    },
  ];
}
