/**
 * Rule versions (architecture invariant 4): a procedure records the version it runs under.
 * Which date decides is the caller's choice, normally the day the application was received;
 * running procedures continue under new rules without repeating steps taken (§ 67 Abs. 4
 * BImSchG, § 25 Abs. 1 9. BImSchV), so migrating a running case is a separate decision. [open]
 */
import type { IsoDate } from '../../law/index.ts';
import { startDependencies, startEvents } from './deadline-rules.ts';
import { ROLES } from './types.ts';
import type { ProcedureTypeVersion } from './types.ts';

/** The newest version of the type valid on `onDate`, or null if none applies yet. */
export function selectProcedureVersion(
  versions: readonly ProcedureTypeVersion[],
  typeKey: string,
  onDate: IsoDate,
): ProcedureTypeVersion | null {
  let best: ProcedureTypeVersion | null = null;
  for (const version of versions) {
    if (version.key !== typeKey || version.validFrom > onDate) continue;
    if (best === null || version.validFrom > best.validFrom) best = version;
  }
  return best;
}

/**
 * Consistency problems of a type version (developer-facing, English): unknown steps, events no
 * transition emits, deadlines referring to later ones. A test runs it on every shipped version.
 */
export function checkProcedureType(type: ProcedureTypeVersion): string[] {
  const problems: string[] = [];
  const steps = new Map(type.steps.map((step) => [step.key, step]));
  const emitted = new Set(type.transitions.map((t) => t.event));
  const actions = new Set(type.transitions.map((t) => t.action));
  const facts = new Set(type.facts.map((f) => f.key));
  const need = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  need(steps.size === type.steps.length, 'duplicate step keys');
  need(steps.get(type.initialStep)?.kind === 'initial', `initial step ${type.initialStep} missing`);
  for (const t of type.transitions) {
    for (const from of t.from) {
      need(steps.has(from), `${t.action}: unknown from-step ${from}`);
      need(steps.get(from)?.kind !== 'terminal', `${t.action}: leaves terminal step ${from}`);
    }
    if (t.effect.kind === 'publish-notice') {
      need(
        type.deadlines.some((d) => d.key === 'display') &&
          type.deadlines.some((d) => d.key === 'objection-period'),
        `${t.action}: publish-notice needs the deadlines 'display' and 'objection-period'`,
      );
    }
    if (t.effect.kind === 'publish-decision') {
      need(
        type.deadlines.some((d) => d.key === 'decision-display'),
        `${t.action}: publish-decision needs the deadline 'decision-display'`,
      );
    }
    need(t.to === null || steps.has(t.to), `${t.action}: unknown to-step ${String(t.to)}`);
    need(
      t.roles.every((role) => ROLES.includes(role)),
      `${t.action}: unknown role`,
    );
    for (const { check } of t.guards) {
      if (check.kind === 'fact-is') need(facts.has(check.fact), `${t.action}: unknown fact`);
      if (check.kind === 'agency-deadline-expired' || check.kind === 'document-request-overdue') {
        need(
          type.deadlines.some((d) => d.key === check.deadline),
          `${t.action}: unknown deadline`,
        );
      }
    }
  }
  const seen = new Set<string>();
  for (const d of type.deadlines) {
    const events = [...startEvents(d.start), ...d.satisfiedBy, ...d.cancelledBy];
    for (const event of [...events, ...d.extensions.map((e) => e.event)]) {
      need(emitted.has(event), `${d.key}: no transition emits ${event}`);
    }
    for (const dependency of startDependencies(d.start)) {
      need(seen.has(dependency), `${d.key}: depends on later or unknown deadline ${dependency}`);
    }
    if (d.duration.kind === 'by-fact') need(facts.has(d.duration.fact), `${d.key}: unknown fact`);
    if (d.duration.kind === 'from-event') {
      need(d.start.kind === 'event', `${d.key}: duration from event needs an event start`);
    }
    if (d.instances) need(d.start.kind === 'event', `${d.key}: instances need an event start`);
    if (d.effectOnExpiry === 'no-comment' || d.effectOnExpiry === 'deemed-consent') {
      const ok = d.expiryAction !== undefined && actions.has(d.expiryAction) && d.instances;
      need(
        Boolean(ok),
        `${d.key}: ${d.effectOnExpiry} needs instances and an existing expiryAction`,
      );
    }
    if (d.effectOnExpiry === 'auto-action') {
      const ok = d.expiryAction !== undefined && actions.has(d.expiryAction) && !d.instances;
      need(ok, `${d.key}: auto-action needs an existing expiryAction and no instances`);
    }
    if (d.effectOnExpiry === 'escalate') need(d.escalateTo !== undefined, `${d.key}: escalateTo`);
    seen.add(d.key);
  }
  for (const consent of type.consents ?? []) {
    const deadline = type.deadlines.find((d) => d.key === consent.deadline);
    need(deadline?.instances !== undefined, `consent ${consent.key}: needs a per-agency deadline`);
  }
  return problems;
}
