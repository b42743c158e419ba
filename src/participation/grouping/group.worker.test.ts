import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REAL_TEXTS } from './grouping.fixtures.ts';
import { groupNearDuplicates } from './group.ts';
import { groupInWorker } from './group.worker.ts';

describe('grouping in a worker thread', () => {
  it('gives exactly the result of the direct call, and the event loop keeps running', async () => {
    const items = REAL_TEXTS.flatMap((text, t) =>
      Array.from({ length: 40 }, (_, copy) => ({
        id: `t${t}-c${String(copy).padStart(2, '0')}`,
        text: `Sehr geehrte Damen und Herren,\n\n${text}${copy % 3 === 0 ? ' Das betrifft auch meine Familie.' : ''}\n\nMit freundlichen Grüßen\nPerson ${copy}`,
      })),
    );
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const inWorker = await groupInWorker(items, { threshold: 0.7 });
    clearInterval(timer);
    assert.deepEqual(inWorker, groupNearDuplicates(items, { threshold: 0.7 }));
    assert.ok(inWorker.groups.length >= REAL_TEXTS.length / 2, 'form letters were grouped');
    assert.ok(ticks > 0, 'the main thread was not blocked');
  });

  it('reports an error of the worker as a rejection', async () => {
    await assert.rejects(groupInWorker([{ id: 'a', text: 'x' }], { threshold: 2 }), /threshold/);
  });
});
