/** The wind-area pages: tracker, layer as of a day, CSV and who may import (with CSRF). */
import assert from 'node:assert/strict';
import { areaFeature as feature, rect } from '../../../test/helpers/wind-areas.ts';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, csrfTokenFrom, type TestApp } from '../../../test/helpers/app.ts';
import { windAreasLayer } from './area.layer.ts';

describe('wind areas: pages, CSV and the import form', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const count = async () =>
    (await t.database.db.selectFrom('area_imports').select('id').execute()).length;

  it('shows the tracker with the demo versions, as of a Stichtag, and refuses a bad one', async () => {
    const client = new Client(t.app);
    const page = await client.get('/windenergiegebiete');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Planungsregion Ruhr/);
    assert.match(page.body, /Version 2 vom 30\.06\.2026/);
    assert.match(page.body, /href="\/karte\?ebene=wind-areas">Heutige Gebiete auf der Karte/);
    const earlier = await client.get('/windenergiegebiete?stichtag=31.12.2025');
    assert.match(earlier.body, /Version 1 vom 30\.06\.2025/);
    assert.doesNotMatch(earlier.body, /Hamminkeln/);
    const bad = await client.get('/windenergiegebiete?stichtag=31.02.2025');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Fehler: /);
    assert.match(bad.body, /value="31\.02\.2025"/);
    const csv = await client.get('/windenergiegebiete/regionen.csv?stichtag=2026-07-01');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /^\uFEFFSchlüssel;Name;/);
    assert.match(csv.body, /Planungsregion Ruhr;/);
    const list = await client.get('/windenergiegebiete/gebiete.csv');
    assert.match(list.body, /Hamminkeln/);
    assert.equal((await client.get('/windenergiegebiete/gebiete?stichtag=morgen')).statusCode, 400);
  });

  it('serves the layer as of a past day and now', async () => {
    const db = t.database.db;
    const then = await windAreasLayer.items(db, { limit: 100, offset: 0, asOf: '2025-12-31' });
    const now = await windAreasLayer.items(db, { limit: 100, offset: 0 });
    assert.equal(then.numberMatched, 9);
    assert.equal(now.numberMatched, 15);
    assert.equal(
      (await windAreasLayer.items(db, { limit: 10, offset: 0, asOf: '2020-01-01' })).numberMatched,
      0,
    );
    const one = await windAreasLayer.item(db, now.features[0]!.id);
    assert.equal(one?.properties.name, now.features[0]!.properties.name);
  });

  it('lets only the Land planning authority and the platform admin import, with CSRF', async () => {
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [feature('Neues Gebiet', rect(8.7, 51.45, 0.01, 0.01)[0])],
    });
    const anonymous = new Client(t.app);
    const refusedAnonymous = await t.app.inject({
      method: 'POST',
      ...geojsonUpload('x', { stand: '01.12.2026', modus: 'add' }, file),
    });
    assert.ok([302, 303, 401].includes(refusedAnonymous.statusCode));
    assert.notEqual((await anonymous.get('/windenergiegebiete/import')).statusCode, 200);

    const caseWorker = new Client(t.app);
    await caseWorker.logIn('sachbearbeitung@kreis-paderborn.example');
    assert.equal((await caseWorker.get('/windenergiegebiete/import')).statusCode, 403);

    const admin = new Client(t.app);
    await admin.logIn('admin@industrieland.example');
    const form = await admin.get('/windenergiegebiete/import');
    assert.equal(form.statusCode, 200);
    const csrf = csrfTokenFrom(form.body);
    const before = await count();

    const noCsrf = await t.app.inject({
      method: 'POST',
      ...geojsonUpload('falsch', { stand: '01.12.2026', modus: 'add' }, file),
      headers: {
        ...geojsonUpload('falsch', {}, file).headers,
        cookie: admin.jar.header(),
      },
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(await count(), before);

    const send = (fields: Record<string, string>, content: string) => {
      const upload = geojsonUpload(csrf, fields, content);
      return t.app.inject({
        method: 'POST',
        url: upload.url,
        payload: upload.payload,
        headers: { ...upload.headers, cookie: admin.jar.header() },
      });
    };
    const hostile = await send(
      { stand: '01.12.2026', modus: 'add' },
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          feature('Gut', rect(8.7, 51.45, 0.01, 0.01)[0]),
          feature('Hamburg', rect(9.95, 53.55, 0.01, 0.01)[0]),
          {
            type: 'Feature',
            properties: { name: '<script>x</script>', kind: 'wind-energy' },
            geometry: { type: 'Polygon', coordinates: 'x' },
          },
        ],
      }),
    );
    assert.equal(hostile.statusCode, 400);
    assert.match(
      hostile.body,
      /Gebiet 2: Das Gebiet liegt nicht in NRW|Gebiet 2: Koordinaten liegen nicht in NRW/,
    );
    assert.match(hostile.body, /Gebiet 3: Die Geometrie muss/);
    assert.doesNotMatch(hostile.body, /<script>x/);
    assert.match(hostile.body, /value="01\.12\.2026"/);
    assert.equal(await count(), before);

    const backdated = await send({ stand: '01.01.2026', modus: 'add' }, file);
    assert.equal(backdated.statusCode, 400);
    assert.match(backdated.body, /nicht vor dem Stand des letzten Imports/);
    assert.equal((await send({ stand: '01.12.2026', modus: '' }, file)).statusCode, 400);
    assert.equal((await send({ stand: '01.12.2026', modus: 'add' }, '{kaputt')).statusCode, 400);
    assert.equal(await count(), before);

    const ok = await send({ stand: '01.12.2026', modus: 'add' }, file);
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
    assert.equal(await count(), before + 1);

    const ministry = new Client(t.app);
    await ministry.logIn('aufsicht@mwike.example');
    assert.equal((await ministry.get('/windenergiegebiete/import')).statusCode, 200);
  });
});

function geojsonUpload(csrf: string, fields: Record<string, string>, content: string) {
  const boundary = `----gebiete${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="gebiete.geojson"\r\nContent-Type: application/geo+json\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  );
  return {
    url: `/windenergiegebiete/import?_csrf=${encodeURIComponent(csrf)}`,
    payload: Buffer.from(parts.join('')),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
