import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Db } from '../db/database.ts';
import { createIndicatorStore, createMemo, type ComputeOne } from './cache.ts';
import type { IndicatorDefinition, IndicatorResult } from './indicator.types.ts';
import { INDICATORS } from './indicators.ts';

const [first, second] = INDICATORS as [IndicatorDefinition, IndicatorDefinition];

/** A computation that counts its calls and reads "source rows" through the memo. */
function counting() {
  const calls: string[] = [];
  const loads: string[] = [];
  const compute: ComputeOne = async (_db, definition, stand, memo) => {
    calls.push(`${definition.id}@${stand}`);
    const rows = await memo.once('rows', async () => {
      loads.push(stand);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return [1, 2, 3];
    });
    return { definition, stand, headline: { value: rows.length } } as unknown as IndicatorResult;
  };
  return { compute, calls, loads };
}

function store(compute: ComputeOne, ttlMs: number, clock: { t: number }, maxStands?: number) {
  return createIndicatorStore({
    db: {} as Db,
    compute,
    ttlMs,
    now: () => clock.t,
    ...(maxStands === undefined ? {} : { maxStands }),
  });
}

describe('dashboard figures kept per stand', () => {
  it('computes once within the lifetime and again after it, with the time of computation', async () => {
    const clock = { t: 1_000_000 };
    const c = counting();
    const s = store(c.compute, 300_000, clock);
    const a = await s.indicator(first, '2026-12-01');
    clock.t += 299_999;
    const b = await s.indicator(first, '2026-12-01');
    assert.equal(c.calls.length, 1);
    assert.equal(b.computedAt.getTime(), a.computedAt.getTime());
    clock.t += 1;
    const later = await s.indicator(first, '2026-12-01');
    assert.equal(c.calls.length, 2);
    assert.equal(later.computedAt.getTime(), 1_300_000);
  });

  it('keeps stands apart and drops the oldest stand beyond the limit', async () => {
    const clock = { t: 0 };
    const c = counting();
    const s = store(c.compute, 60_000, clock, 2);
    await s.indicator(first, '2026-01-01');
    await s.indicator(first, '2026-01-02');
    await s.indicator(first, '2026-01-01');
    assert.deepEqual(c.calls, [`${first.id}@2026-01-01`, `${first.id}@2026-01-02`]);
    await s.indicator(first, '2026-01-03');
    await s.indicator(first, '2026-01-01');
    assert.equal(c.calls.length, 4, 'the first stand was dropped when the third came');
  });

  it('shares one computation between concurrent requests and source rows between indicators', async () => {
    const clock = { t: 0 };
    const c = counting();
    const s = store(c.compute, 60_000, clock);
    const results = await Promise.all([
      s.indicator(first, '2026-12-01'),
      s.indicator(first, '2026-12-01'),
      s.all([first, second], '2026-12-01'),
    ]);
    assert.equal(results.length, 3);
    assert.deepEqual(c.calls, [`${first.id}@2026-12-01`, `${second.id}@2026-12-01`]);
    assert.deepEqual(c.loads, ['2026-12-01'], 'the rows both indicators need are read once');
  });

  it('with lifetime 0 computes on every request, still reading shared rows once per overview', async () => {
    const clock = { t: 0 };
    const c = counting();
    const s = store(c.compute, 0, clock);
    await s.all([first, second], '2026-12-01');
    await s.indicator(first, '2026-12-01');
    assert.equal(c.calls.length, 3);
    assert.equal(c.loads.length, 2);
  });

  it('does not keep a failed computation: the next request tries again', async () => {
    const clock = { t: 0 };
    let fail = true;
    let calls = 0;
    const s = store(
      async (_db, definition, stand) => {
        calls++;
        if (fail) throw new Error('Datenbank nicht erreichbar');
        return { definition, stand } as unknown as IndicatorResult;
      },
      60_000,
      clock,
    );
    await assert.rejects(s.indicator(first, '2026-12-01'), /nicht erreichbar/);
    fail = false;
    const ok = await s.indicator(first, '2026-12-01');
    assert.equal(ok.result.stand, '2026-12-01');
    assert.equal(calls, 2);
  });

  it('clear() forgets every stand within the lifetime; a computation running then is not kept', async () => {
    const clock = { t: 0 };
    const c = counting();
    const s = store(c.compute, 300_000, clock);
    await s.indicator(first, '2026-12-01');
    await s.all([first, second], '2026-11-30');
    assert.equal(c.calls.length, 3);
    s.clear();
    const again = await s.indicator(first, '2026-12-01');
    await s.indicator(second, '2026-11-30');
    assert.equal(c.calls.length, 5, 'both stands are computed again');
    assert.equal(c.loads.length, 4, 'the shared rows are read again too');
    assert.equal((await s.indicator(first, '2026-12-01')).computedAt, again.computedAt);
    assert.equal(c.calls.length, 5, 'what is computed after clear() is kept again');

    const running = s.indicator(second, '2026-12-01');
    s.clear();
    await running;
    await s.indicator(second, '2026-12-01');
    assert.equal(c.calls.length, 7, 'the result that was running at clear() is not kept');
  });

  it('a memo forgets a failed load', async () => {
    const memo = createMemo();
    await assert.rejects(
      memo.once('x', () => Promise.reject(new Error('kaputt'))),
      /kaputt/,
    );
    assert.equal(await memo.once('x', () => Promise.resolve(7)), 7);
    assert.equal(await memo.once('x', () => Promise.resolve(8)), 7);
  });
});
