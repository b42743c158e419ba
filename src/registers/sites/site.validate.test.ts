import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSiteFields, type SiteFields } from './site.fields.ts';
import { geodesicAreaHa } from './site.geometry.ts';
import type { HydrogenNetwork } from './site.hydrogen.ts';
import type { SiteInput } from './site.types.ts';
import { checkSite, type OtherSite } from './site.validate.ts';

/** Every rule of the validator with a case it refuses or flags and a case it lets pass. */
const NO_NETWORK: HydrogenNetwork = { locations: [], pipelines: [] };
const MARL: [number, number] = [7.1106, 51.6851];

export const VALID_FIELDS: SiteFields = {
  kennung: 'MARL-001',
  bezeichnung: 'Testfläche Marl',
  laenge: '7,1106',
  breite: '51,6851',
  flaeche_brutto_ha: '12,5',
  flaeche_netto_ha: '10',
  eigentum: 'municipal',
  planungsstand: 'binding-plan',
  gebietsart: 'GI',
  altlasten: 'remediated',
  bergaufsicht: 'released',
  netzanschluss: 'available',
  verfuegbarkeit: 'immediate',
  kontakt: 'Wirtschaftsförderung, 02365 99-0',
};

function site(fields: SiteFields = {}, geometry?: unknown): SiteInput {
  const read = readSiteFields({ ...VALID_FIELDS, ...fields }, geometry);
  assert.ok(read.site, JSON.stringify(read.problems));
  return read.site;
}

/** A square of about `side` metres around a centre, counter-clockwise. */
function square([lon, lat]: [number, number], side: number): GeoJSON.Polygon {
  const dLat = side / 2 / 111_250;
  const dLon = side / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon - dLon, lat - dLat],
        [lon + dLon, lat - dLat],
        [lon + dLon, lat + dLat],
        [lon - dLon, lat + dLat],
        [lon - dLon, lat - dLat],
      ],
    ],
  };
}

function check(input: SiteInput, others: OtherSite[] = [], providerId = 'p1') {
  return checkSite({ site: input, providerId, others, network: NO_NETWORK });
}

const rules = (issues: { rule: string }[]) => issues.map((i) => i.rule);

describe('site validator', () => {
  it('missing mandatory fields: each one refused with its field; complete passes', () => {
    for (const field of [
      'kennung',
      'bezeichnung',
      'flaeche_brutto_ha',
      'eigentum',
      'planungsstand',
      'gebietsart',
      'altlasten',
      'bergaufsicht',
      'netzanschluss',
      'verfuegbarkeit',
      'kontakt',
    ]) {
      const read = readSiteFields({ ...VALID_FIELDS, [field]: '' });
      assert.equal(read.site, undefined, field);
      assert.deepEqual(
        read.problems.map((p) => [p.field, p.rule]),
        [[field, 'missing-field']],
        field,
      );
      assert.match(read.problems[0]!.message, /Angabe fehlt/);
    }
    const noPlace = readSiteFields({ ...VALID_FIELDS, laenge: '', breite: '' });
    assert.deepEqual(rules(noPlace.problems), ['missing-field']);
    assert.ok(readSiteFields(VALID_FIELDS).site);
  });

  it('malformed values are refused with a German reason; German labels are accepted', () => {
    const bad = readSiteFields({
      ...VALID_FIELDS,
      flaeche_brutto_ha: 'viel',
      gebietsart: 'Industrie',
      verfuegbar_ab: '31.02.2027',
      laenge: '7,1x',
      kontakt: 'a\u0007b',
    });
    assert.deepEqual(bad.problems.map((p) => p.field).sort(), [
      'flaeche_brutto_ha',
      'gebietsart',
      'kontakt',
      'laenge',
      'verfuegbar_ab',
    ]);
    const net = readSiteFields({ ...VALID_FIELDS, flaeche_netto_ha: '20' });
    assert.match(net.problems[0]!.message, /nicht größer/);
    const labels = site({ gebietsart: 'Industriegebiet (GI, § 9 BauNVO)', eigentum: 'kommune' });
    assert.equal(labels.zoning, 'GI');
    assert.equal(labels.ownership, 'municipal');
  });

  it('hostile geometry is refused, not thrown', () => {
    const huge = {
      type: 'Polygon',
      coordinates: [Array.from({ length: 6000 }, (_, i) => [7 + i * 1e-6, 51.6])],
    };
    for (const geometry of [
      huge,
      {
        type: 'Polygon',
        coordinates: [
          [
            [7, 51],
            [7.1, 51],
            [7, 51.1],
          ],
        ],
      },
      {
        type: 'LineString',
        coordinates: [
          [7, 51],
          [7.1, 51],
        ],
      },
      { type: 'Point', coordinates: ['7', 51] },
      { type: 'Point', coordinates: [Infinity, 51] },
      {
        type: 'Polygon',
        coordinates: [
          [
            [7, 51],
            [7.1, 51],
            [7.1, 51.1],
            [7, 51.2],
          ],
        ],
      },
      null,
      '{"type":"Point"}',
    ]) {
      const read = readSiteFields(VALID_FIELDS, geometry);
      assert.equal(read.site, undefined, JSON.stringify(geometry).slice(0, 80));
      assert.equal(read.problems[0]!.field, 'geometrie');
    }
  });

  it('outside NRW: a point in Hannover and a polygon in Hessen are refused; Marl passes', () => {
    assert.deepEqual(rules(check(site({ laenge: '9,73', breite: '52,37' })).refusals), [
      'outside-nrw',
    ]);
    const hessen = site({}, square([8.68, 50.11], 800));
    assert.deepEqual(rules(check(hessen).refusals), ['outside-nrw']);
    const marl = check(site());
    assert.deepEqual(marl.refusals, []);
    assert.equal(marl.derived.gemeinde, 'Marl');
  });

  it('swapped coordinates are named as such, with the place they would mean', () => {
    const swapped = check(site({ laenge: '51,6851', breite: '7,1106' }));
    assert.deepEqual(rules(swapped.refusals), ['swapped-coordinates']);
    assert.match(swapped.refusals[0]!.message, /vertauscht/);
    assert.match(swapped.refusals[0]!.message, /Marl/);
    const polygon = square(MARL, 500);
    const swappedPolygon: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: polygon.coordinates.map((r) => r.map((p) => [p[1]!, p[0]!])),
    };
    assert.deepEqual(rules(check(site({}, swappedPolygon)).refusals), ['swapped-coordinates']);
    // Outside NRW either way: not called swapped.
    assert.deepEqual(rules(check(site({ laenge: '52,37', breite: '9,73' })).refusals), [
      'outside-nrw',
    ]);
  });

  it('a polygon reaching over the border is flagged, one inside is not', () => {
    // Straddles the border NRW/Niedersachsen east of Minden (Petershagen).
    const border = site(
      { flaeche_brutto_ha: '40000', flaeche_netto_ha: '' },
      square([8.95, 52.38], 20_000),
    );
    const result = check(border);
    assert.ok(rules(result.flags).includes('partly-outside-nrw'), JSON.stringify(result));
    assert.ok(!rules(check(site({}, square(MARL, 353))).flags).includes('partly-outside-nrw'));
  });

  it('duplicate reference of the same provider is refused; another provider may use it', () => {
    const other: OtherSite = {
      id: 's1',
      providerId: 'p1',
      provider: 'Stadt Marl',
      reference: 'MARL-001',
      name: 'Alte Fläche',
      geometry: { type: 'Point', coordinates: [7.2, 51.7] },
    };
    assert.deepEqual(rules(check(site(), [other]).refusals), ['duplicate-reference']);
    assert.deepEqual(check(site(), [{ ...other, providerId: 'p2' }]).refusals, []);
    // Editing the site itself is no duplicate.
    assert.deepEqual(
      checkSite({
        site: site(),
        providerId: 'p1',
        selfId: 's1',
        others: [other],
        network: NO_NETWORK,
      }).refusals,
      [],
    );
  });

  it('overlapping geometry of a different reference is flagged; disjoint is not', () => {
    const a = square(MARL, 1000);
    const b = square([MARL[0] + 0.005, MARL[1]], 1000);
    const far = square([MARL[0] + 0.05, MARL[1]], 1000);
    const stored = (geometry: GeoJSON.Geometry): OtherSite => ({
      id: 's9',
      providerId: 'p2',
      provider: 'Kreis Recklinghausen',
      reference: 'RE-7',
      name: 'Zeche Nord',
      geometry: geometry as OtherSite['geometry'],
    });
    const overlap = check(site({ flaeche_brutto_ha: '100' }, a), [stored(b)]);
    assert.deepEqual(rules(overlap.flags), ['overlap']);
    assert.match(overlap.flags[0]!.message, /RE-7/);
    assert.deepEqual(check(site({ flaeche_brutto_ha: '100' }, a), [stored(far)]).flags, []);
    // A point inside another site's area.
    assert.deepEqual(rules(check(site(), [stored(a)]).flags), ['overlap']);
    // An ended site overlaps nothing.
    assert.deepEqual(
      check(site({ flaeche_brutto_ha: '100' }, a), [{ ...stored(b), ended: true }]).flags,
      [],
    );
  });

  it('stated hectares far from the ellipsoidal area are flagged; close ones pass', () => {
    const geometry = square(MARL, 1000);
    const area = geodesicAreaHa(geometry)!;
    // Hand check: 1000 m × 1000 m is 100 ha; the square is built from mean degree lengths.
    assert.ok(Math.abs(area - 100) < 0.5, String(area));
    assert.deepEqual(rules(check(site({ flaeche_brutto_ha: '50' }, geometry)).flags), [
      'hectares-mismatch',
    ]);
    assert.deepEqual(check(site({ flaeche_brutto_ha: '95' }, geometry)).flags, []);
  });
});
