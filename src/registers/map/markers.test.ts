import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FOCUS_RADIUS, layoutMarkers, MARKER_RADIUS, type MapMarker } from './markers.ts';
import { createProjection } from './projection.ts';

const projection = createProjection({ minLon: 6, minLat: 50.5, maxLon: 9, maxLat: 52.5 });

function marker(id: string, lon: number, lat: number): MapMarker {
  return { id, lon, lat, label: `Verfahren ${id}`, href: `/verfahren/${id}` };
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

describe('layoutMarkers', () => {
  it('skips markers outside the bounding box or without coordinates', () => {
    const layout = layoutMarkers(projection, [
      marker('in', 7, 51),
      marker('berlin', 13.4, 52.5),
      marker('nan', Number.NaN, 51),
    ]);
    assert.deepEqual(
      layout.placed.map((p) => p.marker.id),
      ['in'],
    );
    assert.equal(layout.skipped, 2);
  });

  it('draws distant markers at their true position', () => {
    const layout = layoutMarkers(projection, [marker('a', 7, 51), marker('b', 8, 52)]);
    for (const p of layout.placed) {
      assert.equal(p.fanned, false);
      assert.deepEqual(p.position, p.anchor);
    }
    assert.deepEqual(layout.hubs, []);
  });

  it('fans out markers at the same place so each stays clickable', () => {
    const layout = layoutMarkers(projection, [
      marker('a', 7, 51),
      marker('b', 7, 51),
      marker('c', 7.0001, 51),
      marker('far', 8, 52),
    ]);
    const group = layout.placed.filter((p) => p.fanned);
    assert.deepEqual(
      group.map((p) => p.marker.id),
      ['a', 'b', 'c'],
    );
    assert.equal(layout.hubs.length, 1);
    for (const [i, a] of group.entries()) {
      for (const b of group.slice(i + 1)) {
        assert.ok(distance(a.position, b.position) >= 2 * MARKER_RADIUS, 'dots do not overlap');
      }
    }
    assert.equal(layout.placed.find((p) => p.marker.id === 'far')?.fanned, false);
  });

  it('keeps fanned markers inside the viewBox at the border', () => {
    const layout = layoutMarkers(projection, [marker('a', 6, 52.5), marker('b', 6, 52.5)]);
    for (const { position } of layout.placed) {
      assert.ok(position.x >= FOCUS_RADIUS && position.y >= FOCUS_RADIUS, JSON.stringify(position));
    }
  });
});
