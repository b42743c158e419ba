/**
 * Releases of the demo objections to the applicant (§ 12 Abs. 2 9. BImSchV), made the way a case
 * worker makes them: every redaction reviewed on the objection's page (here: the detector's
 * proposals accepted), then released in two batches – first the objections that came by post and
 * e-mail, a day later the rest. Goes through the same use cases as the pages.
 */
import type { Actor } from '../platform/auth/actor.ts';
import type { PermitDeps } from '../permits/permit.types.ts';
import { releaseObjections } from '../participation/release/release.actions.ts';
import { confirmRedaction, proposeRedaction } from '../participation/review/redaction.actions.ts';

const PARALLEL = 6;

/** `first`: those not submitted online; `rest`: everything not released yet. */
export type DemoReleasePart = 'first' | 'rest';

export async function releaseDemoObjections(
  deps: PermitDeps,
  actor: Actor,
  procedureId: string,
  part: DemoReleasePart,
): Promise<void> {
  let query = deps.db
    .selectFrom('objections as o')
    .leftJoin('objection_release_items as i', 'i.objection_id', 'o.id')
    .select(['o.id', 'o.body', 'o.name', 'o.address', 'o.email'])
    .where('o.procedure_id', '=', procedureId)
    .where('i.objection_id', 'is', null)
    .where('o.redaction_confirmed_at', 'is', null)
    .orderBy('o.received_at')
    .orderBy('o.id');
  if (part === 'first') query = query.where('o.channel', '!=', 'web');
  const objections = await query.execute();
  // Each review is its own short transaction on its own row: a few side by side keep the demo's
  // start within its time budget.
  for (let i = 0; i < objections.length; i += PARALLEL) {
    await Promise.all(
      objections.slice(i, i + PARALLEL).map((objection) =>
        confirmRedaction({
          deps,
          actor,
          procedureId,
          objectionId: objection.id,
          spans: proposeRedaction(objection).map((s) => ({
            start: s.start,
            end: s.end,
            kind: s.kind,
          })),
        }),
      ),
    );
  }
  await releaseObjections({
    deps,
    actor,
    procedureId,
    scope: part === 'first' ? 'reviewed' : 'all',
  });
}
