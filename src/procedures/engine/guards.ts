/**
 * Guards: the legal preconditions of a transition, as a closed vocabulary over ProcedureState.
 * Date-dependent guards need the action date; without one (availableActions without `today`)
 * they are treated as passing, and applyAction checks them again with the real date.
 */
import type { IsoDate } from '../../law/index.ts';
import { firstPeriod, resolveDuration } from './deadline-rules.ts';
import { openDocumentRequests, pendingAgencies } from './state.ts';
import type { ProcedureState } from './state.ts';
import type { GuardCheck, ProcedureTypeVersion, StateDate, TransitionDef } from './types.ts';

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
    case 'date-passed': {
      const date = stateDate(state, check.date);
      if (date === null) return false;
      return ctx.at === undefined || ctx.at > date || (check.inclusive && ctx.at === date);
    }
  }
}

/** The German message of the first failing guard, or null if all pass. */
export function firstFailingGuard(transition: TransitionDef, ctx: GuardContext): string | null {
  const failing = transition.guards.find((guard) => !guardPasses(guard.check, ctx));
  return failing ? failing.message : null;
}
