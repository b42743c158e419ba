import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hydrogenDistance, hydrogenNetwork, type HydrogenNetwork } from './site.hydrogen.ts';
import { readinessOf } from './site.readiness.ts';

/**
 * Fixtures computed by hand: along a meridian one hundredth of a degree at 51° N is 1,113.1 m on
 * the WGS84 ellipsoid (meridian radius of curvature M = a(1−e²)/(1−e² sin²φ)^{3/2} = 6,377.5 km,
 * times 0.01° in radians = 1,113.1 m); along the parallel 51° N one hundredth of a degree is
 * N cos φ × 0.01° = 6,390.9 km × 0.62932 × 1.74533e-4 = 701.9 m.
 */
describe('distance to the hydrogen core network', () => {
  const pipeline: HydrogenNetwork = {
    locations: [{ name: 'Knoten Ost', state: 'Nordrhein-Westfalen', lon: 7.3, lat: 51 }],
    pipelines: [
      {
        id: 'P-TEST',
        lines: [
          [
            [7.0, 51.0],
            [7.2, 51.0],
          ],
        ],
      },
    ],
  };

  it('to the nearest point inside a pipeline segment (perpendicular foot)', () => {
    const result = hydrogenDistance([7.1, 51.01], pipeline)!;
    assert.deepEqual(result.nearest, { kind: 'pipeline', id: 'P-TEST' });
    assert.ok(Math.abs(result.km - 1.1131) < 0.002, String(result.km));
  });

  it('to the end of a segment when the foot lies beyond it', () => {
    // 0.01° west of the segment's west end on the same parallel.
    const result = hydrogenDistance([6.99, 51.0], pipeline)!;
    assert.ok(Math.abs(result.km - 0.7019) < 0.002, String(result.km));
  });

  it('to a core-network location when it is nearer than any pipeline', () => {
    const result = hydrogenDistance([7.31, 51.0], pipeline)!;
    assert.deepEqual(result.nearest, { kind: 'location', name: 'Knoten Ost' });
    assert.ok(Math.abs(result.km - 0.7019) < 0.002, String(result.km));
  });

  it('no network, no distance', () => {
    assert.equal(hydrogenDistance([7.1, 51], { locations: [], pipelines: [] }), null);
  });

  it('the shipped network gives Marl a distance within the Ruhr area', () => {
    const result = hydrogenDistance([7.1106, 51.6851], hydrogenNetwork())!;
    assert.ok(result.km >= 0 && result.km < 30, String(result.km));
  });
});

describe('readiness score', () => {
  const base = {
    grossHa: 90,
    netHa: 45,
    planningStatus: 'binding-plan',
    zoning: 'GI',
    contamination: 'remediated',
    miningSupervision: 'released',
    gridConnection: 'available',
    hydrogenDistanceKm: 1.5,
  } as const;

  it('a ready site scores 100 and every factor names its reason', () => {
    const readiness = readinessOf(base);
    assert.equal(readiness.score, 100);
    assert.deepEqual(
      readiness.factors.map((f) => f.key),
      ['size', 'zoning', 'contamination', 'mining', 'grid', 'hydrogen'],
    );
    for (const f of readiness.factors) assert.ok(f.reason.length > 5, f.key);
  });

  it('mining supervision, contamination and distance lower the score with their reasons', () => {
    const readiness = readinessOf({
      ...base,
      miningSupervision: 'under',
      contamination: 'suspected',
      hydrogenDistanceKm: 30,
    });
    assert.equal(readiness.score, 100 - 10 - 10 - 20);
    const mining = readiness.factors.find((f) => f.key === 'mining')!;
    assert.equal(mining.points, 0);
    assert.match(mining.reason, /Bergaufsicht/);
  });
});
