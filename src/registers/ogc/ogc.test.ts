import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { FEATURE_LAYERS } from '../catalogue/layers.ts';
import { fixtureLayers } from '../map/map.fixtures.ts';
import { loadEnergyLayers } from '../layers/energy.load.ts';
import { readWindTurbines } from '../layers/energy.read.ts';
import { CONFORMANCE_CLASSES } from './ogc.documents.ts';

interface Link {
  href: string;
  rel: string;
  type?: string;
}
interface FeatureCollection {
  type: string;
  features: { type: string; id: string; geometry: GeoJSON.Geometry; properties: object }[];
  links: Link[];
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
}

/** The address of the page's „Auf der Karte zeigen“ link, unescaped; undefined without one. */
const mapLinkOf = (html: string) => {
  const found = /<a class="kern-link" href="([^"]*)">Auf der Karte zeigen<\/a>/.exec(html);
  return found ? found[1]!.replaceAll('&amp;', '&') : undefined;
};

const rels = (links: Link[]) => links.map((l) => l.rel).sort();
const link = (links: Link[], rel: string, type?: string) =>
  links.find((l) => l.rel === rel && (type === undefined || l.type === type));

describe('OGC API – Features at /ogc', () => {
  let t: TestApp;
  let base: string;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  /** Links are absolute; inject takes the path and query. */
  const follow = (href: string) => get(href.slice(base.length));

  before(async () => {
    t = await createTestApp();
    await loadEnergyLayers(t.database.db);
    base = t.deps.config.publicUrl.replace(/\/$/, '');
  });
  after(async () => t.close());

  it('landing page links the API definition, documentation, conformance and data', async () => {
    const res = await get('/ogc');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const doc = res.json<{ title: string; links: Link[] }>();
    assert.ok(doc.title);
    for (const rel of ['self', 'alternate', 'service-desc', 'service-doc', 'conformance', 'data'])
      assert.ok(link(doc.links, rel), `rel ${rel}`);
    assert.equal(
      link(doc.links, 'service-desc')?.type,
      'application/vnd.oai.openapi+json;version=3.0',
    );
    assert.ok(doc.links.every((l) => l.href.startsWith(`${base}/ogc`)));
    // Every link resolves.
    for (const l of doc.links) assert.equal((await follow(l.href)).statusCode, 200, l.href);
  });

  it('declares the conformance classes core, oas30, html and geojson', async () => {
    const doc = (await get('/ogc/conformance')).json<{ conformsTo: string[] }>();
    assert.deepEqual([...doc.conformsTo].sort(), [...CONFORMANCE_CLASSES].sort());
    assert.equal(doc.conformsTo.length, 4);
  });

  it('serves an OpenAPI 3.0 definition naming every collection', async () => {
    const res = await get('/ogc/api');
    assert.match(String(res.headers['content-type']), /application\/vnd\.oai\.openapi\+json/);
    const doc = res.json<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { parameters: { collectionId: { schema: { enum: string[] } } } };
    }>();
    assert.match(doc.openapi, /^3\.0\./);
    assert.ok(doc.paths['/collections/{collectionId}/items']);
    assert.deepEqual(
      doc.components.parameters.collectionId.schema.enum,
      FEATURE_LAYERS.map((l) => l.id),
    );
  });

  it('lists every layer of the catalogue as a collection with extent, CRS84 and item links', async () => {
    const doc = (await get('/ogc/collections')).json<{
      links: Link[];
      collections: {
        id: string;
        crs: string[];
        extent?: { spatial: { bbox: number[][]; crs: string } };
        links: Link[];
      }[];
    }>();
    assert.deepEqual(rels(doc.links), ['alternate', 'self']);
    assert.deepEqual(
      doc.collections.map((c) => c.id),
      FEATURE_LAYERS.map((l) => l.id),
    );
    for (const c of doc.collections) {
      assert.ok(c.crs.includes('http://www.opengis.net/def/crs/OGC/1.3/CRS84'));
      assert.ok(link(c.links, 'items', 'application/geo+json'), c.id);
      assert.ok(link(c.links, 'items', 'text/html'), c.id);
    }
    const wind = doc.collections.find((c) => c.id === 'wind-turbines')!;
    const [minLon, minLat, maxLon, maxLat] = wind.extent!.spatial.bbox[0]!;
    assert.ok(minLon! > 5.8 && maxLon! < 9.5 && minLat! > 50.3 && maxLat! < 52.6);
    const one = (await get('/ogc/collections/wind-turbines')).json<{ id: string; links: Link[] }>();
    assert.equal(one.id, 'wind-turbines');
    assert.ok(link(one.links, 'self') && link(one.links, 'alternate') && link(one.links, 'items'));
  });

  it('pages items with limit 10 by default, next/prev links and the counts', async () => {
    const res = await get('/ogc/collections/wind-turbines/items');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/geo\+json/);
    const page = res.json<FeatureCollection>();
    assert.equal(page.type, 'FeatureCollection');
    assert.equal(page.numberReturned, 10);
    assert.equal(page.features.length, 10);
    assert.equal(page.numberMatched, 3076);
    assert.ok(!Number.isNaN(Date.parse(page.timeStamp)));
    assert.deepEqual(rels(page.links), ['alternate', 'collection', 'next', 'self']);
    // Following next to the end visits every feature exactly once; prev leads back.
    const seen = new Set<string>();
    let href: string | undefined = `${base}/ogc/collections/wind-turbines/items?limit=1000`;
    let pages = 0;
    let second: FeatureCollection | undefined;
    while (href) {
      const p: FeatureCollection = (await follow(href)).json<FeatureCollection>();
      for (const f of p.features) seen.add(f.id);
      pages++;
      if (pages === 2) second = p;
      href = link(p.links, 'next')?.href;
    }
    assert.equal(pages, 4);
    assert.equal(seen.size, 3076);
    const back = (await follow(link(second!.links, 'prev')!.href)).json<FeatureCollection>();
    assert.equal(back.features[0]!.id, readWindTurbines()[0]!.id);
    assert.equal(link(back.links, 'prev'), undefined);
  });

  it('filters by bbox and keeps the bbox in the paging links', async () => {
    const bbox = [8.5, 51.5, 8.9, 51.8];
    const expected = readWindTurbines().filter((f) => {
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
      return lon >= bbox[0]! && lon <= bbox[2]! && lat >= bbox[1]! && lat <= bbox[3]!;
    });
    const page = (
      await get(`/ogc/collections/wind-turbines/items?bbox=${bbox.join(',')}&limit=100`)
    ).json<FeatureCollection>();
    assert.equal(page.numberMatched, expected.length);
    assert.equal(page.numberReturned, 100);
    for (const f of page.features) {
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
      assert.ok(lon >= 8.5 && lon <= 8.9 && lat >= 51.5 && lat <= 51.8);
    }
    assert.match(link(page.links, 'next')!.href, /bbox=8\.5,51\.5,8\.9,51\.8/);
    // Six numbers (with heights) are read as the same box.
    const withHeights = (
      await get('/ogc/collections/wind-turbines/items?bbox=8.5,51.5,0,8.9,51.8,100&limit=1')
    ).json<FeatureCollection>();
    assert.equal(withHeights.numberMatched, expected.length);
    // A box with nothing in it answers an empty collection, not an error.
    const empty = (
      await get('/ogc/collections/wind-turbines/items?bbox=0,0,1,1')
    ).json<FeatureCollection>();
    assert.equal(empty.numberMatched, 0);
    assert.equal(empty.numberReturned, 0);
    assert.equal(link(empty.links, 'next'), undefined);
  });

  it('caps limit at 10,000 and refuses unreadable parameters with a German problem', async () => {
    const big = (
      await get('/ogc/collections/wind-turbines/items?limit=50000')
    ).json<FeatureCollection>();
    assert.equal(big.numberReturned, 3076);
    assert.equal(link(big.links, 'next'), undefined);
    const cases: [string, RegExp][] = [
      ['/ogc/collections/wind-turbines/items?limit=abc', /„limit“ muss eine ganze Zahl/],
      ['/ogc/collections/wind-turbines/items?limit=0', /„limit“ muss eine ganze Zahl/],
      ['/ogc/collections/wind-turbines/items?limit=-5', /„limit“ muss eine ganze Zahl/],
      ['/ogc/collections/wind-turbines/items?offset=x', /„offset“ muss/],
      ['/ogc/collections/wind-turbines/items?bbox=6,51,7', /3 statt 4 Zahlen/],
      ['/ogc/collections/wind-turbines/items?bbox=6,51,a,52', /etwas anderes als Zahlen/],
      ['/ogc/collections/wind-turbines/items?bbox=6,52,7,51', /südliche Breite größer/],
      ['/ogc/collections/wind-turbines/items?bbox=7,51,6,52', /Datumsgrenze/],
      ['/ogc/collections/wind-turbines/items?bbox=6,51,7,95', /außerhalb/],
      ['/ogc/collections/wind-turbines/items?datetime=2025-13-01', /„datetime“ muss/],
      ['/ogc/collections/wind-turbines/items?limit=1&limit=2', /nur einmal/],
      ['/ogc/collections/wind-turbines/items?color=red', /Unbekannter Parameter „color“/],
      ['/ogc/collections?f=xml', /Format „xml“ gibt es nicht/],
      ['/ogc/conformance?limit=3', /Unbekannter Parameter „limit“/],
    ];
    for (const [url, message] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/, url);
      const problem = res.json<{ status: number; detail: string }>();
      assert.equal(problem.status, 400);
      assert.match(problem.detail, message, url);
    }
  });

  it('answers unknown collections, features and addresses with 404', async () => {
    for (const url of [
      '/ogc/collections/no-such-layer',
      '/ogc/collections/no-such-layer/items',
      '/ogc/collections/wind-turbines/items/no-such-feature',
      '/ogc/something-else',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/, url);
      assert.match(res.json<{ detail: string }>().detail, /gibt es/);
    }
  });

  it('serves a single feature with its links, as GeoJSON and as HTML', async () => {
    const first = readWindTurbines()[0]!;
    const res = await get(`/ogc/collections/wind-turbines/items/${first.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/geo\+json/);
    const feature = res.json<{
      type: string;
      id: string;
      links: Link[];
      geometry: GeoJSON.Point;
    }>();
    assert.equal(feature.type, 'Feature');
    assert.equal(feature.id, first.id);
    assert.deepEqual(feature.geometry, first.geometry);
    assert.deepEqual(rels(feature.links), ['alternate', 'collection', 'self']);
    const html = await get(`/ogc/collections/wind-turbines/items/${first.id}?f=html`);
    assert.equal(html.statusCode, 200);
    assert.match(String(html.headers['content-type']), /^text\/html/);
    assert.match(html.body, /Nabenhöhe/);
    assert.match(html.body, /Datenstand/);
  });

  it('offers every resource as an HTML page, chosen by f=html or the Accept header', async () => {
    for (const url of [
      '/ogc?f=html',
      '/ogc/conformance?f=html',
      '/ogc/api?f=html',
      '/ogc/collections?f=html',
      '/ogc/collections/power-plants?f=html',
      '/ogc/collections/power-plants/items?f=html',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /^text\/html/, url);
    }
    const browser = await get('/ogc/collections', {
      accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
    });
    assert.match(String(browser.headers['content-type']), /^text\/html/);
    for (const layer of FEATURE_LAYERS) assert.ok(browser.body.includes(layer.title), layer.id);
    const items = await get('/ogc/collections/power-plants/items?f=html&limit=5');
    assert.match(items.body, /Objekte 1 bis 5 von 228/);
    assert.match(items.body, /rel="next"/);
  });

  it('links the HTML pages of a map layer to the map, an object focused on its place', async () => {
    const collection = mapLinkOf((await get('/ogc/collections/power-plants?f=html')).body);
    assert.equal(collection, '/karte?ebene=power-plants');
    const items = mapLinkOf(
      (await get('/ogc/collections/wind-turbines/items?f=html&bbox=8.5,51.5,8.9,51.8')).body,
    );
    assert.equal(items, '/karte?ebene=wind-turbines&bbox=8.50000%2C51.50000%2C8.90000%2C51.80000');
    // A box the map cannot take (no width) leaves the extent out, not the link.
    const flat = mapLinkOf(
      (await get('/ogc/collections/wind-turbines/items?f=html&bbox=8.5,51.5,8.5,51.8')).body,
    );
    assert.equal(flat, '/karte?ebene=wind-turbines');
    const turbine = readWindTurbines()[0]!;
    const [lon, lat] = (turbine.geometry as GeoJSON.Point).coordinates as [number, number];
    const item = mapLinkOf(
      (await get(`/ogc/collections/wind-turbines/items/${turbine.id}?f=html`)).body,
    );
    assert.ok(item);
    const url = new URL(item, 'http://localhost');
    assert.equal(url.pathname, '/karte');
    assert.deepEqual(url.searchParams.getAll('ebene'), ['wind-turbines']);
    const [west, south, east, north] = url.searchParams.get('bbox')!.split(',').map(Number);
    assert.ok(west! < lon && lon < east! && south! < lat && lat < north!, item);
    assert.ok(east! - west! < 0.1 && north! - south! < 0.1, item);
    // The map takes every one of these addresses and shows the layer.
    for (const href of [collection, items, flat, item]) {
      const map = await get(href);
      assert.equal(map.statusCode, 200, href);
      assert.match(map.body, /data-layer="(power-plants|wind-turbines)"/, href);
    }
  });

  it('has no map link on the pages of a collection the map does not show', async () => {
    const other = await createTestApp({ app: { featureLayers: fixtureLayers() } });
    try {
      const page = await other.app.inject({
        method: 'GET',
        url: '/ogc/collections/power-plants?f=html',
      });
      assert.equal(page.statusCode, 200);
      assert.equal(mapLinkOf(page.body), undefined);
      assert.doesNotMatch(page.body, /Auf der Karte zeigen/);
      const items = await other.app.inject({
        method: 'GET',
        url: '/ogc/collections/power-plants/items?f=html',
      });
      assert.equal(items.statusCode, 200);
      assert.doesNotMatch(items.body, /Auf der Karte zeigen/);
    } finally {
      await other.close();
    }
  });

  it('shows a bad bbox on the HTML items page next to the field, with the value kept', async () => {
    const res = await get('/ogc/collections/wind-turbines/items?f=html&bbox=6%2C51%2C7&limit=20');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Fehler: /);
    assert.match(res.body, /3 statt 4 Zahlen/);
    assert.match(res.body, /value="6,51,7"/);
    assert.match(res.body, /value="20"/);
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/ogc/collections/wind-turbines/items' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, '');
  });
});
