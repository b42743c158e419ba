import { watchDeadlines } from '../procedures/case/deadline-watch.ts';
import { permitFamily } from './permit.actions.ts';
import type { PermitDeps } from './permit.types.ts';

/** The deadline watcher over permit procedures only (the portal's job watches every family). */
export function runDeadlineWatch(
  deps: PermitDeps,
): Promise<{ procedures: number; effects: number }> {
  return watchDeadlines(deps, [permitFamily(deps)]);
}
