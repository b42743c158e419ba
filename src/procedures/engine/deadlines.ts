/**
 * Materialises the deadlines of one case from its audit history. Every deadline carries its
 * rationale and citations (architecture invariant 3); it is recomputed from scratch whenever a
 * trigger changes (documents arrive, an extension is granted), so no stale end date survives.
 */
import { extendDeadline, formatGermanDate } from '../../law/index.ts';
import type { DeadlineResult, IsoDate } from '../../law/index.ts';
import { firstPeriod, resolveDuration, resolveStart } from './deadline-rules.ts';
import type { Facts, ResolvedStart, StartContext } from './deadline-rules.ts';
import type { CaseEvent, DeadlineDef, ExpiryEffect, ProcedureTypeVersion, Role } from './types.ts';

/** 'ended': a period (effectOnExpiry 'none' or 'auto-action') has run its course. */
export type DeadlineStatus = 'running' | 'met' | 'expired' | 'ended' | 'cancelled';

export interface CaseDeadline {
  readonly key: string;
  /** Instance value (agency, request id) for per-instance deadlines, else null. */
  readonly instance: string | null;
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly status: DeadlineStatus;
  /** Day the deadline was met or cancelled; null while running or expired. */
  readonly statusSince: IsoDate | null;
  readonly extensions: number;
  readonly rationale: string;
  readonly citations: readonly string[];
  readonly responsible: Role;
  readonly effectOnExpiry: ExpiryEffect;
  readonly escalateTo: Role | null;
}

/** Facts recorded in the history (e.g. at submission); later records win. */
export function collectFacts(history: readonly CaseEvent[]): Facts {
  const facts: Record<string, boolean> = {};
  for (const event of history) {
    const recorded = event.data['facts'];
    if (typeof recorded !== 'object' || recorded === null || Array.isArray(recorded)) continue;
    for (const [key, value] of Object.entries(recorded)) {
      if (typeof value === 'boolean') facts[key] = value;
    }
  }
  return facts;
}

/** A string or a list of strings in event data, as a list. */
export function valuesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function concerns(def: DeadlineDef, event: CaseEvent, instance: string | null): boolean {
  if (def.instances === undefined || instance === null) return true;
  return valuesOf(event.data[def.instances.matchField]).includes(instance);
}

interface Materialise {
  readonly def: DeadlineDef;
  readonly start: ResolvedStart;
  readonly instance: string | null;
  readonly history: readonly CaseEvent[];
  readonly facts: Facts;
  readonly asOf: IsoDate | undefined;
}

const date = (day: IsoDate): string => formatGermanDate(day);

function materialise(m: Materialise): CaseDeadline | null {
  const { def, start, instance, history } = m;
  const duration = resolveDuration(def.duration, m.facts, history[start.index]?.data);
  if (duration === null) return null;
  let period: DeadlineResult = firstPeriod(def, start.date, duration);
  const parts = [start.explanation, period.rationale];
  const citations = [...def.citations, ...period.citations];
  let extensions = 0;
  let status: DeadlineStatus = 'running';
  let statusSince: IsoDate | null = null;
  for (const event of history.slice(start.index + 1)) {
    if (def.satisfiedBy.includes(event.type) && concerns(def, event, instance)) {
      [status, statusSince] = ['met', event.at];
      break;
    }
    if (def.cancelledBy.includes(event.type)) {
      [status, statusSince] = ['cancelled', event.at];
      break;
    }
    const rule = def.extensions.find((extension) => extension.event === event.type);
    const extra = rule && resolveDuration(rule.duration, m.facts, event.data);
    if (!rule || !extra) continue;
    // § 190 BGB: counted from the expiry of the previous period. We pass the unshifted end,
    // following the prevailing view that old and new period form one (see law/deadline.ts). [open]
    period = extendDeadline({
      previousEnd: period.rawEnd,
      duration: extra,
      rule: {
        shiftPastNonWorkingDays: def.shiftPastNonWorkingDays,
        shiftCitation: def.shiftCitation,
      },
    });
    extensions += 1;
    parts.push(`Verlängerung vom ${date(event.at)} (${rule.citation}):`, period.rationale);
    citations.push(rule.citation, ...period.citations);
  }
  if (status === 'running' && m.asOf !== undefined && m.asOf > period.end) {
    status =
      def.effectOnExpiry === 'none' || def.effectOnExpiry === 'auto-action' ? 'ended' : 'expired';
  }
  parts.push(statusSentence(status, statusSince, period.end));
  return {
    key: def.key,
    instance,
    label: instance === null ? def.label : `${def.label}: ${instance}`,
    start: start.date,
    end: period.end,
    status,
    statusSince,
    extensions,
    rationale: parts.join('\n\n'),
    citations: [...new Set(citations)],
    responsible: def.responsible,
    effectOnExpiry: def.effectOnExpiry,
    escalateTo: def.escalateTo ?? null,
  };
}

function statusSentence(status: DeadlineStatus, since: IsoDate | null, end: IsoDate): string {
  switch (status) {
    case 'running':
      return 'Stand: Die Frist läuft.';
    case 'ended':
      return `Stand: Der Zeitraum ist mit Ablauf des ${formatGermanDate(end, { weekday: false })} beendet.`;
    case 'expired':
      return `Stand: Die Frist ist mit Ablauf des ${formatGermanDate(end, { weekday: false })} abgelaufen.`;
    case 'met':
      return since !== null && since > end
        ? `Stand: Erledigt am ${date(since)}, nach Fristablauf.`
        : `Stand: Erledigt am ${date(since ?? end)}.`;
    case 'cancelled':
      return `Stand: Gegenstandslos seit ${date(since ?? end)} (Verfahren beendet).`;
  }
}

function instanceDeadlines(
  def: DeadlineDef,
  base: Omit<Materialise, 'def' | 'start' | 'instance'>,
) {
  const { start: rule, instances } = def;
  if (instances === undefined || rule.kind !== 'event') return [];
  const found: CaseDeadline[] = [];
  const seen = new Set<string>();
  base.history.forEach((event, index) => {
    if (!rule.events.includes(event.type)) return;
    for (const instance of valuesOf(event.data[instances.triggerField])) {
      if (seen.has(instance)) continue;
      seen.add(instance);
      const explanation = `Fristauslösendes Ereignis: ${rule.label} am ${date(event.at)} (${rule.citation}).`;
      const start = { date: event.at, index, explanation };
      const deadline = materialise({ ...base, def, start, instance });
      if (deadline) found.push(deadline);
    }
  });
  return found;
}

/**
 * All deadlines of a case as of `asOf` (default: the day of the last event). History must be in
 * the order the events were recorded. Deadlines that have not started yet are not listed.
 */
export function computeCaseDeadlines(
  type: ProcedureTypeVersion,
  history: readonly CaseEvent[],
  asOf?: IsoDate,
): CaseDeadline[] {
  const facts = collectFacts(history);
  const base = { history, facts, asOf: asOf ?? history.at(-1)?.at };
  const ends = new Map<string, IsoDate>();
  const ctx: StartContext = { history, ends };
  const result: CaseDeadline[] = [];
  for (const def of type.deadlines) {
    if (def.instances !== undefined) {
      result.push(...instanceDeadlines(def, base));
      continue;
    }
    const start = resolveStart(def.start, ctx);
    const deadline = start && materialise({ ...base, def, start, instance: null });
    if (!deadline) continue;
    result.push(deadline);
    if (deadline.status !== 'cancelled') ends.set(def.key, deadline.end);
  }
  return result;
}
