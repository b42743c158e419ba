import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { findLayer } from '../catalogue/layers.ts';
import { loadEnergyLayers } from './energy.load.ts';
import { readWindTurbines } from './energy.read.ts';

describe('energy and network layers loaded from data/energy', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(async () => t.drop());

  it('loads every layer once and skips unchanged files on the next start', async () => {
    const first = await loadEnergyLayers(t.db);
    const counts = Object.fromEntries(first.map((r) => [r.layer, r.features]));
    assert.equal(counts['wind-turbines'], 3076);
    assert.equal(counts['power-plants'], 228);
    assert.equal(counts['industrial-sites'], 237);
    assert.equal(counts['renewable-capacity'], 396);
    assert.equal(counts['hydrogen-core-network'], 296);
    assert.ok(first.every((r) => r.loaded));
    const second = await loadEnergyLayers(t.db);
    assert.ok(second.every((r) => !r.loaded));
    const rows = await t.db
      .selectFrom('geo_features')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(
      Number(rows.n),
      first.reduce((sum, r) => sum + r.features, 0),
    );
  });

  it('answers a bbox query with exactly the features inside, in source order', async () => {
    const layer = findLayer('wind-turbines')!;
    const bbox = [8.5, 51.5, 8.9, 51.8] as const; // around Paderborn and the Sintfeld
    const inside = readWindTurbines().filter((f) => {
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
      return lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
    });
    assert.ok(inside.length > 100, `${inside.length}`);
    const page = await layer.items(t.db, { bbox, limit: 50, offset: 10 });
    assert.equal(page.numberMatched, inside.length);
    assert.deepEqual(
      page.features.map((f) => f.id),
      inside.slice(10, 60).map((f) => f.id),
    );
    const extent = await layer.extent(t.db);
    assert.ok(extent && extent[0] > 5.8 && extent[2] < 9.5 && extent[1] > 50.3 && extent[3] < 52.6);
    assert.equal(await layer.item(t.db, 'no-such-id'), undefined);
    assert.equal((await layer.item(t.db, inside[0]!.id))?.id, inside[0]!.id);
  });

  it('marks the coal exit with the data’s shutdown years and says where the data is silent', async () => {
    const plants = findLayer('power-plants')!;
    const shut = await plants.item(t.db, 'BNA0413b');
    assert.equal(shut?.properties.coal, true);
    assert.equal(shut?.properties.coal_exit, 'stillgelegt 2016');
    const running = await plants.item(t.db, 'BNA1401a');
    assert.match(String(running?.properties.coal_exit), /Stilllegungsdatum nicht in den Daten/);
    const gas = (await plants.items(t.db, { limit: 300, offset: 0 })).features.find(
      (f) => f.properties.energy_source === 'Erdgas',
    );
    assert.equal(gas?.properties.coal, false);
    assert.equal(gas?.properties.coal_exit, null);
    assert.equal(gas?.properties.h2_ready, 'keine Angabe in den Daten');
  });

  it('joins the capacity of two points in time to the Gemeinde polygons', async () => {
    const paderborn = await findLayer('renewable-capacity')!.item(t.db, '05774032');
    assert.equal(paderborn?.properties.name, 'Paderborn');
    assert.ok(['Polygon', 'MultiPolygon'].includes(paderborn.geometry.type));
    assert.equal(typeof paderborn?.properties.wind_mw_2021, 'number');
    assert.equal(typeof paderborn?.properties.wind_mw_2024, 'number');
  });
});
