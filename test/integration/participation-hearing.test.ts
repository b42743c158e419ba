import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { jobHandlers } from '../../src/app.ts';
import { runDueJobs } from '../../src/platform/jobs.ts';
import { pdfText } from '../../src/participation/notice/pdf-text.testkit.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { apiAs } from '../helpers/permits.ts';
import {
  APPLICANT,
  createPublishedProcedure,
  seedObjections,
  WORKER,
} from '../helpers/participation.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

const AGENCY = 'toeb@lanuk.example';
/** An organisation that takes no part in the procedure. */
const OUTSIDER = 'wetter@dwd.example';
const OTHER_WORKER = 'sachbearbeitung@brms.example';

/** Unique personal data of an objector who asked to stay unrecognisable. */
const PROTECTED = { name: 'Agathe Quellenbergerin', address: 'Zwiebelgasse 17, 33104 Paderborn' };
const OPEN = { name: 'Conrad Offenhuber', address: 'Lindenweg 3, 33100 Paderborn' };
const LETTER = { name: 'Erna Briefmeier', address: 'Postweg 9, 33102 Paderborn' };

/** A real SMTP server on loopback that records the recipients of what it receives. */
async function startSmtp() {
  const received: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text of a compressed pdfkit PDF: every Flate stream inflated, then read like the testkit. */
function compressedPdfText(pdf: Buffer): string {
  const parts: Buffer[] = [];
  for (let i = pdf.indexOf('stream\n'); i >= 0; i = pdf.indexOf('stream\n', i + 1)) {
    const start = i + 'stream\n'.length;
    const end = pdf.indexOf('\nendstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)), Buffer.from('\n'));
    } catch {
      // not a Flate stream (e.g. a font program); the text is in the page streams
    }
  }
  return pdfText(Buffer.concat(parts));
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** A hearing on request: refusals, notice and invitations, agenda, attendance, minutes, copies. */
describe('hearing (Erörterungstermin): request, notice, invitations, agenda, minutes', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let procedure: { id: string; tenantId: string };
  let worker: Awaited<ReturnType<typeof apiAs>>;
  let applicant: Awaited<ReturnType<typeof apiAs>>;
  let page: Client;
  let references: string[];
  let objectionEnd: string;
  const day = (offset: number) =>
    new Date(Date.parse(`${objectionEnd}T09:00:00Z`) + offset * 86_400_000);
  const iso = (offset: number) => day(offset).toISOString().slice(0, 10);
  const runJobs = () =>
    runDueJobs({ connectionString: t.database.url, handlers: jobHandlers(t.deps) });
  const snapshot = () => snapshotTables(t.database.db, SESSION_BOOKKEEPING);
  const step = async () =>
    (
      await t.database.db
        .selectFrom('procedures')
        .select(['step', 'state'])
        .where('id', '=', procedure.id)
        .executeTakeFirstOrThrow()
    ).step;

  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp({
      clock,
      env: { OBJECTION_POW_DIFFICULTY: '0', SMTP_URL: `smtp://127.0.0.1:${smtp.port}` },
    });
    procedure = await createPublishedProcedure(t, { eiaRequired: false });
    worker = await apiAs(t, WORKER);
    applicant = await apiAs(t, APPLICANT);
    const ids = await seedObjections(t, procedure, [
      {
        text: `Lärm in der Nacht. Ich bin ${PROTECTED.name}.`,
        ...PROTECTED,
        email: 'agathe@example.org',
        redactIdentity: true,
      },
      { text: 'Der Rotmilan brütet nebenan.', ...OPEN, email: 'conrad@example.org' },
      { text: 'Lärm und Schatten.', ...LETTER },
    ]);
    const rows = await t.database.db
      .selectFrom('objections')
      .select(['id', 'reference'])
      .where('id', 'in', ids)
      .execute();
    references = ids.map((id) => rows.find((r) => r.id === id)!.reference);
    const concerns = await t.database.db
      .selectFrom('concerns')
      .select(['id', 'key'])
      .where('procedure_id', '=', procedure.id)
      .execute();
    const link = (objection: string, key: string) => ({
      objection_id: objection,
      concern_id: concerns.find((c) => c.key === key)!.id,
      procedure_id: procedure.id,
      tenant_id: procedure.tenantId,
      source: 'confirmed' as const,
    });
    await t.database.db
      .insertInto('objection_concerns')
      .values([link(ids[0]!, 'noise'), link(ids[2]!, 'noise'), link(ids[1]!, 'birds-bats')])
      .execute();
    const state = await t.database.db
      .selectFrom('procedures')
      .select('state')
      .where('id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    objectionEnd = (state.state as { participation: { objectionEnd: string } }).participation
      .objectionEnd;
    clock.set(day(1));
    await runJobs();
    smtp.received.length = 0;
    page = new Client(t.app);
    await page.logIn(WORKER);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('without the applicant’s request the hearing is refused for onshore wind, nothing written', async () => {
    const before = await snapshot();
    const refused = await worker.post(
      `/api/v1/procedures/${procedure.id}/actions/schedule-hearing`,
      { format: 'in-person', date: iso(14), place: 'Rathaus Lichtenau, Ratssaal' },
    );
    assert.equal(refused.statusCode, 409, refused.body);
    assert.match(refused.json<{ detail: string }>().detail, /nur auf Antrag der Antragstellerin/);
    assert.match(refused.json<{ detail: string }>().detail, /§ 10 Abs\. 6 BImSchG/);
    assert.deepEqual(changedTables(before, await snapshot()), []);
  });

  it('the request: refused for other parties and bad input, recorded with its date', async () => {
    const before = await snapshot();
    const path = `/api/v1/procedures/${procedure.id}/actions/request-hearing`;
    const outsider = await (await apiAs(t, OUTSIDER)).post(path, {});
    assert.equal(outsider.statusCode, 404);
    const agency = await (await apiAs(t, AGENCY)).post(path, {});
    assert.equal(agency.statusCode, 403);
    const future = await applicant.post(path, { receivedOn: iso(5) });
    assert.equal(future.statusCode, 400);
    assert.match(future.json<{ detail: string }>().detail, /nicht nach dem heutigen Tag/);
    const garbage = await applicant.post(path, { receivedOn: '31.02.2027' });
    assert.equal(garbage.statusCode, 400);
    assert.deepEqual(changedTables(before, await snapshot()), []);

    // The applicant asks on its case page, without JavaScript (Post/Redirect/Get).
    const own = new Client(t.app);
    await own.logIn(APPLICANT);
    const casePage = await own.get(`/verfahren/${procedure.id}`);
    assert.match(casePage.body, /Erörterungstermin beantragen/);
    const requested = await own.post(`/verfahren/${procedure.id}/aktionen/request-hearing`, {
      _csrf: csrfTokenFrom(casePage.body),
      version: /name="version" value="(\d+)"/.exec(casePage.body)![1]!,
      'request-hearing.note': 'Wir bitten um Erörterung.',
    });
    assert.equal(requested.statusCode, 303, requested.body);
    const recorded = await t.database.db
      .selectFrom('procedure_events')
      .select(['data', 'actor_role'])
      .where('procedure_id', '=', procedure.id)
      .where('type', '=', 'hearing-requested')
      .executeTakeFirstOrThrow();
    assert.equal(recorded.actor_role, 'applicant');
    assert.deepEqual(recorded.data, { receivedOn: iso(1), note: 'Wir bitten um Erörterung.' });
    const twice = await worker.post(path, {});
    assert.equal(twice.statusCode, 409);
    assert.match(twice.json<{ detail: string }>().detail, /bereits erfasst/);
  });

  it('once requested, the hearing cannot be skipped; schedule refuses bad input and roles', async () => {
    const before = await snapshot();
    const skip = await worker.post(`/api/v1/procedures/${procedure.id}/actions/skip-hearing`, {
      reason: 'Keine Erörterung nötig.',
    });
    assert.equal(skip.statusCode, 409);
    assert.match(skip.json<{ detail: string }>().detail, /beantragt/);
    const path = `/api/v1/procedures/${procedure.id}/actions/schedule-hearing`;
    const byApplicant = await applicant.post(path, {
      format: 'in-person',
      date: iso(14),
      place: 'Rathaus',
    });
    assert.equal(byApplicant.statusCode, 403);
    const byOther = await (
      await apiAs(t, OTHER_WORKER)
    ).post(path, {
      format: 'in-person',
      date: iso(14),
      place: 'Rathaus',
    });
    assert.equal(byOther.statusCode, 404);
    const noPlace = await worker.post(path, { format: 'in-person', date: iso(14) });
    assert.equal(noPlace.statusCode, 400);
    const inPeriod = await worker.post(path, { format: 'in-person', date: iso(-1), place: 'R' });
    assert.equal(inPeriod.statusCode, 400);
    assert.deepEqual(changedTables(before, await snapshot()), []);
  });

  it('scheduled: notice with rule and request, invitations by mail, letter list for the rest', async () => {
    const scheduled = await worker.post(
      `/api/v1/procedures/${procedure.id}/actions/schedule-hearing`,
      {
        format: 'in-person',
        date: iso(14),
        place: 'Rathaus Lichtenau, Ratssaal',
        reason: 'Die Antragstellerin hat die Erörterung beantragt.',
      },
    );
    assert.equal(scheduled.statusCode, 200, scheduled.body);
    const notice = await t.database.db
      .selectFrom('notices')
      .select(['id', 'body_text'])
      .where('procedure_id', '=', procedure.id)
      .where('kind', '=', 'hearing')
      .executeTakeFirstOrThrow();
    assert.match(notice.body_text, /Maßgebliche Regel: Bei Windenergieanlagen an Land/);
    assert.match(notice.body_text, /einen Erörterungstermin beantragt/);
    assert.match(notice.body_text, /Lärm/);
    assert.match(notice.body_text, /Ratssaal/);

    await runJobs();
    const to = smtp.received.flatMap((m) => m.to).sort();
    for (const address of ['agathe@example.org', 'conrad@example.org', APPLICANT, AGENCY])
      assert.ok(to.includes(address), `invitation to ${address}: ${to.join(', ')}`);
    const invitation = smtp.received.find((m) => m.to.includes('conrad@example.org'))!;
    assert.match(invitation.data, /Einladung_zur_Er/);

    const list = await page.get(`/verfahren/${procedure.id}/eroerterung/briefliste`);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(LETTER.name));
    assert.ok(list.body.includes(references[2]!));
    assert.ok(!list.body.includes(OPEN.name), 'objectors with e-mail are invited by mail');
    const csv = await page.get(`/verfahren/${procedure.id}/eroerterung/briefliste.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.ok(csv.body.startsWith('\uFEFFAktenzeichen;Name;Anschrift'));
    assert.ok(csv.body.includes(LETTER.address));

    for (const email of [APPLICANT, AGENCY, OTHER_WORKER]) {
      const other = new Client(t.app);
      await other.logIn(email);
      for (const url of ['briefliste', 'briefliste.csv', ''])
        assert.equal(
          (await other.get(`/verfahren/${procedure.id}/eroerterung${url ? `/${url}` : ''}`))
            .statusCode,
          404,
          `${email} ${url}`,
        );
    }
    const hearingPage = await page.get(`/verfahren/${procedure.id}/eroerterung`);
    assert.match(hearingPage.body, /Beantragt; eingegangen am/);
    assert.match(hearingPage.body, /Maßgebliche Regel/);
  });

  it('agenda, attendance and minutes: bad input shows the page again and writes nothing', async () => {
    const form = await page.get(`/verfahren/${procedure.id}/eroerterung`);
    const csrf = csrfTokenFrom(form.body);
    const items = await t.database.db
      .selectFrom('hearing_agenda_items')
      .select(['id', 'title', 'position'])
      .where('procedure_id', '=', procedure.id)
      .orderBy('position')
      .execute();
    // Concerns with confirmed objections, most objections first.
    assert.equal(items.length, 2, 'concerns with confirmed objections make the agenda');
    assert.match(items[0]!.title, /Lärm|Schall/);
    const before = await snapshot();
    const bad = await page.post(`/verfahren/${procedure.id}/eroerterung`, {
      _csrf: csrf,
      [`position.${items[0]!.id}`]: 'zwei',
      [`minutes.${items[0]!.id}`]: 'Kept text',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Fehler: /);
    assert.match(bad.body, /ganze Zahl von 1 bis 999/);
    assert.match(bad.body, /Kept text/);
    const foreign = await page.post(`/verfahren/${procedure.id}/eroerterung`, {
      _csrf: csrf,
      'minutes.00000000-0000-4000-8000-000000000000': 'x',
    });
    assert.equal(foreign.statusCode, 400);
    const badAttendee = await page.post(`/verfahren/${procedure.id}/eroerterung/teilnahme`, {
      _csrf: csrf,
      category: 'objector',
      objectionReference: 'EW-1999-0000000',
    });
    assert.equal(badAttendee.statusCode, 400);
    const emptyItem = await page.post(`/verfahren/${procedure.id}/eroerterung/punkte`, {
      _csrf: csrf,
      title: '  ',
    });
    assert.equal(emptyItem.statusCode, 400);
    const onlineOnly = await page.post(`/verfahren/${procedure.id}/eroerterung/aeusserungen`, {
      _csrf: csrf,
      body: 'x',
    });
    assert.equal(onlineOnly.statusCode, 409);
    const noMinutesYet = await page.post(`/verfahren/${procedure.id}/eroerterung/abschrift`, {
      _csrf: csrf,
      objectionReference: references[1]!,
      requestedOn: iso(1),
    });
    assert.equal(noMinutesYet.statusCode, 409);
    assert.deepEqual(changedTables(before, await snapshot()), []);

    const added = await page.post(`/verfahren/${procedure.id}/eroerterung/punkte`, {
      _csrf: csrf,
      title: 'Verfahrensfragen',
    });
    assert.equal(added.statusCode, 303);
    const extra = await t.database.db
      .selectFrom('hearing_agenda_items')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .where('title', '=', 'Verfahrensfragen')
      .executeTakeFirstOrThrow();
    const saved = await page.post(`/verfahren/${procedure.id}/eroerterung`, {
      _csrf: csrf,
      [`position.${extra.id}`]: '1',
      [`position.${items[0]!.id}`]: '2',
      [`position.${items[1]!.id}`]: '3',
      [`minutes.${extra.id}`]: 'Die Tagesordnung wurde festgestellt.',
      [`minutes.${items[0]!.id}`]: `Die Schallprognose wurde erläutert; ${PROTECTED.name} aus der ${PROTECTED.address} fragte nach dem Nachtbetrieb.`,
      [`minutes.${items[1]!.id}`]: 'Der Gutachter erläuterte die Raumnutzungsanalyse.',
      publicCount: '23',
    });
    assert.equal(saved.statusCode, 303);
    const ordered = await t.database.db
      .selectFrom('hearing_agenda_items')
      .select('title')
      .where('procedure_id', '=', procedure.id)
      .orderBy('position')
      .execute();
    assert.equal(ordered[0]!.title, 'Verfahrensfragen');
    const attendees: Record<string, string>[] = [
      { category: 'objector', objectionReference: references[0]! },
      { category: 'objector', objectionReference: references[1]! },
      { category: 'applicant', name: 'Dr. Rita Vertreterin, Projektleitung' },
      { category: 'agency', name: 'LANUK, Fachbereich Artenschutz' },
      { category: 'authority', name: 'Sachbearbeitung Immissionsschutz' },
    ];
    for (const attendee of attendees) {
      const response = await page.post(`/verfahren/${procedure.id}/eroerterung/teilnahme`, {
        _csrf: csrf,
        ...attendee,
      });
      assert.equal(response.statusCode, 303, JSON.stringify(attendee));
    }
  });

  it('recorded: the minutes PDF reaches the applicant, without protected personal data', async () => {
    const early = await worker.post(`/api/v1/procedures/${procedure.id}/actions/record-hearing`, {
      minutes: 'Niederschrift',
    });
    assert.equal(early.statusCode, 409);
    clock.set(day(14));
    const empty = await worker.post(`/api/v1/procedures/${procedure.id}/actions/record-hearing`, {
      minutes: '   ',
    });
    assert.equal(empty.statusCode, 400);
    smtp.received.length = 0;
    const held = await worker.post(`/api/v1/procedures/${procedure.id}/actions/record-hearing`, {
      minutes: 'Erörtert wurden Lärm und Artenschutz. Rückfragen: 0171 2345678.',
      chair: 'Dr. Hanna Leitner',
    });
    assert.equal(held.statusCode, 200, held.body);
    assert.equal(await step(), 'decision-drafting');
    const doc = await t.database.db
      .selectFrom('documents')
      .select(['id', 'sha256'])
      .where('procedure_id', '=', procedure.id)
      .where('doc_type', '=', 'hearing-minutes')
      .executeTakeFirstOrThrow();
    const text = compressedPdfText(await readAll(t.deps.store.open(doc.sha256)));
    assert.match(text, /Niederschrift über den Erörterungstermin/);
    assert.match(text, /Rathaus Lichtenau, Ratssaal/);
    assert.match(text, /Verhandlungsleitung: Dr\. Hanna Leitner/);
    assert.match(text, /TOP 1: Verfahrensfragen/);
    assert.match(text, /Die Schallprognose wurde erläutert/);
    assert.match(text, /Dr\. Rita Vertreterin/);
    assert.match(text, /Weitere Personen aus der Öffentlichkeit: 23/);
    assert.ok(text.includes(references[0]!), 'objectors appear by reference');
    for (const secret of [PROTECTED.name, 'Zwiebelgasse', OPEN.name, 'agathe@example.org', '0171'])
      assert.ok(!text.includes(secret), `the minutes leak ${secret}`);

    const applicantPage = new Client(t.app);
    await applicantPage.logIn(APPLICANT);
    const casePage = await applicantPage.get(`/verfahren/${procedure.id}`);
    assert.match(casePage.body, /Niederschrift der Erörterung/);
    const download = await applicantPage.get(`/verfahren/${procedure.id}/dokumente/${doc.id}`);
    assert.equal(download.statusCode, 200);
    await runJobs();
    const notice = smtp.received.find((m) => m.to.includes(APPLICANT));
    assert.ok(notice, 'the applicant is told by mail');
    assert.match(notice.data, /Niederschrift_der_Er/);
  });

  it('a copy for an objector on request: sent, recorded, opened only with the personal link', async () => {
    // Two weeks later: a new session.
    page = new Client(t.app);
    await page.logIn(WORKER);
    const form = await page.get(`/verfahren/${procedure.id}/eroerterung`);
    const csrf = csrfTokenFrom(form.body);
    const agencyClient = new Client(t.app);
    await agencyClient.logIn(AGENCY);
    const agencyCsrf = csrfTokenFrom((await agencyClient.get('/')).body);
    const before = await snapshot();
    const future = await page.post(`/verfahren/${procedure.id}/eroerterung/abschrift`, {
      _csrf: csrf,
      objectionReference: references[1]!,
      requestedOn: iso(30),
    });
    assert.equal(future.statusCode, 400);
    const byAgency = await agencyClient.post(`/verfahren/${procedure.id}/eroerterung/abschrift`, {
      _csrf: agencyCsrf,
      objectionReference: references[1]!,
      requestedOn: iso(10),
    });
    assert.equal(byAgency.statusCode, 404);
    assert.deepEqual(changedTables(before, await snapshot()), []);

    smtp.received.length = 0;
    const sent = await page.post(`/verfahren/${procedure.id}/eroerterung/abschrift`, {
      _csrf: csrf,
      objectionReference: references[1]!,
      requestedOn: iso(10),
    });
    assert.equal(sent.statusCode, 303);
    await runJobs();
    const mail = smtp.received.find((m) => m.to.includes('conrad@example.org'));
    assert.ok(mail);
    const link = /\/beteiligung\/[0-9a-f-]{36}\/niederschrift\/[A-Za-z0-9_-]+/.exec(
      mail.data.replace(/=\r?\n/g, ''),
    )?.[0];
    assert.ok(link, 'the mail carries the personal link');
    const anonymous = new Client(t.app);
    const pdf = await anonymous.get(link);
    assert.equal(pdf.statusCode, 200);
    assert.match(String(pdf.headers['content-type']), /application\/pdf/);
    const forged = await anonymous.get(link.replace(/.{4}$/, 'AAAA'));
    assert.equal(forged.statusCode, 404);
    const events = await t.database.db
      .selectFrom('procedure_events')
      .select('data')
      .where('procedure_id', '=', procedure.id)
      .where('type', '=', 'hearing-minutes-copy-sent')
      .execute();
    assert.equal(events.length, 1);
    const listed = await page.get(`/verfahren/${procedure.id}/eroerterung`);
    assert.ok(listed.body.includes(`${references[1]!}: angefordert am`));
  });

  it('the public sees the notices but no objector’s personal data', async () => {
    const anonymous = new Client(t.app);
    const notices = await t.database.db
      .selectFrom('notices')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .execute();
    const pages = [
      '/bekanntmachungen',
      `/beteiligung/${procedure.id}`,
      ...notices.map((n) => `/bekanntmachungen/${n.id}`),
    ];
    for (const url of pages) {
      const response = await anonymous.get(url);
      assert.equal(response.statusCode, 200, url);
      for (const secret of [
        PROTECTED.name,
        OPEN.name,
        LETTER.name,
        'Zwiebelgasse',
        'Postweg',
        'agathe@example.org',
        'conrad@example.org',
      ])
        assert.ok(!response.body.includes(secret), `${url} shows ${secret}`);
    }
  });
});

/** The online consultation (§ 10 Abs. 6 BImSchG): written comments per item become the minutes. */
describe('hearing as an online consultation with a written comment period', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let reference: string;
  let objectionEnd: string;
  const day = (offset: number) =>
    new Date(Date.parse(`${objectionEnd}T09:00:00Z`) + offset * 86_400_000);
  const iso = (offset: number) => day(offset).toISOString().slice(0, 10);

  before(async () => {
    t = await createTestApp({ clock, env: { OBJECTION_POW_DIFFICULTY: '0' } });
    procedure = await createPublishedProcedure(t, { eiaRequired: false });
    const [id] = await seedObjections(t, procedure, [
      { text: 'Lärm.', ...PROTECTED, email: 'agathe@example.org', redactIdentity: true },
    ]);
    const concern = await t.database.db
      .selectFrom('concerns')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .where('key', '=', 'noise')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('objection_concerns')
      .values({
        objection_id: id!,
        concern_id: concern.id,
        procedure_id: procedure.id,
        tenant_id: procedure.tenantId,
        source: 'confirmed',
      })
      .execute();
    const row = await t.database.db
      .selectFrom('procedures')
      .select('state')
      .where('id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    objectionEnd = (row.state as { participation: { objectionEnd: string } }).participation
      .objectionEnd;
    reference = (
      await t.database.db
        .selectFrom('objections')
        .select('reference')
        .where('id', '=', id!)
        .executeTakeFirstOrThrow()
    ).reference;
  });
  after(async () => t.close());

  it('comments per agenda item are recorded in the period and summarised as the minutes', async () => {
    clock.set(day(1));
    const applicant = await apiAs(t, APPLICANT);
    const worker = await apiAs(t, WORKER);
    const requested = await applicant.post(
      `/api/v1/procedures/${procedure.id}/actions/request-hearing`,
      {},
    );
    assert.equal(requested.statusCode, 200, requested.body);
    const short = await worker.post(`/api/v1/procedures/${procedure.id}/actions/schedule-hearing`, {
      format: 'online',
      date: iso(4),
    });
    assert.equal(short.statusCode, 400, 'the written period lasts at least one week');
    const scheduled = await worker.post(
      `/api/v1/procedures/${procedure.id}/actions/schedule-hearing`,
      { format: 'online', date: iso(10), place: 'https://beteiligung.example/konsultation' },
    );
    assert.equal(scheduled.statusCode, 200, scheduled.body);

    clock.set(day(5));
    const page = new Client(t.app);
    await page.logIn(WORKER);
    const form = await page.get(`/verfahren/${procedure.id}/eroerterung`);
    assert.match(form.body, /Schriftliche Äußerungen der Online-Konsultation/);
    const csrf = csrfTokenFrom(form.body);
    const item = await t.database.db
      .selectFrom('hearing_agenda_items')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const post = (body: Record<string, string>) =>
      page.post(`/verfahren/${procedure.id}/eroerterung/aeusserungen`, { _csrf: csrf, ...body });
    const valid = {
      agendaItemId: item.id,
      authorKind: 'objector',
      objectionReference: reference,
      receivedOn: iso(4),
      body: `Der Nachtbetrieb bleibt zu laut, schreibt ${PROTECTED.name}.`,
    };
    for (const bad of [
      { ...valid, receivedOn: iso(6) },
      { ...valid, objectionReference: 'EW-1999-0000001' },
      { ...valid, body: ' ' },
      { ...valid, agendaItemId: '00000000-0000-4000-8000-000000000000' },
      { ...valid, authorKind: 'nachbar' },
    ]) {
      const refused = await post(bad);
      assert.equal(refused.statusCode, 400, JSON.stringify(bad));
      assert.match(refused.body, /<title>Fehler: /);
    }
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
    assert.equal((await post(valid)).statusCode, 303);
    assert.equal(
      (
        await post({
          agendaItemId: item.id,
          authorKind: 'applicant',
          authorLabel: 'Windpark Sintfeld GmbH',
          receivedOn: iso(5),
          body: 'Wir sagen einen schallreduzierten Nachtbetrieb zu.',
        })
      ).statusCode,
      303,
    );
    const summary = await page.post(`/verfahren/${procedure.id}/eroerterung`, {
      _csrf: csrf,
      [`minutes.${item.id}`]: 'Zusage eines schallreduzierten Nachtbetriebs.',
    });
    assert.equal(summary.statusCode, 303);

    clock.set(day(11));
    const held = await worker.post(`/api/v1/procedures/${procedure.id}/actions/record-hearing`, {
      minutes: 'Zwei schriftliche Äußerungen gingen fristgerecht ein.',
    });
    assert.equal(held.statusCode, 200, held.body);
    const doc = await t.database.db
      .selectFrom('documents')
      .select('sha256')
      .where('procedure_id', '=', procedure.id)
      .where('doc_type', '=', 'hearing-minutes')
      .executeTakeFirstOrThrow();
    const text = compressedPdfText(await readAll(t.deps.store.open(doc.sha256)));
    assert.match(text, /Niederschrift über die Online-Konsultation/);
    assert.match(text, /Ergebnis der Online-Konsultation/);
    assert.match(text, /Zusage eines schallreduzierten Nachtbetriebs/);
    assert.match(text, /Der Nachtbetrieb bleibt zu laut/);
    assert.ok(text.includes(`Einwendung ${reference}`));
    assert.match(text, /Antragstellerin Windpark Sintfeld GmbH/);
    assert.ok(!text.includes(PROTECTED.name), 'no protected name in the minutes');
  });
});
