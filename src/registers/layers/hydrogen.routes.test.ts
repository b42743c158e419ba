import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { loadEnergyLayers } from './energy.load.ts';

describe('the public last-mile gap list of industrial sites', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await loadEnergyLayers(t.database.db);
  });
  after(async () => t.close());

  it('lists every site by emissions, largest first, with its distance', async () => {
    const res = await t.app.inject('/wasserstoff/letzte-meile');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /237 Standorte/);
    const schwelgern = res.body.indexOf('/items/148?'); // ThyssenKrupp Werk Schwelgern
    const hkm = res.body.indexOf('/items/143?'); // Hüttenwerke Krupp Mannesmann
    assert.ok(schwelgern > 0 && hkm > schwelgern, 'größter Emittent zuerst');
    assert.match(res.body, /2,54/);
    const map =
      /href="(\/karte\?ebene=industrial-sites&amp;ebene=hydrogen-core-network&amp;ebene=hydrogen-pipelines)"/.exec(
        res.body,
      );
    assert.ok(map, 'link to the map with the sites and the hydrogen network');
    const shown = await t.app.inject(map[1]!.replace(/&amp;/g, '&'));
    assert.equal(shown.statusCode, 200);
    for (const id of ['industrial-sites', 'hydrogen-core-network', 'hydrogen-pipelines'])
      assert.match(shown.body, new RegExp(`data-layer="${id}"`), id);
  });

  it('filters by a minimum distance typed with a decimal comma', async () => {
    const res = await t.app.inject('/wasserstoff/letzte-meile?ab_km=2%2C6');
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /\/items\/148\?/); // Schwelgern, 2.54 km away
    assert.match(res.body, /\/items\/270\?/); // Scholven, 3.92 km away
    assert.match(res.body, /value="2,6"/);
  });

  it('refuses a bad minimum distance at the field, keeps the value and shows no list', async () => {
    for (const bad of ['abc', '-1', '5000']) {
      const res = await t.app.inject(`/wasserstoff/letzte-meile?ab_km=${bad}`);
      assert.equal(res.statusCode, 400, bad);
      assert.match(res.body, /<title>Fehler: /);
      assert.match(res.body, /Der Mindestabstand muss eine Zahl/);
      assert.match(res.body, new RegExp(`value="${bad}"`));
      assert.doesNotMatch(res.body, /\/items\/148\?/);
    }
    const csv = await t.app.inject('/wasserstoff/letzte-meile.csv?ab_km=abc');
    assert.equal(csv.statusCode, 400);
  });

  it('exports the same list as CSV for a German spreadsheet', async () => {
    const res = await t.app.inject('/wasserstoff/letzte-meile.csv?ab_km=2,6');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.ok(res.body.startsWith('\uFEFFRang;Standort-Kennung;Standort;'));
    const lines = res.body.trim().split('\r\n');
    const page = await t.app.inject('/wasserstoff/letzte-meile?ab_km=2,6');
    const count = Number(/(\d+) Standorte/.exec(page.body)![1]);
    assert.equal(lines.length, count + 1);
    assert.match(lines[1]!, /^1;270;RUHR OEL GMBH Werk Scholven;.*;3,92;/);
  });
});
