import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { boundingBox, isAreaGeometry, pointInPolygon } from './index.ts';
import type { AreaGeometry, LinearRing, Position } from './index.ts';

const square = (x: number, y: number, size: number): LinearRing => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

/** 10 × 10 square with a 4 × 4 hole in the middle. */
const squareWithHole: AreaGeometry = {
  type: 'Polygon',
  coordinates: [square(0, 0, 10), square(3, 3, 4)],
};

describe('pointInPolygon', () => {
  it('finds points in a square and respects its hole', () => {
    assert.equal(pointInPolygon({ lon: 1, lat: 1 }, squareWithHole), true);
    assert.equal(pointInPolygon({ lon: 9.5, lat: 5 }, squareWithHole), true);
    assert.equal(pointInPolygon({ lon: 5, lat: 5 }, squareWithHole), false, 'in the hole');
    assert.equal(pointInPolygon({ lon: 3.5, lat: 6.5 }, squareWithHole), false, 'in the hole');
    assert.equal(pointInPolygon({ lon: 11, lat: 5 }, squareWithHole), false);
    assert.equal(pointInPolygon({ lon: -1, lat: -1 }, squareWithHole), false);
  });

  it('accepts open rings and ignores a third coordinate', () => {
    const open: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0, 100],
          [4, 0, 100],
          [4, 4, 100],
          [0, 4, 100],
        ],
      ],
    };
    assert.equal(pointInPolygon({ lon: 2, lat: 2 }, open), true);
    assert.equal(pointInPolygon({ lon: 5, lat: 2 }, open), false);
  });

  it('tests every part of a multipolygon, each with its own holes', () => {
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 10), square(3, 3, 4)], [square(20, 20, 5)]],
    };
    assert.equal(pointInPolygon({ lon: 1, lat: 1 }, multi), true);
    assert.equal(pointInPolygon({ lon: 22, lat: 22 }, multi), true);
    assert.equal(pointInPolygon({ lon: 5, lat: 5 }, multi), false);
    assert.equal(pointInPolygon({ lon: 15, lat: 15 }, multi), false, 'between the parts');
  });

  it('handles a concave (U-shaped) polygon', () => {
    const u: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [6, 0],
          [6, 6],
          [4, 6],
          [4, 2],
          [2, 2],
          [2, 6],
          [0, 6],
          [0, 0],
        ],
      ],
    };
    assert.equal(pointInPolygon({ lon: 1, lat: 5 }, u), true);
    assert.equal(pointInPolygon({ lon: 5, lat: 5 }, u), true);
    assert.equal(pointInPolygon({ lon: 3, lat: 5 }, u), false, 'inside the notch');
    assert.equal(pointInPolygon({ lon: 3, lat: 1 }, u), true);
  });

  it('counts a point exactly on an edge or a corner as inside, also on a hole edge', () => {
    assert.equal(pointInPolygon({ lon: 10, lat: 5 }, squareWithHole), true, 'outer edge');
    assert.equal(pointInPolygon({ lon: 0, lat: 0 }, squareWithHole), true, 'corner');
    assert.equal(pointInPolygon({ lon: 3, lat: 5 }, squareWithHole), true, 'hole edge');
    assert.equal(pointInPolygon({ lon: 10.000001, lat: 5 }, squareWithHole), false);
  });

  it('rejects non-finite points and degenerate rings', () => {
    assert.equal(pointInPolygon({ lon: NaN, lat: 1 }, squareWithHole), false);
    const line: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
        ],
      ],
    };
    assert.equal(pointInPolygon({ lon: 0.5, lat: 0.5 }, line), false);
  });

  const coordinate = fc.double({ min: -170, max: 170, noNaN: true });
  const position = fc.tuple(coordinate, coordinate).map(([lon, lat]): Position => [lon, lat]);
  /** Triangles with a clearly non-zero area, so the centroid is well inside. */
  const triangle = fc
    .tuple(position, position, position)
    .filter(
      ([a, b, c]) => Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])) > 1,
    );

  it('property: the centroid of a triangle is inside it, in either orientation', () => {
    fc.assert(
      fc.property(triangle, fc.boolean(), ([a, b, c], reverse) => {
        const ring: LinearRing = reverse ? [c, b, a, c] : [a, b, c, a];
        const centre = { lon: (a[0] + b[0] + c[0]) / 3, lat: (a[1] + b[1] + c[1]) / 3 };
        return pointInPolygon(centre, { type: 'Polygon', coordinates: [ring] });
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a point outside the bounding box is outside', () => {
    const polygon = fc.array(position, { minLength: 3, maxLength: 12 });
    fc.assert(
      fc.property(
        polygon,
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        (ring, gap, side) => {
          const geometry: AreaGeometry = { type: 'Polygon', coordinates: [ring] };
          const box = boundingBox(geometry);
          const midLon = (box.minLon + box.maxLon) / 2;
          const midLat = (box.minLat + box.maxLat) / 2;
          const point = [
            { lon: box.maxLon + gap, lat: midLat },
            { lon: box.minLon - gap, lat: midLat },
            { lon: midLon, lat: box.maxLat + gap },
            { lon: midLon, lat: box.minLat - gap },
          ][side];
          return point !== undefined && !pointInPolygon(point, geometry);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a degenerate ring of near-equal corners contains nothing beside it (found by the property above)', () => {
    const geometry: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0, 0],
          [0, -Number.MIN_VALUE],
        ],
      ],
    };
    assert.equal(pointInPolygon({ lon: 0.001, lat: 0 }, geometry), false);
    assert.equal(pointInPolygon({ lon: 0.001, lat: -Number.MIN_VALUE }, geometry), false);
  });

  it('property: a convex polygon contains the average of its vertices', () => {
    // Distinct points on a circle, sorted by angle, form a convex polygon with an interior; the
    // vertex average is a convex combination with positive weights, hence strictly inside.
    const convex = fc
      .uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 3, maxLength: 20 })
      .map((angles) => angles.sort((a, b) => a - b));
    fc.assert(
      fc.property(
        convex,
        coordinate,
        coordinate,
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (angles, lon, lat, r) => {
          const ring: Position[] = angles.map((deg) => [
            lon + r * Math.cos((deg * Math.PI) / 180),
            lat + r * Math.sin((deg * Math.PI) / 180),
          ]);
          const centre = {
            lon: ring.reduce((s, p) => s + p[0], 0) / ring.length,
            lat: ring.reduce((s, p) => s + p[1], 0) / ring.length,
          };
          return pointInPolygon(centre, { type: 'Polygon', coordinates: [ring] });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('isAreaGeometry', () => {
  it('accepts polygons and multipolygons, rejects anything else', () => {
    assert.equal(isAreaGeometry(squareWithHole), true);
    assert.equal(isAreaGeometry({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)]] }), true);
    assert.equal(isAreaGeometry({ type: 'Point', coordinates: [1, 2] }), false);
    assert.equal(isAreaGeometry({ type: 'Polygon', coordinates: [[['a', 'b']]] }), false);
    assert.equal(isAreaGeometry(null), false);
  });
});
