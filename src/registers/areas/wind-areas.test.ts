import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { bboxOf, geodesicArea, insetArea, type MultiPoly } from './area.geometry.ts';
import { parseAreaCollection } from './area.import.ts';
import { areasInVersion, findAreasAt, listVersions, statisticsOf } from './area.queries.ts';
import { hectaresByGemeinde, type Boundary } from './area.statistics.ts';
import { buildTracker } from './area.tracker.ts';
import { importAreaVersion } from './area.version.ts';
import { areaFeature as feature, rect } from '../../../test/helpers/wind-areas.ts';

/**
 * Hand formula, independent of GeographicLib: the area of a lon/lat rectangle on the WGS84
 * ellipsoid is Δλ · b²/2 · [q(φ)] between the two latitudes, with
 * q(φ) = sinφ/(1 − e² sin²φ) + 1/(2e) · ln((1 + e sinφ)/(1 − e sinφ)).
 */
function rectangleArea(dLonDeg: number, lat1: number, lat2: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const b = a * (1 - f);
  const e = Math.sqrt(f * (2 - f));
  const q = (phiDeg: number) => {
    const s = Math.sin((phiDeg * Math.PI) / 180);
    return s / (1 - e * e * s * s) + (1 / (2 * e)) * Math.log((1 + e * s) / (1 - e * s));
  };
  return (((dLonDeg * Math.PI) / 180) * b * b * (q(lat2) - q(lat1))) / 2;
}

const boundary = (ags: string, geometry: MultiPoly): Boundary => ({
  ags,
  geometry,
  bbox: bboxOf(geometry),
});

describe('wind areas: geometry and statistics against hand-computed fixtures', () => {
  it('computes rectangle areas on the ellipsoid like the closed formula', () => {
    // The polygon's edges are geodesics, not parallels: they differ by far less than 1 ppm here.
    const expected = rectangleArea(0.05, 51, 51.04);
    assert.ok(Math.abs(geodesicArea(rect(8, 51, 0.05, 0.04)) - expected) / expected < 1e-6);
  });

  it('counts a clockwise ring and a hole by their own area, not the rest of the earth', () => {
    const outer = rect(8, 51, 0.04, 0.04)[0]![0]!;
    const hole = rect(8.01, 51.01, 0.02, 0.02)[0]![0]!;
    const full = rectangleArea(0.04, 51, 51.04);
    assert.ok(Math.abs(geodesicArea([[[...outer].reverse()]]) - full) / full < 1e-6);
    // GeoJSON winds holes clockwise: the frame is the outer rectangle minus the inner one.
    const frame = full - rectangleArea(0.02, 51.01, 51.03);
    assert.ok(Math.abs(geodesicArea([[outer, [...hole].reverse()]]) - frame) / frame < 1e-6);
  });

  it('counts the hole a ring of overlapping areas encloses as not designated', () => {
    const gemeinde = boundary('05999001', rect(7.9, 50.9, 0.3, 0.3));
    const strips = [
      rect(8.0, 51.0, 0.04, 0.01),
      rect(8.0, 51.03, 0.04, 0.01),
      rect(8.0, 51.0, 0.01, 0.04),
      rect(8.03, 51.0, 0.01, 0.04),
    ].map((counted) => ({ counted, inForce: true }));
    const result = hectaresByGemeinde(strips, [gemeinde]);
    const frameHa = (rectangleArea(0.04, 51, 51.04) - rectangleArea(0.02, 51.01, 51.03)) / 10_000;
    assert.ok(Math.abs(result.get('05999001')!.inForceHa - frameHa) < 0.001);
  });

  it('splits by Gemeinde, counts overlaps once, and gives the share to 0.01 points', () => {
    // Two fictitious Gemeinden side by side: west 8.0–8.1°, east 8.1–8.2°, 51.0–51.1°.
    const west = boundary('05999001', rect(8.0, 51.0, 0.1, 0.1));
    const east = boundary('05999002', rect(8.1, 51.0, 0.1, 0.1));
    // Area A straddles the border (8.08–8.12); area B lies inside A's western half (overlap).
    const a = rect(8.08, 51.02, 0.04, 0.02);
    const b = rect(8.08, 51.02, 0.01, 0.02);
    const draft = rect(8.15, 51.05, 0.02, 0.02);
    const result = hectaresByGemeinde(
      [
        { counted: a, inForce: true },
        { counted: b, inForce: true },
        { counted: draft, inForce: false },
      ],
      [west, east],
    );
    const half = rectangleArea(0.02, 51.02, 51.04) / 10_000;
    assert.ok(Math.abs(result.get('05999001')!.inForceHa - half) < 0.001);
    assert.ok(Math.abs(result.get('05999002')!.inForceHa - half) < 0.001);
    const draftHa = rectangleArea(0.02, 51.05, 51.07) / 10_000;
    assert.ok(Math.abs(result.get('05999002')!.withDraftsHa - (half + draftHa)) < 0.001);

    // Shares against the official land areas of the fixture (1,000 ha each).
    const infos = new Map([
      ['05999001', { ags: '05999001', name: 'West', kreis: 'Kreis Test', landHa: 1000 }],
      ['05999002', { ags: '05999002', name: 'Ost', kreis: 'Kreis Test', landHa: 1000 }],
    ]);
    const tracker = buildTracker({
      versions: [{ effectiveOn: '2026-01-01', inForce: result }],
      infos,
      landHa: 100_000,
      asOf: '2026-06-30',
    });
    const westRow = tracker.gemeinden.find((g) => g.key === '05999001')!;
    assert.ok(Math.abs(westRow.sharePercent - (half / 1000) * 100) < 0.01);
    const land = tracker.land.find((l) => l.key === 'windbg-2032')!;
    assert.ok(Math.abs(land.sharePercent - ((2 * half) / 100_000) * 100) < 0.01);
    assert.ok(Math.abs(land.missingHa - (0.018 * 100_000 - 2 * half)) < 0.01);
    assert.equal(land.paceAchievedHaPerYear, null, 'one version: no pace yet');
  });

  it('projects the date from the pace between two versions', () => {
    const infos = new Map([
      ['05999001', { ags: '05999001', name: 'X', kreis: 'K', landHa: 10_000 }],
    ]);
    const tracker = buildTracker({
      versions: [
        {
          effectiveOn: '2025-01-01',
          inForce: new Map([['05999001', { inForceHa: 0, withDraftsHa: 0 }]]),
        },
        {
          effectiveOn: '2026-01-01',
          inForce: new Map([['05999001', { inForceHa: 90, withDraftsHa: 90 }]]),
        },
      ],
      infos,
      landHa: 10_000,
      asOf: '2026-01-01',
    });
    const row = tracker.gemeinden[0]!;
    // 1.8 % of 10,000 ha = 180 ha; 90 ha missing at 90 ha per 365 days.
    assert.ok(Math.abs(row.paceAchievedHaPerYear! - (90 / 365) * 365.25) < 1e-9);
    assert.equal(row.projection.kind, 'on');
    assert.equal((row.projection as { date: string }).date, '2027-01-01');
  });

  it('deducts a 75 m strip from rotor-in areas (§ 4 Abs. 3 WindBG)', () => {
    const area = rect(8, 51, 0.02, 0.02);
    const inner = geodesicArea(insetArea(area, 75));
    // Side lengths on the ellipsoid at the centre latitude, minus 2 × 75 m each.
    const height = rectangleArea(0.02, 51, 51.02) / (rectangleArea(0.02, 51, 51.02) / 2224.9 || 1);
    assert.ok(height > 0);
    const full = geodesicArea(area);
    const ns = 2224.93; // 0.02° of latitude at 51.01°, metres
    const ew = full / ns;
    const expected = (ns - 150) * (ew - 150);
    assert.ok(Math.abs(inner - expected) / expected < 0.002, `${inner} vs ${expected}`);
  });

  it('rounds the strip at an inward corner of a rotor-in area (L shape)', () => {
    // 0.01° × 0.01° without its north-east quarter: an L with one reflex corner, small enough
    // that the rounding there (r² − πr²/4, about 1,200 m²) is a third of a percent of the result.
    const l: MultiPoly = [
      [
        [
          [8, 51],
          [8.01, 51],
          [8.01, 51.005],
          [8.005, 51.005],
          [8.005, 51.01],
          [8, 51.01],
          [8, 51],
        ],
      ],
    ];
    const r = 75;
    const ns = 1112.46; // 0.01° of latitude at 51.005°, metres
    const ew = geodesicArea(rect(8, 51, 0.01, 0.01)) / ns;
    // The inner L: (W − 2r)(H − 2r) minus the notch widened by r on its two inner sides, which
    // cuts the square of side r at the reflex corner although only its quarter disc is within r
    // of the corner: the rest of that square (r² − πr²/4) stays.
    const expected =
      (ew - 2 * r) * (ns - 2 * r) - (ew / 2) * (ns / 2) + (r * r - (Math.PI * r * r) / 4);
    const inner = geodesicArea(insetArea(l, r));
    assert.ok(Math.abs(inner - expected) / expected < 0.001, `${inner} vs ${expected}`);
    // Wound the other way round, the same strip.
    const reversed = geodesicArea(insetArea([[[...l[0]![0]!].reverse()]], r));
    assert.ok(Math.abs(reversed - inner) < 1, `${reversed} vs ${inner}`);
  });
});

describe('wind areas: versions on the database', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.drop());

  it('reproduces an earlier version exactly and decides procedures by the current one', async () => {
    const parse = (features: unknown[]) => {
      const parsed = parseAreaCollection(
        { type: 'FeatureCollection', features },
        { example: false },
      );
      assert.ok(parsed.ok, JSON.stringify(parsed));
      return parsed.areas;
    };
    // Near Bad Wünnenberg (Kreis Paderborn, planning region Detmold).
    const first = await importAreaVersion({
      db: database.db,
      areas: parse([feature('Erstes Gebiet', rect(8.8, 51.5, 0.02, 0.01)[0])]),
      source: 'erste.geojson',
      effectiveOn: '2025-01-31',
      mode: 'replace',
      today: '2026-12-03',
    });
    const firstAreas = await areasInVersion(database.db, first.seq);
    const firstStats = await statisticsOf(database.db, [first.importId]);
    assert.equal(firstAreas.length, 1);
    assert.equal(firstAreas[0]!.planningRegion, 'detmold');

    await importAreaVersion({
      db: database.db,
      areas: parse([
        feature('Zweites Gebiet', rect(8.8, 51.52, 0.02, 0.01)[0], { legalStatus: 'draft' }),
      ]),
      source: 'zweite.geojson',
      effectiveOn: '2025-06-30',
      mode: 'replace',
      today: '2026-12-03',
    });
    assert.deepEqual(await areasInVersion(database.db, first.seq), firstAreas);
    assert.deepEqual(await statisticsOf(database.db, [first.importId]), firstStats);
    const versions = await listVersions(database.db);
    assert.equal(versions.length, 2);
    // The replaced area no longer decides a procedure; the new one does.
    assert.equal((await findAreasAt(database.db, { lon: 8.81, lat: 51.505 })).length, 0);
    assert.equal((await findAreasAt(database.db, { lon: 8.81, lat: 51.525 })).length, 1);

    await assert.rejects(
      importAreaVersion({
        db: database.db,
        areas: parse([feature('Zu früh', rect(8.9, 51.5, 0.01, 0.01)[0])]),
        source: 'alt.geojson',
        effectiveOn: '2025-03-01',
        mode: 'add',
        today: '2026-12-03',
      }),
      /nicht vor dem Stand des letzten Imports \(30\.06\.2025\)/,
    );
    assert.equal((await listVersions(database.db)).length, 2);
  });

  it('refuses hostile and misplaced features with their number and reason', () => {
    const result = parseAreaCollection(
      {
        type: 'FeatureCollection',
        features: [
          feature('Offen', [
            [
              [8.8, 51.5],
              [8.81, 51.5],
              [8.81, 51.51],
            ],
          ]),
          feature('NaN', [
            [
              [8.8, 51.5],
              [8.81, 51.5],
              ['x', 51.51],
              [8.8, 51.5],
            ],
          ]),
          feature('Niederlande', rect(5.2, 52.3, 0.01, 0.01)[0]),
          feature('Falsche Region', rect(8.8, 51.5, 0.01, 0.01)[0], { planningRegion: 'Köln' }),
          feature('Rotor', rect(8.8, 51.5, 0.01, 0.01)[0], { rotorRule: 'irgendwie' }),
          { type: 'Feature', properties: null, geometry: null },
        ],
      },
      { example: false },
    );
    assert.equal(result.ok, false);
    const text = (result as { problems: { message: string }[] }).problems
      .map((p) => p.message)
      .join('\n');
    assert.match(text, /Gebiet 1: Ein Ring hat weniger als vier Punkte/);
    assert.match(text, /Gebiet 2: Die Koordinaten sind keine Liste/);
    assert.match(text, /Gebiet 3: Das Gebiet liegt nicht in NRW/);
    assert.match(text, /Gebiet 4: Die Planungsregion passt nicht zur Lage/);
    assert.match(text, /Gebiet 5: Die Rotorregel/);
    assert.match(text, /Gebiet 6: Der Name/);
  });
});
