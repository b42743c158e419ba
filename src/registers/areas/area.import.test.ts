import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { runAreaImport } from './area.cli.ts';
import { findAreasAt } from './area.queries.ts';

const square = (lon: number, lat: number, d = 0.01) => [
  [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ],
];

describe('area register import', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.drop());

  function file(content: unknown): string {
    const name = path.join(tmpdir(), `gebiete-${Math.random().toString(16).slice(2)}.geojson`);
    writeFileSync(name, typeof content === 'string' ? content : JSON.stringify(content));
    return name;
  }

  it('imports valid areas and finds them by coordinates', async () => {
    const out: string[] = [];
    const code = await runAreaImport(
      database.db,
      [
        file({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { name: 'Testgebiet', kind: 'acceleration', seaDone: true },
              geometry: { type: 'Polygon', coordinates: square(8.5, 51.5) },
            },
          ],
        }),
      ],
      (l) => out.push(l),
      (l) => out.push(l),
    );
    assert.equal(code, 0, out.join('\n'));
    assert.equal((await findAreasAt(database.db, { lon: 8.505, lat: 51.505 })).length, 1);
    assert.equal((await findAreasAt(database.db, { lon: 8.52, lat: 51.505 })).length, 0);
  });

  it('reports every bad feature by number and imports nothing', async () => {
    const errors: string[] = [];
    const before = await database.db.selectFrom('areas').select('id').execute();
    const code = await runAreaImport(
      database.db,
      [
        file({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { name: 'Gut', kind: 'wind-energy' },
              geometry: { type: 'Polygon', coordinates: square(7.5, 51.5) },
            },
            {
              type: 'Feature',
              properties: { kind: 'wind-energy' },
              geometry: { type: 'Polygon', coordinates: square(7.5, 51.5) },
            },
            {
              type: 'Feature',
              properties: { name: 'Hamburg', kind: 'acceleration' },
              geometry: { type: 'Polygon', coordinates: square(10.0, 53.55) },
            },
            {
              type: 'Feature',
              properties: { name: 'Punkt', kind: 'acceleration' },
              geometry: { type: 'Point', coordinates: [7.5, 51.5] },
            },
          ],
        }),
      ],
      () => undefined,
      (l) => errors.push(l),
    );
    assert.equal(code, 2);
    const text = errors.join('\n');
    assert.match(text, /Gebiet 2: Der Name/);
    assert.match(text, /Gebiet 3: .*nicht in NRW/);
    assert.match(text, /Gebiet 4: .*Polygon/);
    assert.match(text, /Es wurde nichts importiert/);
    assert.equal(
      (await database.db.selectFrom('areas').select('id').execute()).length,
      before.length,
    );
    assert.equal(
      await runAreaImport(
        database.db,
        [file('{kaputt')],
        () => undefined,
        () => undefined,
      ),
      2,
    );
  });
});
