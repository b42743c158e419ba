import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseAreaCollection } from '../../src/registers/areas/area.import.ts';
import { areasInVersion, listVersions } from '../../src/registers/areas/area.queries.ts';
import { importAreaVersion } from '../../src/registers/areas/area.version.ts';
import { nrwLandHa } from '../../src/registers/areas/boundaries.ts';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';

/**
 * The register indicators of the monitoring dashboard on the real database: the wind-area share
 * against the tracker of the area register, the reactivated brownfield hectares against figures
 * computed by hand, dated stands, and no personal data in any output.
 */
const TODAY = '2026-12-03';
const STAND = '2026-06-30';

const PERSONAL = {
  name: 'Erika Flächenkontakt-Testfall',
  email: 'erika.flaechenkontakt@example.org',
  phone: '0171 2345678-99',
} as const;
const CONTACT = `${PERSONAL.name}, ${PERSONAL.email}, Tel. ${PERSONAL.phone}`;

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '')));
}

/** Tracker CSV numbers (German, with thousands points) as the dashboard CSV writes them. */
const plain = (german: string) => german.replaceAll('.', '');

/** Lon/lat rectangle as a GeoJSON feature of the area import. */
function area(name: string, lon: number, lat: number, extra: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    properties: {
      name,
      kind: 'wind-energy',
      planningRegion: 'detmold',
      legalStatus: 'in-force',
      planSource: 'Regionalplan OWL (Test)',
      planDate: '2024-12-01',
      ...extra,
    },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon, lat],
          [lon + 0.02, lat],
          [lon + 0.02, lat + 0.01],
          [lon, lat + 0.01],
          [lon, lat],
        ],
      ],
    },
  };
}

interface Json {
  headline: { value: number; text: string };
  status: { key: string };
  pace: { needed: number; achieved: number } | null;
  summary: string;
  dataDate: string | null;
  columns: { key: string }[];
  rows: Record<string, string | number | null>[];
}

describe('monitoring dashboard: figures from the registers', () => {
  let t: TestApp;
  const get = async (url: string) => {
    const response = await t.app.inject({ url });
    assert.equal(response.statusCode, 200, url);
    return response.body;
  };
  const json = async (url: string) => JSON.parse(await get(url)) as Json;

  before(async () => {
    t = await createTestApp({ clock: fixedClock(new Date(`${TODAY}T10:00:00Z`)) });
    const db = t.database.db;
    // The demo content of both registers is replaced by fixtures of known size.
    await db.deleteFrom('area_statistics').execute();
    await db.deleteFrom('areas').execute();
    await db.deleteFrom('area_imports').execute();
    await db.deleteFrom('site_problems').execute();
    await db.deleteFrom('sites').execute();

    // Near Bad Wünnenberg (Kreis Paderborn, planning region Detmold), each inside the Gemeinde.
    const versions = [
      { on: '2025-01-31', features: [area('Testgebiet Eins', 8.8, 51.5)] },
      {
        on: '2026-03-31',
        features: [
          area('Testgebiet Zwei', 8.8, 51.52),
          area('Testgebiet Entwurf', 8.8, 51.54, { legalStatus: 'draft' }),
        ],
      },
    ];
    for (const version of versions) {
      const parsed = parseAreaCollection(
        { type: 'FeatureCollection', features: version.features },
        { example: false },
      );
      assert.ok(parsed.ok, JSON.stringify(parsed));
      await importAreaVersion({
        db,
        areas: parsed.areas,
        source: `test-${version.on}.geojson`,
        effectiveOn: version.on,
        mode: 'add',
        today: TODAY,
      });
    }

    const provider = await db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Stadt Marl – Wirtschaftsförderung')
      .executeTakeFirstOrThrow();
    const site = (
      reference: string,
      values: {
        gross: number;
        net?: number;
        ags: string;
        gemeinde: string;
        start: string;
        availableFrom?: string;
        end?: string;
        planning?: 'binding-plan' | 'section-34' | 'plan-in-preparation';
        contamination?: 'none' | 'remediated';
        mining?: 'never' | 'released';
      },
    ) => ({
      tenant_id: provider.id,
      reference,
      name: `Testbrache ${reference}`,
      geometry: JSON.stringify({ type: 'Point', coordinates: [7.1, 51.65] }),
      centre_lon: 7.1,
      centre_lat: 51.65,
      min_lon: 7.1,
      min_lat: 51.65,
      max_lon: 7.1,
      max_lat: 51.65,
      geometry_ha: null,
      ags: values.ags,
      gemeinde: values.gemeinde,
      gross_ha: values.gross,
      net_ha: values.net ?? null,
      ownership: 'municipal' as const,
      planning_status: values.planning ?? 'binding-plan',
      zoning: 'GI' as const,
      contamination: values.contamination ?? 'none',
      mining_supervision: values.mining ?? 'never',
      grid_connection: 'available' as const,
      hydrogen_distance_km: null,
      readiness: 'immediate' as const,
      available_from: values.availableFrom ?? null,
      contact: CONTACT,
      start_date: values.start,
      end_date: values.end ?? null,
      end_reason: values.end ? `Verkauft, Ansprechpartnerin ${PERSONAL.name}` : null,
      updated_at: new Date(`${TODAY}T09:00:00Z`),
    });
    await db
      .insertInto('sites')
      .values([
        site('TB-1', {
          gross: 12.5,
          net: 10,
          ags: '05562024',
          gemeinde: 'Marl',
          start: '2026-02-01',
        }),
        site('TB-2', {
          gross: 4.25,
          ags: '05913000',
          gemeinde: 'Dortmund',
          start: '2026-01-10',
          availableFrom: '2026-05-01',
          planning: 'section-34',
          contamination: 'remediated',
          mining: 'released',
        }),
        // Planning law still in preparation: not reactivated.
        site('TB-3', {
          gross: 30,
          ags: '05562024',
          gemeinde: 'Marl',
          start: '2026-01-05',
          planning: 'plan-in-preparation',
        }),
        // Reactivated, then ended: counts from 1 March until the day before its end.
        site('TB-4', {
          gross: 2,
          ags: '05562024',
          gemeinde: 'Marl',
          start: '2026-03-01',
          end: '2026-04-15',
        }),
      ])
      .execute();
  });
  after(() => t.close());

  it('wind-area share: the tracker’s numbers per stand and planning region, with pace and status', async () => {
    const data = await json(`/monitoring/windflaechen/daten.json?stand=${STAND}`);
    assert.deepEqual(
      data.rows.map((r) => r.period),
      ['2025-01-31', '2026-03-31'],
    );
    // Against the tracker of the area register, as of each version date.
    for (const row of data.rows) {
      const land = parseCsv(await get(`/windenergiegebiete/land.csv?stichtag=${row.period}`));
      const header = land[0]!;
      const share = plain(land[1]![header.indexOf('Anteil (%)')]!);
      const hectares = plain(land[1]![header.indexOf('Ausgewiesen wirksam (ha)')]!);
      assert.equal((row.share as number).toFixed(4).replace('.', ','), share, `${row.period}`);
      assert.equal((row.inForceHa as number).toFixed(2).replace('.', ','), hectares);
      const regions = parseCsv(
        await get(`/windenergiegebiete/regionen.csv?stichtag=${row.period}`),
      );
      const detmold = regions.find((r) => r[0] === 'detmold')!;
      assert.equal(
        (row['b-detmold'] as number).toFixed(4).replace('.', ','),
        plain(detmold[regions[0]!.indexOf('Anteil (%)')]!),
      );
      assert.equal(row['b-koeln'], 0);
    }
    // By hand: the counted hectares of the in-force areas over the official land area.
    const latest = (await listVersions(t.database.db)).at(-1)!;
    const areas = await areasInVersion(t.database.db, latest.seq);
    const inForce = areas
      .filter((a) => a.legalStatus === 'in-force')
      .reduce((s, a) => s + a.countedHa!, 0);
    assert.ok(inForce > 300 && inForce < 400, `${inForce} ha`);
    const share = (inForce / nrwLandHa()) * 100;
    assert.ok(Math.abs((data.rows[1]!.share as number) - share) < 0.00006, `${share}`);
    assert.equal(data.headline.value, data.rows[1]!.share);

    // Pace: what is left to 1.8 % by 31.12.2032 against the growth between the two stands.
    const [first, second] = data.rows.map((r) => ({
      date: String(r.period),
      value: Number(r.share),
    }));
    const years = (from: string, to: string) =>
      (Date.parse(to) - Date.parse(from)) / 86_400_000 / 365.25;
    assert.ok(data.pace);
    assert.ok(
      Math.abs(data.pace.needed - (1.8 - second!.value) / years(second!.date, '2032-12-31')) < 1e-9,
    );
    assert.ok(
      Math.abs(
        data.pace.achieved - (second!.value - first!.value) / years(first!.date, second!.date),
      ) < 1e-9,
    );
    assert.equal(data.status.key, 'behind');
    assert.equal(data.dataDate, '2026-03-31');
    // Projected: the rest to 1.8 % at the growth per day between the two stands.
    const perDay =
      (second!.value - first!.value) /
      ((Date.parse(second!.date) - Date.parse(first!.date)) / 86_400_000);
    const projected = new Date(
      Date.parse(second!.date) + Math.ceil((1.8 - second!.value) / perDay) * 86_400_000,
    )
      .toISOString()
      .slice(0, 10);
    assert.ok(
      data.summary.includes(`ist das Ziel am ${projected.split('-').reverse().join('.')} erreicht`),
      `${projected}: ${data.summary}`,
    );

    // The page, the CSV and the JSON carry the same values.
    const csv = parseCsv(await get(`/monitoring/windflaechen/daten.csv?stand=${STAND}`));
    assert.equal(csv.length, 3);
    const shareColumn = data.columns.findIndex((c) => c.key === 'share');
    assert.equal(
      csv[2]![shareColumn],
      (data.rows[1]!.share as number).toFixed(4).replace('.', ','),
    );
    const page = await get(`/monitoring/windflaechen?stand=${STAND}`);
    assert.ok(page.includes(`data-value="${csv[2]![shareColumn]}"`));
    assert.doesNotMatch(page, /keine Daten/);

    // Drill-down: the areas per stand; the draft is listed with its legal status.
    const drill = parseCsv(
      await get(`/monitoring/windflaechen/einzelwerte.csv?stand=${STAND}&gruppe=2025-01-31`),
    );
    assert.deepEqual(
      drill.slice(1).map((r) => r[0]),
      ['Testgebiet Eins'],
    );
    const all = parseCsv(await get(`/monitoring/windflaechen/einzelwerte.csv?stand=${STAND}`));
    assert.deepEqual(
      all
        .slice(1)
        .map((r) => [r[0], r[3]])
        .sort(),
      [
        ['Testgebiet Eins', 'wirksam'],
        ['Testgebiet Entwurf', 'Entwurf'],
        ['Testgebiet Zwei', 'wirksam'],
      ],
    );
  });

  it('wind-area share: a stand before an import shows the earlier value; before the first, none', async () => {
    const now = await json(`/monitoring/windflaechen/daten.json?stand=${STAND}`);
    const earlier = await json('/monitoring/windflaechen/daten.json?stand=2026-03-30');
    assert.deepEqual(
      earlier.rows.map((r) => r.period),
      ['2025-01-31'],
    );
    assert.equal(earlier.headline.value, now.rows[0]!.share);
    assert.ok(earlier.headline.value < now.headline.value);
    assert.equal(earlier.pace, null);
    const none = await json('/monitoring/windflaechen/daten.json?stand=2025-01-30');
    assert.equal(none.status.key, 'no-data');
    assert.equal(none.rows.length, 0);
    assert.match(none.summary, /noch keine Version/);
  });

  it('brownfield hectares: reactivated sites by hand, per stand and per Kreis', async () => {
    const data = await json(`/monitoring/brachflaechen/daten.json?stand=${STAND}`);
    // TB-1 from 1 Feb (12.5 ha), TB-4 from 1 Mar to 14 Apr (2 ha), TB-2 from 1 May (4.25 ha);
    // TB-3 has no planning law yet.
    assert.deepEqual(
      data.rows.map((r) => [r.period, r.grossHa, r.sites]),
      [
        ['2026-02-01', 12.5, 1],
        ['2026-03-01', 14.5, 2],
        ['2026-04-15', 12.5, 1],
        ['2026-05-01', 16.75, 2],
      ],
    );
    const last = data.rows.at(-1)!;
    assert.equal(last['b-05562'], 12.5);
    assert.equal(last['b-05913'], 4.25);
    assert.equal(data.headline.value, 16.75);
    assert.equal(data.status.key, 'context');
    assert.equal(data.dataDate, '2026-05-01');
    assert.match(data.summary, /Am meisten je Kreis: Kreis Recklinghausen mit 12,50 ha/);

    const csv = parseCsv(await get(`/monitoring/brachflaechen/daten.csv?stand=${STAND}`));
    assert.deepEqual(csv[0]!.slice(0, 3), [
      'Stand',
      'Reaktivierte Fläche (brutto) (ha)',
      'Zahl der Flächen',
    ]);
    assert.deepEqual(csv[4]!.slice(0, 3), ['2026-05-01', '16,75', '2']);
    const page = await get(`/monitoring/brachflaechen?stand=${STAND}`);
    assert.ok(page.includes('data-value="16,75"'));

    // As of a day before TB-2 and after TB-4 started: the earlier value.
    const earlier = await json('/monitoring/brachflaechen/daten.json?stand=2026-03-15');
    assert.equal(earlier.headline.value, 14.5);
    const before = await json('/monitoring/brachflaechen/daten.json?stand=2026-01-04');
    assert.equal(before.status.key, 'no-data');

    // Drill-down per stand: which sites the value of that day counts.
    const may = parseCsv(
      await get(`/monitoring/brachflaechen/einzelwerte.csv?stand=${STAND}&gruppe=2026-05-01`),
    );
    assert.deepEqual(
      may.slice(1).map((r) => [r[0], r[2], r[4]]),
      [
        ['TB-1', 'Marl', '12,50'],
        ['TB-2', 'Dortmund', '4,25'],
      ],
    );
    const all = parseCsv(await get(`/monitoring/brachflaechen/einzelwerte.csv?stand=${STAND}`));
    assert.deepEqual(
      all.slice(1).map((r) => r[0]),
      ['TB-1', 'TB-2', 'TB-4'],
    );
  });

  it('no contact person, e-mail or telephone number in any output of the register figures', async () => {
    const urls = ['/monitoring', `/monitoring?stand=${STAND}`];
    for (const id of ['brachflaechen', 'windflaechen'])
      for (const suffix of [
        '',
        '/einbetten',
        '/daten.csv',
        '/daten.json',
        '/daten.csv-metadata.json',
        '/einzelwerte',
        '/einzelwerte.csv',
      ])
        urls.push(`/monitoring/${id}${suffix}?stand=${STAND}`, `/monitoring/${id}${suffix}`);
    let checked = 0;
    for (const url of urls) {
      const response = await t.app.inject({ url });
      assert.equal(response.statusCode, 200, url);
      for (const value of Object.values(PERSONAL))
        assert.ok(!response.body.includes(value), `${url} enthält ${value}`);
      checked++;
    }
    assert.ok(checked >= 30, `${checked}`);
    // The drill-down really lists the sites (the scan above is not of empty pages).
    assert.match(await get(`/monitoring/brachflaechen/einzelwerte?stand=${STAND}`), /TB-1/);
  });
});
