/**
 * Every step of a procedure type reached by walking its transitions from the initial state, with
 * one case (state and history) per step. Used by the tests that check every action in every
 * reachable state; a step no transition reaches is a test failure, not a silent gap.
 */
import type { ProcedureTypeVersion, Role } from '../../procedures/engine/index.ts';
import { validScenario } from './scenarios.ts';
import { newCase, play } from './test-support.ts';
import type { Case } from './test-support.ts';

/** Breadth-first: the first (shortest) case found for each step, keyed by step. */
export function reachableCases(type: ProcedureTypeVersion): Map<string, Case> {
  const start = newCase(type);
  const found = new Map<string, Case>([[start.state.step, start]]);
  const queue: Case[] = [start];
  for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
    const from = c;
    for (const transition of type.transitions) {
      if (!transition.from.includes(from.state.step) || transition.to === null) continue;
      if (found.has(transition.to)) continue;
      const scenario = validScenario(type, transition.action);
      let next: Case;
      try {
        next = play(type, [...scenario.setup, scenario.command], from);
      } catch {
        continue; // the scenario needs another history; another path may reach the step
      }
      if (!found.has(next.state.step)) {
        found.set(next.state.step, next);
        queue.push(next);
      }
    }
  }
  return found;
}

/** What the type's data says about `action` in `step` for `role`. */
export function expectedOutcome(
  type: ProcedureTypeVersion,
  step: string,
  action: string,
  role: Role,
): 'not-allowed' | 'wrong-role' | 'allowed' {
  const inStep = type.transitions.filter((t) => t.action === action && t.from.includes(step));
  if (inStep.length === 0) return 'not-allowed';
  return inStep.some((t) => t.roles.includes(role)) ? 'allowed' : 'wrong-role';
}
