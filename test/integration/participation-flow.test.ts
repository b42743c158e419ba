import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runObjectionImport } from '../../src/participation/intake/import.cli.ts';
import { runDeadlineWatch } from '../../src/permits/deadline-watch.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { apiAs } from '../helpers/permits.ts';
import { createPublishedProcedure, SECRET_PDF, WORKER } from '../helpers/participation.ts';
import { compressedPdfText } from '../helpers/pdf-text.ts';
import { pdfPlainText } from '../helpers/pdf-text-embedded.ts';
import { signLetter } from '../helpers/letters.ts';

const DAY = 86_400_000;

/** Unique personal data per objector: none of it may ever appear in public output. */
function person(n: number) {
  return {
    name: `Quirinus Zaplenko${n}`,
    address: `Pirolweg ${n}a, 33165 Lichtenau-Qx${n}`,
    email: `zaplenko${n}@example.net`,
    phone: `0171 98${String(n).padStart(5, '0')}`,
  };
}
const FORM_LETTER =
  'Ich erhebe Einwendungen gegen den Windpark. Der Lärm der Anlagen in der Nacht überschreitet die Richtwerte der TA Lärm, der Schattenwurf trifft unsere Häuser, und der Rotmilan brütet im Wald nebenan.';

describe('formal procedure: notice → display → objections → groups → hearing decision → decision → closed', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let worker: Awaited<ReturnType<typeof apiAs>>;
  const secrets: string[] = [];
  let statusUrl = '';
  let publishedDecision = '';

  before(async () => {
    t = await createTestApp({
      clock,
      env: { OBJECTION_POW_DIFFICULTY: '0', OBJECTION_RATE_LIMIT: '0' },
    });
    procedure = await createPublishedProcedure(t, { documents: true, eiaRequired: true });
    worker = await apiAs(t, WORKER);
  });
  after(async () => t.close());

  const act = async (action: string, body: object = {}) => {
    const response = await worker.post(
      `/api/v1/procedures/${procedure.id}/actions/${action}`,
      body,
    );
    assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
    return response.json();
  };
  const state = async () =>
    await t.database.db
      .selectFrom('procedures')
      .select(['state', 'step', 'closed_at'])
      .where('id', '=', procedure.id)
      .executeTakeFirstOrThrow();

  it('the notice is published at once: page, PDF, feed, search and map', async () => {
    const { state: s } = await state();
    const p = (
      s as { participation: { displayStart: string; objectionEnd: string; displayEnd: string } }
    ).participation;
    assert.equal(p.displayStart, '2026-12-01');
    assert.equal(p.displayEnd, '2026-12-31');
    // EIA project: one month after the display; 31.01.2027 is a Sunday → Monday (§ 31 Abs. 3 VwVfG NRW).
    assert.equal(p.objectionEnd, '2027-02-01');
    const list = await t.app.inject({ method: 'GET', url: '/bekanntmachungen' });
    const id = /href="\/bekanntmachungen\/([0-9a-f-]{36})"/.exec(list.body)?.[1];
    assert.ok(id, list.body);
    const page = await t.app.inject({ method: 'GET', url: `/bekanntmachungen/${id}` });
    assert.match(page.body, /1\. Dezember 2026/);
    assert.match(page.body, /1\. Februar 2027/);
    assert.match(page.body, /unkenntlich|geschwärzt/);
    const pdf = await t.app.inject({ method: 'GET', url: `/bekanntmachungen/${id}/pdf` });
    assert.equal(pdf.statusCode, 200);
    assert.match(compressedPdfText(pdf.rawPayload), /Einwendung/);
    const feed = await t.app.inject({ method: 'GET', url: '/bekanntmachungen/feed.atom' });
    assert.match(String(feed.headers['content-type']), /application\/atom\+xml/);
    assert.ok(feed.body.includes(`/bekanntmachungen/${id}`));
    const found = await t.app.inject({ method: 'GET', url: '/beteiligung?q=Windenergieanlagen' });
    assert.ok(
      found.body.includes(`/beteiligung/${procedure.id}`),
      'German stemming finds the notice',
    );
    assert.match(found.body, /<svg[^>]*role="group"/);
    const none = await t.app.inject({ method: 'GET', url: '/beteiligung?q=Kernkraftwerk' });
    assert.ok(!none.body.includes(`/beteiligung/${procedure.id}"`));
  });

  it('documents are served only during the display, trade secrets never', async () => {
    const before = await t.app.inject({ method: 'GET', url: `/beteiligung/${procedure.id}` });
    assert.match(before.body, /ab dem Dienstag, 1\. Dezember 2026/);
    assert.match(before.body, /Inhaltsdarstellung/);
    clock.set(new Date('2026-12-02T09:00:00Z'));
    const during = await t.app.inject({ method: 'GET', url: `/beteiligung/${procedure.id}` });
    const links = [
      ...during.body.matchAll(/href="(\/beteiligung\/[0-9a-f-]+\/unterlagen\/[0-9a-f-]+)"/g),
    ].map((m) => m[1]!);
    assert.equal(links.length, 1, 'only the document without trade secrets is linked');
    assert.equal((await t.app.inject({ method: 'GET', url: links[0]! })).statusCode, 200);
    const docs = await t.database.db
      .selectFrom('documents')
      .select(['id', 'trade_secret'])
      .where('procedure_id', '=', procedure.id)
      .execute();
    const secret = docs.find((d) => d.trade_secret)!;
    const denied = await t.app.inject({
      method: 'GET',
      url: `/beteiligung/${procedure.id}/unterlagen/${secret.id}`,
    });
    assert.equal(denied.statusCode, 404);
    assert.ok(!denied.rawPayload.includes(SECRET_PDF));
  });

  it('objections arrive by API, form and import; imported rows report bad lines', async () => {
    for (let n = 1; n <= 60; n++) {
      const who = person(n);
      secrets.push(who.name, who.address, who.email, who.phone);
      const text = `${n % 3 === 0 ? FORM_LETTER : `${FORM_LETTER} Mit freundlichen Grüßen ${who.name}`} Rückruf unter ${who.phone}.`;
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/procedures/${procedure.id}/objections`,
        payload: {
          text,
          name: who.name,
          address: who.address,
          email: who.email,
          redactIdentity: n % 2 === 0,
          // The form letter names its representative (§ 17 Abs. 1 VwVfG) on every copy.
          representative: {
            name: 'Bernd Sprecher',
            profession: 'Förster',
            address: 'Waldweg 4, 33165 Lichtenau',
          },
        },
      });
      assert.equal(response.statusCode, 201, response.body);
      statusUrl ||= response.json<{ statusUrl: string }>().statusUrl;
    }
    clock.set(new Date('2026-12-15T09:00:00Z'));
    const dir = mkdtempSync(path.join(tmpdir(), 'einwendungen-'));
    const file = path.join(dir, 'post.jsonl');
    const rows = [
      {
        text: 'Einwendung auf Papier: Eiswurf gefährdet den Wanderweg.',
        name: person(900).name,
        address: person(900).address,
        receivedAt: '2026-12-10',
        channel: 'paper',
        externalRef: 'PE-1',
      },
      {
        text: 'Unterschriftenliste gegen den Windpark wegen Infraschall.',
        receivedAt: '2026-12-11',
        channel: 'unterschriftenliste',
        externalRef: 'UL-7',
        signatures: 240,
      },
      { text: '', receivedAt: '2026-12-11', channel: 'paper' },
      { text: 'Falsches Datum', receivedAt: '2026-02-30', channel: 'paper' },
    ];
    secrets.push(person(900).name, person(900).address);
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const errors: string[] = [];
    const code = await runObjectionImport(t.database.db, ['--procedure', procedure.id, file], {
      now: clock.now(),
      out: () => undefined,
      err: (line) => errors.push(line),
    });
    assert.equal(code, 1);
    assert.equal(errors.length, 2, JSON.stringify(errors));
    assert.match(errors[0]!, /^Zeile 3:/);
    assert.match(errors[1]!, /^Zeile 4:/);
    const again = await runObjectionImport(t.database.db, ['--procedure', procedure.id, file], {
      now: clock.now(),
      out: () => undefined,
      err: () => undefined,
    });
    assert.equal(again, 1, 'a repeated import adds nothing');
    const stored = await t.database.db
      .selectFrom('objections')
      .select(['channel', 'signatures'])
      .where('procedure_id', '=', procedure.id)
      .execute();
    assert.equal(stored.length, 62);
    assert.equal(stored.find((s) => s.channel === 'signature-list')?.signatures, 240);
  });

  it('uniform submissions are grouped; the catalogue suggests concerns and takes one assessment each', async () => {
    const computed = await worker.post(
      `/api/v1/procedures/${procedure.id}/objection-groups/compute`,
    );
    assert.equal(computed.statusCode, 200, computed.body);
    const groups = (await worker.get(`/api/v1/procedures/${procedure.id}/objection-groups`)).json<
      { members: unknown[]; representative: unknown }[]
    >();
    assert.equal(groups.length, 1, 'the 60 form letters with small edits form one group');
    assert.equal(groups[0]!.members.length, 60);
    assert.ok(groups[0]!.representative, 'more than 50 signers: the named representative');
    const page = new Client(t.app);
    await page.logIn(WORKER);
    const catalogue = await page.get(`/verfahren/${procedure.id}/belange`);
    assert.equal(catalogue.statusCode, 200);
    const suggested = await page.post(`/verfahren/${procedure.id}/belange/vorschlaege`, {
      _csrf: csrfTokenFrom(catalogue.body),
    });
    assert.equal(suggested.statusCode, 303);
    const noise = await t.database.db
      .selectFrom('concerns')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .where('key', '=', 'noise')
      .executeTakeFirstOrThrow();
    const links = await t.database.db
      .selectFrom('objection_concerns')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('concern_id', '=', noise.id)
      .executeTakeFirstOrThrow();
    assert.ok(Number(links.n) >= 60, 'noise is suggested for every form letter');
    await t.database.db
      .updateTable('objection_concerns')
      .set({ source: 'confirmed' })
      .where('concern_id', '=', noise.id)
      .execute();
    const saved = await page.post(`/verfahren/${procedure.id}/belange/${noise.id}`, {
      _csrf: csrfTokenFrom((await page.get(`/verfahren/${procedure.id}/belange`)).body),
      [`bewertung-${noise.id}`]:
        'Die Richtwerte der TA Lärm werden nachts durch schallreduzierten Betrieb eingehalten.',
    });
    assert.equal(saved.statusCode, 303, saved.body);
  });

  it('the hearing decision waits for the end of the objection period, then the decision is published and the case closes', async () => {
    const early = await worker.post(`/api/v1/procedures/${procedure.id}/actions/skip-hearing`, {
      reason: 'Nicht beantragt.',
    });
    assert.equal(early.statusCode, 409);
    clock.set(new Date('2027-02-02T09:00:00Z'));
    await act('skip-hearing', {
      reason: 'Die Antragstellerin hat keinen Erörterungstermin beantragt (§ 10 Abs. 6 BImSchG).',
    });
    await act('decide', {
      outcome: 'granted',
      conditions: ['Nächtliche Abschaltung bei Überschreitung von 40 dB(A) am nächsten Wohnhaus.'],
      reasons:
        'Die Genehmigungsvoraussetzungen des § 6 BImSchG liegen vor; die Einwendungen wurden gewürdigt.',
    });
    // The decision rests on the catalogue as it stands: from now on it is final.
    const page = new Client(t.app);
    await page.logIn(WORKER);
    const final = await page.get(`/verfahren/${procedure.id}/belange`);
    assert.equal(final.statusCode, 200);
    assert.match(final.body, /schallreduzierten Betrieb/, 'the assessment is still shown');
    assert.doesNotMatch(final.body, /belange\/neu|belange\/vorschlaege|schwaerzung-alle/);
    assert.doesNotMatch(final.body, /Bewertung speichern/);
    const groupsPage = await page.get(`/verfahren/${procedure.id}/einwendungen/gruppen`);
    assert.doesNotMatch(groupsPage.body, /gruppen\/berechnen/);
    const concernsBefore = await t.database.db.selectFrom('concerns').selectAll().execute();
    const added = await page.post(`/verfahren/${procedure.id}/belange/neu`, {
      _csrf: csrfTokenFrom(final.body),
      label: 'Nachgereichter Belang',
    });
    assert.equal(added.statusCode, 409, added.body.slice(0, 300));
    assert.match(added.body, /Entschieden, Bekanntgabe ausstehend/);
    const regrouped = await worker.post(
      `/api/v1/procedures/${procedure.id}/objection-groups/compute`,
    );
    assert.equal(regrouped.statusCode, 409);
    assert.match(String(regrouped.headers['content-type']), /problem\+json/);
    assert.deepEqual(
      await t.database.db.selectFrom('concerns').selectAll().execute(),
      concernsBefore,
    );
    // The Bescheid is published only once a second person has signed it.
    await signLetter(t, procedure.id, 'decision');
    await act('publish-decision');
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('subject', 'like', 'Entscheidung bekannt gemacht%')
      .execute();
    assert.equal(mails.length, 60, 'every objector with an e-mail address is told');
    const notYet = await t.app.inject({ method: 'GET', url: `/beteiligung/${procedure.id}` });
    assert.match(notYet.body, /liegt vom Mittwoch, 3\. Februar 2027/);
    clock.set(new Date('2027-02-03T09:00:00Z'));
    const display = await t.app.inject({ method: 'GET', url: `/beteiligung/${procedure.id}` });
    assert.match(display.body, /Bescheid mit Begründung/);
    const decisionPdf = await t.app.inject({
      method: 'GET',
      url: `/beteiligung/${procedure.id}/bescheid`,
    });
    assert.equal(decisionPdf.statusCode, 200);
    // The signed letter embeds its fonts: read it as a reader does.
    publishedDecision = await pdfPlainText(decisionPdf.rawPayload);
    assert.match(
      publishedDecision,
      /Einwendungen erhoben worden\. Sie wurden nach den darin vorgebrachten Belangen geordnet/,
    );
    assert.match(publishedDecision, /schallreduzierten Betrieb/);
    const status = await t.app.inject({ method: 'GET', url: new URL(statusUrl).pathname });
    assert.match(status.body, /Gewürdigt \(aktueller Stand\)/);
    assert.match(status.body, /schallreduzierten Betrieb/);
    clock.set(new Date('2027-02-16T09:00:00Z'));
    await runDeadlineWatch(t.deps);
    assert.equal(
      (await state()).step,
      'decision-published',
      'the last day of the display still counts',
    );
    clock.set(new Date('2027-02-17T09:00:00Z'));
    await runDeadlineWatch(t.deps);
    const closed = await state();
    assert.equal(closed.step, 'delivered');
    assert.ok(closed.closed_at);
    const delivered = await t.app.inject({ method: 'GET', url: new URL(statusUrl).pathname });
    assert.match(delivered.body, /Entscheidung zugestellt \(aktueller Stand\)/);
    const gone = await t.app.inject({
      method: 'GET',
      url: `/beteiligung/${procedure.id}/bescheid`,
    });
    assert.equal(gone.statusCode, 404, 'the display has ended');
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/${procedure.id}/objections`,
      payload: { text: 'Noch etwas', name: 'N', address: 'A' },
    });
    assert.equal(late.statusCode, 409);
    void DAY;
  });

  it('no personal data of any objector appears in any public page, feed or PDF', async () => {
    const anonymous = new Client(t.app);
    const urls = [
      '/beteiligung',
      '/beteiligung?alle=1',
      `/beteiligung/${procedure.id}`,
      '/bekanntmachungen',
      '/bekanntmachungen/feed.atom',
    ];
    const notices = await t.database.db
      .selectFrom('notices')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .execute();
    assert.equal(notices.length, 3, 'application, hearing decision and decision notices');
    for (const n of notices) urls.push(`/bekanntmachungen/${n.id}`);
    const outputs: string[] = [];
    for (const url of urls) {
      const response = await anonymous.get(url);
      assert.equal(response.statusCode, 200, url);
      outputs.push(response.body);
    }
    for (const n of notices) {
      const pdf = await anonymous.get(`/bekanntmachungen/${n.id}/pdf`);
      outputs.push(compressedPdfText(pdf.rawPayload), pdf.rawPayload.toString('latin1'));
    }
    const refs = await t.database.db.selectFrom('objections').select('reference').execute();
    for (const { reference } of refs.slice(0, 10)) {
      outputs.push((await anonymous.get(`/api/v1/receipts/${reference}`)).body);
    }
    outputs.push(publishedDecision);
    assert.ok(publishedDecision.length > 100, 'the published decision was read');
    const all = outputs.join('\n');
    for (const secret of secrets)
      assert.ok(!all.includes(secret), `public output contains ${secret}`);
  });
});
