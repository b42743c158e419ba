import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundaryPath, createProjection, MAP_WIDTH, nrwProjection, project } from './projection.ts';

const DUESSELDORF = { lon: 6.7735, lat: 51.2277 };
const COLOGNE = { lon: 6.9578, lat: 50.9375 };

function pathBox(d: string): { minX: number; minY: number; maxX: number; maxY: number } {
  const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  return {
    minX: Math.min(...xs),
    minY: Math.min(...ys),
    maxX: Math.max(...xs),
    maxY: Math.max(...ys),
  };
}

describe('createProjection', () => {
  // Until 2026 the map used an equirectangular projection scaled by cos(mid-latitude); its test
  // expected a 2° × 1° box at 60° N to be exactly square with its corner at (0, 0). The transverse
  // Mercator is conformal instead: parallels and meridians are curves, so the box's corners no
  // longer sit on the viewBox corners, and the box is fitted with its widest (southern) edge.
  it('fits a lon/lat box into the width, margins included', () => {
    const box = { minLon: 0, minLat: 59.5, maxLon: 2, maxLat: 60.5 };
    const p = createProjection(box, 1000, 10);
    assert.equal(p.width, 1000);
    // 1° of latitude (111.4 km) against 2° of longitude at 59.5° N (113.0 km): about 0.985.
    assert.ok(Math.abs(p.height - 20 - 980 * (111.4 / 113.0)) < 5, `height ${p.height}`);
    for (const [lon, lat] of [
      [0, 59.5],
      [2, 59.5],
      [0, 60.5],
      [2, 60.5],
      [1, 60.5],
    ] as const) {
      const { x, y } = p.project(lon, lat);
      assert.ok(x >= 10 - 1e-6 && x <= 990 + 1e-6, `x ${x}`);
      assert.ok(y >= 10 - 1e-6 && y <= p.height - 10 + 1e-6, `y ${y}`);
    }
  });

  it('is conformal: a small square on the ground stays square anywhere in NRW', () => {
    const p = createProjection({ minLon: 5.8, minLat: 50.3, maxLon: 9.5, maxLat: 52.6 });
    for (const [lon, lat] of [
      [6.0, 50.4],
      [9.4, 52.5],
      [7.6, 51.4],
    ] as const) {
      const step = 0.01;
      const origin = p.project(lon, lat);
      const north = p.project(lon, lat + step);
      const east = p.project(lon + step / Math.cos((lat * Math.PI) / 180), lat);
      const up = Math.hypot(north.x - origin.x, north.y - origin.y);
      const across = Math.hypot(east.x - origin.x, east.y - origin.y);
      // An equirectangular map scaled for 51.45° N is 2 % off at 50.4° N; this must be < 0.5 %.
      assert.ok(Math.abs(up / across - 1) < 0.005, `ratio ${up / across} at ${lon}, ${lat}`);
    }
  });

  it('puts north up on the central meridian', () => {
    const p = createProjection({ minLon: 6, minLat: 50, maxLon: 9, maxLat: 52 });
    const south = p.project(7.5, 50);
    const north = p.project(7.5, 52);
    assert.ok(Math.abs(south.x - north.x) < 1e-6);
    assert.ok(north.y < south.y);
  });
});

describe('nrwProjection', () => {
  it('maps the corners of the NRW bounding box into [0, 1000] × [0, height]', () => {
    const { box, width, height } = nrwProjection();
    assert.equal(width, MAP_WIDTH);
    assert.ok(height > 800 && height < 1100, `height ${height}`);
    for (const lon of [box.minLon, box.maxLon]) {
      for (const lat of [box.minLat, box.maxLat]) {
        const { x, y } = project(lon, lat);
        assert.ok(x >= 0 && x <= width, `x ${x} for ${lon}`);
        assert.ok(y >= 0 && y <= height, `y ${y} for ${lat}`);
      }
    }
    assert.ok(project(box.minLon, box.maxLat).x < project(box.maxLon, box.maxLat).x);
    assert.ok(project(box.minLon, box.maxLat).y < project(box.minLon, box.minLat).y);
  });

  it('places Düsseldorf inside the outline and Cologne south of it', () => {
    const outline = pathBox(boundaryPath());
    const duesseldorf = project(DUESSELDORF.lon, DUESSELDORF.lat);
    assert.ok(duesseldorf.x > outline.minX && duesseldorf.x < outline.maxX);
    assert.ok(duesseldorf.y > outline.minY && duesseldorf.y < outline.maxY);
    const cologne = project(COLOGNE.lon, COLOGNE.lat);
    assert.ok(cologne.y > duesseldorf.y, 'south is further down');
  });
});

describe('boundaryPath', () => {
  const d = boundaryPath();

  it('is small enough to inline in every page', () => {
    assert.ok(d.length < 30_000, `${d.length} characters`);
    assert.ok(d.length > 2_000, 'not simplified away');
  });

  it('contains only closed rings with coordinates rounded to one decimal', () => {
    assert.match(d, /^(M-?\d+(\.\d)?,-?\d+(\.\d)?(L-?\d+(\.\d)?,-?\d+(\.\d)?)+Z)+$/);
  });

  it('spans the whole viewBox width', () => {
    const box = pathBox(d);
    const { width, height } = nrwProjection();
    assert.ok(box.minX >= 0 && box.minX < 30, `minX ${box.minX}`);
    assert.ok(box.maxX <= width && box.maxX > width - 30, `maxX ${box.maxX}`);
    assert.ok(box.minY >= 0 && box.maxY <= height);
  });
});
