import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Db } from '../../src/db/database.ts';
import type { Database } from '../../src/db/schema.ts';
import { percentile } from './measure.ts';

/**
 * The SQL a query function really sends: it runs once on a Kysely instance whose log hook
 * keeps the compiled queries, so the benchmark explains exactly what the application executes.
 */
export async function captureQueries(
  url: string,
  run: (db: Db) => Promise<unknown>,
): Promise<CompiledQuery[]> {
  const captured: CompiledQuery[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  try {
    await run(db);
  } finally {
    await db.destroy();
  }
  return captured;
}

export interface Explained {
  plan: string;
  /** Median over the runs, in ms, as PostgreSQL reports it (server time only). */
  executionMs: number;
  planningMs: number;
  runs: number;
}

/**
 * The server time of a query: `runs` times EXPLAIN (ANALYZE, TIMING OFF) — per-node clocks off,
 * because with hundreds of nested-loop iterations their overhead would inflate the total — and
 * the medians of its execution and planning time; the plan shown is one EXPLAIN (ANALYZE,
 * BUFFERS) with per-node times.
 */
export async function explainAnalyze(
  client: pg.ClientBase,
  query: CompiledQuery,
  runs: number,
): Promise<Explained> {
  const explain = async (options: string) => {
    const result = await client.query<{ 'QUERY PLAN': string }>(
      `explain (${options}) ${query.sql}`,
      [...query.parameters],
    );
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  };
  const execution: number[] = [];
  const planning: number[] = [];
  for (let i = 0; i < runs; i++) {
    const plan = await explain('analyze, timing off');
    execution.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN));
    planning.push(Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN));
  }
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      0.5,
    );
  return {
    plan: await explain('analyze, buffers'),
    executionMs: median(execution),
    planningMs: median(planning),
    runs,
  };
}
