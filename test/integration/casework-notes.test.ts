import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runFollowUpWatch } from '../../src/procedures/notes/follow-up.watch.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import {
  AGENCY,
  APPLICANT,
  OTHER_AUTHORITY,
  submittedProcedure,
  SUPERVISOR,
  WORKER,
} from '../helpers/casework.ts';
import { apiAs, orgId } from '../helpers/permits.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

const DAY = 86_400_000;
const NOTE =
  'Telefonat mit dem Planungsbüro.\nGutachten zum Rotmilan kommt nach – VERTRAULICH-7731.';

/**
 * Internal notes (Aktenvermerke) are the authority's: never on the applicant's or an agency's
 * page or in the API's case file. Follow-ups (Wiedervorlagen) come back at the top of the work
 * queue on their day and by one mail.
 */
describe('internal notes and follow-ups', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let id: string;
  let other: string;
  const clients = new Map<string, Client>();

  async function as(email: string): Promise<Client> {
    let client = clients.get(email);
    if (!client) {
      client = new Client(t.app);
      await client.logIn(email);
      clients.set(email, client);
    }
    return client;
  }

  async function post(email: string, url: string, fields: Record<string, string>) {
    const client = await as(email);
    const csrf = csrfTokenFrom((await client.get('/')).body);
    return client.post(url, { _csrf: csrf, ...fields });
  }

  async function unchanged(run: () => Promise<void>) {
    const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    await run();
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  }

  before(async () => {
    t = await createTestApp({ clock });
    other = await submittedProcedure(t, 'Windpark Sintfeld Süd (Beispiel)');
    id = await submittedProcedure(t, 'Windpark Rotmilan (Beispiel)');
    // LANUK takes part, so that an agency's view of the case can be checked.
    const worker = await apiAs(t, WORKER);
    const confirmed = await worker.post(`/api/v1/procedures/${id}/actions/confirm-completeness`, {
      completenessDate: '2026-11-24',
      agencies: [await orgId(t, 'Landesamt für Natur')],
      timetable: 'Stellungnahmen bis Ende Dezember.',
      missingDocumentsReason: 'Die Gutachten liegen aus dem Vorbescheid vor.',
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    for (const email of [WORKER, OTHER_AUTHORITY, APPLICANT, AGENCY, SUPERVISOR]) await as(email);
  });
  after(async () => t.close());

  it('a case worker writes a note; it keeps its lines and shows on the worker’s page', async () => {
    const response = await post(WORKER, `/verfahren/${id}/vermerke`, { noteText: NOTE });
    assert.equal(response.statusCode, 303, response.body);
    const page = await (await as(WORKER)).get(`/verfahren/${id}`);
    assert.match(page.body, /VERTRAULICH-7731/);
    assert.match(page.body, /class="kern-body keep-lines">Telefonat mit dem Planungsbüro\.\n/);
    const row = await t.database.db
      .selectFrom('procedure_notes')
      .select(['tenant_id', 'body'])
      .where('procedure_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.tenant_id, await orgId(t, 'Kreis Paderborn'));
  });

  it('the applicant, the agency and the API case file never contain the note', async () => {
    for (const email of [APPLICANT, AGENCY, SUPERVISOR]) {
      const page = await (await as(email)).get(`/verfahren/${id}`);
      assert.equal(page.statusCode, 200, email);
      assert.doesNotMatch(page.body, /VERTRAULICH-7731|Aktenvermerk|Wiedervorlage/, email);
      const api = await (await apiAs(t, email)).get(`/api/v1/procedures/${id}`);
      assert.equal(api.statusCode, 200, email);
      assert.doesNotMatch(api.body, /VERTRAULICH-7731/, email);
    }
    const worker = await (await apiAs(t, WORKER)).get(`/api/v1/procedures/${id}`);
    assert.doesNotMatch(worker.body, /VERTRAULICH-7731/, 'die API-Akte enthält keine Vermerke');
  });

  it('refuses bad notes and other parties; nothing is written', async () => {
    await unchanged(async () => {
      const empty = await post(WORKER, `/verfahren/${id}/vermerke`, { noteText: '   ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Bitte geben Sie den Text des Vermerks ein/);
      const long = await post(WORKER, `/verfahren/${id}/vermerke`, {
        noteText: 'x'.repeat(10_001),
      });
      assert.equal(long.statusCode, 400);
      assert.match(long.body, /höchstens 10000 Zeichen/);
      assert.equal(
        (await post(APPLICANT, `/verfahren/${id}/vermerke`, { noteText: 'Hallo' })).statusCode,
        403,
      );
      assert.equal(
        (await post(AGENCY, `/verfahren/${id}/vermerke`, { noteText: 'Hallo' })).statusCode,
        403,
      );
      assert.equal(
        (await post(OTHER_AUTHORITY, `/verfahren/${id}/vermerke`, { noteText: 'Hallo' }))
          .statusCode,
        404,
      );
      assert.equal(
        (
          await post(OTHER_AUTHORITY, `/verfahren/${id}/wiedervorlagen`, {
            dueDate: '2026-12-01',
            followUpText: 'x',
          })
        ).statusCode,
        404,
      );
    });
  });

  it('refuses bad follow-up dates with a German message, values kept', async () => {
    await unchanged(async () => {
      for (const [dueDate, message] of [
        ['', /Bitte geben Sie das Datum der Wiedervorlage an/],
        ['31.02.2027', /kein gültiges Datum/],
        ['2026-11-23', /nicht in der Vergangenheit/],
        ['2035-01-01', /höchstens drei Jahre/],
      ] as const) {
        const response = await post(WORKER, `/verfahren/${id}/wiedervorlagen`, {
          dueDate,
          followUpText: 'Gutachten Rotmilan prüfen',
        });
        assert.equal(response.statusCode, 400, dueDate);
        assert.match(response.body, message);
        assert.match(response.body, /value="Gutachten Rotmilan prüfen"/);
      }
      const noText = await post(WORKER, `/verfahren/${id}/wiedervorlagen`, {
        dueDate: '2026-12-01',
        followUpText: '',
      });
      assert.equal(noText.statusCode, 400);
    });
  });

  it('a follow-up comes back at the top of the queue on its day, and mails once', async () => {
    const response = await post(WORKER, `/verfahren/${id}/wiedervorlagen`, {
      dueDate: '25.11.2026',
      followUpText: 'Gutachten Rotmilan prüfen',
    });
    assert.equal(response.statusCode, 303, response.body);
    const caseLink = (p: string) => `https://portal.example/verfahren/${p}`;
    const mails = () =>
      t.database.db
        .selectFrom('mail_outbox')
        .select(['to_address', 'subject', 'body_text'])
        .where('subject', 'like', 'Wiedervorlage%')
        .execute();
    await runFollowUpWatch({ db: t.database.db, now: clock.now(), caseLink });
    assert.equal((await mails()).length, 0, 'noch nicht fällig');
    const before = (await (await as(WORKER)).get('/arbeitskorb')).body;
    assert.doesNotMatch(before, /Wiedervorlage 25\.11/);

    clock.advance(DAY);
    clients.clear(); // sessions end after a day without use
    const queue = (await (await as(WORKER)).get('/arbeitskorb')).body;
    assert.match(queue, /1 Wiedervorlage ist fällig/);
    assert.match(queue, /Wiedervorlage 25\.11\.2026:<\/strong> Gutachten Rotmilan prüfen/);
    assert.ok(
      queue.indexOf('Windpark Rotmilan') < queue.indexOf('Windpark Sintfeld Süd'),
      'fällige Wiedervorlage steht oben',
    );
    assert.ok(other);
    const first = await runFollowUpWatch({ db: t.database.db, now: clock.now(), caseLink });
    assert.equal(first.mailed, 1);
    const sent = await mails();
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.to_address, WORKER);
    assert.match(sent[0]!.body_text, /Gutachten Rotmilan prüfen/);
    const second = await runFollowUpWatch({ db: t.database.db, now: clock.now(), caseLink });
    assert.equal(second.mailed, 0, 'eine Wiedervorlage mailt nur einmal');
    assert.equal((await mails()).length, 1);
    // The applicant's list never shows it.
    const applicantList = (await (await as(APPLICANT)).get('/antraege')).body;
    assert.doesNotMatch(applicantList, /Gutachten Rotmilan/);
  });

  it('done, it leaves the top of the queue', async () => {
    const followUp = await t.database.db
      .selectFrom('procedure_follow_ups')
      .select('id')
      .where('procedure_id', '=', id)
      .executeTakeFirstOrThrow();
    const foreign = await post(
      WORKER,
      `/verfahren/${other}/wiedervorlagen/${followUp.id}/erledigt`,
      {},
    );
    assert.equal(foreign.statusCode, 404, 'Wiedervorlage eines anderen Verfahrens');
    assert.equal(
      (await post(APPLICANT, `/verfahren/${id}/wiedervorlagen/${followUp.id}/erledigt`, {}))
        .statusCode,
      403,
    );
    const done = await post(WORKER, `/verfahren/${id}/wiedervorlagen/${followUp.id}/erledigt`, {});
    assert.equal(done.statusCode, 303);
    const queue = (await (await as(WORKER)).get('/arbeitskorb')).body;
    assert.doesNotMatch(queue, /Wiedervorlage ist fällig/);
  });
});
