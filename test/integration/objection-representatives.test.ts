import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseImportFile } from '../../src/participation/intake/import-file.ts';
import { importObjections } from '../../src/participation/intake/import.actions.ts';
import { computeGroups } from '../../src/participation/groups/group.actions.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { objectionMultipart } from '../helpers/multipart.ts';
import {
  APPLICANT,
  createPublishedProcedure,
  seedObjections,
  WORKER,
} from '../helpers/participation.ts';

const OTHER_AUTHORITY = 'sachbearbeitung@brms.example';
const HOSTILE = '<script>alert("vertreter")</script>';

/**
 * § 17 VwVfG representatives and intake plausibility on every channel: the notice is published
 * on 24.11.2026 and the display starts on 01.12.2026, so that everything received now is early.
 */
describe('uniform submissions (§ 17 VwVfG) and intake plausibility', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let worker: Client;
  const db = () => t.database.db;
  const count = async () =>
    Number(
      (
        await db()
          .selectFrom('objections')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('procedure_id', '=', procedure.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const byRef = (external: string) =>
    db()
      .selectFrom('objections')
      .selectAll()
      .where('external_ref', '=', external)
      .executeTakeFirstOrThrow();
  const api = (payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/${procedure.id}/objections`,
      payload: { name: 'Ute Sammlerin', address: 'Marktplatz 1, Lichtenau', ...payload },
    });
  const entry = () => `/verfahren/${procedure.id}/einwendungen/neu`;
  const manual = (fields: Record<string, string>) =>
    worker.submit(entry(), entry(), {
      text: 'Wir wenden uns gegen die Anlagen.',
      receivedAt: '2026-11-24',
      channel: 'signature-list',
      signatures: '1',
      ...fields,
    });

  before(async () => {
    t = await createTestApp({
      clock,
      env: { OBJECTION_POW_DIFFICULTY: '0', OBJECTION_RATE_LIMIT: '0' },
    });
    procedure = await createPublishedProcedure(t, { leadDays: 7 });
    worker = new Client(t.app);
    await worker.logIn(WORKER);
  });
  after(async () => t.close());

  it('the API records the named representative and the number of signatures, marked early', async () => {
    const response = await api({
      text: 'Sammeleinwendung gegen den Windpark wegen Lärm.',
      signatures: 120,
      representative: {
        name: 'Gisela Brandt',
        profession: 'Lehrerin',
        address: 'Weg 1, Lichtenau',
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().early, 'before-display');
    const row = await db()
      .selectFrom('objections')
      .selectAll()
      .where('reference', '=', response.json().reference)
      .executeTakeFirstOrThrow();
    assert.equal(row.signatures, 120);
    assert.equal(row.representative_name, 'Gisela Brandt');
    assert.equal(row.representative_profession, 'Lehrerin');
    assert.equal(row.representative_address, 'Weg 1, Lichtenau');
    assert.equal(row.early, 'before-display');
  });

  it('the API refuses an implausible number without the explicit flag, and above 1,000,000 always', async () => {
    const before = await count();
    const refused = await api({ text: 'Liste', signatures: 1_000_000 });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.headers['content-type'] as string, /problem\+json/);
    assert.match(refused.body, /1\.000\.000 Unterschriften .*ungewöhnlich viele/);
    const tooMany = await api({ text: 'Liste', signatures: 2_000_000, signaturesConfirmed: true });
    assert.equal(tooMany.statusCode, 400);
    assert.match(tooMany.body, /nicht möglich/);
    const noName = await api({ text: 'Liste', representative: { name: ' ', profession: 'Arzt' } });
    assert.equal(noName.statusCode, 400);
    assert.match(noName.body, /Namen des Vertreters/);
    assert.equal(await count(), before, 'nothing stored');
    const confirmed = await api({
      text: 'Liste',
      signatures: 1_000_000,
      signaturesConfirmed: true,
    });
    assert.equal(confirmed.statusCode, 201, confirmed.body);
    const row = await db()
      .selectFrom('objections')
      .select(['signatures', 'signatures_confirmed'])
      .where('reference', '=', confirmed.json().reference)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { signatures: 1_000_000, signatures_confirmed: true });
  });

  it('the public form re-shows an implausible count with a confirm box and keeps the values', async () => {
    const browser = new Client(t.app);
    const form = await browser.get(`/beteiligung/${procedure.id}/einwendung`);
    assert.match(form.body, /Die Auslegung hat noch nicht begonnen/);
    const csrf = /_csrf=([^"&]+)"/.exec(form.body)?.[1] ?? '';
    const challenge = /name="challenge" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const send = (fields: Record<string, string>) => {
      const body = objectionMultipart(
        {
          challenge,
          nonce: '',
          text: 'Unterschriftenliste der Bürgerinitiative',
          name: 'Jonas Liste',
          address: 'Dorfstraße 9',
          signatures: '6000',
          representativeName: HOSTILE,
          representativeProfession: 'Landwirt',
          representativeAddress: 'Hof 2, Lichtenau',
          ...fields,
        },
        [],
      );
      return t.app.inject({
        method: 'POST',
        url: `/beteiligung/${procedure.id}/einwendung?_csrf=${csrf}`,
        headers: { cookie: browser.jar.header(), 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const before = await count();
    const first = await send({});
    assert.equal(first.statusCode, 400);
    assert.match(first.body, /<title>Fehler: /);
    assert.match(first.body, /ungewöhnlich viele/);
    assert.match(first.body, /name="signaturesConfirmed"/);
    assert.match(first.body, /value="6000"/);
    assert.match(first.body, /value="Landwirt"/);
    assert.ok(!first.body.includes(HOSTILE), 'the hostile name is escaped');
    assert.equal(await count(), before);
    const second = await send({ signaturesConfirmed: 'ja' });
    assert.equal(second.statusCode, 303, second.body);
    const row = await db()
      .selectFrom('objections')
      .select(['signatures', 'signatures_confirmed', 'representative_name', 'channel'])
      .orderBy('reference', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      signatures: 6000,
      signatures_confirmed: true,
      representative_name: HOSTILE,
      channel: 'web',
    });
  });

  it('manual entry speaks German, refuses a future date and marks paper from before the notice', async () => {
    const before = await count();
    const future = await manual({ receivedAt: '2026-11-25', externalRef: 'M-FUTURE' });
    assert.equal(future.statusCode, 400);
    assert.match(future.body, /„Eingangsdatum“ liegt in der Zukunft/);
    assert.doesNotMatch(future.body, /receivedAt“|ISO 8601|„signatures“|„channel“/);
    const high = await manual({ signatures: '1000000', externalRef: 'M-HIGH' });
    assert.equal(high.statusCode, 400);
    assert.match(high.body, /ungewöhnlich viele/);
    assert.match(high.body, /name="signaturesConfirmed"/);
    assert.match(high.body, /value="M-HIGH"/);
    assert.equal(await count(), before, 'nothing stored');

    const early = await manual({
      receivedAt: '2026-11-20',
      externalRef: 'M-EARLY',
      signatures: '80',
      representativeName: 'Karl Vertreter',
      representativeProfession: 'Schreiner',
      representativeAddress: 'Werkstattweg 3, Lichtenau',
    });
    assert.equal(early.statusCode, 303, early.body);
    const row = await byRef('M-EARLY');
    assert.equal(row.early, 'before-notice');
    assert.equal(row.representative_name, 'Karl Vertreter');
    assert.equal(row.entered_by !== null, true);

    const unnamed = await manual({ externalRef: 'M-LIST', signatures: '80' });
    assert.equal(unnamed.statusCode, 303, unnamed.body);
    assert.equal((await byRef('M-LIST')).early, 'before-display');
    assert.equal((await byRef('M-LIST')).redact_identity, false);

    // A letter that asks to withhold name and address from the applicant (§ 12 Abs. 2 9. BImSchV).
    const withheld = await manual({ externalRef: 'M-WITHHELD', redactIdentity: 'ja' });
    assert.equal(withheld.statusCode, 303, withheld.body);
    assert.equal((await byRef('M-WITHHELD')).redact_identity, true);
  });

  it('import reads German columns and German dates, and refuses what is implausible', async () => {
    const csv = [
      'Eingangsdatum;Name;Anschrift;Einwendung;Eingangsweg;Unterschriften;Vertreter;Beruf des Vertreters;Anschrift des Vertreters;Aktenzeichen',
      '20.11.2026;Anna A.;Weg 1;Gegen die Anlagen.;Unterschriftenliste;1.234;Eva Sprecherin;Ärztin;Platz 1, Lichtenau;I-1',
      '24.11.26 08:15;;;Lärm.;Papier;;;;;I-2',
      '3.12.2026;;;Zukunft.;Brief;;;;;I-3',
      '24.11.2026;;;Zu viele.;Liste;1000000;;;;I-4',
    ].join('\n');
    const parsed = parseImportFile(csv, 'csv', { now: clock.now() });
    assert.deepEqual(
      parsed.rows.map((r) => [r.externalRef, r.receivedAt.toISOString(), r.signatures]),
      [
        ['I-1', '2026-11-19T23:00:00.000Z', 1234],
        ['I-2', '2026-11-24T07:15:00.000Z', 1],
      ],
    );
    assert.equal(parsed.rows[0]!.representative?.profession, 'Ärztin');
    const messages = parsed.problems.map((p) => p.message);
    assert.match(messages[0]!, /^Zeile 4: „Eingangsdatum“ liegt in der Zukunft/);
    assert.match(
      messages[1]!,
      /^Zeile 5: „Unterschriften“: 1\.000\.000 .*„Unterschriften bestätigt“/,
    );
    for (const message of messages) assert.doesNotMatch(message, /receivedAt|ISO 8601/);
    const result = await importObjections({
      db: db(),
      procedureId: procedure.id,
      rows: parsed.rows,
      enteredBy: null,
    });
    assert.deepEqual([result.imported, result.early], [2, 2]);
    assert.equal((await byRef('I-1')).early, 'before-notice');
    assert.equal((await byRef('I-1')).representative_name, 'Eva Sprecherin');
    assert.equal((await byRef('I-2')).early, 'before-display');
  });

  it('a list above 50 without a representative: may disregard, decided with a reason, audited', async () => {
    const list = await byRef('M-LIST');
    const named = await byRef('M-EARLY');
    const page = `/verfahren/${procedure.id}/einwendungen/${list.id}`;
    const action = `${page}/beruecksichtigung`;
    const shown = await worker.get(page);
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /kann sie deshalb unberücksichtigt lassen/);
    assert.match(shown.body, /80 Unterschriften/);
    assert.match(shown.body, /keiner benannt/);
    const namedPage = await worker.get(`/verfahren/${procedure.id}/einwendungen/${named.id}`);
    assert.doesNotMatch(namedPage.body, /kann sie deshalb unberücksichtigt lassen/);
    assert.match(namedPage.body, /Karl Vertreter, Schreiner, Werkstattweg 3/);

    const events = async () =>
      Number(
        (
          await db()
            .selectFrom('procedure_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('procedure_id', '=', procedure.id)
            .where('type', '=', 'uniform-submission-decided')
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Bad input: no reason, an unknown decision — 400, values kept, nothing changed.
    const noReason = await worker.submit(page, action, { decision: 'disregard', reason: ' ' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /Bitte begründen Sie die Entscheidung/);
    const unknown = await worker.submit(page, action, { decision: 'vielleicht', reason: 'x' });
    assert.equal(unknown.statusCode, 400);
    // A list that names its representative is not open to this decision.
    const namedAction = `/verfahren/${procedure.id}/einwendungen/${named.id}/beruecksichtigung`;
    const conflict = await worker.submit(page, namedAction, { decision: 'disregard', reason: 'x' });
    assert.equal(conflict.statusCode, 409);
    // Other roles and another authority learn nothing.
    for (const email of [APPLICANT, OTHER_AUTHORITY]) {
      const other = new Client(t.app);
      await other.logIn(email);
      const home = await other.get('/');
      const response = await other.post(action, {
        _csrf: csrfTokenFrom(home.body),
        decision: 'disregard',
        reason: 'fremd',
      });
      assert.equal(response.statusCode, 404, email);
    }
    assert.equal((await byRef('M-LIST')).disregard_decision, null);
    assert.equal(await events(), 0);

    const decided = await worker.submit(page, action, {
      decision: 'disregard',
      reason: 'Kein Vertreter auf den Unterschriftsseiten; Bekanntmachung folgt.',
    });
    assert.equal(decided.statusCode, 303, decided.body);
    const row = await byRef('M-LIST');
    assert.equal(row.disregard_decision, 'disregard');
    assert.match(row.disregard_reason ?? '', /Kein Vertreter/);
    assert.equal(await events(), 1);
    const after = await worker.get(page);
    assert.match(after.body, /Bleibt unberücksichtigt/);

    const list2 = await worker.get(`/verfahren/${procedure.id}/einwendungen?unberuecksichtigt=ja`);
    assert.match(list2.body, new RegExp(row.reference));
    assert.match(list2.body, /1 Einwendung</);
    const early = await worker.get(`/verfahren/${procedure.id}/einwendungen?frueh=ja`);
    assert.match(early.body, /vor der Bekanntmachung eingegangen/);
    const csv = await worker.get(`/verfahren/${procedure.id}/export/einwendungen.csv`);
    assert.equal(csv.statusCode, 200);
    const line = csv.body.split('\r\n').find((l) => l.startsWith(row.reference))!;
    assert.match(line, /;vor Beginn der Auslegung eingegangen;unberücksichtigt$/);
    assert.doesNotMatch(csv.body, /Karl Vertreter/, 'no personal data without the flag');
  });

  it('a group without a named representative has none, and its decision covers all members', async () => {
    const group = await createTestAppProcedure();
    const text =
      'Wir lehnen die geplanten Windenergieanlagen am Sintfeld ab, weil der Abstand zu unseren Häusern zu gering ist und der Lärm nachts den Schlaf stört.';
    await seedObjections(
      t,
      group,
      Array.from({ length: 60 }, (_, i) => ({ text: `${text} Nr. ${i}`, name: `Person ${i}` })),
    );
    await computeGroups({ deps: t.deps, actor: null, procedureId: group.id });
    const row = await db()
      .selectFrom('objection_groups')
      .select(['id', 'representative_id'])
      .where('procedure_id', '=', group.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.representative_id, null, 'the first objection received is not made one');
    const page = `/verfahren/${group.id}/einwendungen/gruppen/${row.id}`;
    const shown = await worker.get(page);
    assert.match(shown.body, /keiner benannt/);
    assert.match(shown.body, /kann sie deshalb unberücksichtigt lassen/);
    const decided = await worker.submit(page, `${page}/beruecksichtigung`, {
      decision: 'consider',
      reason: 'Inhaltlich gewichtige Einwendungen; sie werden geprüft.',
    });
    assert.equal(decided.statusCode, 303, decided.body);
    const decisions = await db()
      .selectFrom('objections')
      .select('disregard_decision')
      .distinct()
      .where('procedure_id', '=', group.id)
      .execute();
    assert.deepEqual(decisions, [{ disregard_decision: 'consider' }]);
    const history = await worker.get(page);
    assert.match(history.body, /Entscheidung nach § 17 Abs. 2 VwVfG/);
    assert.match(history.body, /Wird berücksichtigt/);
  });

  async function createTestAppProcedure() {
    return createPublishedProcedure(t, { projectKey: 'lichtenau-nord' });
  }
});
