import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// DATE columns stay ISO strings ('YYYY-MM-DD'): legal deadlines are calendar days, never instants.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// BIGINT counters fit comfortably in a JS number for our volumes.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle client that loses its server (e.g. during shutdown) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<Db, pg.Pool>();

/**
 * Runs a query as a named prepared statement, parsed and planned once per connection instead of
 * on every call; for the few statements on hot paths (objection intake under load). The name is
 * derived from the SQL text, so one text always has one name. Outside a plain handle from
 * createDb (e.g. in a transaction) it runs as an ordinary query.
 */
export async function executePrepared<R>(db: Db, query: CompiledQuery<R>): Promise<R[]> {
  const pool = pools.get(db);
  if (!pool) return (await db.executeQuery(query)).rows;
  const name = `il_${createHash('sha256').update(query.sql).digest('base64url').slice(0, 24)}`;
  const result = await pool.query({ name, text: query.sql, values: [...query.parameters] });
  return result.rows as R[];
}

export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Derive the URL of another database on the same server (used by tests and the embedded setup). */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Create the application database on the server if it does not exist yet. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  return withDatabaseName(serverUrl, name);
}
