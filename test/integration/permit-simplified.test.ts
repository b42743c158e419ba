import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runDeadlineWatch } from '../../src/permits/deadline-watch.ts';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';

const DAY = 86_400_000;

/**
 * The simplified procedure (§ 19 BImSchG) through the JSON API on the real database, by every
 * role, with the clock controlled: submission, receipt, missing documents, completeness, agency
 * silence recorded as "no comment", decision-deadline extensions, decision and delivery.
 */
describe('simplified permit procedure through the API', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let applicant: Awaited<ReturnType<typeof apiAs>>;
  let worker: Awaited<ReturnType<typeof apiAs>>;
  let agency: Awaited<ReturnType<typeof apiAs>>;
  let stranger: Awaited<ReturnType<typeof apiAs>>;
  let id: string;
  let lanuk: string;

  before(async () => {
    t = await createTestApp({ clock });
    applicant = await apiAs(t, 'antrag@windpark-sintfeld.example');
    worker = await apiAs(t, 'sachbearbeitung@kreis-paderborn.example');
    agency = await apiAs(t, 'toeb@lanuk.example');
    stranger = await apiAs(t, 'sachbearbeitung@brms.example');
    lanuk = await orgId(t, 'Landesamt für Natur');
  });
  after(async () => t.close());

  const act = (client: typeof applicant, action: string, body: object = {}) =>
    client.post(`/api/v1/procedures/${id}/actions/${action}`, body);
  const view = async () => (await worker.get(`/api/v1/procedures/${id}`)).json();

  it('the applicant drafts, uploads and submits; the type follows from the project', async () => {
    const project = DEMO_PROJECTS.find((p) => p.key === 'bueren-ost')!;
    const created = await applicant.post(
      '/api/v1/procedures',
      applicationBody(project, await orgId(t, 'Kreis Paderborn'), 4),
    );
    assert.equal(created.statusCode, 201, created.body);
    id = created.json().id;
    const upload = await applicant.upload(`/api/v1/procedures/${id}/documents`, {
      docType: 'site-plans',
    });
    assert.equal(upload.statusCode, 201, upload.body);
    const submitted = await act(applicant, 'submit');
    assert.equal(submitted.statusCode, 200, submitted.body);
    const v = await view();
    assert.equal(v.type, 'bimschg-simplified');
    assert.equal(v.step, 'submitted');
    assert.ok(v.missingDocuments.includes('noise-forecast'));
    const check = v.deadlines.find((d: { key: string }) => d.key === 'completeness-check');
    assert.equal(check.end, '2027-01-08', 'RED III: 45 Tage außerhalb von Beschleunigungsgebieten');
    assert.match(check.rationale, /Frist/);
  });

  it('the work queue lists it by its nearest deadline, with the rationale', async () => {
    const queue = (await worker.get('/api/v1/work-queue')).json();
    const item = queue.find((p: { id: string }) => p.id === id);
    assert.equal(item.nextDeadline, '2027-01-08');
    assert.match(item.nextDeadlineRationale, /§/);
  });

  it('nobody outside the procedure sees it', async () => {
    assert.equal((await stranger.get(`/api/v1/procedures/${id}`)).statusCode, 404);
    assert.equal(
      (await agency.get(`/api/v1/procedures/${id}`)).statusCode,
      404,
      'Fachbehörde erst nach Beteiligung',
    );
    assert.equal((await act(stranger, 'confirm-receipt')).statusCode, 404);
  });

  it('the case worker requests documents; the applicant answers; completeness is confirmed', async () => {
    assert.equal((await act(applicant, 'confirm-receipt')).statusCode, 403);
    assert.equal((await act(worker, 'confirm-receipt')).statusCode, 200);
    const tooLong = await act(worker, 'request-documents', {
      items: ['Schallimmissionsprognose'],
      period: 'P4M',
    });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.json().detail, /3 Monat/);
    assert.equal(
      (
        await act(worker, 'request-documents', {
          items: ['Schallimmissionsprognose'],
          period: 'P1M',
        })
      ).statusCode,
      200,
    );
    clock.advance(3 * DAY);
    await applicant.upload(`/api/v1/procedures/${id}/documents`, { docType: 'noise-forecast' });
    assert.equal(
      (await act(applicant, 'submit-documents', { documents: ['noise-forecast'] })).statusCode,
      200,
    );
    const confirmed = await act(worker, 'confirm-completeness', {
      completenessDate: '2026-11-27',
      agencies: [lanuk],
      timetable: 'Stellungnahmen bis Ende Dezember, Entscheidung im Februar.',
      missingDocumentsReason: 'Die übrigen Unterlagen liegen der Behörde aus der Vorprüfung vor.',
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal((await view()).step, 'agency-involvement');
    assert.equal(
      (await agency.get(`/api/v1/procedures/${id}`)).statusCode,
      200,
      'beteiligte Fachbehörde sieht das Verfahren',
    );
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject'])
      .execute();
    assert.ok(
      mails.some((m) => m.to_address === 'toeb@lanuk.example' && /Stellungnahme/.test(m.subject)),
    );
    assert.ok(
      mails.some(
        (m) =>
          m.to_address === 'antrag@windpark-sintfeld.example' &&
          /Eingangsbestätigung/.test(m.subject),
      ),
    );
  });

  it('the agency gets reminders and its silence after one month counts as no comment', async () => {
    clock.set(new Date('2026-12-21T08:00:00Z'));
    await runDeadlineWatch(t.deps);
    const reminders = await t.database.db
      .selectFrom('mail_outbox')
      .select('subject')
      .where('to_address', '=', 'toeb@lanuk.example')
      .execute();
    assert.ok(
      reminders.some((m) => /Fristerinnerung/.test(m.subject)),
      JSON.stringify(reminders),
    );
    clock.set(new Date('2027-01-04T08:00:00Z'));
    await runDeadlineWatch(t.deps);
    await runDeadlineWatch(t.deps); // twice: acts once
    const row = await t.database.db
      .selectFrom('procedure_agencies')
      .select('status')
      .where('procedure_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'no-comment');
    const events = await t.database.db
      .selectFrom('procedure_events')
      .select('type')
      .where('procedure_id', '=', id)
      .where('type', '=', 'agency-no-comment-recorded')
      .execute();
    assert.equal(events.length, 1);
    const late = await act(agency, 'record-agency-statement', { statement: 'Zu spät.' });
    assert.equal(late.statusCode, 400);
    assert.match(late.json().detail, /bereits eine Antwort/);
  });

  it('the decision deadline is extended once with reasons; further only with consent', async () => {
    assert.equal((await act(worker, 'complete-agency-involvement')).statusCode, 200);
    const noReason = await act(worker, 'extend-decision-deadline', { months: 2 });
    assert.equal(noReason.statusCode, 400);
    const before = (await view()).deadlines.find((d: { key: string }) => d.key === 'decision').end;
    assert.equal(
      (
        await act(worker, 'extend-decision-deadline', {
          months: 2,
          reason: 'Gutachten zum Artenschutz steht aus.',
        })
      ).statusCode,
      200,
    );
    const afterEnd = (await view()).deadlines.find(
      (d: { key: string }) => d.key === 'decision',
    ).end;
    assert.ok(afterEnd > before, `${afterEnd} > ${before}`);
    const second = await act(worker, 'extend-decision-deadline', {
      months: 1,
      reason: 'Noch offen.',
    });
    assert.equal(second.statusCode, 409);
    assert.match(second.json().detail, /Zustimmung/);
    assert.equal(
      (await act(applicant, 'record-applicant-consent', { statement: 'Einverstanden.' }))
        .statusCode,
      200,
    );
    assert.equal(
      (await act(worker, 'extend-decision-deadline', { months: 1, reason: 'Noch offen.' }))
        .statusCode,
      200,
    );
  });

  it('a stale version is refused and changes nothing', async () => {
    const stale = await act(worker, 'decide', { version: 1, outcome: 'granted', reasons: 'x' });
    assert.equal(stale.statusCode, 409);
    assert.equal((await view()).step, 'decision-drafting');
  });

  it('decides with conditions and delivers a generated PDF decision', async () => {
    const { version } = await view();
    const decided = await act(worker, 'decide', {
      version,
      outcome: 'granted',
      conditions: [
        'Abschaltung bei Schattenwurf über 30 Minuten am Tag.',
        'Fledermausabschaltung April bis Oktober.',
      ],
      reasons: 'Die Genehmigungsvoraussetzungen des § 6 BImSchG liegen vor.',
    });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal((await act(worker, 'deliver-decision')).statusCode, 200);
    const v = await view();
    assert.equal(v.step, 'delivered');
    const decision = v.documents.find((d: { docType: string }) => d.docType === 'decision');
    assert.ok(decision);
    assert.ok(t.deps.store.has(decision.sha256));
    const chunks: Buffer[] = [];
    for await (const chunk of t.deps.store.open(decision.sha256)) chunks.push(chunk as Buffer);
    assert.equal(Buffer.concat(chunks).subarray(0, 5).toString(), '%PDF-');
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .select('subject')
      .where('to_address', '=', 'antrag@windpark-sintfeld.example')
      .execute();
    assert.ok(mails.some((m) => /Bescheid zugestellt/.test(m.subject)));
  });
});
