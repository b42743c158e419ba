/**
 * Computed indicators kept for a short while per stand, so the overview does not read every case
 * table again on each visit, and the rows several indicators share (the permit milestones, the
 * funding cases) are read once per computation instead of once per indicator.
 *
 * - Per stand day one entry: the source rows read for it (`Memo`) and a promise per indicator.
 *   Concurrent requests for the same figures share one computation (no stampede at 09:00).
 * - An entry lives `ttlMs` (configured by DASHBOARD_CACHE_SECONDS); the pages say when their
 *   figures were computed, so a visitor knows how fresh they are. With 0 every request computes
 *   (tests of live figures use that), one request still reads shared rows once.
 * - A failed computation is not kept: the next request tries again.
 * - At most `maxStands` stand days are kept (dated links to many past days would otherwise grow
 *   the process without bound); the oldest entry goes first.
 * - `clear()` drops everything kept, after a change the figures must show at once.
 */
import type { Db } from '../db/database.ts';
import type { IndicatorDefinition, IndicatorResult } from './indicator.types.ts';

/** Source rows read once per stand and shared by the indicators computed from them. */
export interface Memo {
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export function createMemo(): Memo {
  const loaded = new Map<string, Promise<unknown>>();
  return {
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      const known = loaded.get(key);
      if (known) return known as Promise<T>;
      const promise = load();
      loaded.set(key, promise);
      promise.catch(() => loaded.delete(key));
      return promise;
    },
  };
}

/** Reads directly, for callers outside a cached computation. */
export const NO_MEMO: Memo = { once: (_key, load) => load() };

export type ComputeOne = (
  db: Db,
  definition: IndicatorDefinition,
  stand: string,
  memo: Memo,
) => Promise<IndicatorResult>;

export interface IndicatorStore {
  /** One indicator at the stand, with the time it was computed. */
  indicator(definition: IndicatorDefinition, stand: string): Promise<CachedResult>;
  /** Several indicators at the stand, one after the other (they share the pool with requests). */
  all(definitions: readonly IndicatorDefinition[], stand: string): Promise<CachedResult[]>;
  /**
   * Forgets every kept figure, for when the data behind them changed in this process (an import
   * through the web form): the next request computes again. Computations still running finish
   * for the requests that started them but are not kept.
   */
  clear(): void;
}

export interface CachedResult {
  result: IndicatorResult;
  /** When the figures were computed (they may be up to the configured lifetime old). */
  computedAt: Date;
}

interface Entry {
  createdAt: number;
  memo: Memo;
  results: Map<string, Promise<CachedResult>>;
}

export function createIndicatorStore(options: {
  db: Db;
  compute: ComputeOne;
  ttlMs: number;
  /** Wall-clock milliseconds (the cache's age is real time, independent of a demo clock). */
  now?: () => number;
  maxStands?: number;
}): IndicatorStore {
  const now = options.now ?? Date.now;
  const maxStands = options.maxStands ?? 8;
  const entries = new Map<string, Entry>();

  function entryFor(stand: string): Entry {
    const existing = entries.get(stand);
    if (existing && options.ttlMs > 0 && now() - existing.createdAt < options.ttlMs) {
      return existing;
    }
    const entry: Entry = { createdAt: now(), memo: createMemo(), results: new Map() };
    entries.delete(stand);
    if (options.ttlMs > 0) {
      entries.set(stand, entry);
      while (entries.size > maxStands) entries.delete(entries.keys().next().value!);
    }
    return entry;
  }

  function computeIn(entry: Entry, definition: IndicatorDefinition, stand: string) {
    const known = entry.results.get(definition.id);
    if (known) return known;
    const promise = options
      .compute(options.db, definition, stand, entry.memo)
      .then((result) => ({ result, computedAt: new Date(now()) }));
    entry.results.set(definition.id, promise);
    promise.catch(() => entry.results.delete(definition.id));
    return promise;
  }

  return {
    indicator(definition, stand) {
      return computeIn(entryFor(stand), definition, stand);
    },
    async all(definitions, stand) {
      const entry = entryFor(stand);
      const results: CachedResult[] = [];
      for (const definition of definitions) {
        results.push(await computeIn(entry, definition, stand));
      }
      return results;
    },
    clear() {
      entries.clear();
    },
  };
}
