import type { Db } from './database.ts';

/**
 * A database, or how to open it. Commands take this so that they check their arguments first
 * and open (and, embedded, start) the database only when the call is good.
 */
export type DbSource = Db | (() => Promise<Db>);

export function resolveDb(source: DbSource): Promise<Db> {
  return typeof source === 'function' ? source() : Promise.resolve(source);
}
