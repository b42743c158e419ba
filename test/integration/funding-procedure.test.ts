/**
 * The grant procedure end to end through its pages: a foundry applies for a transformation
 * concept, the funding body requests a document, assesses, decides with a signed decision, the
 * company requests payment and proves the use, the body closes the case; a second case ends in
 * partial revocation with recovery and interest. Money is checked in the ledger, the de-minimis
 * register and the award list; refusals change nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, fixedClock, type TestApp, type Client } from '../helpers/app.ts';
import {
  applyFor,
  BODY,
  CONCEPT_FORM,
  FOUNDRY,
  HEAD,
  loggedIn,
  openCall,
  REVIEWER,
  signLetter,
  step,
  stepOk,
  WINDPARK,
} from '../helpers/funding.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';
import { fundingFamily } from '../../src/funding/procedure/grant.family.ts';
import { watchDeadlines } from '../../src/procedures/case/deadline-watch.ts';

describe('funding procedure through its pages', () => {
  const clock = fixedClock(new Date('2026-06-01T08:00:00Z'));
  let t: TestApp;
  let lineId: string;
  let company: Client;
  let worker: Client;
  let head: Client;

  before(async () => {
    t = await createTestApp({ clock });
    lineId = await openCall(t, {
      programmeId: 'nrw-transformationskonzepte',
      year: 2026,
      euros: 1_000_000,
      line: '1410/686 99',
    });
    company = await loggedIn(t, FOUNDRY);
    worker = await loggedIn(t, BODY);
    head = await loggedIn(t, HEAD);
  });
  after(async () => t.close());

  const db = () => t.database.db;
  const position = async (id: string) =>
    db()
      .selectFrom('funding_ledger_positions')
      .selectAll()
      .where('procedure_id', '=', id)
      .executeTakeFirstOrThrow();
  const stepOf = async (id: string) =>
    (
      await db()
        .selectFrom('procedures')
        .select('step')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).step;

  /** Months pass: the sessions of the morning have long expired, everyone logs in again. */
  async function later(date: string): Promise<void> {
    clock.set(new Date(date));
    company = await loggedIn(t, FOUNDRY);
    worker = await loggedIn(t, BODY);
    head = await loggedIn(t, HEAD);
  }

  /** Apply, submit, document request, formal check, assessment, signed decision, grant. */
  async function grantedCase(title: string): Promise<string> {
    await later('2026-06-01T08:00:00Z');
    const id = await applyFor(company, lineId, 'transformation-concept', {
      ...CONCEPT_FORM,
      titel: title,
    });
    await stepOk(company, id, 'submit-application');
    await stepOk(worker, id, 'confirm-receipt');
    await stepOk(worker, id, 'request-documents', {
      items: 'Angebot der Beratung mit Tagessätzen',
      wochen: '4',
    });
    await stepOk(company, id, 'submit-documents', { documents: 'Angebot_Beratung_Hellweg.pdf' });
    await stepOk(worker, id, 'complete-formal-check');
    await stepOk(worker, id, 'complete-assessment', {
      note: 'Kosten plausibel, Angebot marktüblich.',
    });
    await signLetter(t, worker, head, id, 'decision');
    await stepOk(worker, id, 'grant');
    return id;
  }

  it('a concept grant runs from application to closing, with the money in the ledger', async () => {
    const id = await grantedCase('Transformationskonzept Gießerei Hellweg');
    const figures = await db()
      .selectFrom('funding_cases')
      .selectAll()
      .where('procedure_id', '=', id)
      .executeTakeFirstOrThrow();
    // Medium enterprise: 50 % of 80,000 € (Transformationskonzepte), below the 60,000 € maximum.
    assert.equal(Number(figures.granted_cents), 4_000_000);
    assert.equal(figures.period_end, '2026-12-31');
    assert.equal(Number((await position(id)).committed_cents), 4_000_000);
    const aid = await db()
      .selectFrom('de_minimis_aid')
      .selectAll()
      .where('procedure_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(aid.amount_cents), 4_000_000);
    const award = await db()
      .selectFrom('funding_awards')
      .selectAll()
      .where('procedure_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(award.published_from, null, '40.000 € liegen unter der Veröffentlichungsschwelle');
    const deadline = await db()
      .selectFrom('procedure_deadlines')
      .selectAll()
      .where('procedure_id', '=', id)
      .where('key', '=', 'proof-of-use')
      .executeTakeFirstOrThrow();
    assert.equal(
      deadline.end_date,
      '2027-06-30',
      'Verwendungsnachweis sechs Monate nach dem 31.12.2026',
    );

    // A request beyond the grant's share of the due expenses is refused and stores nothing.
    const before = await snapshotTables(db(), SESSION_BOOKKEEPING);
    const tooMuch = await step(company, id, 'request-payment', {
      betrag: '30.000,00',
      faellige_ausgaben: '40.000,00',
      benoetigt_bis: '2026-07-15',
      zweck: 'Abschlag Beratung',
    });
    assert.equal(tooMuch.statusCode, 400);
    assert.match(tooMuch.body, /Förderanteil der fälligen Ausgaben/);
    const tooEarly = await step(company, id, 'request-payment', {
      betrag: '10.000,00',
      faellige_ausgaben: '40.000,00',
      benoetigt_bis: '2026-09-15',
      zweck: 'Abschlag Beratung',
    });
    assert.equal(tooEarly.statusCode, 400);
    assert.match(tooEarly.body, /innerhalb von zwei Monaten/);
    assert.deepEqual(changedTables(before, await snapshotTables(db(), SESSION_BOOKKEEPING)), []);

    await stepOk(company, id, 'request-payment', {
      betrag: '20.000,00',
      faellige_ausgaben: '40.000,00',
      benoetigt_bis: '2026-07-15',
      zweck: 'Abschlag Beratung',
    });
    await stepOk(worker, id, 'approve-payment', { antrag: '1' });
    assert.equal(Number((await position(id)).paid_cents), 2_000_000);
    const again = await step(worker, id, 'approve-payment', { antrag: '1' });
    assert.notEqual(again.statusCode, 303, 'ein Abruf wird nicht zweimal ausgezahlt');

    await later('2027-01-11T09:00:00Z');
    const overview = await company.get('/unternehmen/foerderung');
    assert.match(
      overview.body,
      /Fällige Verwendungsnachweise[^]*Vorlage des Verwendungsnachweises/,
    );
    await stepOk(company, id, 'submit-proof', {
      bericht: 'Konzept erstellt und im Betrieb vorgestellt; Maßnahmenplan bis 2045 liegt vor.',
      ausgaben_k1: '80.000,00',
      ausgaben_k2: '0',
      eigenmittel: '40.000,00',
      andere: '0',
    });
    await stepOk(worker, id, 'assess-proof', { note: 'Belege vollständig, Ausgaben wie geplant.' });
    await stepOk(worker, id, 'close-case');
    assert.equal(await stepOf(id), 'closed');
    const closed = await position(id);
    assert.equal(Number(closed.paid_cents), 4_000_000, 'Restzahlung nach dem Verwendungsnachweis');
    assert.equal(Number(closed.released_cents), 0);
  });

  it('a second case ends in partial revocation with recovery and interest', async () => {
    const id = await grantedCase('Transformationskonzept Werk Süd');
    await stepOk(company, id, 'request-payment', {
      betrag: '40.000,00',
      faellige_ausgaben: '80.000,00',
      benoetigt_bis: '2026-07-20',
      zweck: 'Beratung gesamt',
    });
    await stepOk(worker, id, 'approve-payment', { antrag: '1' });
    await later('2027-01-11T09:00:00Z');
    await stepOk(company, id, 'submit-proof', {
      bericht: 'Konzept erstellt; Teile der Beratung entfielen, die Kosten waren geringer.',
      ausgaben_k1: '50.000,00',
      ausgaben_k2: '0',
      eigenmittel: '25.000,00',
      andere: '0',
    });
    await stepOk(worker, id, 'assess-proof', {
      note: 'Geringere Ausgaben; Zuwendung ermäßigt sich.',
    });
    const closing = await step(worker, id, 'close-case');
    assert.equal(closing.statusCode, 409, 'mit Rückforderung kein Abschluss');
    const unsigned = await step(worker, id, 'revoke-partially');
    assert.equal(unsigned.statusCode, 409, 'ohne gezeichneten Bescheid kein Widerruf');
    await signLetter(t, worker, head, id, 'revocation');
    await stepOk(worker, id, 'revoke-partially');
    const figures = await db()
      .selectFrom('funding_cases')
      .selectAll()
      .where('procedure_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(figures.recovery_cents), 1_500_000, '40.000 € gezahlt, 25.000 € zustehend');
    assert.ok(Number(figures.interest_cents) > 0);
    const wrong = await step(worker, id, 'record-repayment', { betrag: '15.000,00' });
    assert.equal(wrong.statusCode, 400, 'Zinsen fehlen');
    const due = ((Number(figures.recovery_cents) + Number(figures.interest_cents)) / 100)
      .toFixed(2)
      .replace('.', ',');
    await stepOk(worker, id, 'record-repayment', { betrag: due });
    assert.equal(await stepOf(id), 'closed');
    const p = await position(id);
    assert.equal(Number(p.recovered_cents), 1_500_000);
    assert.equal(Number(p.released_cents), 0);
  });

  it('a grant that would exceed the de-minimis ceiling is reduced, with the computation shown', async () => {
    await later('2026-06-01T08:00:00Z');
    const foundry = await db()
      .selectFrom('organisations')
      .select('id')
      .where('name', 'like', 'Gießerei Hellweg%')
      .executeTakeFirstOrThrow();
    // Aid the company declared from another body: 285,000 € within the last three years, after
    // the grants of the cases above (2 × 40,000 €) — the ceiling of 300,000 € is nearly used.
    await db()
      .insertInto('de_minimis_aid')
      .values({
        tenant_id: foundry.id,
        source: 'declared',
        granting_body: 'NRW.BANK (Beispiel)',
        granted_on: '2024-09-01',
        amount_cents: 14_500_000,
        regulation: '2023/2831',
        aid_instrument: 'grant',
      })
      .execute();
    const id = await applyFor(company, lineId, 'transformation-concept', {
      ...CONCEPT_FORM,
      titel: 'Konzept De-minimis',
    });
    await stepOk(company, id, 'submit-application');
    await stepOk(worker, id, 'confirm-receipt');
    await stepOk(worker, id, 'complete-formal-check');
    await stepOk(worker, id, 'complete-assessment', { note: 'Kosten plausibel.' });
    const page = await worker.get(`/foerderung/antraege/${id}`);
    // 300,000 − 80,000 (two grants above) − 145,000 declared = 75,000 € headroom ≥ 40,000 €: no cut yet.
    assert.match(page.body, /Bewilligung von 40\.000,00/);
    await db()
      .insertInto('de_minimis_aid')
      .values({
        tenant_id: foundry.id,
        source: 'declared',
        granting_body: 'Bundesamt (Beispiel)',
        granted_on: '2025-03-01',
        amount_cents: 5_000_000,
        regulation: '2023/2831',
        aid_instrument: 'grant',
      })
      .execute();
    // More aid declared: the next application is assessed against the smaller headroom.
    const second = await applyFor(company, lineId, 'transformation-concept', {
      ...CONCEPT_FORM,
      titel: 'Konzept De-minimis 2',
    });
    await stepOk(company, second, 'submit-application');
    await stepOk(worker, second, 'confirm-receipt');
    await stepOk(worker, second, 'complete-formal-check');
    await stepOk(worker, second, 'complete-assessment', { note: 'Kosten plausibel.' });
    const reduced = await worker.get(`/foerderung/antraege/${second}`);
    // 300,000 − 80,000 − 145,000 − 50,000 = 25,000 € headroom.
    assert.match(reduced.body, /Bewilligung von 25\.000,00/);
    assert.match(reduced.body, /Auf den De-minimis-Spielraum gekürzt/);
  });

  it('the deadline watch reminds the company of the proof of use and escalates its overrun', async () => {
    const id = await grantedCase('Konzept Fristen');
    const due = await db()
      .selectFrom('procedure_deadlines')
      .select('end_date')
      .where('procedure_id', '=', id)
      .where('key', '=', 'proof-of-use')
      .executeTakeFirstOrThrow();
    assert.equal(due.end_date, '2027-06-30');
    const mails = async () =>
      db()
        .selectFrom('mail_outbox')
        .select(['to_address', 'subject'])
        .where('subject', 'like', '%Konzept Fristen%')
        .execute();
    const before = (await mails()).length;
    clock.set(new Date('2027-06-29T06:00:00Z'));
    await watchDeadlines(t.deps, [fundingFamily(t.deps)]);
    const reminded = (await mails()).slice(before);
    assert.ok(
      reminded.some((m) => m.to_address === FOUNDRY && /Fristerinnerung/.test(m.subject)),
      JSON.stringify(reminded),
    );
    clock.set(new Date('2027-07-02T06:00:00Z'));
    await watchDeadlines(t.deps, [fundingFamily(t.deps)]);
    const row = await db()
      .selectFrom('procedure_deadlines')
      .select(['status', 'escalated_at'])
      .where('procedure_id', '=', id)
      .where('key', '=', 'proof-of-use')
      .executeTakeFirstOrThrow();
    assert.ok(row.escalated_at, 'Überschreitung an die Sachbearbeitung gemeldet');
    const escalated = (await mails()).slice(before);
    assert.ok(
      escalated.some((m) => m.to_address === BODY),
      JSON.stringify(escalated),
    );
    // A second run the same day sends nothing twice.
    const count = (await mails()).length;
    await watchDeadlines(t.deps, [fundingFamily(t.deps)]);
    assert.equal((await mails()).length, count);
  });

  it('other companies, reviewers and the wrong side are refused and learn nothing', async () => {
    await later('2026-06-01T08:00:00Z');
    const id = await applyFor(company, lineId, 'transformation-concept', {
      ...CONCEPT_FORM,
      titel: 'Konzept Zugriffstest',
    });
    const other = await loggedIn(t, WINDPARK);
    assert.equal((await other.get(`/foerderung/antraege/${id}`)).statusCode, 404);
    const reviewer = await loggedIn(t, REVIEWER);
    assert.equal((await reviewer.get(`/foerderung/antraege/${id}`)).statusCode, 404);
    assert.equal(
      (await worker.get(`/foerderstelle/antraege`)).body.includes('Konzept Zugriffstest'),
      false,
      'Entwürfe sieht die Förderstelle nicht',
    );
    await stepOk(company, id, 'submit-application');
    const before = await snapshotTables(db(), SESSION_BOOKKEEPING);
    assert.equal((await step(worker, id, 'submit-proof', { bericht: 'x' })).statusCode, 409);
    assert.equal((await step(company, id, 'confirm-receipt')).statusCode, 403);
    const foreign = await other.post(`/foerderung/antraege/${id}/schritt/withdraw`, {
      _csrf: 'x',
      version: '0',
    });
    assert.ok([403, 404].includes(foreign.statusCode));
    assert.equal((await step(worker, id, 'grant')).statusCode, 409);
    // The permit family's routes do not act on a funding case, and nothing answers with a 5xx.
    const page = await worker.get('/foerderstelle/antraege');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const permitStep = await worker.post(`/verfahren/${id}/aktionen/confirm-receipt`, {
      _csrf: csrf,
      version: '2',
    });
    assert.equal(permitStep.statusCode, 404);
    // The internal casework is shared: an empty note is refused on the funding page itself.
    const empty = await worker.post(`/verfahren/${id}/vermerke`, { _csrf: csrf, noteText: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Interne Bearbeitung/);
    assert.match(empty.body, /Konzept Zugriffstest/);
    assert.equal(
      (await worker.get(`/verfahren/${id}`)).statusCode,
      303,
      'weiter zur Seite des Förderverfahrens',
    );
    assert.deepEqual(changedTables(before, await snapshotTables(db(), SESSION_BOOKKEEPING)), []);
    assert.match((await worker.get('/foerderstelle/antraege')).body, /Konzept Zugriffstest/);
    const saved = await worker.post(`/verfahren/${id}/vermerke`, {
      _csrf: csrf,
      noteText: 'Rückruf beim Unternehmen: Angebot folgt.',
    });
    assert.equal(saved.statusCode, 303);
    const own = await worker.get(`/foerderung/antraege/${id}`);
    assert.match(own.body, /Rückruf beim Unternehmen: Angebot folgt\./);
    assert.doesNotMatch(
      (await company.get(`/foerderung/antraege/${id}`)).body,
      /Rückruf beim Unternehmen/,
      'interne Vermerke sieht das Unternehmen nicht',
    );
  });

  it('a bad application form is re-shown with German messages and stores nothing', async () => {
    const before = await snapshotTables(db(), SESSION_BOOKKEEPING);
    const page = await company.get(`/foerderung/antraege/neu?aufruf=${lineId}`);
    assert.equal(page.statusCode, 200);
    const response = await company.submit(
      `/foerderung/antraege/neu?aufruf=${lineId}`,
      '/foerderung/antraege/neu',
      {
        ...CONCEPT_FORM,
        aufruf: lineId,
        massnahme: 'transformation-concept',
        kosten_k1: '-5',
        beantragt: '<script>alert(1)</script>',
        ende: '2020-01-01',
      },
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /ist kein Betrag in Euro/);
    assert.match(response.body, /Das Ende liegt vor dem Beginn/);
    assert.doesNotMatch(response.body, /<script>alert/);
    assert.deepEqual(changedTables(before, await snapshotTables(db(), SESSION_BOOKKEEPING)), []);
  });

  it('the export streams the body’s applications as German CSV', async () => {
    const csv = await worker.get('/foerderstelle/antraege.csv');
    assert.equal(csv.statusCode, 200);
    assert.ok(csv.body.startsWith('\uFEFFAktenzeichen;Vorhaben;'));
    assert.match(
      csv.body,
      /Transformationskonzept Gießerei Hellweg;Gießerei Hellweg GmbH \(Beispiel\);.*;80000,00;40000,00;40000,00;/,
    );
    assert.equal((await company.get('/foerderstelle/antraege.csv')).statusCode, 403);
  });
});
