/**
 * Which deadlines an event touches, so that the caller re-materialises them and reschedules the
 * watcher's jobs in the same transaction as the change (architecture invariant 1).
 */
import { startDependencies, startEvents } from './deadline-rules.ts';
import { valuesOf } from './deadlines.ts';
import type { DeadlineDef, ProcedureTypeVersion } from './types.ts';

export type DeadlineChangeKind =
  'started' | 'recalculated' | 'satisfied' | 'extended' | 'cancelled';

export interface DeadlineChange {
  readonly deadline: string;
  readonly change: DeadlineChangeKind;
  /** Instances concerned (agencies, request ids); empty for single deadlines. */
  readonly instances: readonly string[];
}

interface EventLike {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

function directChange(def: DeadlineDef, event: EventLike): DeadlineChange | null {
  const field = (name: 'matchField' | 'triggerField'): string[] =>
    def.instances ? valuesOf(event.data[def.instances[name]]) : [];
  if (def.cancelledBy.includes(event.type)) {
    return { deadline: def.key, change: 'cancelled', instances: [] };
  }
  if (def.satisfiedBy.includes(event.type)) {
    return { deadline: def.key, change: 'satisfied', instances: field('matchField') };
  }
  if (def.extensions.some((extension) => extension.event === event.type)) {
    return { deadline: def.key, change: 'extended', instances: [] };
  }
  if (startEvents(def.start).includes(event.type)) {
    const change = def.start.kind === 'event' ? 'started' : 'recalculated';
    return { deadline: def.key, change, instances: field('triggerField') };
  }
  return null;
}

export function deadlineChangesFor(type: ProcedureTypeVersion, event: EventLike): DeadlineChange[] {
  const changes: DeadlineChange[] = [];
  for (const def of type.deadlines) {
    const direct = directChange(def, event);
    const dependsOnChanged = startDependencies(def.start).some((key) =>
      changes.some((change) => change.deadline === key && change.change !== 'satisfied'),
    );
    if (direct) changes.push(direct);
    else if (dependsOnChanged) {
      changes.push({ deadline: def.key, change: 'recalculated', instances: [] });
    }
  }
  return changes;
}
