/**
 * Effects from agency involvement to the end of a procedure (§§ 10, 19 BImSchG, §§ 11, 20
 * 9. BImSchV).
 */
import { prepared, rejected } from './effect-types.ts';
import type { EffectContext, Prepared } from './effect-types.ts';
import { integerField, oneOf, optionalText, requiredText, textList } from './input.ts';
import type { AgencyAnswer, ClosureKind, DecisionOutcome } from './state.ts';

export function askAgencies({ state, at, input }: EffectContext): Prepared {
  const agencies = textList(input, 'agencies', 'Die zu beteiligenden Behörden', 1);
  if (!agencies.ok) return rejected(agencies.message);
  const twice = agencies.value.find((name) => state.agencies.some((a) => a.agency === name));
  if (twice !== undefined) return rejected(`Die Behörde „${twice}“ ist bereits beteiligt.`);
  const asked = agencies.value.map((agency) => ({
    agency,
    askedAt: at,
    answer: 'pending' as const,
    answeredAt: null,
  }));
  return prepared(() => ({
    state: { ...state, agencies: [...state.agencies, ...asked] },
    data: { agencies: agencies.value },
  }));
}

/** A statement, or silence after the deadline recorded as "no comment". */
export function recordAgencyAnswer(
  { state, at, input }: EffectContext,
  answer: Exclude<AgencyAnswer, 'pending'>,
): Prepared {
  const agency = requiredText(input, 'agency', 'Die Behörde');
  if (!agency.ok) return rejected(agency.message);
  const entry = state.agencies.find((candidate) => candidate.agency === agency.value);
  if (!entry) return rejected(`Die Behörde „${agency.value}“ wurde nicht beteiligt.`);
  if (entry.answer !== 'pending') {
    return rejected(`Für die Behörde „${agency.value}“ ist bereits eine Antwort erfasst.`);
  }
  const statement =
    answer === 'statement'
      ? requiredText(input, 'statement', 'Der Inhalt der Stellungnahme')
      : { ok: true as const, value: '' };
  if (!statement.ok) return rejected(statement.message);
  const agencies = state.agencies.map((candidate) =>
    candidate.agency === agency.value ? { ...candidate, answer, answeredAt: at } : candidate,
  );
  const data =
    answer === 'statement'
      ? { agency: agency.value, statement: statement.value }
      : { agency: agency.value };
  return prepared(() => ({ state: { ...state, agencies }, data }), agency.value);
}

export function closeStep({ state }: EffectContext): Prepared {
  return prepared(() => ({ state, data: {} }));
}

/** § 10 Abs. 6a BImSchG: months and reasons; beyond the free extensions it uses the consent. */
export function extendDecisionDeadline(
  { state, input }: EffectContext,
  maxMonths: number,
  freeExtensions: number,
): Prepared {
  const months = integerField(input, 'months', 'Die Verlängerung in Monaten', 1, maxMonths);
  if (!months.ok) return rejected(months.message);
  const reason = requiredText(input, 'reason', 'Die Begründung der Verlängerung');
  if (!reason.ok) return rejected(reason.message);
  const { count, totalMonths } = state.decisionExtensions;
  const withConsent = count >= freeExtensions;
  return prepared(() => ({
    state: {
      ...state,
      decisionExtensions: { count: count + 1, totalMonths: totalMonths + months.value },
      applicantConsentAt: withConsent ? null : state.applicantConsentAt,
    },
    data: {
      months: months.value,
      duration: `P${months.value}M`,
      reason: reason.value,
      extensionNumber: count + 1,
      withConsent,
    },
  }));
}

export function recordApplicantConsent({ state, at, input }: EffectContext): Prepared {
  const statement = optionalText(input, 'statement', 'Die Erklärung');
  if (!statement.ok) return rejected(statement.message);
  return prepared(() => ({
    state: { ...state, applicantConsentAt: at },
    data: { statement: statement.value },
  }));
}

/** § 10 Abs. 7 BImSchG: a written, reasoned decision; conditions only for a grant (§ 12). */
export function decide({ state, at, input }: EffectContext): Prepared {
  const outcomes: readonly DecisionOutcome[] = ['granted', 'refused'];
  const outcome = oneOf(
    input,
    'outcome',
    'Die Entscheidung (Genehmigung oder Ablehnung)',
    outcomes,
  );
  if (!outcome.ok) return rejected(outcome.message);
  const conditions = textList(input, 'conditions', 'Die Nebenbestimmungen', 0);
  if (!conditions.ok) return rejected(conditions.message);
  if (outcome.value === 'refused' && conditions.value.length > 0) {
    return rejected('Eine Ablehnung enthält keine Nebenbestimmungen.');
  }
  const reasons = requiredText(input, 'reasons', 'Die Begründung der Entscheidung');
  if (!reasons.ok) return rejected(reasons.message);
  const decision = {
    outcome: outcome.value,
    conditions: conditions.value,
    reasons: reasons.value,
    decidedAt: at,
    deliveredAt: null,
  };
  return prepared(() => ({
    state: { ...state, decision },
    data: { outcome: outcome.value, conditions: conditions.value, reasons: reasons.value },
  }));
}

export function deliverDecision({ state, at }: EffectContext): Prepared {
  const { decision } = state;
  if (!decision)
    return rejected('Es liegt noch keine Entscheidung vor, die zugestellt werden kann.');
  return prepared(() => ({
    state: { ...state, decision: { ...decision, deliveredAt: at } },
    data: { outcome: decision.outcome },
  }));
}

/** Withdrawal (reason optional), rejection as incomplete or refusal (reasons required). */
export function close({ state, at, input }: EffectContext, kind: ClosureKind): Prepared {
  const reasons =
    kind === 'withdrawn'
      ? optionalText(input, 'reason', 'Der Grund der Rücknahme')
      : requiredText(input, 'reasons', 'Die Begründung der Ablehnung');
  if (!reasons.ok) return rejected(reasons.message);
  return prepared(() => ({
    state: { ...state, closure: { kind, at, reasons: reasons.value } },
    data: kind === 'withdrawn' ? { reason: reasons.value } : { reasons: reasons.value },
  }));
}
