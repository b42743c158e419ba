import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layerStyle } from './layer-style.ts';
import { fixtureLayers } from './map.fixtures.ts';
import { focusBbox, mapHref, parseMapQuery } from './map.query.ts';
import { islandLayers } from './map.views.tsx';

const IDS = ['wind-areas', 'sites', 'power-plants'];

describe('links from register pages to the map', () => {
  it('chooses the given layers, the first as the table, and reads back as the same query', () => {
    assert.equal(mapHref([]), '/karte');
    const href = mapHref(['sites', 'power-plants'], [7.1, 51.6, 7.2, 51.7]);
    assert.equal(
      href,
      '/karte?ebene=sites&ebene=power-plants&bbox=7.10000%2C51.60000%2C7.20000%2C51.70000',
    );
    const query = Object.fromEntries(
      [...new URL(href, 'http://x').searchParams.keys()].map((key) => {
        const all = new URL(href, 'http://x').searchParams.getAll(key);
        return [key, all.length > 1 ? all : all[0]];
      }),
    );
    const parsed = parseMapQuery(query, IDS);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.query.layers, ['sites', 'power-plants']);
    assert.equal(parsed.query.table, 'sites');
    assert.deepEqual(parsed.query.bbox, [7.1, 51.6, 7.2, 51.7]);
  });

  it('focuses on a geometry with a margin, at least a small box around a point', () => {
    const point = focusBbox({ type: 'Point', coordinates: [7.1, 51.65] });
    assert.deepEqual(
      point.map((v) => Number(v.toFixed(6))),
      [7.09, 51.64, 7.11, 51.66],
    );
    const polygon = focusBbox({
      type: 'Polygon',
      coordinates: [
        [
          [7, 51],
          [7.4, 51],
          [7.4, 51.2],
          [7, 51.2],
          [7, 51],
        ],
      ],
    });
    assert.deepEqual(
      polygon.map((v) => Number(v.toFixed(6))),
      [6.8, 50.9, 7.6, 51.3],
    );
  });
});

describe('what the island knows of every layer', () => {
  it('lists the whole catalogue with styles and German property titles', () => {
    const layers = fixtureLayers();
    const described = islandLayers(layers);
    assert.deepEqual(
      described.map((l) => l.id),
      ['test-flaechen', 'test-leitungen', 'test-anlagen'],
    );
    described.forEach((l, index) => {
      assert.equal(l.colour, layerStyle(index).colour);
      assert.equal(l.title, layers[index]!.title);
    });
    assert.deepEqual(described[2]!.properties[1], {
      name: 'leistung',
      title: 'Leistung',
      unit: 'kW',
    });
  });
});
