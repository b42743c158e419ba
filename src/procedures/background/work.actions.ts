import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import type { Deps } from '../../platform/server.ts';
import {
  claimJob,
  failJob,
  failStaleJobs,
  findActiveJob,
  finishJob,
  insertQueuedJob,
  touchHeartbeat,
  writeProgress,
} from './work.queries.ts';
import type { ProgressReport, WorkKinds } from './work.types.ts';

/** Progress is written at most this often: steps, not rows. */
export const PROGRESS_INTERVAL_MS = 1_000;
/** A heartbeat also while a phase reports nothing (a long query), well within STALE_AFTER_SECONDS. */
const HEARTBEAT_INTERVAL_MS = 10_000;

export const UNEXPECTED_FAILURE =
  'Der Auftrag ist an einem unerwarteten Fehler gescheitert; es wurde nichts davon übernommen. ' +
  'Bitte starten Sie ihn erneut. Tritt der Fehler wieder auf, wenden Sie sich an den Betrieb des Portals.';

/**
 * Queues a run of `kind` for a procedure — or finds the one that is already queued or running
 * (one per procedure and kind, decided by the database). The job row and the queue entry are
 * written in one transaction (invariant 1). The caller has authorized the actor and checked
 * that the work is possible now; the run checks again when it starts.
 */
export async function requestWork(options: {
  db: Db;
  clock: Clock;
  procedure: { id: string; tenantId: string };
  kind: string;
  params?: Record<string, unknown>;
  requestedBy: string | null;
}): Promise<{ jobId: string; existing: boolean }> {
  const { db, procedure, kind } = options;
  const now = options.clock.now();
  return db.transaction().execute(async (trx) => {
    // A run whose process died must not block the procedure for good.
    await failStaleJobs(trx, now, { procedureId: procedure.id });
    const id = await insertQueuedJob(trx, {
      tenantId: procedure.tenantId,
      procedureId: procedure.id,
      kind,
      params: options.params ?? {},
      requestedBy: options.requestedBy,
      at: now,
    });
    if (id) {
      await enqueueJob(trx, 'work:run', { workId: id }, { maxAttempts: 1 });
      return { jobId: id, existing: false };
    }
    const active = await findActiveJob(trx, procedure.id, kind);
    if (!active) throw new AppError('conflict', 'Der Auftrag konnte nicht angelegt werden.');
    return { jobId: active.id, existing: true };
  });
}

function failureMessage(error: unknown): string {
  // Domain errors carry a German message meant for the user; anything else is internal.
  if (error instanceof AppError) return error.message;
  return UNEXPECTED_FAILURE;
}

/**
 * Runs one queued job (the 'work:run' task): claims it, lets its kind do the work with a
 * progress callback, records done with the outcome or failed with a German message. A job that
 * is not queued any more (done, failed as stale, taken by another instance) is left alone.
 */
export async function runWork(options: {
  deps: Deps;
  kinds: WorkKinds;
  workId: string;
}): Promise<void> {
  const { deps, kinds, workId } = options;
  const db = deps.db;
  const job = await claimJob(db, workId, deps.clock.now());
  if (!job) return;
  const kind = kinds[job.kind];
  if (!kind) {
    await failJob(db, job.id, 'Diese Art von Auftrag kennt das Portal nicht.', deps.clock.now());
    return;
  }
  // Writes run one after the other; a failed write of progress must not fail the work.
  let writes: Promise<void> = Promise.resolve();
  const enqueueWrite = (write: () => Promise<void>) => {
    writes = writes.then(write).catch(() => undefined);
  };
  let lastWrite = -Infinity;
  let last: ProgressReport | undefined;
  const progress = (report: ProgressReport) => {
    last = report;
    const now = performance.now();
    if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
    lastWrite = now;
    enqueueWrite(() => writeProgress(db, job.id, report));
  };
  const heartbeat = setInterval(
    () => enqueueWrite(() => touchHeartbeat(db, job.id)),
    HEARTBEAT_INTERVAL_MS,
  );
  heartbeat.unref();
  try {
    const outcome = await kind.run({ deps, job, progress });
    clearInterval(heartbeat);
    await writes;
    await finishJob(db, job.id, outcome, deps.clock.now(), last);
  } catch (error) {
    clearInterval(heartbeat);
    await writes;
    await failJob(db, job.id, failureMessage(error), deps.clock.now());
  }
}
