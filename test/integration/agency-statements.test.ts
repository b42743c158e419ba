import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

const DAY = 86_400_000;
const APPLICANT = 'antrag@windpark-sintfeld.example';
const WORKER = 'sachbearbeitung@kreis-paderborn.example';
const AGENCY = 'toeb@lanuk.example';
const WATER = 'toeb@wasser-agenturtest.example';

/**
 * Agencies in a simplified procedure: who is told of the request, what the agency's own list
 * shows, and what a structured statement keeps (its paragraphs, its proposed conditions).
 */
describe('agency involvement: mails, the agency list and structured statements', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let id: string;
  let lanuk: string;
  let water: string;
  let applicant: Awaited<ReturnType<typeof apiAs>>;
  let worker: Awaited<ReturnType<typeof apiAs>>;

  async function act(client: typeof worker, action: string, body: object = {}) {
    const response = await client.post(`/api/v1/procedures/${id}/actions/${action}`, body);
    assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
  }

  async function mailsTo(email: string) {
    return t.database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'body_text'])
      .where('to_address', '=', email)
      .orderBy('created_at')
      .execute();
  }

  before(async () => {
    t = await createTestApp({ clock });
    const db = t.database.db;
    const org = await db
      .insertInto('organisations')
      .values({ name: 'Untere Wasserbehörde Agenturtest (Beispiel)', kind: 'agency' })
      .returning('id')
      .executeTakeFirstOrThrow();
    water = org.id;
    const hash = await db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', AGENCY)
      .executeTakeFirstOrThrow();
    const user = await db
      .insertInto('users')
      .values({ email: WATER, display_name: 'Wasser', password_hash: hash.password_hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({ user_id: user.id, organisation_id: water, role: 'agency_member' })
      .execute();
    applicant = await apiAs(t, APPLICANT);
    worker = await apiAs(t, WORKER);
    lanuk = await orgId(t, 'Landesamt für Natur');
    const kreis = await orgId(t, 'Kreis Paderborn');
    const project = DEMO_PROJECTS.find((p) => p.key === 'bad-wuennenberg-nord')!;
    const created = await applicant.post('/api/v1/procedures', applicationBody(project, kreis, 3));
    assert.equal(created.statusCode, 201, created.body);
    id = created.json<{ id: string }>().id;
    await act(applicant, 'submit');
    await act(worker, 'confirm-receipt');
    await act(worker, 'confirm-completeness', {
      completenessDate: '2026-11-24',
      agencies: [water],
      timetable: 'Stellungnahmen bis Ende Dezember.',
      missingDocumentsReason: 'Die Unterlagen liegen der Behörde aus der Vorprüfung vor.',
    });
    // LANUK is asked five days later: its own deadline ends after the water authority's.
    clock.advance(5 * DAY);
    await act(worker, 'ask-agencies', { agencies: [lanuk] });
  });
  after(async () => t.close());

  it('the agencies receive their request; the applicant does not', async () => {
    const toApplicant = await mailsTo(APPLICANT);
    assert.ok(toApplicant.length > 0, 'Antragstellerin erhält ihre eigenen Mitteilungen');
    for (const mail of toApplicant) {
      assert.doesNotMatch(mail.subject, /Stellungnahme/, mail.subject);
      assert.doesNotMatch(mail.body_text, /Bitte um Stellungnahme|gebeten/, mail.subject);
    }
    assert.ok(
      toApplicant.some((m) => /vollständig/i.test(m.subject)),
      'die Vollständigkeit wird der Antragstellerin mitgeteilt',
    );
    const toWater = await mailsTo(WATER);
    assert.equal(toWater.filter((m) => /Bitte um Stellungnahme/.test(m.subject)).length, 1);
    const toLanuk = await mailsTo(AGENCY);
    assert.equal(toLanuk.filter((m) => /Bitte um Stellungnahme/.test(m.subject)).length, 1);
    assert.match(toLanuk[0]!.body_text, /29\.12\.2026|Dezember 2026/);
    const toWorker = await mailsTo(WORKER);
    assert.ok(!toWorker.some((m) => /Bitte um Stellungnahme/.test(m.subject)));
  });

  it('/stellungnahmen shows the agency its own deadline, not another party’s', async () => {
    const page = new Client(t.app);
    await page.logIn(AGENCY);
    const html = (await page.get('/stellungnahmen')).body;
    // LANUK was asked on 29.11.2026: one month, moved past the weekend (§ 31 Abs. 3 VwVfG NRW).
    assert.match(html, /29\. Dezember 2026/);
    assert.doesNotMatch(html, /Untere Wasserbehörde Agenturtest/);
    assert.doesNotMatch(html, /24\. Dezember 2026/, 'die Frist der anderen Behörde');
    const api = await apiAs(t, AGENCY);
    const listed = (await api.get('/api/v1/procedures')).json<{ nextDeadline: string }[]>();
    assert.equal(listed.find(() => true)?.nextDeadline, '2026-12-29');
  });

  it('a statement with reasons keeps its paragraphs and line breaks', async () => {
    const page = new Client(t.app);
    await page.logIn(AGENCY);
    const text =
      'Gegen das Vorhaben bestehen Bedenken.\r\n\r\nDer Standort liegt im Brutgebiet des Rotmilans.\r\nEine Kartierung fehlt.';
    const response = await page.submit(
      `/verfahren/${id}`,
      `/verfahren/${id}/aktionen/record-agency-statement`,
      {
        version: String(await version()),
        'record-agency-statement.verdict': 'objection',
        'record-agency-statement.statement': text,
      },
    );
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const stored = await t.database.db
      .selectFrom('procedure_agencies')
      .select('statement')
      .where('procedure_id', '=', id)
      .where('agency_org_id', '=', lanuk)
      .executeTakeFirstOrThrow();
    assert.equal(
      stored.statement,
      'Gegen das Vorhaben bestehen Bedenken.\n\nDer Standort liegt im Brutgebiet des Rotmilans.\nEine Kartierung fehlt.',
    );
    const caseWorker = new Client(t.app);
    await caseWorker.logIn(WORKER);
    const html = (await caseWorker.get(`/verfahren/${id}`)).body;
    assert.match(html, /<p[^>]*>Gegen das Vorhaben bestehen Bedenken\.<\/p>/);
    assert.match(
      html,
      /<p[^>]*>Der Standort liegt im Brutgebiet des Rotmilans\.<br\/>Eine Kartierung fehlt\.<\/p>/,
    );
  });

  async function version(): Promise<number> {
    const row = await t.database.db
      .selectFrom('procedures')
      .select('event_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.event_count;
  }

  it('refuses incomplete structured statements in German and stores nothing', async () => {
    const api = await apiAs(t, WATER);
    const cases: [object, RegExp][] = [
      [{ statement: 'Ohne Ergebnis.' }, /Ergebnis der Stellungnahme/],
      [{ verdict: 'objection' }, /Begründung/],
      [{ verdict: 'objection', statement: '   ' }, /Begründung/],
      [{ verdict: 'no-objection-with-conditions', conditions: [] }, /Nebenbestimmung/],
      [{ verdict: 'no-objection-with-conditions', conditions: ['  '] }, /Nebenbestimmung/],
      [{ verdict: 'no-objection', conditions: 'keine Liste' }, /conditions/],
    ];
    for (const [body, message] of cases) {
      const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
      const response = await api.post(
        `/api/v1/procedures/${id}/actions/record-agency-statement`,
        body,
      );
      assert.equal(response.statusCode, 400, `${JSON.stringify(body)}: ${response.body}`);
      assert.match(String(response.headers['content-type']), /problem\+json/);
      assert.match(response.json().detail, message, JSON.stringify(body));
      assert.deepEqual(
        changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
        [],
        JSON.stringify(body),
      );
    }
    const bad = await api.post(`/api/v1/procedures/${id}/actions/record-agency-statement`, {
      verdict: 'vielleicht',
    });
    assert.equal(bad.statusCode, 400);
  });

  it('the form re-renders a refused statement with the values kept', async () => {
    const page = new Client(t.app);
    await page.logIn(WATER);
    const response = await page.submit(
      `/verfahren/${id}`,
      `/verfahren/${id}/aktionen/record-agency-statement`,
      {
        version: String(await version()),
        'record-agency-statement.verdict': 'no-objection-with-conditions',
        'record-agency-statement.statement': 'Hinweis zum Grundwasser.',
      },
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Fehler: /);
    assert.match(response.body, /mindestens eine Nebenbestimmung/);
    assert.match(response.body, /Hinweis zum Grundwasser\./);
    assert.match(response.body, /value="no-objection-with-conditions"[^>]*checked/);
  });

  it('proposed conditions are recorded one per entry with the statement', async () => {
    const api = await apiAs(t, WATER);
    const response = await api.post(`/api/v1/procedures/${id}/actions/record-agency-statement`, {
      verdict: 'no-objection-with-conditions',
      statement: 'Keine Bedenken, wenn die Nebenbestimmungen aufgenommen werden.',
      conditions: [
        'Wassergefährdende Stoffe sind in Auffangwannen zu lagern.\nDie Wannen sind monatlich zu prüfen.',
        'Der Baubeginn ist der Unteren Wasserbehörde anzuzeigen.',
      ],
    });
    assert.equal(response.statusCode, 200, response.body);
    const conditions = await t.database.db
      .selectFrom('procedure_conditions')
      .select(['text', 'source', 'agency_org_id', 'status', 'tenant_id'])
      .where('procedure_id', '=', id)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      conditions.map((c) => [c.text, c.source, c.agency_org_id, c.status]),
      [
        [
          'Wassergefährdende Stoffe sind in Auffangwannen zu lagern.\nDie Wannen sind monatlich zu prüfen.',
          'agency',
          water,
          'proposed',
        ],
        ['Der Baubeginn ist der Unteren Wasserbehörde anzuzeigen.', 'agency', water, 'proposed'],
      ],
    );
    const row = await t.database.db
      .selectFrom('procedure_agencies')
      .select(['verdict', 'status'])
      .where('procedure_id', '=', id)
      .where('agency_org_id', '=', water)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { verdict: 'no-objection-with-conditions', status: 'answered' });
    const toWorker = await mailsTo(WORKER);
    assert.ok(toWorker.some((m) => /Stellungnahme eingegangen/.test(m.subject)));
    assert.ok(!(await mailsTo(APPLICANT)).some((m) => /Stellungnahme/.test(m.subject)));
  });
});
