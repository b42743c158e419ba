import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runDeadlineWatch } from '../../src/permits/deadline-watch.ts';
import { Client, createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import { SAMPLE_PDF } from '../helpers/multipart.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';

const DAY = 86_400_000;

/**
 * The formal procedure (§ 10 BImSchG) up to the boundary of public participation, the overrun
 * escalation to the supervisory authority, and bad input that must change nothing.
 */
describe('formal permit procedure, escalation and bad input', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let applicant: Awaited<ReturnType<typeof apiAs>>;
  let worker: Awaited<ReturnType<typeof apiAs>>;
  let supervisor: Awaited<ReturnType<typeof apiAs>>;
  let otherWorker: Awaited<ReturnType<typeof apiAs>>;
  let kreis: string;
  let formalId: string;
  let lateId: string;

  before(async () => {
    t = await createTestApp({ clock });
    applicant = await apiAs(t, 'antrag@windpark-sintfeld.example');
    worker = await apiAs(t, 'sachbearbeitung@kreis-paderborn.example');
    supervisor = await apiAs(t, 'aufsicht@mwike.example');
    otherWorker = await apiAs(t, 'sachbearbeitung@brms.example');
    kreis = await orgId(t, 'Kreis Paderborn');
  });
  after(async () => t.close());

  it('25 turbines run in the formal procedure up to the participation boundary', async () => {
    const project = DEMO_PROJECTS.find((p) => p.key === 'lichtenau-nordost')!;
    formalId = (await applicant.post('/api/v1/procedures', applicationBody(project, kreis))).json()
      .id;
    const act = (client: typeof applicant, action: string, body: object = {}) =>
      client.post(`/api/v1/procedures/${formalId}/actions/${action}`, body);
    assert.equal((await act(applicant, 'submit')).statusCode, 200);
    assert.equal(
      (await worker.get(`/api/v1/procedures/${formalId}`)).json().type,
      'bimschg-formal',
    );
    assert.equal((await act(worker, 'confirm-receipt')).statusCode, 200);
    const lanuk = await orgId(t, 'Landesamt für Natur');
    const confirmed = await act(worker, 'confirm-completeness', {
      completenessDate: '2026-11-24',
      agencies: [lanuk],
      timetable: 'Auslegung im Januar.',
      missingDocumentsReason: 'Die übrigen Unterlagen liegen der Behörde aus der Vorprüfung vor.',
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal((await act(worker, 'prepare-participation')).statusCode, 200);
    const view = (await worker.get(`/api/v1/procedures/${formalId}`)).json();
    assert.equal(view.step, 'ready-for-participation');
    assert.ok(
      view.deadlines.some((d: { key: string }) => d.key === 'decision'),
      'Entscheidungsfrist läuft',
    );
    const page = new Client(t.app);
    await page.logIn('sachbearbeitung@kreis-paderborn.example');
    const html = (await page.get(`/verfahren/${formalId}`)).body;
    assert.match(html, /Öffentlichkeitsbeteiligung/);
  });

  it('the asked agency attaches material to its statement, and a withdrawal leaves a PDF', async () => {
    const agency = await apiAs(t, 'toeb@lanuk.example');
    const attached = await agency.upload(`/api/v1/procedures/${formalId}/documents`, {
      docType: 'site-plans',
    });
    assert.equal(attached.statusCode, 201, attached.body);
    const stated = await agency.post(
      `/api/v1/procedures/${formalId}/actions/record-agency-statement`,
      {
        statement: 'Keine Bedenken; Kartierung anbei.',
      },
    );
    assert.equal(stated.statusCode, 200, stated.body);
    const again = await agency.upload(`/api/v1/procedures/${formalId}/documents`, {
      docType: 'site-plans',
    });
    assert.equal(again.statusCode, 409);
    const docs = (await worker.get(`/api/v1/procedures/${formalId}`)).json().documents;
    assert.ok(docs.some((d: { docType: string }) => d.docType === 'statement-attachment'));
    const withdrawn = await applicant.post(`/api/v1/procedures/${formalId}/actions/withdraw`, {
      reason: 'Standort wird aufgegeben.',
    });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    const files = await t.database.db
      .selectFrom('documents')
      .select('filename')
      .where('procedure_id', '=', formalId)
      .execute();
    assert.ok(files.some((f) => /^Ruecknahmebestaetigung-/.test(f.filename)));
  });

  it('an overrun of the completeness check escalates to the supervisory authority', async () => {
    const project = DEMO_PROJECTS.find((p) => p.key === 'brilon-nordost')!;
    lateId = (await applicant.post('/api/v1/procedures', applicationBody(project, kreis, 3))).json()
      .id;
    await applicant.post(`/api/v1/procedures/${lateId}/actions/submit`);
    clock.advance(60 * DAY);
    await runDeadlineWatch(t.deps);
    const overruns = (await supervisor.get('/api/v1/overruns')).json();
    const mine = overruns.find((o: { id: string }) => o.id === lateId);
    assert.ok(mine, JSON.stringify(overruns));
    assert.ok(mine.escalated_at);
    assert.ok(mine.daysOver > 0);
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject'])
      .where('to_address', '=', 'aufsicht@mwike.example')
      .execute();
    assert.ok(mails.some((m) => /Fristüberschreitung/.test(m.subject)));
    const events = await t.database.db
      .selectFrom('procedure_events')
      .select('type')
      .where('procedure_id', '=', lateId)
      .execute();
    assert.ok(events.some((e) => e.type === 'deadline-escalated'));
    // another authority's case worker does not see it in the report
    assert.equal(
      (await otherWorker.get('/api/v1/overruns'))
        .json()
        .some((o: { id: string }) => o.id === lateId),
      false,
    );
  });

  it('no case or document is reachable from another organisation', async () => {
    const docs = (await worker.get(`/api/v1/procedures/${lateId}`)).json().documents;
    const intruder = new Client(t.app);
    await intruder.logIn('sachbearbeitung@brms.example');
    assert.equal((await intruder.get(`/verfahren/${lateId}`)).statusCode, 404);
    const upload = await worker.upload(`/api/v1/procedures/${lateId}/documents`, {
      docType: 'noise-forecast',
    });
    assert.equal(upload.statusCode, 201, upload.body);
    const docId = upload.json().id as string;
    assert.equal(docs.length, 0);
    assert.equal((await intruder.get(`/verfahren/${lateId}/dokumente/${docId}`)).statusCode, 404);
    const own = new Client(t.app);
    await own.logIn('sachbearbeitung@kreis-paderborn.example');
    const download = await own.get(`/verfahren/${lateId}/dokumente/${docId}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });

  it('bad input gets a German message and changes nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('procedure_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const project = DEMO_PROJECTS[0]!;
    const badParcel = await applicant.post('/api/v1/procedures', {
      ...applicationBody(project, kreis),
      site: { gemarkung: 'Atlantis', flur: '1', flurstueck: '1' },
    });
    assert.equal(badParcel.statusCode, 400);
    assert.match(badParcel.json().detail + JSON.stringify(badParcel.json().errors), /Gemarkung/);
    const outside = await applicant.post('/api/v1/procedures', {
      ...applicationBody(project, kreis),
      turbines: [
        {
          type: 'X',
          hubHeightM: 100,
          rotorDiameterM: 100,
          ratedPowerKw: 3000,
          lon: 9.73,
          lat: 52.37,
        },
      ],
    });
    assert.equal(outside.statusCode, 400);
    assert.match(JSON.stringify(outside.json().errors), /nicht in Nordrhein-Westfalen/);
    const wrongType = await worker.upload(
      `/api/v1/procedures/${lateId}/documents`,
      { docType: 'noise-forecast' },
      { name: 'virus.exe', content: Buffer.from('MZ\u0090\u0000binary') },
    );
    assert.equal(wrongType.statusCode, 400);
    assert.match(wrongType.json().detail, /kein PDF, PNG oder JPEG/);
    const huge = await worker.upload(
      `/api/v1/procedures/${lateId}/documents`,
      { docType: 'noise-forecast' },
      { name: 'gross.pdf', content: Buffer.concat([SAMPLE_PDF, Buffer.alloc(26 * 1024 * 1024)]) },
    );
    assert.equal(huge.statusCode, 413);
    assert.match(huge.json().detail, /größer als 25 MB/);
    const futureDate = await worker.post(`/api/v1/procedures/${lateId}/actions/confirm-receipt`);
    assert.equal(futureDate.statusCode, 200);
    const impossible = await worker.post(
      `/api/v1/procedures/${lateId}/actions/confirm-completeness`,
      { completenessDate: '2026-02-30', agencies: [], timetable: 'x' },
    );
    assert.equal(impossible.statusCode, 400);
    const notAllowed = await worker.post(`/api/v1/procedures/${lateId}/actions/deliver-decision`);
    assert.equal(notAllowed.statusCode, 409);
    assert.match(notAllowed.json().detail, /nicht|Schritt/);
    const unknown = await worker.post(`/api/v1/procedures/${lateId}/actions/zaubern`);
    assert.ok([403, 409].includes(unknown.statusCode));
    assert.equal(await count(), before + 1, 'nur die Eingangsbestätigung wurde geschrieben');
  });
});
