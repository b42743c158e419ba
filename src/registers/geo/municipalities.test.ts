import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { findMunicipality, isInsideNrw, municipalityByName } from './index.ts';
import type { LonLat } from './index.ts';

/** Oracle files from the shared data set (tests only; the product reads data/). */
const shared = new URL('../../../../shared/data/', import.meta.url);

function readCsv(relative: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(new URL(relative, shared), 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
}

const places: Record<string, LonLat> = {
  Düsseldorf: { lon: 6.7735, lat: 51.2277 },
  Münster: { lon: 7.6261, lat: 51.9607 },
  Paderborn: { lon: 8.7575, lat: 51.7189 },
  Aachen: { lon: 6.0839, lat: 50.7753 },
  Siegen: { lon: 8.0243, lat: 50.8748 },
  Hannover: { lon: 9.732, lat: 52.3759 },
  Amsterdam: { lon: 4.9041, lat: 52.3676 },
  'Frankfurt am Main': { lon: 8.6821, lat: 50.1109 },
  Osnabrück: { lon: 8.0472, lat: 52.2799 },
  Maastricht: { lon: 5.6909, lat: 50.8514 },
  Koblenz: { lon: 7.5886, lat: 50.3569 },
};
const at = (name: string): LonLat => places[name] ?? { lon: NaN, lat: NaN };

describe('isInsideNrw', () => {
  for (const name of ['Düsseldorf', 'Münster', 'Paderborn', 'Aachen', 'Siegen']) {
    it(`${name} liegt in NRW`, () => assert.equal(isInsideNrw(at(name)), true));
  }
  for (const name of [
    'Hannover',
    'Amsterdam',
    'Frankfurt am Main',
    'Osnabrück',
    'Maastricht',
    'Koblenz',
  ]) {
    it(`${name} liegt nicht in NRW`, () => assert.equal(isInsideNrw(at(name)), false));
  }
  it('rejects nonsense coordinates', () => {
    assert.equal(isInsideNrw({ lon: NaN, lat: 51 }), false);
    assert.equal(isInsideNrw({ lon: 51.2, lat: 6.7 }), false, 'lat/lon swapped');
  });
});

describe('findMunicipality', () => {
  it('returns AGS, Kreis and Regierungsbezirk', () => {
    assert.deepEqual(findMunicipality(at('Paderborn')), {
      ags: '05774032',
      name: 'Paderborn',
      kreis: 'Kreis Paderborn',
      regierungsbezirk: 'Detmold',
    });
    assert.deepEqual(findMunicipality(at('Düsseldorf')), {
      ags: '05111000',
      name: 'Düsseldorf',
      kreis: 'Düsseldorf',
      regierungsbezirk: 'Düsseldorf',
    });
    assert.equal(findMunicipality(at('Aachen'))?.kreis, 'Städteregion Aachen');
    assert.equal(findMunicipality(at('Hannover')), undefined);
  });

  it('places each destatis centroid in the Gemeinde of the same name (≥ 95 %)', (t) => {
    const rows = readCsv('geo/nrw_gemeinden_centroids.csv');
    assert.equal(rows.length, 396);
    const misses = rows.filter(
      (r) => findMunicipality({ lon: Number(r.lon), lat: Number(r.lat) })?.name !== r.name,
    );
    t.diagnostic(`${rows.length - misses.length}/${rows.length} Mittelpunkte getroffen`);
    if (misses.length > 0) t.diagnostic(`daneben: ${misses.map((r) => r.name).join(', ')}`);
    assert.ok(misses.length <= rows.length * 0.05, `${misses.length} Fehltreffer`);
  });

  it('agrees with the AGS of the shared turbine data set and is fast enough', (t) => {
    const rows = readCsv('energy/wind/nrw_windpower_until2015_wgs84.csv');
    const started = performance.now();
    const found = rows.map((r) =>
      findMunicipality({ lon: Number(r.lon_wgs84), lat: Number(r.lat_wgs84) }),
    );
    const ms = performance.now() - started;
    const labelled = rows.flatMap((r, i) => (r.ags ? [{ ags: r.ags, found: found[i]?.ags }] : []));
    const disagree = labelled.filter((r) => r.ags !== r.found).length;
    t.diagnostic(`${rows.length} Abfragen in ${ms.toFixed(0)} ms, ${disagree} Abweichungen`);
    // The oracle used the same polygons before rounding to 6 decimals: at most a stray border case.
    assert.ok(disagree <= 2, `${disagree} Abweichungen`);
    assert.ok(ms < 5000, `zu langsam: ${ms} ms`);
  });

  it('every point with a Gemeinde counts as inside NRW', () => {
    const rows = readCsv('energy/wind/nrw_windpower_until2015_wgs84.csv');
    for (const r of rows) {
      const point = { lon: Number(r.lon_wgs84), lat: Number(r.lat_wgs84) };
      // All turbines of this file were selected with the NRW outline, so all must be inside.
      assert.equal(isInsideNrw(point), true, `Zeile ${r.row_in_source}`);
    }
  });
});

describe('municipalityByName', () => {
  it('finds Gemeinden regardless of case and spacing', () => {
    assert.equal(municipalityByName('Lichtenau')?.ags, '05774028');
    assert.equal(municipalityByName('  bad   WÜNNENBERG ')?.name, 'Bad Wünnenberg');
    assert.equal(municipalityByName('Mülheim an der Ruhr')?.regierungsbezirk, 'Düsseldorf');
  });
  it('returns undefined for unknown names', () => {
    assert.equal(municipalityByName('Atlantis'), undefined);
    assert.equal(municipalityByName(''), undefined);
  });
});
