import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import {
  AGENCY,
  APPLICANT,
  OTHER_AUTHORITY,
  submittedProcedure,
  SUPERVISOR,
  WORKER,
} from '../helpers/casework.ts';
import { apiAs, orgId } from '../helpers/permits.ts';

const DAY = 86_400_000;

/**
 * The overrun report lists only deadlines that bound the authority or an agency — not the
 * applicant's own period for missing documents — with readable German labels (never "N1"),
 * filters (authority, kind, period) and a CSV export for Excel in a German office.
 */
describe('overrun report', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let supervisor: Client;
  let kreis: string;

  before(async () => {
    t = await createTestApp({ clock });
    kreis = await orgId(t, 'Kreis Paderborn');
    const worker = await apiAs(t, WORKER);
    const applicantsOwn = await submittedProcedure(t, 'Windpark Nachforderung (Beispiel)');
    const requested = await worker.post(
      `/api/v1/procedures/${applicantsOwn}/actions/request-documents`,
      { items: ['Schallimmissionsprognose'], period: 'P2W' },
    );
    assert.equal(requested.statusCode, 200, requested.body);
    await submittedProcedure(t, 'Windpark Liegengeblieben (Beispiel)');
    const asked = await submittedProcedure(t, 'Windpark Stellungnahme (Beispiel)');
    const confirmed = await worker.post(
      `/api/v1/procedures/${asked}/actions/confirm-completeness`,
      {
        completenessDate: '2026-11-24',
        agencies: [await orgId(t, 'Landesamt für Natur')],
        timetable: 'Stellungnahmen bis Ende Dezember.',
        missingDocumentsReason: 'Die Gutachten liegen aus dem Vorbescheid vor.',
      },
    );
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    clock.advance(60 * DAY);
    supervisor = new Client(t.app);
    await supervisor.logIn(SUPERVISOR);
  });
  after(async () => t.close());

  it('lists the authority’s and the agency’s overruns, never the applicant’s own period', async () => {
    const page = await supervisor.get('/aufsicht/fristen');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Windpark Liegengeblieben/);
    assert.match(page.body, /Prüfung der Vollständigkeit/);
    assert.match(page.body, /Windpark Stellungnahme/);
    assert.match(page.body, /Stellungnahme der beteiligten Behörde: Landesamt für Natur/);
    assert.match(page.body, /Fachbehörde/);
    assert.doesNotMatch(page.body, /Windpark Nachforderung/, 'Frist der Antragstellerin');
    assert.doesNotMatch(page.body, /\bN1\b|document-submission|agency-statement#/);
    const api = (await (await apiAs(t, SUPERVISOR)).get('/api/v1/overruns')).json<
      { title: string; label: string; responsible: string; kindLabel: string }[]
    >();
    assert.equal(api.length, 2, JSON.stringify(api));
    assert.ok(api.every((r) => ['case_worker', 'agency_member'].includes(r.responsible)));
    assert.ok(!api.some((r) => /N1/.test(r.label)));
  });

  it('filters by authority, kind and period (GET form, values kept)', async () => {
    const byKind = await supervisor.get('/aufsicht/fristen?art=agency-statement');
    assert.match(byKind.body, /Windpark Stellungnahme/);
    assert.doesNotMatch(byKind.body, /Windpark Liegengeblieben/);
    assert.match(byKind.body, /<option value="agency-statement" selected/);
    const byAuthority = await supervisor.get(`/aufsicht/fristen?behoerde=${kreis}`);
    assert.match(byAuthority.body, /Windpark Liegengeblieben/);
    const brms = await orgId(t, 'Bezirksregierung Münster');
    const other = await supervisor.get(`/aufsicht/fristen?behoerde=${brms}`);
    assert.match(other.body, /Keine Fristüberschreitungen/);
    // The agency's month ended in December, the completeness check on 8 January 2027.
    const december = await supervisor.get('/aufsicht/fristen?von=01.12.2026&bis=31.12.2026');
    assert.match(december.body, /Windpark Stellungnahme/);
    assert.doesNotMatch(december.body, /Windpark Liegengeblieben/);
    assert.match(december.body, /value="31.12.2026"/);
    const iso = await supervisor.get('/aufsicht/fristen?von=2027-01-01');
    assert.match(iso.body, /Windpark Liegengeblieben/);
    assert.doesNotMatch(iso.body, /Windpark Stellungnahme/);
  });

  it('bad filters get a German message and the values back', async () => {
    const bad = await supervisor.get('/aufsicht/fristen?von=31.02.2027&art=N1');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Fehler: /);
    assert.match(bad.body, /„31\.02\.2027“ ist kein gültiges Datum/);
    assert.match(bad.body, /Diese Art von Frist gibt es nicht/);
    assert.match(bad.body, /value="31.02.2027"/);
    const reversed = await supervisor.get('/aufsicht/fristen?von=01.01.2027&bis=01.12.2026');
    assert.equal(reversed.statusCode, 400);
    assert.match(reversed.body, /Ende des Zeitraums liegt vor seinem Anfang/);
    const csv = await supervisor.get('/aufsicht/fristen.csv?bis=kein-datum');
    assert.equal(csv.statusCode, 400);
  });

  it('exports CSV for Excel: UTF-8 with BOM, semicolons, German dates', async () => {
    const response = await supervisor.get('/aufsicht/fristen.csv?art=completeness-check');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/csv; charset=utf-8/);
    assert.match(String(response.headers['content-disposition']), /attachment; filename=/);
    const body = response.body;
    assert.ok(body.startsWith('\uFEFF'), 'BOM');
    const lines = body.slice(1).split('\r\n');
    assert.equal(
      lines[0],
      'Aktenzeichen;Vorhaben;Behörde;Frist;Art der Frist;Verantwortlich;Fristende;Tage überschritten;An die Aufsicht gemeldet',
    );
    assert.match(body, /Windpark Liegengeblieben \(Beispiel\);Kreis Paderborn/);
    assert.match(body, /;08\.01\.2027;\d+;/);
    assert.doesNotMatch(body, /Windpark Stellungnahme|Windpark Nachforderung|N1/);
  });

  it('a case worker sees only the own authority; other parties are refused', async () => {
    const worker = new Client(t.app);
    await worker.logIn(WORKER);
    assert.match((await worker.get('/aufsicht/fristen')).body, /Windpark Liegengeblieben/);
    const brms = new Client(t.app);
    await brms.logIn(OTHER_AUTHORITY);
    const own = await brms.get('/aufsicht/fristen');
    assert.doesNotMatch(own.body, /Windpark/);
    assert.equal((await brms.get(`/aufsicht/fristen?behoerde=${kreis}`)).statusCode, 400);
    assert.doesNotMatch((await brms.get('/aufsicht/fristen.csv')).body, /Windpark/);
    for (const email of [APPLICANT, AGENCY]) {
      const client = new Client(t.app);
      await client.logIn(email);
      assert.equal((await client.get('/aufsicht/fristen')).statusCode, 403, email);
      assert.equal((await client.get('/aufsicht/fristen.csv')).statusCode, 403, email);
    }
    const anonymous = await new Client(t.app).get('/aufsicht/fristen.csv');
    assert.ok([401, 303].includes(anonymous.statusCode));
  });
});
