import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import type { Db } from '../../db/database.ts';
import { LayerMap, loadMapLayers, type LayerMapProps } from './layer-map.tsx';
import { fixtureLayers } from './map.fixtures.ts';
import { LAND_FILL, PALETTE } from './layer-style.ts';

// The fixture layers live in memory and never touch the database handle.
const noDb = {} as Db;

async function render(
  selected: string[],
  overrides: Partial<LayerMapProps> = {},
  extraPoints = 0,
): Promise<string> {
  const catalogue = fixtureLayers({ extraPoints });
  const layers = await loadMapLayers(noDb, catalogue, selected, overrides.bbox);
  return renderToString(<LayerMap title="Testkarte" layers={layers} {...overrides} />);
}

function count(html: string, pattern: RegExp): number {
  return html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

/** WCAG 2.x contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light = 0, dark = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('LayerMap', () => {
  it('draws a point layer as one symbol and a <use> per feature', async () => {
    const html = await render(['test-anlagen']);
    assert.equal(count(html, /<path id="layer-map-s2"/), 1);
    assert.equal(count(html, /<use href="#layer-map-s2" x="\d+" y="\d+"/), 3);
    assert.match(html, /<g class="layer-map__points" data-layer="test-anlagen" fill="#/);
  });

  it('draws a line layer as an unfilled path and a polygon layer as a filled one', async () => {
    const html = await render(['test-leitungen', 'test-flaechen']);
    assert.match(
      html,
      /<path class="layer-map__lines" data-layer="test-leitungen" d="M[\d.,L]+" fill="none"/,
    );
    assert.match(
      html,
      /<path class="layer-map__areas" data-layer="test-flaechen" d="M[\d.,L]+Z" fill="#[0-9a-f]{6}" fill-opacity="0.25"/,
    );
    // Areas are drawn before lines so a line on an area stays visible.
    assert.ok(html.indexOf('layer-map__areas') < html.indexOf('layer-map__lines'));
  });

  it('is one labelled image whose description names every layer and its count', async () => {
    const html = await render(['test-flaechen', 'test-anlagen']);
    assert.match(
      html,
      /<svg class="layer-map__svg"[^>]*role="img" aria-labelledby="layer-map-title layer-map-desc"/,
    );
    assert.match(html, /Testflächen \(1 Objekt\), Testanlagen \(3 Objekte\)/);
    assert.match(html, /© GeoBasis-DE \/ BKG 2021/);
  });

  it('draws the Kreis outlines by default and the Gemeinden on request', async () => {
    const kreise = await render([]);
    const gemeinden = await render([], { background: 'gemeinden' });
    const background = (html: string) =>
      /<path class="layer-map__background" d="([^"]*)"/.exec(html)?.[1] ?? '';
    // 53 Kreise and 396 Gemeinden: at least one closed ring each.
    assert.ok(count(background(kreise), /Z/) >= 53);
    assert.ok(count(background(gemeinden), /Z/) >= 396);
    assert.match(gemeinden, /BKG 2013/);
    assert.equal(background(await render([], { background: 'keine' })), '');
  });

  it('with a bbox, draws only the points inside it', async () => {
    // Around Düsseldorf only: Cologne and Paderborn are outside.
    const html = await render(['test-anlagen'], { bbox: [6.6, 51.1, 6.9, 51.3] });
    assert.equal(count(html, /<use /), 1);
  });

  it('keeps thousands of points small: under 50 bytes a point', async () => {
    const small = await render(['test-anlagen']);
    const large = await render(['test-anlagen'], {}, 5000);
    const perPoint = (large.length - small.length) / 5000;
    assert.ok(perPoint < 50, `${perPoint.toFixed(1)} bytes per point`);
  });

  it('says when a layer has more features than it draws', async () => {
    const catalogue = fixtureLayers();
    const [layer] = await loadMapLayers(noDb, catalogue, ['test-anlagen']);
    const html = renderToString(
      <LayerMap title="Testkarte" layers={[{ ...layer!, numberMatched: 30_000 }]} />,
    );
    assert.match(html, /Testanlagen: 3 von 30\.000 Objekten gezeichnet/);
  });

  it('escapes titles', () => {
    const html = renderToString(<LayerMap title={'<script>x</script>'} layers={[]} />);
    assert.doesNotMatch(html, /<script>/);
  });
});

describe('layer colours', () => {
  it('have at least 3:1 contrast against the land fill', () => {
    for (const colour of PALETTE) assert.ok(contrast(colour, LAND_FILL) >= 3, colour);
  });
});
