/**
 * The authority's decision on a uniform submission without a representative (§ 17 Abs. 2 S. 1
 * VwVfG): a signature list or a group of uniform submissions with more than 50 signatures that
 * names nobody with name, profession and address MAY be disregarded. The case worker decides —
 * disregard or consider — with a reason; the decision is stored on every objection concerned,
 * written to the group's history and to the procedure's audit chain, in one transaction.
 *
 * [open] § 17 Abs. 2 S. 2 VwVfG: an authority that wants to disregard must make this known by
 * ortsübliche Bekanntmachung. The portal records the decision and reminds of the notice; it does
 * not yet draft or publish that notice. Whether the decision may precede the notice, or has to
 * follow it, needs legal sign-off.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isUuid } from '../../db/ids.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../../procedures/audit.queries.ts';
import { mayDisregard, representativeComplete } from '../intake/intake-rules.ts';
import { actorIdOf, procedureForGroups, type GroupDeps } from './group.access.ts';
import { insertGroupEvents, lockProcedureGroups } from './group.bulk.ts';
import { findGroup, groupStats } from './group.queries.ts';

export type DisregardDecision = 'disregard' | 'consider';
export type DisregardTarget = { kind: 'group' | 'objection'; id: string };

const MAX_REASON = 2_000;

/** The form's fields, checked before anything is loaded; German messages per field. */
export function parseDisregardForm(body: Record<string, unknown>): {
  decision: DisregardDecision;
  reason: string;
} {
  const errors: FieldError[] = [];
  const decision = body.decision;
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (decision !== 'disregard' && decision !== 'consider') {
    errors.push({
      field: 'decision',
      message: 'Bitte wählen Sie, ob die Eingabe berücksichtigt wird oder unberücksichtigt bleibt.',
    });
  }
  if (reason === '') {
    errors.push({ field: 'reason', message: 'Bitte begründen Sie die Entscheidung.' });
  } else if (reason.length > MAX_REASON) {
    errors.push({
      field: 'reason',
      message: `Die Begründung ist zu lang (höchstens ${MAX_REASON.toLocaleString('de-DE')} Zeichen).`,
    });
  }
  if (errors.length > 0) {
    throw new AppError('validation', 'Die Entscheidung ist unvollständig.', errors);
  }
  return { decision: decision as DisregardDecision, reason };
}

const NOT_OPEN =
  'Für diese Eingabe ist keine Entscheidung nach § 17 Abs. 2 VwVfG vorgesehen: Sie hat nicht mehr als 50 Unterschriften oder nennt einen Vertreter mit Name, Beruf und Anschrift.';

/** The objections a decision covers, after checking that the authority may disregard them. */
async function coveredObjections(
  trx: Transaction<Database>,
  procedureId: string,
  target: DisregardTarget,
): Promise<{ ids: string[]; signatures: number; references: string[] }> {
  if (target.kind === 'group') {
    const group = await findGroup(trx, procedureId, target.id);
    if (!group)
      throw new AppError('not_found', 'Diese Gruppe gibt es in diesem Verfahren nicht (mehr).');
    const stats = (await groupStats(trx, [group.id])).get(group.id);
    const signatures = stats?.signatures ?? 0;
    if (!mayDisregard(signatures, group.representativeId !== null)) {
      throw new AppError('conflict', NOT_OPEN);
    }
    const members = await trx
      .selectFrom('objections')
      .select(['id', 'reference'])
      .where('group_id', '=', group.id)
      .orderBy('reference')
      .execute();
    return {
      ids: members.map((m) => m.id),
      signatures,
      references: members.map((m) => m.reference),
    };
  }
  const unknown = new AppError('not_found', 'Diese Einwendung gibt es in diesem Verfahren nicht.');
  if (!isUuid(target.id)) throw unknown;
  const row = await trx
    .selectFrom('objections')
    .select(['id', 'reference', 'signatures', 'group_id'])
    .select(['representative_name', 'representative_profession', 'representative_address'])
    .where('id', '=', target.id)
    .where('procedure_id', '=', procedureId)
    .executeTakeFirst();
  if (!row) throw unknown;
  if (row.group_id !== null) {
    throw new AppError(
      'conflict',
      'Diese Einwendung gehört zu einer Gruppe gleichförmiger Eingaben; entscheiden Sie auf der Seite der Gruppe.',
    );
  }
  const complete = representativeComplete({
    name: row.representative_name,
    profession: row.representative_profession,
    address: row.representative_address,
  });
  if (!mayDisregard(row.signatures, complete)) throw new AppError('conflict', NOT_OPEN);
  return { ids: [row.id], signatures: row.signatures, references: [row.reference] };
}

export async function decideDisregard(options: {
  deps: GroupDeps;
  actor: Actor;
  procedureId: string;
  target: DisregardTarget;
  decision: DisregardDecision;
  reason: string;
}): Promise<void> {
  const { deps, actor, target } = options;
  const procedure = await procedureForGroups(deps.db, actor, options.procedureId);
  const actorId = actorIdOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    await lockProcedureGroups(trx, procedure.id);
    const covered = await coveredObjections(trx, procedure.id, target);
    const now = deps.clock.now();
    await trx
      .updateTable('objections')
      .set({
        disregard_decision: options.decision,
        disregard_reason: options.reason,
        disregard_decided_at: now,
        disregard_decided_by: actorId,
      })
      .where('procedure_id', '=', procedure.id)
      .where('id', 'in', covered.ids)
      .execute();
    const data = {
      target: target.kind,
      targetId: target.id,
      decision: options.decision,
      reason: options.reason,
      objections: covered.ids.length,
      signatures: covered.signatures,
      // References only, no names: the audit chain is read by more people than the objections.
      references: covered.references.slice(0, 50),
    };
    if (target.kind === 'group') {
      await insertGroupEvents(
        trx,
        { procedureId: procedure.id, tenantId: procedure.tenantId, actorId, at: now },
        [{ groupId: target.id, kind: 'disregard-decided', data }],
      );
    }
    await appendAuditEvent(trx, {
      procedureId: procedure.id,
      tenantId: procedure.tenantId,
      at: now,
      actorId,
      actorRole: 'case_worker',
      type: 'uniform-submission-decided',
      data,
    });
  });
}
