import { sql, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, WorkJobsTable } from '../../db/schema.ts';
import type { ProgressReport, WorkJob, WorkOutcome } from './work.types.ts';

type Handle = Db | Transaction<Database>;
type Row = Selectable<WorkJobsTable> & { requested_by_name: string | null };

/** A running job whose heartbeat is older than this has lost its process (crash, restart). */
export const STALE_AFTER_SECONDS = 90;

export const INTERRUPTED_MESSAGE =
  'Der Auftrag wurde unterbrochen, weil das Portal neu gestartet wurde oder ausgefallen ist. ' +
  'Unvollständige Ergebnisse wurden verworfen; es gilt der Stand vor dem Auftrag. Bitte starten Sie ihn erneut.';

function toJob(row: Row): WorkJob {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    procedureId: row.procedure_id,
    kind: row.kind,
    params: (row.params ?? {}) as Record<string, unknown>,
    state: row.state,
    phase: row.phase,
    done: row.progress_done,
    total: row.progress_total,
    requestedBy: row.requested_by,
    requestedByName: row.requested_by_name,
    requestedAt: row.requested_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    errorMessage: row.error_message,
    result: (row.result ?? null) as Record<string, unknown> | null,
    file:
      row.result_sha256 && row.result_name
        ? {
            sha256: row.result_sha256,
            name: row.result_name,
            type: row.result_type ?? 'application/octet-stream',
            size: Number(row.result_size ?? 0),
          }
        : null,
  };
}

function selectJobs(db: Handle) {
  return db
    .selectFrom('work_jobs as w')
    .leftJoin('users as u', 'u.id', 'w.requested_by')
    .selectAll('w')
    .select('u.display_name as requested_by_name');
}

export async function findWorkJob(
  db: Handle,
  procedureId: string,
  id: string,
): Promise<WorkJob | undefined> {
  const row = await selectJobs(db)
    .where('w.id', '=', id)
    .where('w.procedure_id', '=', procedureId)
    .executeTakeFirst();
  return row ? toJob(row) : undefined;
}

export async function findWorkJobById(db: Handle, id: string): Promise<WorkJob | undefined> {
  const row = await selectJobs(db).where('w.id', '=', id).executeTakeFirst();
  return row ? toJob(row) : undefined;
}

export async function listWorkJobs(
  db: Handle,
  procedureId: string,
  limit = 50,
): Promise<WorkJob[]> {
  const rows = await selectJobs(db)
    .where('w.procedure_id', '=', procedureId)
    .orderBy('w.requested_at', 'desc')
    .orderBy('w.id')
    .limit(limit)
    .execute();
  return rows.map(toJob);
}

export async function findActiveJob(
  db: Handle,
  procedureId: string,
  kind: string,
): Promise<WorkJob | undefined> {
  const row = await selectJobs(db)
    .where('w.procedure_id', '=', procedureId)
    .where('w.kind', '=', kind)
    .where('w.state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return row ? toJob(row) : undefined;
}

/**
 * Inserts a queued job unless one of the same kind is queued or running for the procedure
 * (the partial unique index decides, also between instances); undefined then.
 */
export async function insertQueuedJob(
  trx: Transaction<Database>,
  values: {
    tenantId: string;
    procedureId: string;
    kind: string;
    params: Record<string, unknown>;
    requestedBy: string | null;
    at: Date;
  },
): Promise<string | undefined> {
  const inserted = await sql<{ id: string }>`
    insert into work_jobs (tenant_id, procedure_id, kind, params, state, requested_by, requested_at)
    values (${values.tenantId}, ${values.procedureId}, ${values.kind},
      ${JSON.stringify(values.params)}::jsonb, 'queued', ${values.requestedBy}, ${values.at})
    on conflict (procedure_id, kind) where state in ('queued', 'running') do nothing
    returning id`.execute(trx);
  return inserted.rows[0]?.id;
}

/** Takes a queued job for this run; undefined if it was taken, finished or failed meanwhile. */
export async function claimJob(db: Handle, id: string, at: Date): Promise<WorkJob | undefined> {
  const claimed = await db
    .updateTable('work_jobs')
    .set({ state: 'running', started_at: at, heartbeat_at: sql`now()` })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .returning('id')
    .executeTakeFirst();
  return claimed ? findWorkJobById(db, id) : undefined;
}

/** Progress and heartbeat; a job marked failed meanwhile (stale) is not revived. */
export async function writeProgress(db: Handle, id: string, report: ProgressReport): Promise<void> {
  await db
    .updateTable('work_jobs')
    .set({
      progress_done: Math.max(0, Math.round(report.done)),
      progress_total: report.total === null ? null : Math.max(0, Math.round(report.total)),
      ...(report.phase === undefined ? {} : { phase: report.phase }),
      heartbeat_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

export async function touchHeartbeat(db: Handle, id: string): Promise<void> {
  await db
    .updateTable('work_jobs')
    .set({ heartbeat_at: sql`now()` })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

/** Records the outcome; false if the job was no longer running (marked failed as stale). */
export async function finishJob(
  db: Handle,
  id: string,
  outcome: WorkOutcome,
  at: Date,
  /** The last report of the run (progress writes are throttled, so it may not be stored yet). */
  last?: ProgressReport,
): Promise<boolean> {
  const total = last ? last.total : undefined;
  const updated = await db
    .updateTable('work_jobs')
    .set({
      state: 'done',
      finished_at: at,
      phase: null,
      ...(total === undefined ? {} : { progress_total: total }),
      // Done is all of it, whatever the last step said.
      progress_done:
        total === undefined || total === null
          ? sql`coalesce(progress_total, progress_done)`
          : total,
      result: outcome.result ? JSON.stringify(outcome.result) : null,
      result_sha256: outcome.file?.sha256 ?? null,
      result_name: outcome.file?.name ?? null,
      result_type: outcome.file?.type ?? null,
      result_size: outcome.file?.size ?? null,
    })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

export async function failJob(db: Handle, id: string, message: string, at: Date): Promise<void> {
  await db
    .updateTable('work_jobs')
    .set({ state: 'failed', finished_at: at, error_message: message, phase: null })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running'])
    .execute();
}

/**
 * Running jobs whose heartbeat stopped lost their process: they are marked failed, so that the
 * status page tells the truth and a new run can start. Their work never became visible (each
 * kind writes its result in one transaction or as complete pieces).
 */
export async function failStaleJobs(
  db: Handle,
  at: Date,
  where: { procedureId?: string } = {},
): Promise<number> {
  let query = db
    .updateTable('work_jobs')
    .set({ state: 'failed', finished_at: at, error_message: INTERRUPTED_MESSAGE, phase: null })
    .where('state', '=', 'running')
    .where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${STALE_AFTER_SECONDS})`);
  if (where.procedureId) query = query.where('procedure_id', '=', where.procedureId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
