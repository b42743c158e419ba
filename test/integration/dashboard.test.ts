import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { computeIndicator } from '../../src/dashboard/compute.ts';
import { REGISTER_FIGURES } from '../../src/register-figures.ts';
import { findIndicator, INDICATORS } from '../../src/dashboard/indicators.ts';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import {
  PERSONAL,
  PROGRAMME_A,
  PROGRAMME_B,
  seedFundingCases,
  seedObjections,
  seedPermitCases,
} from '../helpers/dashboard.ts';

const STAND = '2026-06-30';

describe('monitoring dashboard: live permit indicators', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ clock: fixedClock(new Date('2026-07-15T10:00:00Z')) });
    const ids = await seedPermitCases(t.database.db);
    await seedObjections(t.database.db, ids);
  });
  after(() => t.close());

  const compute = (id: string, stand = STAND) =>
    computeIndicator(t.database.db, findIndicator(id)!, stand, undefined, REGISTER_FIGURES);

  it('durations per section: median and 90th percentile from the milestone days', async () => {
    const r = await compute('genehmigungsdauer');
    const row = (key: string) => r.series.rows.find((x) => x._key === key)!;
    // Eingang→Vollständigkeit: 10, 30, 20, 10 days (TEST-4 incomplete, TEST-6 after the stand).
    assert.deepEqual(
      [
        row('eingang-vollstaendigkeit').n,
        row('eingang-vollstaendigkeit').median,
        row('eingang-vollstaendigkeit').p90,
      ],
      [4, 15, 27],
    );
    // Vollständigkeit→Entscheidung: 60, 121, 70.
    assert.deepEqual(
      [row('vollstaendigkeit-entscheidung').median, row('vollstaendigkeit-entscheidung').p90],
      [70, 110.8],
    );
    assert.deepEqual(
      [row('entscheidung-zustellung').n, row('entscheidung-zustellung').median],
      [1, 4],
    );
    assert.deepEqual([row('gesamt').median, row('gesamt').p90], [80, 136.8]);
    assert.equal(r.status, 'on-track');
    assert.equal(r.headline.value, 110.8);
  });

  it('per authority: submitted, decided and total duration', async () => {
    const r = await compute('genehmigungsbehoerden');
    const byName = Object.fromEntries(
      r.series.rows.map((x) => [String(x.authority).split(' ')[0], x]),
    );
    assert.deepEqual(
      [byName.Kreis!.submitted, byName.Kreis!.decided, byName.Kreis!.median],
      [2, 2, 110.5],
    );
    assert.deepEqual(
      [
        byName.Bezirksregierung!.submitted,
        byName.Bezirksregierung!.decided,
        byName.Bezirksregierung!.median,
      ],
      [3, 1, 80],
    );
  });

  it('decision deadlines: in time, late, overdue; the share decided in the statutory period', async () => {
    const r = await compute('entscheidungsfristen');
    const counts = Object.fromEntries(r.series.rows.map((x) => [x._key, x.count]));
    assert.deepEqual(counts, { 'in-time': 2, late: 1, overdue: 1, running: 0 });
    assert.equal(r.headline.value, 66.7);
    assert.equal(r.status, 'behind');
    const overruns = r
      .details!.rows.filter((x) => (x.overrun as number) > 0)
      .map((x) => [x.reference, x.overrun]);
    assert.deepEqual(overruns, [
      ['TEST-2', 32],
      ['TEST-3', 40],
    ]);
  });

  it('a dated stand reproduces the figures of that day', async () => {
    const r = await compute('entscheidungsfristen', '2026-03-31');
    const counts = Object.fromEntries(r.series.rows.map((x) => [x._key, x.count]));
    assert.deepEqual(counts, { 'in-time': 1, late: 0, overdue: 0, running: 3 });
    assert.equal(r.headline.value, 100);
    const page1 = await t.app.inject({
      url: '/monitoring/entscheidungsfristen/daten.csv?stand=2026-03-31',
    });
    const page2 = await t.app.inject({
      url: '/monitoring/entscheidungsfristen/daten.csv?stand=2026-03-31',
    });
    assert.equal(page1.body, page2.body);
  });

  it('objections and how many were grouped', async () => {
    const r = await compute('einwendungen');
    const rows = r.series.rows.map((x) => [x.reference, x.objections, x.grouped, x.groups]);
    assert.deepEqual(rows, [
      ['TEST-2', 5, 3, 1],
      ['TEST-3', 1, 0, 0],
    ]);
    assert.equal(r.headline.value, 6);
  });

  it('the plan’s own figures are a context figure with a value, before their date no data', async () => {
    const r = await compute('industrie-kennzahlen', '2026-12-31');
    assert.equal(r.status, 'context');
    assert.equal(r.headline.value, 10000);
    assert.equal((await compute('industrie-kennzahlen', '2026-12-02')).status, 'no-data');
  });

  it('every indicator has a table, source, licence, data date or a reason, and its files', async () => {
    for (const definition of INDICATORS) {
      const page = await t.app.inject({ url: `/monitoring/${definition.id}?stand=${STAND}` });
      assert.equal(page.statusCode, 200, definition.id);
      const html = page.body;
      assert.match(html, /Quelle/, definition.id);
      assert.match(html, /Lizenz/, definition.id);
      assert.match(html, /Datenstand/, definition.id);
      const result = await compute(definition.id);
      if (result.series.rows.length > 0) {
        assert.match(html, /<table/, `${definition.id}: Tabelle fehlt`);
        assert.ok(result.dataDate, `${definition.id}: Datenstand fehlt`);
      }
      for (const file of ['daten.csv', 'daten.json', 'daten.csv-metadata.json', 'einbetten']) {
        const response = await t.app.inject({
          url: `/monitoring/${definition.id}/${file}?stand=${STAND}`,
        });
        assert.equal(response.statusCode, 200, `${definition.id}/${file}`);
      }
    }
  });

  it('no personal value in any dashboard output', async () => {
    const urls = ['/monitoring', `/monitoring?stand=${STAND}`];
    for (const definition of INDICATORS) {
      for (const suffix of [
        '',
        '/einbetten',
        '/daten.csv',
        '/daten.json',
        '/einzelwerte',
        '/einzelwerte.csv',
      ]) {
        urls.push(`/monitoring/${definition.id}${suffix}?stand=${STAND}`);
      }
    }
    for (const url of urls) {
      const response = await t.app.inject({ url });
      for (const value of Object.values(PERSONAL)) {
        assert.ok(!response.body.includes(value), `${url} enthält ${value}`);
      }
    }
  });
});

describe('monitoring dashboard: live funding indicators', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ clock: fixedClock(new Date('2026-07-15T10:00:00Z')) });
    await seedFundingCases(t.database.db);
  });
  after(() => t.close());

  const compute = (id: string, stand = STAND) =>
    computeIndicator(t.database.db, findIndicator(id)!, stand);

  it('applications and days to decision per programme', async () => {
    const r = await compute('foerderantraege');
    const row = (id: string) => r.series.rows.find((x) => x._key === id)!;
    assert.deepEqual(
      [
        row(PROGRAMME_A).applications,
        row(PROGRAMME_A).decided,
        row(PROGRAMME_A).median,
        row(PROGRAMME_A).p90,
      ],
      [2, 2, 50, 66],
    );
    assert.deepEqual(
      [row(PROGRAMME_B).applications, row(PROGRAMME_B).decided, row(PROGRAMME_B).median],
      [1, 0, null],
    );
    assert.equal(r.headline.value, 50);
  });

  it('money committed (less releases) and paid per programme and per Kreis, to the cent', async () => {
    const programmes = await compute('foerdermittel-programme');
    const a = programmes.series.rows.find((x) => x._key === PROGRAMME_A)!;
    assert.deepEqual([a.committed, a.paid], [119_500, 50_000]);
    const kreise = await compute('foerdermittel-kreise');
    const byKey = Object.fromEntries(
      kreise.series.rows.map((x) => [x._key, [x.name, x.committed, x.paid]]),
    );
    assert.deepEqual(byKey['05974'], ['Kreis Soest', 80_000, 50_000]);
    assert.deepEqual(byKey['05774'], ['Kreis Paderborn', 39_500, 0]);
    const csv = await t.app.inject({
      url: `/monitoring/foerdermittel-programme/daten.csv?stand=${STAND}`,
    });
    assert.match(csv.body, /;119500,00;50000,00\r\n/);
  });

  it('share of the granted amounts that reaches small firms', async () => {
    const r = await compute('foerderung-kleine-unternehmen');
    assert.equal(r.headline.value, 30);
    const shares = Object.fromEntries(r.series.rows.map((x) => [x._key, x.share]));
    assert.deepEqual(shares, { small: 30, medium: 60, large: 0, unknown: 10 });
  });

  it('training bonuses paid per month from the ledger', async () => {
    const r = await compute('bildungspraemie');
    assert.deepEqual(
      r.series.rows.map((x) => [x.month, x.count, x.amount]),
      [
        ['2026-05-01', 1, 450],
        ['2026-06-01', 1, 600],
      ],
    );
    const before = await compute('bildungspraemie', '2026-05-31');
    assert.deepEqual(
      before.series.rows.map((x) => x.amount),
      [450],
    );
  });

  it('drill-downs show references, dates and amounts, no applicant, employee or recipient', async () => {
    for (const id of [
      'foerderantraege',
      'foerdermittel-programme',
      'foerdermittel-kreise',
      'foerderung-kleine-unternehmen',
      'bildungspraemie',
    ]) {
      for (const suffix of ['', '/einzelwerte', '/einzelwerte.csv', '/daten.json', '/einbetten']) {
        const response = await t.app.inject({ url: `/monitoring/${id}${suffix}?stand=${STAND}` });
        assert.equal(response.statusCode, 200, `${id}${suffix}`);
        for (const value of [...Object.values(PERSONAL), 'Gießerei', 'Windpark Sintfeld']) {
          assert.ok(!response.body.includes(value), `${id}${suffix} enthält ${value}`);
        }
      }
    }
    const details = await t.app.inject({
      url: `/monitoring/foerdermittel-kreise/einzelwerte?stand=${STAND}&gruppe=05974`,
    });
    assert.match(details.body, /F-1/);
    assert.match(details.body, /F-3/);
    assert.doesNotMatch(details.body, /F-2/);
  });
});
