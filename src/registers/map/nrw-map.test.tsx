import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { MAP_COLOURS, NRW_MAP_CSS, NrwMap, type MapMarker, type NrwMapProps } from './nrw-map.tsx';

const markers: MapMarker[] = [
  {
    id: 'p1',
    lon: 6.7735,
    lat: 51.2277,
    label: 'Windpark Düsseldorf-Nord',
    href: '/beteiligung/p1',
    status: 'Auslegung bis 30.06.2025',
  },
  { id: 'p2', lon: 6.9578, lat: 50.9375, label: '<script>alert(1)</script>', href: '/b/p2' },
  { id: 'p3', lon: 13.4, lat: 52.5, label: 'Berlin', href: '/b/p3' },
];

function render(overrides: Partial<NrwMapProps> = {}): string {
  return renderToString(
    <NrwMap
      title="Verfahren in der Öffentlichkeitsbeteiligung"
      description="Karte von Nordrhein-Westfalen mit den Standorten der Verfahren."
      markers={markers}
      {...overrides}
    />,
  );
}

function count(html: string, pattern: RegExp): number {
  return html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

/** WCAG 2.x relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('NrwMap', () => {
  it('renders a figure with a labelled svg, the outline and a caption after the svg', () => {
    const html = render();
    assert.match(html, /^<figure class="nrw-map">/);
    assert.match(
      html,
      /<svg[^>]*aria-labelledby="nrw-map-title"[^>]*aria-describedby="nrw-map-desc"/,
    );
    assert.match(
      html,
      /<title id="nrw-map-title">Verfahren in der Öffentlichkeitsbeteiligung<\/title>/,
    );
    assert.match(html, /<desc id="nrw-map-desc">Karte von Nordrhein-Westfalen/);
    assert.match(html, /<path class="nrw-map__land" d="M[^"]{2000,30000}"/);
    assert.ok(html.indexOf('</svg>') < html.indexOf('<figcaption'));
    assert.match(html, /© GeoBasis-DE \/ BKG 2021/);
  });

  it('draws one named link per marker inside NRW', () => {
    const html = render();
    assert.equal(count(html, /<a class="nrw-map__marker"/), 2);
    assert.match(
      html,
      /<a class="nrw-map__marker" href="\/beteiligung\/p1" aria-label="Windpark Düsseldorf-Nord – Auslegung bis 30.06.2025"><title>Windpark Düsseldorf-Nord – Auslegung bis 30.06.2025<\/title><circle/,
    );
    assert.doesNotMatch(html, /href="\/b\/p3"/);
    assert.match(html, /Die Karte zeigt 2 Verfahren/);
  });

  it('escapes labels', () => {
    const html = render();
    assert.doesNotMatch(html, /<script>/);
    assert.ok(html.includes('<title>&lt;script>alert(1)&lt;/script></title>'));
    assert.ok(html.includes('aria-label="&lt;script>alert(1)&lt;/script>"'));
  });

  it('says in German how many markers are not on the map', () => {
    assert.match(
      render(),
      /<p class="nrw-map__skipped">1 Verfahren hat keinen Standort in Nordrhein-Westfalen und ist nicht eingezeichnet.<\/p>/,
    );
    const twoOutside = render({ markers: [...markers, { ...markers[2]!, id: 'p4', lat: 40 }] });
    assert.match(twoOutside, /2 Verfahren haben keinen Standort in Nordrhein-Westfalen/);
    assert.doesNotMatch(render({ markers: markers.slice(0, 2) }), /nrw-map__skipped/);
    assert.match(render({ markers: [] }), /Auf der Karte ist kein Verfahren eingezeichnet/);
  });

  it('fans out overlapping markers and explains the leader lines', () => {
    const html = render({
      markers: [markers[0]!, { ...markers[0]!, id: 'p1b', href: '/b/p1b', label: 'Nachbar' }],
    });
    assert.equal(count(html, /<line class="nrw-map__leader"/), 2);
    assert.match(html, /aufgefächert/);
    const centres = [...html.matchAll(/<circle class="nrw-map__dot" cx="([\d.]+)" cy="([\d.]+)"/g)];
    assert.equal(centres.length, 2);
    assert.notDeepEqual(centres[0]!.slice(1), centres[1]!.slice(1));
  });

  it('prefixes all ids so two maps can share a page', () => {
    const html = render({ idPrefix: 'karte-2' });
    assert.match(html, /aria-labelledby="karte-2-title"/);
    assert.match(html, /id="karte-2-title"/);
    assert.match(html, /id="karte-2-desc"/);
    assert.doesNotMatch(html, /id="nrw-map-/);
  });

  it('refuses link targets that could run script', () => {
    for (const href of ['javascript:alert(1)', '//evil.example/x', 'data:text/html,x']) {
      assert.throws(
        () => render({ markers: [{ ...markers[0]!, href }] }),
        /unzulässige Linkadresse/,
      );
    }
    assert.doesNotThrow(() => render({ markers: [{ ...markers[0]!, href: 'https://x.de/a' }] }));
  });
});

describe('NRW_MAP_CSS', () => {
  it('styles only nrw-map classes and shows a focus ring', () => {
    const classes = NRW_MAP_CSS.match(/\.[a-z][\w-]*/g) ?? [];
    assert.ok(classes.length > 5);
    for (const name of classes) assert.match(name, /^\.nrw-map/);
    assert.match(NRW_MAP_CSS, /\.nrw-map__marker:focus \.nrw-map__ring \{ stroke: #/);
  });

  it('keeps markers and focus ring at ≥ 3:1 against the map and the page', () => {
    assert.ok(contrast(MAP_COLOURS.marker, MAP_COLOURS.land) >= 3);
    assert.ok(contrast(MAP_COLOURS.markerHover, MAP_COLOURS.land) >= 3);
    assert.ok(contrast(MAP_COLOURS.focus, MAP_COLOURS.land) >= 3);
    assert.ok(contrast(MAP_COLOURS.focus, '#ffffff') >= 3);
    assert.ok(contrast(MAP_COLOURS.border, MAP_COLOURS.land) >= 3);
  });
});
