import type { ProcedureTypeVersion, TransitionDef } from '../../src/procedures/engine/index.ts';
import type { Random } from './random.ts';

/** Transitions from the initial step to `target`, through open steps only (breadth first). */
export function pathTo(
  type: ProcedureTypeVersion,
  target: string,
  random: Random,
): TransitionDef[] {
  const terminal = new Set(type.steps.filter((s) => s.kind === 'terminal').map((s) => s.key));
  if (terminal.has(target)) {
    const into = type.transitions.filter((t) => t.to === target);
    const last = random.pick(into);
    return [...pathTo(type, random.pick(last.from), random), last];
  }
  const paths = new Map<string, TransitionDef[]>([[type.initialStep, []]]);
  const queue = [type.initialStep];
  while (queue.length > 0) {
    const step = queue.shift()!;
    if (step === target) return paths.get(step)!;
    for (const t of type.transitions) {
      if (t.to === null || terminal.has(t.to) || paths.has(t.to) || !t.from.includes(step))
        continue;
      paths.set(t.to, [...paths.get(step)!, t]);
      queue.push(t.to);
    }
  }
  throw new Error(`${type.key} ${type.version}: kein Weg zum Schritt ${target}`);
}

export function transitionByEvent(type: ProcedureTypeVersion, event: string): TransitionDef {
  const found = type.transitions.find((t) => t.event === event);
  if (!found) throw new Error(`${type.key} ${type.version}: kein Übergang mit Ereignis ${event}`);
  return found;
}
