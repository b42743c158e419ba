import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';
import { orgId } from '../helpers/permits.ts';
import { addMember, addProfile, bonusLine } from '../helpers/training-bonus.ts';

/**
 * The training-bonus pages without script: the firm's form and CSV upload (German errors with
 * line numbers, values kept, nothing saved on a bad file), the funding body's QA decision with a
 * reason, the course list and the payment runs; roles, another company and another funding body.
 */
const FIRM_PAGE = '/foerderung/bildungspraemie';
const BODY = '/foerderstelle/bildungspraemie';
const HEADER =
  'Familienname;Vorname;Geburtsdatum;Tätigkeit;Kurs;Kursbeginn;Kursende;Fortbildungstage;IBAN;BIC;Kontoinhaber';
const ROW = (given: string, role = 'planner') =>
  `Muster;${given};01.02.1980;${role};VDI4645-GRUNDLAGEN;05.10.2026;07.10.2026;3;DE89370400440532013000;COBADEFFXXX;Heizung Alpha GmbH`;

function csvUpload(content: string) {
  const boundary = `----bildungspraemie${Math.random().toString(16).slice(2)}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="antraege.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(content, 'utf8'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('training bonus pages', () => {
  let t: TestApp;
  let firmClient: Client;
  let otherFirm: Client;
  let worker: Client;
  let leader: Client;
  let otherBody: Client;
  let demoApplicant: Client;

  const login = async (email: string) => {
    const client = new Client(t.app);
    await client.logIn(email);
    return client;
  };
  const upload = async (client: Client, content: string) => {
    const page = await client.get(FIRM_PAGE);
    const body = csvUpload(content);
    return t.app.inject({
      method: 'POST',
      url: `${FIRM_PAGE}/datei?_csrf=${encodeURIComponent(csrfTokenFrom(page.body))}`,
      headers: { ...body.headers, cookie: client.jar.header() },
      payload: body.payload,
    });
  };

  before(async () => {
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-24T09:00:00Z')) });
    const db = t.database.db;
    const a = await addMember(db, {
      org: 'Heizung Alpha GmbH',
      kind: 'company',
      email: 'a@alpha.example',
      role: 'applicant',
    });
    const b = await addMember(db, {
      org: 'Kälte Beta GmbH',
      kind: 'company',
      email: 'b@beta.example',
      role: 'applicant',
    });
    await addProfile(db, a.orgId);
    await addProfile(db, b.orgId, { trade: 'kaelte-klima' });
    await bonusLine(db, await orgId(t, 'Bezirksregierung Arnsberg'), '0710/686 70', 100_000_000);
    await addMember(db, {
      org: 'NRW.BANK (Beispiel)',
      kind: 'funding-body',
      email: 'sb@nrwbank.example',
      role: 'case_worker',
    });
    await db.updateTable('training_bonus_settings').set({ qa_sample_permille: 0 }).execute();
    firmClient = await login('a@alpha.example');
    otherFirm = await login('b@beta.example');
    worker = await login('foerderung@bezreg-arnsberg.example');
    leader = await login('leitung.foerderung@bezreg-arnsberg.example');
    otherBody = await login('sb@nrwbank.example');
    demoApplicant = await login('antrag@windpark-sintfeld.example');
  });
  after(async () => t.close());

  it('refuses a bad form with German messages, keeps the values and saves nothing', async () => {
    const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const response = await firmClient.submit(FIRM_PAGE, FIRM_PAGE, {
      familyName: '<script>x</script>',
      givenName: 'Max',
      birthDate: '31.02.1980',
      role: 'planner',
      courseCode: 'VDI4645-GRUNDLAGEN',
      courseStart: '05.10.2026',
      courseEnd: '07.10.2026',
      trainingDays: '3',
      iban: 'DE00 1234',
      bic: '',
      accountHolder: 'Heizung Alpha GmbH',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Fehler: /);
    assert.match(response.body, /Geburtsdatum: Bitte ein gültiges Datum/);
    assert.match(response.body, /IBAN: Die IBAN ist ungültig/);
    assert.ok(!response.body.includes('<script>x</script>'));
    assert.match(response.body, /value="&lt;script>x&lt;\/script>"/);
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  });

  it('takes one claim by form (PRG) and shows it with its state', async () => {
    const response = await firmClient.submit(FIRM_PAGE, FIRM_PAGE, {
      familyName: 'Muster',
      givenName: 'Anna',
      birthDate: '01.02.1980',
      role: 'planner',
      courseCode: 'VDI4645-GRUNDLAGEN',
      courseStart: '05.10.2026',
      courseEnd: '07.10.2026',
      trainingDays: '3',
      iban: 'DE89 3704 0044 0532 0130 00',
      bic: 'COBADEFFXXX',
      accountHolder: 'Heizung Alpha GmbH',
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 400));
    const page = await firmClient.get(`${FIRM_PAGE}?ok=eingereicht`);
    assert.match(page.body, /Anna Muster/);
    assert.match(page.body, /bewilligt/);
    // Another company sees none of it.
    assert.ok(!(await otherFirm.get(FIRM_PAGE)).body.includes('Anna Muster'));
  });

  it('refuses a CSV file with a bad line, naming the line, and saves nothing', async () => {
    const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const response = await upload(
      firmClient,
      [
        HEADER,
        ROW('Bert'),
        ROW('Carl').replace('DE89370400440532013000', 'DE00370400440532013000'),
        ROW('Dirk').replace('VDI4645-GRUNDLAGEN', 'UNBEKANNT'),
      ].join('\n'),
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Zeile 3: IBAN: Die IBAN ist ungültig/);
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
    const unknown = await upload(
      firmClient,
      [HEADER, ROW('Bert'), ROW('Dirk').replace('VDI4645-GRUNDLAGEN', 'UNBEKANNT')].join('\n'),
    );
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Zeile 3: Kurs: „UNBEKANNT“ steht auf keiner Kursliste/);
    const binary = await upload(firmClient, '\u0000\u0001\u0002');
    assert.equal(binary.statusCode, 400);
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  });

  it('takes a CSV file of many claims; a fitter goes to the QA queue, decided by hand with a reason', async () => {
    const response = await upload(
      firmClient,
      '\uFEFF' + [HEADER, ROW('Bert'), ROW('Emil', 'fitter')].join('\r\n'),
    );
    assert.equal(response.statusCode, 303, response.body.slice(0, 600));
    const queue = await worker.get(BODY);
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /Emil Muster/);
    const claim = await t.database.db
      .selectFrom('training_claims')
      .select('id')
      .where('employee_name', '=', 'Emil Muster')
      .executeTakeFirstOrThrow();
    const detail = await worker.get(`${BODY}/antraege/${claim.id}`);
    assert.match(detail.body, /Technische Führungskraft oder Planung/);
    assert.match(detail.body, /nicht bestanden/);
    // Another funding body's staff: not found, nothing changes.
    assert.equal((await otherBody.get(`${BODY}/antraege/${claim.id}`)).statusCode, 404);
    const csrfOther = csrfTokenFrom((await otherBody.get(BODY)).body);
    assert.equal(
      (
        await otherBody.post(`${BODY}/antraege/${claim.id}/entscheidung`, {
          _csrf: csrfOther,
          decision: 'refuse',
          reason: 'x',
        })
      ).statusCode,
      404,
    );
    // Firms and other roles do not reach the funding body's pages.
    assert.equal((await firmClient.get(BODY)).statusCode, 403);
    assert.equal((await worker.get(FIRM_PAGE)).statusCode, 403);
    const missing = await worker.submit(
      `${BODY}/antraege/${claim.id}`,
      `${BODY}/antraege/${claim.id}/entscheidung`,
      { decision: 'approve', reason: '' },
    );
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Begründung: Bitte eine Begründung angeben/);
    const refused = await worker.submit(
      `${BODY}/antraege/${claim.id}`,
      `${BODY}/antraege/${claim.id}/entscheidung`,
      { decision: 'refuse', reason: 'Monteur vor Ort, nicht förderfähig.' },
    );
    assert.equal(refused.statusCode, 303);
    const after = await worker.get(`${BODY}/antraege/${claim.id}`);
    assert.match(after.body, /von Hand abgelehnt/);
    assert.match(after.body, /Monteur vor Ort, nicht förderfähig\./);
  });

  it('keeps the course list: a course is added, a duplicate code is refused with a German message', async () => {
    const added = await worker.submit(`${BODY}/kurse`, `${BODY}/kurse`, {
      code: 'wp-neu-1',
      title: 'Neuer Kurs Wärmepumpe',
      provider: 'Akademie',
      standard: 'vdi-4645',
      days: '2',
    });
    assert.equal(added.statusCode, 303);
    const again = await worker.submit(`${BODY}/kurse`, `${BODY}/kurse`, {
      code: 'WP-NEU-1',
      title: 'Neuer Kurs Wärmepumpe',
      provider: 'Akademie',
      standard: 'vdi-4645',
      days: '2',
    });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /gibt es auf der Liste schon/);
    const bad = await worker.submit(`${BODY}/kurse`, `${BODY}/kurse`, {
      code: '',
      title: 'x',
      provider: '',
      standard: 'foo',
      days: '99',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kurstage: Bitte eine ganze Zahl/);
  });

  it('creates, downloads and confirms a payment run; only the supervisor confirms; twice pays nothing', async () => {
    const created = await worker.submit(`${BODY}/zahlungslaeufe`, `${BODY}/zahlungslaeufe`, {
      month: '2026-11',
      executionDate: '2026-11-26',
    });
    assert.equal(created.statusCode, 303, created.body.slice(0, 500));
    const run = await t.database.db
      .selectFrom('training_payment_runs')
      .select(['id', 'item_count'])
      .executeTakeFirstOrThrow();
    assert.equal(run.item_count, 2);
    const file = await worker.get(`${BODY}/zahlungslaeufe/${run.id}/datei`);
    assert.match(String(file.headers['content-type']), /application\/xml/);
    assert.match(file.body, /urn:iso:std:iso:20022:tech:xsd:pain\.001\.001\.09/);
    assert.equal((await otherBody.get(`${BODY}/zahlungslaeufe/${run.id}/datei`)).statusCode, 404);
    const byWorker = await worker.submit(
      `${BODY}/zahlungslaeufe`,
      `${BODY}/zahlungslaeufe/${run.id}/bestaetigen`,
      {},
    );
    assert.equal(byWorker.statusCode, 403);
    const confirmed = await leader.submit(
      `${BODY}/zahlungslaeufe`,
      `${BODY}/zahlungslaeufe/${run.id}/bestaetigen`,
      {},
    );
    assert.equal(confirmed.statusCode, 303);
    const twice = await leader.submit(
      `${BODY}/zahlungslaeufe`,
      `${BODY}/zahlungslaeufe/${run.id}/bestaetigen`,
      {},
    );
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /bereits bestätigt/);
    const paid = await t.database.db
      .selectFrom('training_claims')
      .select('id')
      .where('status', '=', 'paid')
      .execute();
    assert.equal(paid.length, 2);
    assert.match((await firmClient.get(FIRM_PAGE)).body, /ausgezahlt/);
  });

  it('the permit applicant of a company without an SHK profile may claim; the checks send it to QA', async () => {
    const response = await demoApplicant.submit(FIRM_PAGE, FIRM_PAGE, {
      familyName: 'Wind',
      givenName: 'Wiebke',
      birthDate: '01.02.1980',
      role: 'technical-manager',
      courseCode: 'WP-KAELTE-1',
      courseStart: '05.10.2026',
      courseEnd: '05.10.2026',
      trainingDays: '1',
      iban: 'DE89370400440532013000',
      bic: '',
      accountHolder: 'Windpark Sintfeld',
    });
    assert.equal(response.statusCode, 303);
    assert.match((await demoApplicant.get(FIRM_PAGE)).body, /in manueller Prüfung/);
  });
});
