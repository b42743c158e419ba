/**
 * Consents of other authorities (Einvernehmen, Zustimmung) as their own track next to an agency's
 * involvement: requested with it, given or refused by the agency, deemed given by silence when
 * the period ends, and — where the law allows — replaced by the permit authority. Which consents
 * exist is the procedure type's data (ConsentDef); which asked agency owes one is the caller's
 * input, because it follows from the authority's directory and the project, not from the engine.
 */
import { prepared, rejected } from './effect-types.ts';
import type { EffectContext, Prepared } from './effect-types.ts';
import { fail, ok, optionalText, requiredText, type InputRecord, type Parsed } from './input.ts';
import type { AgencyConsent, AgencyInvolvement, ProcedureState } from './state.ts';
import type { ConsentDef, ConsentStatus, ProcedureTypeVersion } from './types.ts';

/** Line breaks as typed, whatever the client sent (CR LF from browsers). */
const newlines = (text: string): string => text.replace(/\r\n?/g, '\n');

/**
 * The consents requested with an involvement: input `consents` maps each agency that owes one
 * to the consent's key. Every agency must be among those asked now, every key a ConsentDef.
 */
export function requestedConsents(
  type: ProcedureTypeVersion,
  input: InputRecord,
  asked: readonly string[],
): Parsed<Record<string, string>> {
  const value = Object.hasOwn(input, 'consents') ? input.consents : undefined;
  if (value === undefined || value === null) return ok({});
  if (typeof value !== 'object' || Array.isArray(value)) {
    return fail('Die erbetenen Zustimmungen haben ein ungültiges Format.');
  }
  const result: Record<string, string> = {};
  for (const [agency, kind] of Object.entries(value)) {
    if (!asked.includes(agency)) {
      return fail(
        'Eine Zustimmung kann nur von einer Behörde erbeten werden, die jetzt beteiligt wird.',
      );
    }
    if (!type.consents?.some((def) => def.key === kind)) {
      return fail('Diese Art der Zustimmung ist in diesem Verfahren nicht vorgesehen.');
    }
    result[agency] = kind as string;
  }
  return ok(result);
}

/**
 * Event data for requested consents: the map, and per ConsentDef the list of agencies under the
 * trigger field of its deadline, so that each gets its own period.
 */
export function consentEventData(
  type: ProcedureTypeVersion,
  consents: Readonly<Record<string, string>>,
): Record<string, unknown> {
  if (Object.keys(consents).length === 0) return {};
  const data: Record<string, unknown> = { consents };
  for (const def of type.consents ?? []) {
    const field = type.deadlines.find((d) => d.key === def.deadline)?.instances?.triggerField;
    const agencies = Object.keys(consents).filter((agency) => consents[agency] === def.key);
    if (field !== undefined && agencies.length > 0) data[field] = agencies;
  }
  return data;
}

/** The consent requested of an agency asked on `at`, or null if it owes none. */
export function consentOf(
  consents: Readonly<Record<string, string>>,
  agency: string,
  at: string,
): AgencyConsent | null {
  const kind = consents[agency];
  return kind === undefined
    ? null
    : { kind, status: 'requested', requestedAt: at, decidedAt: null };
}

interface Found {
  readonly entry: AgencyInvolvement & { readonly consent: AgencyConsent };
  readonly def: ConsentDef;
}

function findConsent(ctx: EffectContext): Parsed<Found> {
  const agency = requiredText(ctx.input, 'agency', 'Die Behörde');
  if (!agency.ok) return agency;
  const entry = ctx.state.agencies.find((candidate) => candidate.agency === agency.value);
  if (!entry) return fail('Diese Behörde ist an dem Verfahren nicht beteiligt.');
  const consent = entry.consent ?? null;
  const def = consent && ctx.type.consents?.find((candidate) => candidate.key === consent.kind);
  if (!consent || !def) {
    return fail(
      'Von dieser Behörde ist in diesem Verfahren weder Einvernehmen noch Zustimmung erbeten.',
    );
  }
  return ok({ entry: { ...entry, consent }, def });
}

function withStatus(
  state: ProcedureState,
  agency: string,
  status: ConsentStatus,
  at: string,
): ProcedureState {
  return {
    ...state,
    agencies: state.agencies.map((candidate) =>
      candidate.agency === agency && candidate.consent
        ? { ...candidate, consent: { ...candidate.consent, status, decidedAt: at } }
        : candidate,
    ),
  };
}

/**
 * The agency's own answer. A refusal must give reasons: the permit authority has to judge
 * whether it is lawful (§ 36 Abs. 2 S. 1 BauGB allows refusal only for reasons of §§ 31, 33–35
 * BauGB) and the applicant may challenge it with the permit. [open] whether reasons are a legal
 * requirement for the aviation authority's refusal or only good practice.
 */
export function answerConsent(ctx: EffectContext, status: 'given' | 'refused'): Prepared {
  const found = findConsent(ctx);
  if (!found.ok) return rejected(found.message);
  const reasons =
    status === 'refused'
      ? requiredText(ctx.input, 'reasons', 'Die Begründung der Verweigerung')
      : optionalText(ctx.input, 'reasons', 'Die Begründung');
  if (!reasons.ok) return rejected(reasons.message);
  const { entry, def } = found.value;
  return prepared(
    () => ({
      state: withStatus(ctx.state, entry.agency, status, ctx.at),
      data: { agency: entry.agency, kind: def.key, reasons: newlines(reasons.value) },
    }),
    entry.agency,
  );
}

/** The permit authority replaces an unlawfully refused consent, with reasons. */
export function replaceConsent(ctx: EffectContext): Prepared {
  const found = findConsent(ctx);
  if (!found.ok) return rejected(found.message);
  const { entry, def } = found.value;
  if (!def.replaceable) {
    return rejected(
      `${def.label} kann nicht ersetzt werden; ihre Verweigerung bindet die Genehmigungsbehörde (${def.citations.join(', ')}).`,
    );
  }
  const reasons = requiredText(ctx.input, 'reasons', 'Die Begründung der Ersetzung');
  if (!reasons.ok) return rejected(reasons.message);
  return prepared(
    () => ({
      state: withStatus(ctx.state, entry.agency, 'replaced', ctx.at),
      data: { agency: entry.agency, kind: def.key, reasons: newlines(reasons.value) },
    }),
    entry.agency,
  );
}

/** Silence until the end of the period: the consent counts as given (applied by the watcher). */
export function deemConsentGiven(ctx: EffectContext): Prepared {
  const found = findConsent(ctx);
  if (!found.ok) return rejected(found.message);
  const { entry, def } = found.value;
  return prepared(
    () => ({
      state: withStatus(ctx.state, entry.agency, 'deemed-given', ctx.at),
      data: { agency: entry.agency, kind: def.key, requestedAt: entry.consent.requestedAt },
    }),
    entry.agency,
  );
}
