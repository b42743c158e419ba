/**
 * Staff decisions on groups of uniform submissions (§ 17 VwVfG): confirm, split, merge, choose
 * the representative. Each is one transaction with one history row (objection_group_events) and
 * is open to case workers of the responsible authority only. A group staff changed becomes
 * 'manual', so that a later automatic run keeps it as it is.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { ProcedureRow } from '../../permits/permit.queries.ts';
import { actorIdOf, procedureForGroups, type GroupDeps } from './group.access.ts';
import { insertGroupEvents, lockProcedureGroups, type GroupEventInput } from './group.bulk.ts';
import { isUuid } from '../../db/ids.ts';
import {
  chosenByStaff,
  findGroup,
  groupStats,
  NAMES_REPRESENTATIVE,
  type GroupRow,
} from './group.queries.ts';
import { chooseRepresentative, REPRESENTATIVE_MIN_SIGNATURES } from './group.rules.ts';
import { signatureCount } from '../intake/intake-rules.ts';

export { computeGroups, type ComputeResult } from './group.compute.ts';

const UNKNOWN_GROUP = 'Diese Gruppe gibt es in diesem Verfahren nicht (mehr).';

interface GroupContext {
  trx: Transaction<Database>;
  procedure: ProcedureRow;
  group: GroupRow;
  actorId: string;
  now: Date;
  record: (events: GroupEventInput[]) => Promise<void>;
}

/** load → authorize → lock → find the group → the change and its history, in one transaction. */
async function withGroup<T>(
  options: { deps: GroupDeps; actor: Actor; procedureId: string; groupId: string },
  work: (ctx: GroupContext) => Promise<T>,
): Promise<T> {
  const { deps, actor } = options;
  const procedure = await procedureForGroups(deps.db, actor, options.procedureId);
  const actorId = actorIdOf(actor);
  return deps.db.transaction().execute(async (trx) => {
    await lockProcedureGroups(trx, procedure.id);
    const group = await findGroup(trx, procedure.id, options.groupId);
    if (!group) throw new AppError('not_found', UNKNOWN_GROUP);
    const now = deps.clock.now();
    const base = { procedureId: procedure.id, tenantId: procedure.tenantId, actorId, at: now };
    return work({
      trx,
      procedure,
      group,
      actorId,
      now,
      record: (events) => insertGroupEvents(trx, base, events),
    });
  });
}

interface Refreshed {
  members: number;
  signatures: number;
  representativeId: string | null;
}

/** Applies the representative rule after a change of membership (staff's choice survives). */
async function refreshRepresentative(
  trx: Transaction<Database>,
  groupId: string,
): Promise<Refreshed> {
  const group = await trx
    .selectFrom('objection_groups')
    .select('representative_id')
    .where('id', '=', groupId)
    .executeTakeFirstOrThrow();
  const stats = (await groupStats(trx, [groupId])).get(groupId);
  if (!stats) return { members: 0, signatures: 0, representativeId: null };
  const current = group.representative_id;
  const isMember =
    current !== null &&
    (await trx
      .selectFrom('objections as o')
      .select('o.id')
      .where('o.id', '=', current)
      .where('o.group_id', '=', groupId)
      .where(NAMES_REPRESENTATIVE)
      .executeTakeFirst()) !== undefined;
  const representativeId = chooseRepresentative({
    signatures: stats.signatures,
    namedId: stats.namedId,
    currentId: current,
    currentChosenByStaff: current !== null && (await chosenByStaff(trx, groupId, current)),
    currentIsMember: isMember,
  });
  if (representativeId !== current) {
    await trx
      .updateTable('objection_groups')
      .set({ representative_id: representativeId })
      .where('id', '=', groupId)
      .execute();
  }
  return { members: stats.members, signatures: stats.signatures, representativeId };
}

async function markManual(trx: Transaction<Database>, groupId: string): Promise<void> {
  await trx
    .updateTable('objection_groups')
    .set({ origin: 'manual' })
    .where('id', '=', groupId)
    .execute();
}

/** Staff confirm that the members are uniform submissions; later automatic runs keep the group. */
export async function confirmGroup(options: {
  deps: GroupDeps;
  actor: Actor;
  procedureId: string;
  groupId: string;
}): Promise<void> {
  await withGroup(options, async ({ trx, group, actorId, now, record }) => {
    if (group.confirmedAt !== null) {
      throw new AppError('conflict', 'Diese Gruppe ist bereits bestätigt.');
    }
    await trx
      .updateTable('objection_groups')
      .set({ confirmed_at: now, confirmed_by: actorId })
      .where('id', '=', group.id)
      .execute();
    const state = await refreshRepresentative(trx, group.id);
    await record([{ groupId: group.id, kind: 'confirmed', data: { ...state } }]);
  });
}

export type SplitTarget = 'group' | 'singletons';

function splitProblem(into: SplitTarget, moved: number, remaining: number): string | null {
  if (remaining === 1) {
    return 'Es bliebe nur eine Einwendung in der Gruppe. Wählen Sie diese ebenfalls aus oder eine Einwendung weniger.';
  }
  if (into === 'group' && moved < 2) {
    return 'Eine neue Gruppe braucht mindestens zwei Einwendungen.';
  }
  if (into === 'group' && remaining === 0) {
    return 'Alle Einwendungen in eine neue Gruppe zu verschieben ändert nichts. Wählen Sie nur einen Teil aus.';
  }
  return null;
}

/**
 * Takes chosen members out of a group: into a new manual group, or back to single objections.
 * Taking all members out as single objections dissolves the group.
 */
export async function splitGroup(options: {
  deps: GroupDeps;
  actor: Actor;
  procedureId: string;
  groupId: string;
  memberIds: readonly string[];
  into: SplitTarget;
}): Promise<{ newGroupId: string | null; dissolved: boolean }> {
  const memberIds = [...new Set(options.memberIds)];
  if (memberIds.length === 0) {
    throw new AppError('validation', 'Wählen Sie mindestens eine Einwendung aus.', [
      { field: 'memberIds', message: 'Wählen Sie mindestens eine Einwendung aus.' },
    ]);
  }
  const notMember = () =>
    new AppError('validation', 'Mindestens eine ausgewählte Einwendung gehört nicht zur Gruppe.', [
      {
        field: 'memberIds',
        message: 'Mindestens eine ausgewählte Einwendung gehört nicht zu dieser Gruppe.',
      },
    ]);
  if (!memberIds.every(isUuid)) throw notMember();
  return withGroup(options, async ({ trx, procedure, group, now, record }) => {
    const stats = (await groupStats(trx, [group.id])).get(group.id);
    const found = await trx
      .selectFrom('objections')
      .select('id')
      .where('group_id', '=', group.id)
      .where('id', 'in', memberIds)
      .execute();
    if (found.length !== memberIds.length) throw notMember();
    const remaining = (stats?.members ?? 0) - memberIds.length;
    const problem = splitProblem(options.into, memberIds.length, remaining);
    if (problem) {
      throw new AppError('validation', problem, [{ field: 'memberIds', message: problem }]);
    }
    const newGroupId = options.into === 'group' ? randomUUID() : null;
    if (newGroupId) {
      await trx
        .insertInto('objection_groups')
        .values({
          id: newGroupId,
          procedure_id: procedure.id,
          tenant_id: procedure.tenantId,
          origin: 'manual',
          created_at: now,
        })
        .execute();
    }
    await trx
      .updateTable('objections')
      .set({ group_id: newGroupId })
      .where('group_id', '=', group.id)
      .where('id', 'in', memberIds)
      .execute();
    const dissolved = remaining === 0;
    let source: Refreshed | null = null;
    if (dissolved) {
      await trx.deleteFrom('objection_groups').where('id', '=', group.id).execute();
    } else {
      await markManual(trx, group.id);
      source = await refreshRepresentative(trx, group.id);
    }
    const created = newGroupId ? await refreshRepresentative(trx, newGroupId) : null;
    const events: GroupEventInput[] = [
      {
        groupId: group.id,
        kind: 'split',
        data: {
          into: options.into,
          moved: memberIds.length,
          memberIds,
          newGroupId,
          dissolved,
          members: source?.members ?? 0,
          representativeId: source?.representativeId ?? null,
        },
      },
    ];
    if (newGroupId && created) {
      events.push({
        groupId: newGroupId,
        kind: 'split',
        data: {
          fromGroupId: group.id,
          moved: memberIds.length,
          memberIds,
          members: created.members,
          representativeId: created.representativeId,
        },
      });
    }
    await record(events);
    return { newGroupId, dissolved };
  });
}

/** Moves every member of the source group into the target group and deletes the source. */
export async function mergeGroups(options: {
  deps: GroupDeps;
  actor: Actor;
  procedureId: string;
  groupId: string;
  sourceGroupId: string;
}): Promise<void> {
  const field = (message: string) =>
    new AppError('validation', message, [{ field: 'sourceGroupId', message }]);
  const sourceId = options.sourceGroupId.trim().toLowerCase();
  if (!isUuid(sourceId)) {
    throw field('Wählen Sie die Gruppe aus, die in diese Gruppe übernommen werden soll.');
  }
  if (sourceId === options.groupId.toLowerCase()) {
    throw field('Eine Gruppe kann nicht mit sich selbst zusammengeführt werden.');
  }
  await withGroup(options, async ({ trx, procedure, group, record }) => {
    const source = await findGroup(trx, procedure.id, sourceId);
    if (!source) throw field('Die gewählte Gruppe gibt es in diesem Verfahren nicht (mehr).');
    const moved = await trx
      .updateTable('objections')
      .set({ group_id: group.id })
      .where('group_id', '=', source.id)
      .returning('id')
      .execute();
    await trx.deleteFrom('objection_groups').where('id', '=', source.id).execute();
    await markManual(trx, group.id);
    const state = await refreshRepresentative(trx, group.id);
    const memberIds = moved.map((m) => m.id).sort();
    await record([
      {
        groupId: group.id,
        kind: 'merged',
        data: { mergedGroupId: source.id, moved: memberIds.length, memberIds, ...state },
      },
      {
        groupId: source.id,
        kind: 'merged',
        data: { intoGroupId: group.id, moved: memberIds.length, memberIds },
      },
    ]);
  });
}

/**
 * Staff choose the representative of a group with more than 50 signatures (§ 17 Abs. 1 VwVfG).
 * `objection` is the member's id or its reference ('EW-2026-0000123').
 */
export async function setRepresentative(options: {
  deps: GroupDeps;
  actor: Actor;
  procedureId: string;
  groupId: string;
  objection: string;
}): Promise<void> {
  const key = options.objection.trim();
  const invalid = (message: string) =>
    new AppError('validation', message, [{ field: 'representative', message }]);
  if (key === '') throw invalid('Geben Sie die Eingangsnummer einer Einwendung der Gruppe an.');
  await withGroup(options, async ({ trx, group, record }) => {
    const member = await trx
      .selectFrom('objections as o')
      .select(['o.id', 'o.reference', NAMES_REPRESENTATIVE.as('names')])
      .where('o.group_id', '=', group.id)
      .where(isUuid(key) ? 'o.id' : 'o.reference', '=', isUuid(key) ? key : key.toUpperCase())
      .executeTakeFirst();
    if (!member) throw invalid(`Die Einwendung „${key}“ gehört nicht zu dieser Gruppe.`);
    // § 17 Abs. 1 VwVfG: the representative is the signer the submission names, with name,
    // profession and address; staff choose among the named ones, never an arbitrary signer.
    if (!member.names) {
      throw invalid(
        `Die Einwendung „${member.reference}“ nennt keinen Vertreter mit Name, Beruf und Anschrift (§ 17 Abs. 1 VwVfG). Wählen Sie eine Einwendung, die einen Vertreter nennt.`,
      );
    }
    const stats = (await groupStats(trx, [group.id])).get(group.id)!;
    if (stats.signatures < REPRESENTATIVE_MIN_SIGNATURES) {
      throw invalid(
        `Diese Gruppe hat ${signatureCount(stats.signatures)}. Einen Vertreter nach § 17 Abs. 1 VwVfG gibt es erst bei mehr als 50.`,
      );
    }
    await trx
      .updateTable('objection_groups')
      .set({ representative_id: member.id, origin: 'manual' })
      .where('id', '=', group.id)
      .execute();
    await record([
      {
        groupId: group.id,
        kind: 'representative-set',
        data: {
          objectionId: member.id,
          reference: member.reference,
          previousId: group.representativeId,
        },
      },
    ]);
  });
}
