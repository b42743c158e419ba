/**
 * Automatic detection of uniform submissions (gleichförmige Eingaben, § 17 VwVfG) for one
 * procedure. Staff decisions win: confirmed groups and groups staff changed ('manual') are kept
 * with their members, and objections staff made single again stay single; only unconfirmed
 * automatic groups are recomputed. A recomputed group with
 * exactly the same members keeps its id and history; every other change is recorded.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { findProcedure } from '../../permits/permit.queries.ts';
import { groupInWorker } from '../grouping/group.worker.ts';
import { requireParticipationWork } from '../participation-work.ts';
import { procedureForGroups, type GroupDeps } from './group.access.ts';
import {
  chunks,
  insertGroupEvents,
  loadCandidates,
  lockProcedureGroups,
  staffSingles,
  type Candidates,
  type GroupEventInput,
} from './group.bulk.ts';
import { groupStats } from './group.queries.ts';
import { chooseRepresentative } from './group.rules.ts';

export interface ComputeResult {
  /** Objections the detection looked at (not in confirmed or staff-changed groups). */
  considered: number;
  /** Automatic groups after the run. */
  groups: number;
  created: number;
  dissolved: number;
  unchanged: number;
  /** Objections now in an automatic group. */
  grouped: number;
  durationMs: number;
  /** Where the time went: reading the texts, the detection itself, writing groups and history. */
  phasesMs: { load: number; detect: number; write: number };
}

interface Plan {
  /** New groups to create: generated id → member ids. */
  created: Map<string, string[]>;
  /** Old automatic groups whose members are exactly a new group: kept as they are. */
  unchanged: string[];
  /** Old automatic groups to delete, with their member counts. */
  dissolved: Map<string, number>;
  /** Objection → target group (null = ungrouped), only where it differs from today. */
  moves: { ids: string[]; groupIds: (string | null)[] };
}

/** Compares the detected partition with the stored automatic groups (all in memory, linear). */
function planChanges(candidates: Candidates, detected: string[][]): Plan {
  const oldMembers = new Map<string, string[]>();
  candidates.ids.forEach((id, i) => {
    const group = candidates.groupIds[i];
    if (group) (oldMembers.get(group) ?? oldMembers.set(group, []).get(group)!).push(id);
  });
  const oldByFirst = new Map<string, string>();
  for (const [group, members] of oldMembers) {
    members.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    oldByFirst.set(members[0]!, group);
  }
  const target = new Map<string, string>();
  const plan: Plan = {
    created: new Map(),
    unchanged: [],
    dissolved: new Map(),
    moves: { ids: [], groupIds: [] },
  };
  const reused = new Set<string>();
  for (const members of detected) {
    const old = oldByFirst.get(members[0]!);
    const same =
      old !== undefined &&
      oldMembers.get(old)!.length === members.length &&
      oldMembers.get(old)!.every((id, i) => id === members[i]);
    const groupId = same ? old : randomUUID();
    if (same) {
      reused.add(old);
      plan.unchanged.push(old);
    } else plan.created.set(groupId, members);
    for (const id of members) target.set(id, groupId);
  }
  for (const [group, members] of oldMembers) {
    if (!reused.has(group)) plan.dissolved.set(group, members.length);
  }
  candidates.ids.forEach((id, i) => {
    const next = target.get(id) ?? null;
    if (next !== candidates.groupIds[i]) {
      plan.moves.ids.push(id);
      plan.moves.groupIds.push(next);
    }
  });
  return plan;
}

async function applyPlan(
  trx: Transaction<Database>,
  procedure: { id: string; tenantId: string },
  plan: Plan,
  now: Date,
): Promise<void> {
  for (const part of chunks([...plan.created.keys()])) {
    await sql`
      insert into objection_groups (id, procedure_id, tenant_id, origin, created_at)
      select g.id, ${procedure.id}, ${procedure.tenantId}, 'auto', ${now}
      from unnest(${part}::uuid[]) as g(id)`.execute(trx);
  }
  // Joined by primary key only: the ids were read under the lock in this transaction, and a
  // procedure_id condition invites a plan that hashes every objection of the procedure per chunk.
  for (let i = 0; i < plan.moves.ids.length; i += 5_000) {
    const ids = plan.moves.ids.slice(i, i + 5_000);
    const groupIds = plan.moves.groupIds.slice(i, i + 5_000);
    await sql`
      update objections o set group_id = v.group_id
      from unnest(${ids}::uuid[], ${groupIds}::uuid[]) as v(id, group_id)
      where o.id = v.id`.execute(trx);
  }
  for (const part of chunks([...plan.dissolved.keys()])) {
    await sql`delete from objection_groups where id = any(${part}::uuid[])`.execute(trx);
  }
}

/** Progress of a run in objections: comparing the texts is most of it, writing the rest. */
export interface ComputeProgress {
  done: number;
  /** null until the objections to compare are loaded. */
  total: number | null;
  phase: string;
}

/** Share of the progress bar for comparing the texts; the rest is saving the groups. */
const DETECT_SHARE = 0.9;

/**
 * Recomputes the automatic groups of a procedure; `actor` null means the system (CLI, or a
 * background job that authorized its requester when it was queued: `recordedBy` names them in
 * the history). All changes are written in one transaction: until it commits, everyone sees the
 * old groups, and a run that fails or is cut off leaves them as they were.
 */
export async function computeGroups(options: {
  deps: GroupDeps;
  actor: Actor | null;
  procedureId: string;
  threshold?: number;
  recordedBy?: string | null;
  onProgress?: (progress: ComputeProgress) => void;
}): Promise<ComputeResult> {
  const { deps, actor } = options;
  const report = options.onProgress ?? (() => undefined);
  const started = performance.now();
  const procedure = await procedureForGroups(deps.db, actor, options.procedureId);
  requireParticipationWork(procedure);
  const actorId = actor?.kind === 'user' ? actor.userId : (options.recordedBy ?? null);
  report({ done: 0, total: null, phase: 'Einwendungen laden' });
  return deps.db.transaction().execute(async (trx) => {
    await lockProcedureGroups(trx, procedure.id);
    // Again under the lock: the step may have changed since the first read.
    const locked = await findProcedure(trx, procedure.id);
    if (locked) requireParticipationWork(locked);
    const candidates = await loadCandidates(trx, procedure.id);
    const loaded = performance.now();
    const singles = await staffSingles(trx, procedure.id);
    const items = candidates.ids
      .map((id, i) => ({ id, text: candidates.bodies[i]! }))
      .filter((item) => !singles.has(item.id));
    const total = items.length;
    report({ done: 0, total, phase: 'Texte vergleichen' });
    const { groups } = await groupInWorker(items, {
      ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
      onProgress: (done, of) =>
        report({
          done: Math.floor((done / of) * total * DETECT_SHARE),
          total,
          phase: 'Texte vergleichen',
        }),
    });
    report({ done: Math.floor(total * DETECT_SHARE), total, phase: 'Gruppen speichern' });
    // The texts are not needed any more; free them before the writes.
    candidates.bodies.length = 0;
    items.length = 0;
    const detected = performance.now();
    const plan = planChanges(
      candidates,
      groups.map((g) => g.members),
    );
    const now = deps.clock.now();
    await applyPlan(trx, procedure, plan, now);
    report({ done: Math.floor(total * 0.95), total, phase: 'Gruppen speichern' });

    // § 17 Abs. 1 VwVfG: groups with more than 50 signatures get the first named signer.
    const touched = [...plan.created.keys(), ...plan.unchanged];
    const stats = await groupStats(trx, touched);
    const representatives = touched.map((id) => {
      const s = stats.get(id)!;
      return chooseRepresentative({
        signatures: s.signatures,
        firstNamedId: s.firstNamedId,
        currentId: null,
        currentChosenByStaff: false,
        currentIsMember: false,
      });
    });
    for (let i = 0; i < touched.length; i += 5_000) {
      await sql`
        update objection_groups g set representative_id = v.representative_id
        from unnest(${touched.slice(i, i + 5_000)}::uuid[],
          ${representatives.slice(i, i + 5_000)}::uuid[]) as v(id, representative_id)
        where g.id = v.id and g.representative_id is distinct from v.representative_id`.execute(
        trx,
      );
    }

    const events: GroupEventInput[] = [
      ...[...plan.dissolved].map(([groupId, members]) => ({
        groupId,
        kind: 'auto-dissolved' as const,
        data: { members },
      })),
      // `touched` starts with the created groups, in the same order.
      ...[...plan.created.keys()].map((groupId, i) => {
        const s = stats.get(groupId)!;
        return {
          groupId,
          kind: 'auto-grouped' as const,
          data: {
            members: s.members,
            signatures: s.signatures,
            representativeId: representatives[i] ?? null,
          },
        };
      }),
    ];
    await insertGroupEvents(
      trx,
      { procedureId: procedure.id, tenantId: procedure.tenantId, actorId, at: now },
      events,
    );
    return {
      considered: candidates.ids.length,
      groups: touched.length,
      created: plan.created.size,
      dissolved: plan.dissolved.size,
      unchanged: plan.unchanged.length,
      grouped: groups.reduce((sum, g) => sum + g.members.length, 0),
      durationMs: Math.round(performance.now() - started),
      phasesMs: {
        load: Math.round(loaded - started),
        detect: Math.round(detected - loaded),
        write: Math.round(performance.now() - detected),
      },
    };
  });
}
