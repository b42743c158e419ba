import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  seedLetterWorld,
  TEST_PASSWORD,
  TEST_TYPE,
  testBuilder,
  type LetterWorld,
} from '../../src/procedures/letters/letter.testkit.ts';
import { FROZEN_MESSAGE } from '../../src/procedures/letters/letter.access.ts';
import { verifyCaseFile } from '../../src/procedures/audit.queries.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { pdfPlainText } from '../helpers/pdf-text-embedded.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

/** The letter pages over HTTP: every form with CSRF, Post/Redirect/Get, German refusals. */
describe('letter pages: draft, sign-off, delivery, new version, templates', () => {
  const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
  let t: TestApp;
  let world: LetterWorld;
  const clients = new Map<keyof LetterWorld['users'], Client>();
  let letters: string;
  let letterId: string;

  before(async () => {
    t = await createTestApp({
      clock,
      app: {
        letterBuilders: { [TEST_TYPE]: testBuilder },
        loadProfile: (db, org) => world.loadProfile(db, org),
      },
    });
    world = await seedLetterWorld(t.database.db);
    for (const [key, user] of Object.entries(world.users)) {
      const client = new Client(t.app);
      await client.logIn(user.email, TEST_PASSWORD);
      clients.set(key as keyof LetterWorld['users'], client);
    }
    letters = `/verfahren/${world.procedureId}/schreiben`;
  });
  after(async () => t.close());

  const as = (who: keyof LetterWorld['users']) => clients.get(who)!;

  async function unchanged(run: () => Promise<{ statusCode: number; body: string }>) {
    const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const response = await run();
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
    return response;
  }

  it('the drafter creates a draft (PRG) and sees the HTML rendering with the forms of a draft', async () => {
    const page = await as('drafter').get(letters);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Neues Schreiben entwerfen/);
    const created = await as('drafter').submit(letters, letters, { kind: 'decision' });
    assert.equal(created.statusCode, 303);
    const location = String(created.headers.location);
    letterId = /schreiben\/([0-9a-f-]{36})\?ok=entworfen$/.exec(location)![1]!;
    const detail = await as('drafter').get(location);
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /Der Entwurf wurde aus der Akte erzeugt/);
    assert.match(detail.body, /Zur Zeichnung vorlegen/);
    assert.match(detail.body, /Windpark Egge/);
    assert.match(detail.body, /Vorschau als PDF/);
  });

  it('refuses a bad kind and a missing signatory in German, keeping the page and changing nothing', async () => {
    const bad = await unchanged(() => as('drafter').submit(letters, letters, { kind: 'brief' }));
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Fehler: /);
    assert.match(bad.body, /Bitte wählen Sie die Art des Schreibens/);
    const url = `${letters}/${letterId}`;
    const noSignatory = await unchanged(() =>
      as('drafter').submit(url, `${url}/vorlage`, { signatoryId: '' }),
    );
    assert.equal(noSignatory.statusCode, 400);
    assert.match(noSignatory.body, /zeichnungsberechtigten Personen/);
    const noCsrf = await unchanged(() =>
      as('drafter').post(`${url}/vorlage`, { signatoryId: 'sig-1' }),
    );
    assert.equal(noCsrf.statusCode, 403);
  });

  it('the applicant never sees a draft; agencies and other authorities learn nothing', async () => {
    const list = await as('applicant').get(letters);
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, new RegExp(letterId));
    assert.match(list.body, /noch keine Schreiben zugestellt/);
    assert.equal((await as('applicant').get(`${letters}/${letterId}`)).statusCode, 404);
    assert.equal((await as('applicant').get(`${letters}/${letterId}/pdf`)).statusCode, 404);
    for (const who of ['agency', 'otherSupervisor'] as const) {
      assert.equal((await as(who).get(letters)).statusCode, 404, who);
      assert.equal((await as(who).get(`${letters}/${letterId}/pdf`)).statusCode, 404, who);
    }
  });

  it('submits for sign-off; the supervisor finds it in the queue; the drafter may not sign (403)', async () => {
    const url = `${letters}/${letterId}`;
    const sent = await as('drafter').submit(url, `${url}/vorlage`, { signatoryId: 'sig-1' });
    assert.equal(sent.statusCode, 303);
    const queue = await as('supervisor').get('/zeichnung');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, new RegExp(`/schreiben/${letterId}`));
    assert.doesNotMatch((await as('otherSupervisor').get('/zeichnung')).body, new RegExp(letterId));
    const self = await unchanged(() => as('drafter').submit(url, `${url}/zeichnen`, {}));
    assert.equal(self.statusCode, 403);
    assert.match(self.body, /zweite Person/);
    const other = await unchanged(() => as('otherSupervisor').submit('/', `${url}/zeichnen`, {}));
    assert.equal(other.statusCode, 404);
  });

  it('the supervisor returns it with a comment, then signs the resubmitted letter', async () => {
    const url = `${letters}/${letterId}`;
    const empty = await unchanged(() =>
      as('supervisor').submit(url, `${url}/zurueckgeben`, { comment: '' }),
    );
    assert.equal(empty.statusCode, 400);
    const returned = await as('supervisor').submit(url, `${url}/zurueckgeben`, {
      comment: 'Bitte Anlage 3 ergänzen.',
    });
    assert.equal(returned.statusCode, 303);
    assert.match((await as('drafter').get(url)).body, /Bitte Anlage 3 ergänzen\./);
    await as('drafter').submit(url, `${url}/vorlage`, { signatoryId: 'sig-2' });
    const signed = await as('supervisor').submit(url, `${url}/zeichnen`, {});
    assert.equal(signed.statusCode, 303);
    const pdf = await as('drafter').get(`${url}/pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = await pdfPlainText(pdf.rawPayload);
    assert.match(text, /Klaus Vertreter/);
    assert.match(text, /53\.0007\/2026-BImSchG/);
    assert.match(text, /Seite 1 von \d/);
    const row = await t.database.db
      .selectFrom('letters')
      .select(['status', 'pdf_sha256'])
      .where('id', '=', letterId)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'signed');
    assert.equal(pdf.headers['x-content-sha256'], row.pdf_sha256);
  });

  it('a change to the signed letter is refused with 409 and the German message', async () => {
    const url = `${letters}/${letterId}`;
    const refused = await unchanged(() =>
      as('drafter').submit(url, `${url}/vorlage`, { signatoryId: 'sig-1' }),
    );
    assert.equal(refused.statusCode, 409);
    assert.ok(refused.body.includes(FROZEN_MESSAGE), refused.body.slice(0, 500));
    const redraft = await unchanged(() =>
      as('drafter').submit(letters, letters, { kind: 'decision' }),
    );
    assert.equal(redraft.statusCode, 409);
  });

  it('delivers; the applicant then sees the letter and its PDF, and got a mail', async () => {
    const url = `${letters}/${letterId}`;
    const delivered = await as('drafter').submit(url, `${url}/zustellen`, {});
    assert.equal(delivered.statusCode, 303);
    const list = await as('applicant').get(letters);
    assert.match(list.body, new RegExp(letterId));
    const pdf = await as('applicant').get(`${url}/pdf`);
    assert.equal(pdf.statusCode, 200);
    const page = await as('applicant').get(url);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /<form method="post" action="[^"]*schreiben/);
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select('link')
      .where('to_address', '=', 'antrag@egge.test')
      .executeTakeFirstOrThrow();
    assert.match(
      mail.link ?? '',
      new RegExp(`/verfahren/${world.procedureId}/schreiben/${letterId}$`),
    );
  });

  it('a new version needs a reason; it is chained to the old one and the case file verifies', async () => {
    const url = `${letters}/${letterId}`;
    const noReason = await unchanged(() =>
      as('drafter').submit(url, `${url}/neue-fassung`, { reason: '' }),
    );
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /Grund für die neue Fassung/);
    const revised = await as('drafter').submit(url, `${url}/neue-fassung`, {
      reason: 'Nebenbestimmung 2 war unklar gefasst.',
    });
    assert.equal(revised.statusCode, 303);
    const v2 = /schreiben\/([0-9a-f-]{36})\?/.exec(String(revised.headers.location))![1]!;
    const row = await t.database.db
      .selectFrom('letters')
      .select(['version', 'supersedes_id', 'change_reason'])
      .where('id', '=', v2)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      version: 2,
      supersedes_id: letterId,
      change_reason: 'Nebenbestimmung 2 war unklar gefasst.',
    });
    assert.equal((await verifyCaseFile(t.database.db, world.procedureId))?.problem, undefined);
  });

  it('templates: the authority admin saves texts; unknown placeholders and open braces are refused', async () => {
    const page = await as('admin').get('/organisation/vorlagen');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Kreis Lippe \(Test\)/);
    const form = {
      organisationId: world.tenantId,
      kind: 'decision',
      'decision.intro':
        'Zum Vorhaben {vorhaben} ({aktenzeichen}) ergeht am {datum} dieser {bescheid}:',
      'decision.closing': 'Frist: {frist',
      'decision.notes': '',
    };
    const refused = await unchanged(() =>
      as('admin').submit('/organisation/vorlagen', '/organisation/vorlagen', form),
    );
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /„\{bescheid\}“ ist kein bekannter Platzhalter/);
    assert.match(
      refused.body,
      /Schlussabsatz: Die geschweifte Klammer an Stelle 8 wird nicht geschlossen/,
    );
    assert.match(
      refused.body,
      /ergeht am \{datum\} dieser \{bescheid\}:/,
      'Eingabe bleibt erhalten',
    );
    const saved = await as('admin').submit('/organisation/vorlagen', '/organisation/vorlagen', {
      ...form,
      'decision.intro': 'Zum Vorhaben {vorhaben} ({aktenzeichen}) ergeht folgender Bescheid:',
      'decision.closing': '',
    });
    assert.equal(saved.statusCode, 303);
    const rows = await t.database.db.selectFrom('letter_templates').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.version, 1);
    const audit = await t.database.db
      .selectFrom('admin_events')
      .select('action')
      .where('action', '=', 'letter-template-saved')
      .execute();
    assert.equal(audit.length, 1);
    // The next draft (here: the new version in work, drafted afresh) uses the authority's text.
    const drafted = await as('drafter').submit(letters, letters, { kind: 'decision' });
    assert.equal(drafted.statusCode, 303);
    const draft = await as('drafter').get(String(drafted.headers.location));
    assert.match(
      draft.body,
      /Zum Vorhaben Windpark Egge \(53\.0007\/2026-BImSchG\) ergeht folgender Bescheid:/,
    );
    assert.match(draft.body, /Grund der neuen Fassung/);
  });

  it('templates of another authority cannot be saved (404), and other roles are refused (403)', async () => {
    const foreign = await unchanged(() =>
      as('admin').submit('/organisation/vorlagen', '/organisation/vorlagen', {
        organisationId: world.otherTenantId,
        kind: 'receipt',
        'receipt.intro': 'Text',
        'receipt.closing': '',
        'receipt.notes': '',
      }),
    );
    assert.equal(foreign.statusCode, 404);
    const page = await as('drafter').get('/organisation/vorlagen');
    assert.equal(page.statusCode, 403);
    const form = await as('drafter').get('/');
    const post = await unchanged(() =>
      as('drafter').post('/organisation/vorlagen', {
        _csrf: csrfTokenFrom(form.body),
        organisationId: world.tenantId,
        kind: 'receipt',
      }),
    );
    assert.equal(post.statusCode, 403);
  });
});
