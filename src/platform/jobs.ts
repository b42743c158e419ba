import { sql, type Transaction } from 'kysely';
import pg from 'pg';
import { Logger, run, runOnce, type Runner, type TaskList } from 'graphile-worker';
import type { Database } from '../db/schema.ts';
import type { Db } from '../db/database.ts';

/**
 * Jobs live in PostgreSQL (graphile-worker) and are enqueued through SQL on the caller's
 * transaction: the job exists exactly when the change that caused it was committed
 * (architecture invariant 1: no enqueue-after-commit, no lost reminders after a crash).
 */
export interface JobPayloads {
  'mail:send': { mailId: string };
  /** Hourly (crontab below): reminders, escalations and expiry effects of legal deadlines. */
  'deadlines:watch': Record<string, never>;
  /** Hourly: temporary files of aborted uploads and stored files no row refers to (file-orphans.ts). */
  'files:sweep': Record<string, never>;
  /**
   * One run of long work on a procedure (src/procedures/background/): its row in work_jobs holds the
   * kind, the progress and the outcome. Enqueued with maxAttempts 1: a run that was cut off is
   * marked failed and started again by a person, never repeated half-way by the queue.
   */
  'work:run': { workId: string };
  /** Daily: the Förderfinder's e-mail alerts against the programme catalogue (src/funding/finder/). */
  'funding:alerts': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export async function enqueueJob<N extends JobName>(
  trx: Transaction<Database> | Db,
  name: N,
  payload: JobPayloads[N],
  options: { runAt?: Date; jobKey?: string; maxAttempts?: number } = {},
): Promise<void> {
  await sql`select graphile_worker.add_job(
    ${name}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt ?? null}::timestamptz,
    job_key => ${options.jobKey ?? null}::text,
    max_attempts => ${options.maxAttempts ?? 10}::int
  )`.execute(trx);
}

export type JobHandlers = { [N in JobName]: (payload: JobPayloads[N]) => Promise<void> };

function toTaskList(handlers: JobHandlers): TaskList {
  const list: TaskList = {};
  for (const name of Object.keys(handlers) as JobName[]) {
    // The payload was written by enqueueJob with the matching type.
    const handler = handlers[name] as (payload: unknown) => Promise<void>;
    list[name] = async (payload) => handler(payload);
  }
  return list;
}

const quietLogger = new Logger(() => () => undefined);

/**
 * The queue's own connection pool, owned by us: its idle connections are closed when PostgreSQL
 * shuts down, and an unhandled 'error' event of a pool would otherwise end the process.
 */
export function createJobPool(connectionString: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  // Idle clients report errors on the pool, checked-out clients on themselves (graphile-worker
  // 0.18 checks that both are handled).
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

export async function startJobWorker(options: {
  pgPool: pg.Pool;
  handlers: JobHandlers;
  concurrency?: number;
}): Promise<Runner> {
  return run({
    pgPool: options.pgPool,
    taskList: toTaskList(options.handlers),
    concurrency: options.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: quietLogger,
    // Postgres-backed schedule: with several instances exactly one runs each hour's jobs.
    crontab: [
      '5 * * * * deadlines:watch ?max=1',
      '35 * * * * files:sweep ?max=1',
      '20 6 * * * funding:alerts ?max=1',
    ].join('\n'),
  });
}

/** Run every job that is due now, then return (tests and CLI commands). */
export async function runDueJobs(options: {
  connectionString: string;
  handlers: JobHandlers;
}): Promise<void> {
  await runOnce({
    connectionString: options.connectionString,
    taskList: toTaskList(options.handlers),
    logger: quietLogger,
  });
}
