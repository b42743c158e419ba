import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

describe('GET /api/v1/deadlines and the Fristenrechner page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const api = (query: string) => t.app.inject(`/api/v1/deadlines?${query}`);

  it('computes the worked examples of deadlines.md with rationale and citations', async () => {
    const cases: [string, string, string][] = [
      ['2026-03-09', 'P1M', 'day-start'],
      ['2026-04-08', 'P2W', 'event'],
      ['2026-04-08', 'P1M', 'event'],
      ['2026-01-31', 'P1M', 'event'],
    ];
    const expected = ['2026-04-08', '2026-04-22', '2026-05-08', '2026-03-02'];
    for (const [index, [start, duration, counting]] of cases.entries()) {
      const response = await api(`start=${start}&duration=${duration}&counting=${counting}`);
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.equal(body.end, expected[index]);
      assert.match(body.rationale, /Die Frist/);
      assert.ok(body.citations.length >= 2);
    }
    const shifted = (await api('start=2026-01-31&duration=P1M&counting=event')).json();
    assert.equal(shifted.rawEnd, '2026-02-28');
    assert.equal(shifted.shifted, true);
    assert.deepEqual(
      shifted.skipped.map((d: { date: string }) => d.date),
      ['2026-02-28', '2026-03-01'],
    );
    assert.equal(shifted.skipped[0].reason, 'Samstag');
  });

  it('names Good Friday and Easter when it skips them', async () => {
    const body = (await api('start=2026-04-03&duration=P1D&counting=day-start')).json();
    assert.equal(body.rawEnd, '2026-04-03');
    assert.equal(body.end, '2026-04-07');
    assert.deepEqual(
      body.skipped.map((d: { reason: string }) => d.reason),
      // Ostersonntag is no statutory holiday in NRW (§ 2 FeiertagsG NW); it is skipped as a Sunday.
      ['Karfreitag', 'Samstag', 'Sonntag', 'Ostermontag'],
    );
  });

  it('does not shift when shift=false (§ 31 Abs. 4 VwVfG NRW)', async () => {
    const body = (await api('start=2026-01-31&duration=P1M&counting=event&shift=false')).json();
    assert.equal(body.end, '2026-02-28');
    assert.equal(body.shifted, false);
  });

  it('answers bad input with 400 problem+json naming the field in German', async () => {
    const cases: [string, string, RegExp][] = [
      ['duration=P1M&counting=event', 'start', /start/],
      ['start=2026-02-30&duration=P1M&counting=event', 'start', /kein gültiges Datum|ungültig/],
      ['start=2026-03-01&duration=1M&counting=event', 'duration', /Dauer|duration/],
      ['start=2026-03-01&duration=P1M&counting=sometimes', 'counting', /counting/],
      ['start=2026-03-01&duration=P1M&counting=event&shift=vielleicht', 'shift', /shift/],
    ];
    for (const [query, field, message] of cases) {
      const response = await api(query);
      assert.equal(response.statusCode, 400, query);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      const problem = response.json();
      assert.equal(problem.status, 400);
      assert.ok(
        problem.errors.some((e: { field: string }) => e.field === field),
        `${query}: ${response.body}`,
      );
      assert.match(problem.detail, message);
    }
  });

  it('lists the NRW holidays of a year', async () => {
    const body = (await t.app.inject('/api/v1/holidays?year=2026')).json();
    assert.equal(body.holidays.length, 11);
    assert.deepEqual(body.holidays[0], { date: '2026-01-01', name: 'Neujahr' });
    const bad = await t.app.inject('/api/v1/holidays?year=zwanzig');
    assert.equal(bad.statusCode, 400);
  });

  it('the page shows result and rationale for a GET form submission, and every error at once', async () => {
    const ok = await t.app.inject(
      '/fristenrechner?start=2026-03-09&duration=1+Monat&counting=day-start&shift=true',
    );
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Mittwoch, 8\. April 2026/);
    assert.match(ok.body, /§ 187 Abs\. 2 BGB/);
    const bad = await t.app.inject('/fristenrechner?start=31.02.2026&duration=&counting=');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Fehler: Fristenrechner/);
    for (const field of ['start', 'duration', 'counting'])
      assert.match(bad.body, new RegExp(`href="#feld-${field}"`));
    assert.match(bad.body, /value="31\.02\.2026"/);
    const holidays = await t.app.inject('/fristenrechner?jahr=2027');
    assert.match(holidays.body, /Feiertage in Nordrhein-Westfalen 2027/);
    assert.match(holidays.body, /Freitag, 26\. März 2027/); // Karfreitag 2027
  });

  it('escapes what the user typed', async () => {
    const response = await t.app.inject(
      '/fristenrechner?start=%3Cscript%3Ealert(1)%3C/script%3E&duration=P1M&counting=event',
    );
    assert.equal(response.statusCode, 400);
    assert.doesNotMatch(response.body, /<script>alert/);
    assert.match(response.body, /&lt;script>alert/);
  });

  it('notes configured office-closed days without moving the end', async () => {
    const custom = await createTestApp({
      env: { OFFICE_CLOSED_DAYS: '2026-05-15=Betriebsausflug' },
    });
    try {
      const body = (
        await custom.app.inject('/api/v1/deadlines?start=2026-05-01&duration=P14D&counting=event')
      ).json();
      assert.equal(body.end, '2026-05-15');
      assert.deepEqual(body.officeClosed, [{ date: '2026-05-15', reason: 'Betriebsausflug' }]);
      const christmas = (
        await custom.app.inject('/api/v1/deadlines?start=2026-12-10&duration=P14D&counting=event')
      ).json();
      assert.deepEqual(christmas.officeClosed, [], 'eigene Liste ersetzt die Voreinstellung');
    } finally {
      await custom.close();
    }
    const standard = (await api('start=2026-12-10&duration=P14D&counting=event')).json();
    assert.equal(standard.end, '2026-12-24');
    assert.deepEqual(standard.officeClosed, [{ date: '2026-12-24', reason: 'Heiligabend' }]);
  });
});
