import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createTestApp, fixedClock, type TestApp } from '../../../test/helpers/app.ts';

const projects = JSON.parse(
  readFileSync(new URL('../../../data/demo/wind-projects.json', import.meta.url), 'utf8'),
) as {
  key: string;
  turbines: { lon: number; lat: number }[];
}[];
const lichtenau = projects.find((p) => p.key === 'lichtenau-nord')!;
const wilnsdorf = projects.find((p) => p.key === 'wilnsdorf-ost')!;

describe('procedure finder: POST /api/v1/permits/classify and /verfahrensfinder', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-24T10:00:00Z')) });
  });
  after(async () => t.close());

  const classify = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/permits/classify', payload });

  it('classifies by size and places the turbines in the example acceleration area', async () => {
    const inside = await classify({
      turbineCount: 8,
      maxTotalHeightM: 200,
      turbines: lichtenau.turbines.map(({ lon, lat }) => ({ lon, lat })),
    });
    assert.equal(inside.statusCode, 200, inside.body);
    const body = inside.json();
    assert.equal(body.procedure, 'simplified');
    assert.equal(body.areas.length, 1);
    assert.match(body.areas[0].name, /Beispielgebiet/);
    assert.equal(body.completenessDeadline.duration, 'P30D');
    assert.equal(body.eia, 'replaced-by-windbg');

    const outside = (
      await classify({
        turbineCount: 2,
        maxTotalHeightM: 180,
        turbines: wilnsdorf.turbines.map(({ lon, lat }) => ({ lon, lat })),
      })
    ).json();
    assert.equal(outside.procedure, 'simplified');
    assert.deepEqual(outside.areas, []);
    assert.equal(outside.completenessDeadline.duration, 'P45D');
    assert.equal(outside.decisionDeadline.duration, 'P3M');
  });

  it('says when no permit is needed, and when the applicant asks for the formal procedure', async () => {
    assert.equal(
      (await classify({ turbineCount: 1, maxTotalHeightM: 45 })).json().procedure,
      'none',
    );
    const formal = (
      await classify({ turbineCount: 3, maxTotalHeightM: 200, applicantRequestsFormal: true })
    ).json();
    assert.equal(formal.procedure, 'formal');
    assert.ok(formal.reasons.every((r: { citations: string[] }) => r.citations.length > 0));
  });

  it('refuses bad input with German problem details and names the field', async () => {
    const outsideNrw = await classify({
      turbineCount: 3,
      maxTotalHeightM: 200,
      turbines: [{ lon: 9.73, lat: 52.37 }],
    });
    assert.equal(outsideNrw.statusCode, 400);
    assert.match(outsideNrw.json().detail, /nicht in Nordrhein-Westfalen/);
    const zero = await classify({ turbineCount: 0, maxTotalHeightM: 200 });
    assert.equal(zero.statusCode, 400);
    assert.equal(zero.json().errors[0].field, 'turbineCount');
    const missing = await classify({ maxTotalHeightM: 200 });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.json().detail, /turbineCount/);
  });

  it('the page works as a GET form without JavaScript and keeps the values on errors', async () => {
    const [first] = lichtenau.turbines;
    const ok = await t.app.inject(
      `/verfahrensfinder?pruefen=1&turbineCount=8&maxTotalHeightM=200&areaMode=coordinates&lon=${String(first!.lon).replace('.', ',')}&lat=${first!.lat}&eiaScreeningOutcome=not-done`,
    );
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Vereinfachtes Genehmigungsverfahren/);
    assert.match(ok.body, /Beschleunigungsgebiet Lichtenau/);
    const bad = await t.app.inject(
      '/verfahrensfinder?pruefen=1&turbineCount=viele&maxTotalHeightM=&areaMode=coordinates&lon=&lat=',
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Fehler: Verfahrensfinder/);
    assert.match(bad.body, /value="viele"/);
    assert.match(bad.body, /href="#feld-turbineCount"/);
  });
});
