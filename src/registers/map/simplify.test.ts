import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simplifyLine, simplifyRing } from './simplify.ts';

describe('simplifyLine', () => {
  it('drops points closer to the line than the tolerance and keeps the end points', () => {
    const line = [
      { x: 0, y: 0 },
      { x: 1, y: 0.1 },
      { x: 2, y: -0.1 },
      { x: 3, y: 0 },
    ];
    assert.deepEqual(simplifyLine(line, 0.5), [
      { x: 0, y: 0 },
      { x: 3, y: 0 },
    ]);
  });

  it('keeps a spike larger than the tolerance', () => {
    const line = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 2, y: 5 },
      { x: 3, y: 0 },
      { x: 4, y: 0 },
    ];
    assert.deepEqual(
      simplifyLine(line, 0.5).map((p) => p.x),
      [0, 1, 2, 3, 4],
    );
    assert.deepEqual(
      simplifyLine(line, 10).map((p) => p.x),
      [0, 4],
    );
  });
});

describe('simplifyRing', () => {
  it('keeps a closed square closed and removes points on its edges', () => {
    const ring = [
      { x: 0, y: 0 },
      { x: 5, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
      { x: 0, y: 5 },
      { x: 0, y: 0 },
    ];
    assert.deepEqual(simplifyRing(ring, 0.5), [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
      { x: 0, y: 0 },
    ]);
  });
});
