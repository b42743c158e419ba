import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';

/**
 * Tables any request may touch without changing a procedure: the session (renewed on use), API
 * token bookkeeping (last use) and login throttling. Matched against `schema.table`.
 */
export const SESSION_BOOKKEEPING = /^public\.(sessions|api_tokens|login_throttle)$/;

/**
 * Tables a refused request may legitimately write: besides SESSION_BOOKKEEPING the record of a
 * failed login (throttling needs it) and the intake rate buckets. Matched against `schema.table`.
 */
export const REFUSAL_BOOKKEEPING = /^[^.]+\.(sessions|api_tokens|login_|intake_rate)/;

const tableLists = new WeakMap<Db, Promise<string[]>>();

async function tables(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select quote_ident(table_schema) || '.' || quote_ident(table_name) as name
    from information_schema.tables
    where table_type = 'BASE TABLE'
      and table_schema not in ('pg_catalog', 'information_schema')
    order by 1`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Row count and a content hash of every table except those matching `leaveOut` (a request must
 * neither insert, delete nor update a row), in one statement.
 */
export async function snapshotTables(
  db: Db,
  leaveOut: RegExp = REFUSAL_BOOKKEEPING,
): Promise<Record<string, string>> {
  let tableList = tableLists.get(db);
  if (!tableList) {
    tableList = tables(db);
    tableLists.set(db, tableList);
  }
  const names = (await tableList).filter((name) => !leaveOut.test(name));
  const parts = names.map(
    (name) =>
      sql`select ${name} as name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as state from ${sql.raw(name)} t`,
  );
  const rows = await sql<{
    name: string;
    state: string;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.name, r.state]));
}

/** Names of the tables whose state differs between two snapshots. */
export function changedTables(
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}

/**
 * The next transaction id of the cluster. A request that writes (or tries to) assigns one; a
 * request that only reads does not. Equal values before and after prove that nothing was
 * written, so the full snapshot is only needed when the value moved.
 */
export async function nextTransactionId(db: Db): Promise<string> {
  const row = await sql<{
    xid: string;
  }>`select pg_snapshot_xmax(pg_current_snapshot())::text as xid`.execute(db);
  return row.rows[0]!.xid;
}

/** Every file under `dir` with its size and SHA-256 (a missing directory is empty). */
export async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return result;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const content = await readFile(full);
    result[path.relative(dir, full)] =
      `${content.length}:${createHash('sha256').update(content).digest('hex')}`;
  }
  return result;
}
