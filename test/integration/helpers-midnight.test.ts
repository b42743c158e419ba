import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Clock } from '../../src/platform/clock.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createPublishedProcedure } from '../helpers/participation.ts';

/**
 * A clock that strikes Berlin midnight after a chosen number of readings: the first `reads`
 * calls answer 23:59:59.5 on 24 November 2026 (CET), every later one 00:00:00.5 on the 25th.
 */
function midnightAfter(): Clock & { strikeAfter(reads: number): void } {
  let remaining = 0;
  return {
    now: () =>
      remaining-- > 0 ? new Date('2026-11-24T22:59:59.500Z') : new Date('2026-11-24T23:00:00.500Z'),
    strikeAfter: (reads) => {
      remaining = reads;
    },
  };
}

describe('test helpers around Berlin midnight', () => {
  const clock = midnightAfter();
  let t: TestApp;

  before(async () => {
    t = await createTestApp({ clock });
  });
  after(async () => t.close());

  // The helper reads the clock itself and the app reads it on every request. Wherever midnight
  // falls between those readings, the procedure must get published: a helper that takes "today"
  // once and acts later gets its dates refused by the engine (completeness date after submission,
  // display start less than a week after the notice).
  it('createPublishedProcedure publishes whenever midnight strikes during the walk', async () => {
    const failures: string[] = [];
    for (let reads = 0; reads <= 20; reads++) {
      clock.strikeAfter(reads);
      try {
        const { id } = await createPublishedProcedure(t);
        const row = await t.database.db
          .selectFrom('procedures')
          .select('step')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        if (row.step !== 'participation') failures.push(`${reads}: Schritt ${row.step}`);
      } catch (error) {
        failures.push(`${reads}: ${(error as Error).message}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
