/**
 * Effects from agency involvement to the end of a procedure (§§ 10, 19 BImSchG, §§ 11, 20
 * 9. BImSchV).
 */
import { consentEventData, consentOf, requestedConsents } from './effects-consent.ts';
import { prepared, rejected } from './effect-types.ts';
import type { EffectContext, Prepared } from './effect-types.ts';
import { integerField, oneOf, optionalText, requiredText, textList } from './input.ts';
import type { AgencyAnswer, ClosureKind, DecisionOutcome } from './state.ts';

export function askAgencies({ type, state, at, input }: EffectContext): Prepared {
  const agencies = textList(input, 'agencies', 'Die zu beteiligenden Behörden', 1);
  if (!agencies.ok) return rejected(agencies.message);
  const twice = agencies.value.find((name) => state.agencies.some((a) => a.agency === name));
  if (twice !== undefined) return rejected(`Die Behörde „${twice}“ ist bereits beteiligt.`);
  const consents = requestedConsents(type, input, agencies.value);
  if (!consents.ok) return rejected(consents.message);
  const asked = agencies.value.map((agency) => ({
    agency,
    askedAt: at,
    answer: 'pending' as const,
    answeredAt: null,
    consent: consentOf(consents.value, agency, at),
  }));
  return prepared(() => ({
    state: { ...state, agencies: [...state.agencies, ...asked] },
    data: { agencies: agencies.value, ...consentEventData(type, consents.value) },
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
  const statement = answer === 'statement' ? structuredStatement(input) : { ok: true as const };
  if (!statement.ok) return rejected(statement.message);
  const agencies = state.agencies.map((candidate) =>
    candidate.agency === agency.value ? { ...candidate, answer, answeredAt: at } : candidate,
  );
  const data =
    'value' in statement ? { agency: agency.value, ...statement.value } : { agency: agency.value };
  return prepared(() => ({ state: { ...state, agencies }, data }), agency.value);
}

export const STATEMENT_VERDICTS = [
  'no-objection',
  'no-objection-with-conditions',
  'objection',
  'no-comment',
] as const;
export type StatementVerdict = (typeof STATEMENT_VERDICTS)[number];

/** Line breaks as typed, whatever the client sent (CR LF from browsers). */
const newlines = (text: string): string => text.replace(/\r\n?/g, '\n');

/**
 * A structured statement (§ 10 Abs. 5 BImSchG, § 11 9. BImSchV): the verdict, the reasons with
 * their paragraphs, and proposed conditions one per entry. Objections must give reasons (the
 * authority has to deal with them in its decision, § 20 Abs. 1 9. BImSchV [open]); "no objection
 * with conditions" must name at least one condition.
 */
function structuredStatement(
  input: EffectContext['input'],
):
  | { ok: true; value: { verdict: StatementVerdict; statement: string; conditions: string[] } }
  | { ok: false; message: string } {
  const verdict = oneOf(input, 'verdict', 'Das Ergebnis der Stellungnahme', STATEMENT_VERDICTS);
  if (!verdict.ok) return verdict;
  const reasons =
    verdict.value === 'objection'
      ? requiredText(input, 'statement', 'Die Begründung der Bedenken')
      : optionalText(input, 'statement', 'Die Begründung');
  if (!reasons.ok) return reasons;
  const conditions = textList(input, 'conditions', 'Die vorgeschlagenen Nebenbestimmungen', 0);
  if (!conditions.ok) return conditions;
  if (verdict.value === 'no-objection-with-conditions' && conditions.value.length === 0) {
    return {
      ok: false,
      message:
        'Bitte geben Sie mindestens eine Nebenbestimmung an, wenn Sie keine Bedenken mit Nebenbestimmungen haben.',
    };
  }
  if (
    (verdict.value === 'no-objection' || verdict.value === 'no-comment') &&
    conditions.value.length > 0
  ) {
    return {
      ok: false,
      message:
        'Nebenbestimmungen schlagen Sie mit dem Ergebnis „keine Bedenken mit Nebenbestimmungen“ oder „Bedenken“ vor.',
    };
  }
  return {
    ok: true,
    value: {
      verdict: verdict.value,
      statement: newlines(reasons.value),
      conditions: conditions.value.map(newlines),
    },
  };
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
