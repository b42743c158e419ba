import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixtureLayers } from '../../src/registers/map/map.fixtures.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';

describe('map page /karte', () => {
  let t: TestApp;
  let anonymous: Client;
  before(async () => {
    t = await createTestApp({ app: { featureLayers: fixtureLayers() } });
    anonymous = new Client(t.app);
  });
  after(async () => t.close());

  it('shows every layer to anyone, with legend, sources and the first layer as a table', async () => {
    const page = await anonymous.get('/karte');
    assert.equal(page.statusCode, 200);
    for (const id of ['test-flaechen', 'test-leitungen', 'test-anlagen']) {
      assert.match(page.body, new RegExp(`data-layer="${id}"`));
      assert.match(page.body, new RegExp(`name="ebene" value="${id}" checked`));
    }
    assert.match(page.body, /Beispiel-Regionalplan/);
    assert.match(page.body, /\[offen: Lizenz noch zu prüfen\]/);
    assert.match(page.body, /Datenstand: 30\. Juni 2026/);
    assert.match(page.body, /Tabelle: Testflächen/);
    assert.match(page.body, /1\.234,5 ha/);
    assert.match(page.body, /<script src="\/static\/layer-map.js" defer>/);
  });

  it('draws only the checked layers and lists the chosen table, escaped', async () => {
    const page = await anonymous.get('/karte?auswahl=1&ebene=test-anlagen&tabelle=test-anlagen');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /data-layer="test-flaechen"/);
    assert.match(page.body, /Anlage &lt;Paderborn> &amp; Co/);
    assert.match(page.body, /51,2277° N, 6,7735° O/);
    assert.match(page.body, /2\.300,5 kW/);
  });

  it('with no box checked, shows the outlines only', async () => {
    const page = await anonymous.get('/karte?auswahl=1&hintergrund=gemeinden');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Keine Ebene gewählt/);
    assert.doesNotMatch(page.body, /data-layer="/);
  });

  it('pages the table without JavaScript', async () => {
    const layers = fixtureLayers({ extraPoints: 60 });
    const other = await createTestApp({ app: { featureLayers: layers } });
    try {
      const client = new Client(other.app);
      const first = await client.get('/karte?auswahl=1&ebene=test-anlagen');
      assert.match(first.body, /1–25 von 63 Objekten/);
      assert.match(first.body, /Seite 1 von 3/);
      const third = await client.get('/karte?auswahl=1&ebene=test-anlagen&seite=3');
      assert.match(third.body, /51–63 von 63 Objekten/);
    } finally {
      await other.close();
    }
  });

  it('refuses bad input with a German 400 page that keeps the values', async () => {
    for (const [query, message] of [
      ['ebene=gibt-es-nicht', /Diese Ebene gibt es nicht: „gibt-es-nicht“/],
      ['hintergrund=luftbild', /Wählen Sie einen Hintergrund aus der Liste/],
      ['bbox=1,2,3', /Der Ausschnitt besteht aus vier Zahlen/],
      ['bbox=7,52,6,51', /Der Ausschnitt besteht aus vier Zahlen/],
      ['seite=0', /Die Seitenzahl ist eine ganze Zahl ab 1/],
      ['seite=abc', /Die Seitenzahl ist eine ganze Zahl ab 1/],
      ['ebene=test-anlagen&tabelle=test-flaechen', /nur eine der gewählten Ebenen/],
      ['foo=1', /Unbekannte Angabe: foo/],
    ] as const) {
      const page = await anonymous.get(`/karte?auswahl=1&${query}`);
      assert.equal(page.statusCode, 400, query);
      assert.match(page.body, /<title>Fehler: Karte/, query);
      assert.match(page.body, message, query);
    }
    const kept = await anonymous.get('/karte?auswahl=1&ebene=test-anlagen&bbox=%3Cx%3E');
    assert.match(kept.body, /value="&lt;x>"/);
    assert.match(kept.body, /name="ebene" value="test-anlagen" checked/);
  });

  it('serves the Kreis outlines as GeoJSON for the interactive map', async () => {
    const response = await anonymous.get('/karte/kreise.geojson');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /application\/geo\+json/);
    const collection = JSON.parse(response.body) as { features: unknown[] };
    assert.equal(collection.features.length, 53);
  });
});
