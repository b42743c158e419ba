import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';

/**
 * Confirming completeness while required documents are missing (§ 7 Abs. 1, 2 9. BImSchV) needs
 * an explicit reason, recorded in the case file; without it the server refuses (API and form
 * alike) and nothing changes.
 */
describe('completeness confirmed with missing documents needs a reason', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof apiAs>>;
  let lanuk: string;
  let apiCase: string;
  let formCase: string;

  async function submitted(): Promise<string> {
    const applicant = await apiAs(t, 'antrag@windpark-sintfeld.example');
    const project = DEMO_PROJECTS.find((p) => p.key === 'bueren-ost')!;
    const created = await applicant.post(
      '/api/v1/procedures',
      applicationBody(project, await orgId(t, 'Kreis Paderborn'), 3),
    );
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: string }>().id;
    // One of the nine required documents: eight are missing.
    const upload = await applicant.upload(`/api/v1/procedures/${id}/documents`, {
      docType: 'site-plans',
    });
    assert.equal(upload.statusCode, 201, upload.body);
    assert.equal((await applicant.post(`/api/v1/procedures/${id}/actions/submit`)).statusCode, 200);
    const receipt = await worker.post(`/api/v1/procedures/${id}/actions/confirm-receipt`);
    assert.equal(receipt.statusCode, 200, receipt.body);
    return id;
  }

  const state = async (id: string) =>
    t.database.db
      .selectFrom('procedures')
      .select(['step', 'event_count'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  before(async () => {
    t = await createTestApp({ clock });
    worker = await apiAs(t, 'sachbearbeitung@kreis-paderborn.example');
    lanuk = await orgId(t, 'Landesamt für Natur');
    apiCase = await submitted();
    formCase = await submitted();
  });
  after(async () => t.close());

  const confirmBody = () => ({
    completenessDate: '2026-11-24',
    agencies: [lanuk],
    timetable: 'Stellungnahmen bis Ende Dezember.',
  });

  it('API: refused with a German message while 8 of 9 documents are missing; nothing changes', async () => {
    const before = await state(apiCase);
    const refused = await worker.post(
      `/api/v1/procedures/${apiCase}/actions/confirm-completeness`,
      confirmBody(),
    );
    assert.equal(refused.statusCode, 400, refused.body);
    assert.match(String(refused.headers['content-type']), /problem\+json/);
    assert.match(refused.json().detail, /8 erforderliche Unterlagen fehlen/);
    assert.match(refused.json().detail, /Begründung/);
    assert.deepEqual(await state(apiCase), before);
    const blank = await worker.post(`/api/v1/procedures/${apiCase}/actions/confirm-completeness`, {
      ...confirmBody(),
      missingDocumentsReason: '   ',
    });
    assert.equal(blank.statusCode, 400);
    assert.deepEqual(await state(apiCase), before);
  });

  it('API: with a reason it passes; the reason and the missing documents are in the audit event', async () => {
    const reason = 'Die Gutachten liegen der Behörde aus dem Vorbescheidsverfahren vor.';
    const done = await worker.post(`/api/v1/procedures/${apiCase}/actions/confirm-completeness`, {
      ...confirmBody(),
      missingDocumentsReason: reason,
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal((await state(apiCase)).step, 'agency-involvement');
    const event = await t.database.db
      .selectFrom('procedure_events')
      .select('data')
      .where('procedure_id', '=', apiCase)
      .where('type', '=', 'completeness-confirmed')
      .executeTakeFirstOrThrow();
    const data = event.data as { missingDocumentsReason: string; missingDocuments: string[] };
    assert.equal(data.missingDocumentsReason, reason);
    assert.equal(data.missingDocuments.length, 8);
    assert.ok(data.missingDocuments.includes('noise-forecast'));
    assert.ok(!data.missingDocuments.includes('site-plans'));
  });

  it('form: refused with an error summary and the values kept; with a reason it passes', async () => {
    const client = new Client(t.app);
    await client.logIn('sachbearbeitung@kreis-paderborn.example');
    const page = await client.get(`/verfahren/${formCase}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Begründung für die Bestätigung trotz fehlender Unterlagen/);
    const before = await state(formCase);
    const fields = {
      _csrf: csrfTokenFrom(page.body),
      version: String(before.event_count),
      'confirm-completeness.completenessDate': '2026-11-24',
      'confirm-completeness.agencies': lanuk,
      'confirm-completeness.timetable': 'Zeitplan im Formular.',
    };
    const refused = await client.post(
      `/verfahren/${formCase}/aktionen/confirm-completeness`,
      fields,
    );
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /<title>Fehler: /);
    assert.match(refused.body, /8 erforderliche Unterlagen fehlen/);
    assert.match(refused.body, /Zeitplan im Formular\./, 'Eingaben bleiben erhalten');
    assert.deepEqual(await state(formCase), before);
    const done = await client.post(`/verfahren/${formCase}/aktionen/confirm-completeness`, {
      ...fields,
      'confirm-completeness.missingDocumentsReason': 'Nachreichung ist zugesagt.',
    });
    assert.equal(done.statusCode, 303, done.body);
    assert.equal((await state(formCase)).step, 'agency-involvement');
  });
});
