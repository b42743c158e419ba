import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  geodesicDistance,
  nearestOnSegment,
  nearestTarget,
  type NetworkTarget,
} from './nearest.ts';

/**
 * Fixtures computed by hand from the WGS84 ellipsoid (a = 6 378 137 m, f = 1/298.257223563,
 * e² = f(2 − f) = 0.00669437999014):
 * - along the equator one degree of longitude is a·π/180 = 111 319.4908 m;
 * - the meridian radius at the equator is M(0) = a(1 − e²) = 6 335 439.327 m, so 0.01° of latitude
 *   north of the equator is M(0)·0.01·π/180 = 1 105.7427 m (M changes by < 1e-6 over 0.01°);
 * - at latitude φ = 51.5° the prime-vertical radius is N = a / √(1 − e² sin²φ) = 6 391 253.0 m,
 *   so 0.01° of longitude along the parallel is N·cos φ·0.01·π/180 = 694.41 m; the geodesic
 *   between two points 700 m apart is shorter than the parallel arc by far less than 1 mm.
 */
const EQUATOR_DEGREE_M = 111_319.4908;
const MERIDIAN_001_AT_EQUATOR_M = 1_105.7427;
function parallelArc(latDeg: number, dLonDeg: number): number {
  const a = 6_378_137;
  const e2 = 0.00669437999014;
  const phi = (latDeg * Math.PI) / 180;
  const n = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  return n * Math.cos(phi) * ((dLonDeg * Math.PI) / 180);
}

describe('geodesic distances to the hydrogen network', () => {
  it('measures point to point on the ellipsoid', () => {
    assert.ok(Math.abs(geodesicDistance([0, 0], [1, 0]) - EQUATOR_DEGREE_M) < 0.001);
  });

  it('finds the nearest point inside a segment, not at its vertices', () => {
    // The equator is a geodesic: from (1°, 0.01°) the foot is (1°, 0°), 1 105.74 m away, while
    // both vertices are more than 111 km away.
    const found = nearestOnSegment([1, 0.01], [0, 0], [2, 0]);
    assert.ok(Math.abs(found.distanceM - MERIDIAN_001_AT_EQUATOR_M) < 0.01, `${found.distanceM}`);
    assert.ok(Math.abs(found.point[0] - 1) < 1e-6 && Math.abs(found.point[1]) < 1e-9);
  });

  it('measures to a meridian segment in NRW to a tenth of a metre', () => {
    const expected = parallelArc(51.5, 0.01);
    assert.ok(Math.abs(expected - 694.41) < 0.01, `hand value ${expected}`);
    const found = nearestOnSegment([7.01, 51.5], [7, 51], [7, 52]);
    assert.ok(Math.abs(found.distanceM - expected) < 0.1, `${found.distanceM} vs ${expected}`);
  });

  it('measures to the nearer end when the foot lies beyond the segment', () => {
    const found = nearestOnSegment([7, 50.9], [7, 51], [7, 52]);
    assert.ok(Math.abs(found.distanceM - geodesicDistance([7, 50.9], [7, 51])) < 0.001);
    assert.deepEqual(found.point, [7, 51]);
  });

  it('picks the nearest element across points and lines, with its commissioning', () => {
    const targets: NetworkTarget[] = [
      { id: 'p', label: 'Punkt', kind: 'point', positions: [[7.05, 51.5]], commissioning: null },
      {
        id: 'l',
        label: 'Leitung',
        kind: 'line',
        positions: [
          [6.5, 51],
          [7, 51],
          [7, 52],
        ],
        commissioning: '2027',
      },
    ];
    const found = nearestTarget([7.01, 51.5], targets);
    assert.equal(found?.target.id, 'l');
    assert.equal(found?.target.commissioning, '2027');
    assert.ok(Math.abs(found.distanceM - parallelArc(51.5, 0.01)) < 0.1);
    // Nearer to the point than to the line: the point wins.
    assert.equal(nearestTarget([7.045, 51.5], targets)?.target.id, 'p');
    assert.equal(nearestTarget([7, 51], []), undefined);
  });

  it('never skips the true nearest element through the planar pre-ranking', () => {
    // Many segments around a site: the pre-ranked answer equals measuring every one exactly.
    const targets: NetworkTarget[] = [];
    for (let i = 0; i < 60; i++) {
      const lon = 6 + (i % 10) * 0.25;
      const lat = 50.5 + Math.floor(i / 10) * 0.3;
      targets.push({
        id: String(i),
        label: String(i),
        kind: 'line',
        positions: [
          [lon, lat],
          [lon + 0.2, lat + 0.15],
        ],
        commissioning: null,
      });
    }
    for (const site of [
      [7.3, 51.2],
      [6.1, 50.6],
      [8.4, 52.1],
    ] as const) {
      const fast = nearestTarget(site, targets)!;
      const exact = Math.min(
        ...targets.map((t) => nearestOnSegment(site, t.positions[0]!, t.positions[1]!).distanceM),
      );
      assert.ok(Math.abs(fast.distanceM - exact) < 0.01, `${fast.distanceM} vs ${exact}`);
    }
  });
});
