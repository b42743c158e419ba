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
  it('scales longitude by cos(latitude) so a square on the ground stays square', () => {
    const p = createProjection({ minLon: 0, minLat: 59.5, maxLon: 2, maxLat: 60.5 }, 1000, 0);
    // 2° of longitude at 60° N are as long as 1° of latitude.
    assert.ok(Math.abs(p.height - 1000) <= 2, `height ${p.height}`);
    assert.deepEqual(p.project(0, 60.5), { x: 0, y: 0 });
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
