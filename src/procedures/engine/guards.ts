/**
 * Guards: the legal preconditions of a transition, as a closed vocabulary over ProcedureState.
 * Date-dependent guards need the action date; without one (availableActions without `today`)
 * they are treated as passing, and applyAction checks them again with the real date.
 */
import { formatGermanDateShort } from '../../law/index.ts';
import type { IsoDate } from '../../law/index.ts';
import { firstPeriod, resolveDuration } from './deadline-rules.ts';
import type { InputRecord } from './input.ts';
import { openDocumentRequests, pendingAgencies, unsettledConsents } from './state.ts';
import type { AgencyInvolvement, ProcedureState } from './state.ts';
import type { Guard, GuardCheck, ProcedureTypeVersion, StateDate, TransitionDef } from './types.ts';

export interface GuardContext {
  readonly type: ProcedureTypeVersion;
  readonly state: ProcedureState;
  /** Action date; undefined when only asking which buttons to show. */
  readonly at: IsoDate | undefined;
  /** Agency named in the action input, for 'agency-deadline-expired'. */
  readonly agency: string | undefined;
  /**
   * Kinds of the case's signed, not superseded letters, for 'letter-signed'. Undefined when the
   * caller keeps no letters (pure simulations): the guard is then treated as passing, like a
   * date guard without a date; the application's action path always passes the list.
   */
  readonly signedLetters?: readonly string[] | undefined;
  /**
   * How many individual deliveries the action would make, for 'deliveries-at-most'. Undefined
   * when the caller does not count (pure simulations): the guard then passes.
   */
  readonly deliveryCount?: number | undefined;
  /**
   * The action's validated input, for guards that bind one variant of it (Guard.onlyIf);
   * undefined when only asking which buttons to show.
   */
  readonly input?: InputRecord | undefined;
}

/**
 * End of a deadline started on `start`, or undefined if the data do not allow computing it.
 * `period` stands in for the trigger event's duration field (a period set by the case worker).
 */
function endOf(
  ctx: GuardContext,
  key: string,
  start: IsoDate,
  period?: string,
): IsoDate | undefined {
  const def = ctx.type.deadlines.find((candidate) => candidate.key === key);
  if (!def) return undefined;
  const data = def.duration.kind === 'from-event' ? { [def.duration.field]: period } : {};
  const duration = resolveDuration(def.duration, ctx.state.facts, data);
  return duration ? firstPeriod(def, start, duration).end : undefined;
}

function agencyExpired(ctx: GuardContext, deadline: string, at: IsoDate): boolean {
  const candidates = pendingAgencies(ctx.state).filter(
    (agency) => ctx.agency === undefined || agency.agency === ctx.agency,
  );
  return candidates.some((agency) => {
    const end = endOf(ctx, deadline, agency.askedAt);
    return end !== undefined && at > end;
  });
}

/** Asked agencies whose consent the check concerns: the one named in the input, else all. */
function consentCandidates(ctx: GuardContext): AgencyInvolvement[] {
  return ctx.state.agencies.filter(
    (agency) => agency.consent && (ctx.agency === undefined || agency.agency === ctx.agency),
  );
}

function consentDef(ctx: GuardContext, agency: AgencyInvolvement) {
  return ctx.type.consents?.find((def) => def.key === agency.consent?.kind);
}

/** End of the period of a requested consent (its ConsentDef's per-agency deadline). */
function consentEnd(ctx: GuardContext, agency: AgencyInvolvement): IsoDate | undefined {
  const def = consentDef(ctx, agency);
  return def && agency.consent ? endOf(ctx, def.deadline, agency.consent.requestedAt) : undefined;
}

function consentExpired(ctx: GuardContext, at: IsoDate): boolean {
  return consentCandidates(ctx).some((agency) => {
    const end = agency.consent?.status === 'requested' ? consentEnd(ctx, agency) : undefined;
    return end !== undefined && at > end;
  });
}

/** Which consents still block a grant, for the guard's message. */
function openConsents(ctx: GuardContext): string {
  return unsettledConsents(ctx.state)
    .map((agency) => {
      const label = consentDef(ctx, agency)?.label ?? agency.consent?.kind ?? '';
      if (agency.consent?.status === 'refused') return `${label}: verweigert, nicht ersetzt`;
      const end = consentEnd(ctx, agency);
      return end === undefined
        ? `${label}: erbeten`
        : `${label}: erbeten; ohne Verweigerung gilt es mit Ablauf des ${formatGermanDateShort(end)} als erteilt`;
    })
    .join('; ');
}

function requestOverdue(ctx: GuardContext, deadline: string, at: IsoDate): boolean {
  return openDocumentRequests(ctx.state).some((request) => {
    const end = endOf(ctx, deadline, request.requestedAt, request.period);
    return end !== undefined && at > end;
  });
}

function stateDate(state: ProcedureState, which: StateDate): IsoDate | null {
  switch (which) {
    case 'objectionEnd':
      return state.participation?.objectionEnd ?? null;
    case 'hearingDate':
      return state.hearing?.date ?? null;
    case 'decisionDisplayEnd':
      return state.decisionPublication?.displayEnd ?? null;
  }
}

export function guardPasses(check: GuardCheck, ctx: GuardContext): boolean {
  const { state } = ctx;
  switch (check.kind) {
    case 'no-open-document-requests':
      return openDocumentRequests(state).length === 0;
    case 'completeness-extension-unused':
      return !state.completenessCheckExtended;
    case 'fact-is':
      return state.facts[check.fact] === check.value;
    case 'decision-extension-allowed':
      return (
        state.decisionExtensions.count < check.freeExtensions || state.applicantConsentAt !== null
      );
    case 'applicant-consent-not-pending':
      return state.applicantConsentAt === null;
    case 'all-agencies-answered':
      return pendingAgencies(state).length === 0;
    case 'agency-deadline-expired':
      return ctx.at === undefined || agencyExpired(ctx, check.deadline, ctx.at);
    case 'document-request-overdue':
      return ctx.at === undefined || requestOverdue(ctx, check.deadline, ctx.at);
    case 'letter-signed': {
      if (ctx.signedLetters === undefined) return true;
      const needed =
        check.ifRefused !== undefined && state.decision?.outcome === 'refused'
          ? check.ifRefused
          : check.letter;
      return ctx.signedLetters.includes(needed);
    }
    case 'deliveries-at-most':
      return ctx.deliveryCount === undefined || ctx.deliveryCount <= check.max;
    case 'consent-is':
      return consentCandidates(ctx).some(
        (agency) =>
          agency.consent?.status === check.status &&
          (!check.replaceable || consentDef(ctx, agency)?.replaceable === true),
      );
    case 'consent-deadline-expired':
      return ctx.at === undefined || consentExpired(ctx, ctx.at);
    case 'consents-settled':
      return unsettledConsents(state).length === 0;
    case 'hearing-requested':
      return (state.hearingRequest != null) === check.value;
    case 'date-passed': {
      const date = stateDate(state, check.date);
      if (date === null) return false;
      return ctx.at === undefined || ctx.at > date || (check.inclusive && ctx.at === date);
    }
  }
}

/** The guard's German message, with the open consents where that guard failed. */
function messageOf(guard: Guard, ctx: GuardContext): string {
  if (guard.check.kind === 'consents-settled')
    return `${guard.message} Offen: ${openConsents(ctx)}.`;
  if (guard.check.kind === 'deliveries-at-most' && ctx.deliveryCount !== undefined)
    return `${guard.message} Zuzustellen wäre an ${ctx.deliveryCount.toLocaleString('de-DE')} Einwendende.`;
  return guard.message;
}

/**
 * Whether a guard binds the action: a variant guard (onlyIf) only when the input chooses its
 * variant; without input (listing buttons) it does not, so the other variants stay available.
 */
function binds(guard: Guard, ctx: GuardContext): boolean {
  if (!guard.onlyIf) return true;
  return ctx.input !== undefined && ctx.input[guard.onlyIf.field] === guard.onlyIf.value;
}

/** The German message of the first failing guard, or null if all pass. */
export function firstFailingGuard(transition: TransitionDef, ctx: GuardContext): string | null {
  const failing = transition.guards.find(
    (guard) => binds(guard, ctx) && !guardPasses(guard.check, ctx),
  );
  return failing ? messageOf(failing, ctx) : null;
}

/** The first variant guard (onlyIf) that would block its variant now: label and message. */
export function blockedVariant(
  transition: TransitionDef,
  ctx: GuardContext,
): { label: string; reason: string } | null {
  const failing = transition.guards.find(
    (guard) => guard.onlyIf !== undefined && !guardPasses(guard.check, ctx),
  );
  return failing?.onlyIf ? { label: failing.onlyIf.label, reason: messageOf(failing, ctx) } : null;
}
