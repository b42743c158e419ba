import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';

/**
 * Tables a request may touch without changing a procedure: the session (renewed on use), API
 * token bookkeeping (last use) and login throttling. Everything else must stay byte-for-byte.
 */
const VOLATILE = new Set(['public.sessions', 'public.api_tokens', 'public.login_throttle']);

/** One fingerprint per table (row count and a hash over all rows), in every schema of the app. */
export async function snapshotRows(db: Db): Promise<Map<string, string>> {
  const tables = await sql<{ name: string }>`
    select format('%I.%I', table_schema, table_name) as name
    from information_schema.tables
    where table_type = 'BASE TABLE'
      and table_schema not in ('pg_catalog', 'information_schema')
    order by 1`.execute(db);
  const names = tables.rows.map((t) => t.name).filter((name) => !VOLATILE.has(name));
  const fingerprints = await sql<{ name: string; fingerprint: string }>`${sql.join(
    names.map(
      (name) =>
        sql`select ${name}::text as name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as fingerprint from ${sql.raw(name)} t`,
    ),
    sql` union all `,
  )}`.execute(db);
  return new Map(fingerprints.rows.map((r) => [r.name, r.fingerprint]));
}

/** Names of the tables whose fingerprint differs between two snapshots. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
