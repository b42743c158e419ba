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

describe('long input', () => {
  it('simplifies a 20,000-vertex spiral without exhausting the stack and keeps its ends', () => {
    const spiral = Array.from({ length: 20_000 }, (_, i) => ({
      x: i * Math.cos(i / 50),
      y: i * Math.sin(i / 50),
    }));
    const simplified = simplifyLine(spiral, 1);
    assert.ok(simplified.length > 100 && simplified.length < spiral.length);
    assert.deepEqual(simplified[0], spiral[0]);
    assert.deepEqual(simplified.at(-1), spiral.at(-1));
  });

  it('keeps a triangle ring intact even with a huge tolerance', () => {
    const triangle = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 1 },
      { x: 0, y: 0 },
    ];
    assert.deepEqual(simplifyRing(triangle, 100), triangle);
  });
});
