import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Actor } from '../../src/platform/auth/actor.ts';
import { AppError } from '../../src/platform/errors.ts';
import { submitTrainingClaims } from '../../src/funding/training-bonus/training.claims.ts';
import { decideTrainingClaim } from '../../src/funding/training-bonus/training.body.ts';
import type { CheckResult } from '../../src/funding/training-bonus/training.checks.ts';
import { parseClaimsCsv } from '../../src/funding/training-bonus/training.csv.ts';
import {
  cancelPaymentRun,
  confirmPaymentRun,
  createPaymentRun,
} from '../../src/funding/training-bonus/training.payments.ts';
import { validateClaim, type ValidClaim } from '../../src/funding/training-bonus/training.rules.ts';
import { buildPain001, validatePain001 } from '../../src/funding/training-bonus/training.sepa.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { orgId } from '../helpers/permits.ts';
import { addMember, addProfile, bonusLine, claimDraft } from '../helpers/training-bonus.ts';

/**
 * The training bonus as mass claims: set-based checks with a recorded result each, the cap per
 * employee held across employers by the database, duplicates refused, manual QA with reasons,
 * and payment runs that never pay a claim twice.
 */
const NOW = new Date('2026-11-24T09:00:00Z');
const TODAY = '2026-11-24';

function valid(overrides: Parameters<typeof claimDraft>[0] = {}): ValidClaim {
  const result = validateClaim(claimDraft(overrides), TODAY);
  if ('errors' in result) throw new Error(JSON.stringify(result.errors));
  return result.claim;
}

async function rejects(promise: Promise<unknown>, code: string, message?: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return true;
  });
}

describe('training bonus: claims, checks and payment runs', () => {
  let t: TestApp;
  let body: string;
  let firmA: Actor;
  let firmB: Actor;
  let fitterFirm: Actor;
  let worker: Actor;
  let leader: Actor;
  let otherBodyWorker: Actor;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    body = await orgId(t, 'Bezirksregierung Arnsberg');
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
    const c = await addMember(db, {
      org: 'Elektro Gamma GmbH',
      kind: 'company',
      email: 'c@gamma.example',
      role: 'applicant',
    });
    await addProfile(db, a.orgId);
    await addProfile(db, b.orgId, { trade: 'kaelte-klima' });
    // Outside NRW (Niedersachsen) and not an SHK firm: fails the firm checks.
    await addProfile(db, c.orgId, { seatAgs: '03241001', trade: 'elektro' });
    firmA = await a.actor();
    firmB = await b.actor();
    fitterFirm = await c.actor();
    worker = await (
      await addMember(db, {
        org: 'x',
        kind: 'funding-body',
        email: 'sb@arnsberg.example',
        role: 'case_worker',
        orgId: body,
      })
    ).actor();
    leader = await (
      await addMember(db, {
        org: 'x',
        kind: 'funding-body',
        email: 'l@arnsberg.example',
        role: 'supervisor',
        orgId: body,
      })
    ).actor();
    otherBodyWorker = await (
      await addMember(db, {
        org: 'NRW.BANK (Beispiel)',
        kind: 'funding-body',
        email: 'sb@nrwbank.example',
        role: 'case_worker',
      })
    ).actor();
    // The bonus's budget line of the year with ample funds; the limits have their own tests.
    await bonusLine(db, body, '0710/686 70', 100_000_000);
  });
  after(async () => t.close());
  beforeEach(async () => {
    // No sample: the tests look at the checks; the sample has its own test.
    await t.database.db
      .updateTable('training_bonus_settings')
      .set({ qa_sample_permille: 0 })
      .execute();
  });

  const claimRow = (id: string) =>
    t.database.db
      .selectFrom('training_claims')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const check = (row: { checks: unknown }, id: string) =>
    (row.checks as CheckResult[]).find((c) => c.id === id)!;

  it('approves a claim that passes every check and records a result per check', async () => {
    const { ids } = await submitTrainingClaims({
      db: t.database.db,
      actor: firmA,
      claims: [valid({ givenName: 'Anna' })],
      now: NOW,
    });
    const row = await claimRow(ids[0]!);
    assert.equal(row.status, 'approved');
    assert.equal(row.granted_cents, 150_000);
    assert.deepEqual(
      (row.checks as CheckResult[]).map((c) => `${c.id}:${c.outcome}`),
      [
        'seat-in-nrw:passed',
        'crafts-chamber:passed',
        'trade:passed',
        'role:passed',
        'course:passed',
        'cap:passed',
        'duplicate:passed',
        'bank-details:passed',
        'de-minimis:passed',
      ],
    );
  });

  it('reduces a claim that exceeds the cap per employee through a second employer', async () => {
    const person = { givenName: 'Berta', familyName: 'Wechsel' };
    const first = await submitTrainingClaims({
      db: t.database.db,
      actor: firmA,
      now: NOW,
      claims: [
        valid({
          ...person,
          courseCode: 'VDI4645-AUFBAU',
          courseStart: '2026-09-01',
          courseEnd: '2026-09-02',
          trainingDays: '2',
        }),
      ],
    });
    assert.equal((await claimRow(first.ids[0]!)).granted_cents, 100_000);
    // Same person (same name and birthday), now employed at firm B: 1,000 € asked, 500 € left.
    const second = await submitTrainingClaims({
      db: t.database.db,
      actor: firmB,
      now: NOW,
      claims: [
        valid({
          ...person,
          givenName: ' berta ',
          iban: 'DE02120300000000202051',
          bic: 'BYLADEM1001',
          accountHolder: 'Kälte Beta GmbH',
          courseCode: 'VDI4645-AUFBAU',
          courseStart: '2026-11-02',
          courseEnd: '2026-11-03',
          trainingDays: '2',
        }),
      ],
    });
    const row = await claimRow(second.ids[0]!);
    assert.equal(row.status, 'approved');
    assert.equal(row.granted_cents, 50_000);
    const cap = check(row, 'cap');
    assert.equal(cap.outcome, 'reduced');
    assert.deepEqual(cap.facts, {
      requestedCents: 100_000,
      capCents: 150_000,
      heldBeforeCents: 100_000,
      earlierInBatchCents: 0,
      grantedCents: 50_000,
    });
    // A third claim finds nothing left and is refused.
    const third = await submitTrainingClaims({
      db: t.database.db,
      actor: firmB,
      now: NOW,
      claims: [
        valid({
          ...person,
          iban: 'DE02120300000000202051',
          bic: 'BYLADEM1001',
          accountHolder: 'Kälte Beta GmbH',
          courseCode: 'WP-KAELTE-1',
          courseStart: '2026-11-10',
          courseEnd: '2026-11-10',
          trainingDays: '1',
        }),
      ],
    });
    const refused = await claimRow(third.ids[0]!);
    assert.equal(refused.status, 'refused');
    assert.equal(check(refused, 'cap').outcome, 'failed');
    const ledger = await t.database.db
      .selectFrom('training_person_ledger')
      .selectAll()
      .where('person_key', '=', row.person_key)
      .executeTakeFirstOrThrow();
    assert.equal(ledger.committed_cents, 150_000);
  });

  it('holds the cap in the database: an update beyond it is refused whatever the code does', async () => {
    const { ids } = await submitTrainingClaims({
      db: t.database.db,
      actor: firmA,
      now: NOW,
      claims: [
        valid({
          givenName: 'Carla',
          courseCode: 'WP-KAELTE-1',
          courseStart: '2026-10-01',
          courseEnd: '2026-10-01',
          trainingDays: '1',
        }),
      ],
    });
    const row = await claimRow(ids[0]!);
    // A forged second claim of the same person straight into the table, then "approved".
    const forged = await t.database.db
      .insertInto('training_claims')
      .values({
        tenant_id: body,
        company_id: row.company_id,
        person_key: row.person_key,
        employee_name: 'Carla Beispiel',
        role: 'planner',
        course_id: row.course_id,
        course_start: '2026-10-20',
        course_end: '2026-10-22',
        training_days: 3,
        iban: row.iban,
        account_holder: 'x y',
        requested_cents: 150_000,
        cap_cents: 150_000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await assert.rejects(
      t.database.db
        .updateTable('training_claims')
        .set({ status: 'approved', granted_cents: 150_000 })
        .where('id', '=', forged.id)
        .execute(),
      /training_person_ledger_cap/,
    );
  });

  it('refuses a duplicate claim (same person, course and dates), also within one file', async () => {
    const claim = valid({
      givenName: 'Dora',
      courseCode: 'VDI4645-AUFBAU',
      courseStart: '2026-10-12',
      courseEnd: '2026-10-13',
      trainingDays: '2',
    });
    const batch = await submitTrainingClaims({
      db: t.database.db,
      actor: firmA,
      now: NOW,
      claims: [claim, claim],
    });
    const [first, second] = await Promise.all(batch.ids.map(claimRow));
    assert.equal(first!.status, 'approved');
    assert.equal(second!.status, 'refused');
    assert.equal(check(second!, 'duplicate').outcome, 'failed');
    assert.match(second!.decision_reason!, /doppelter Antrag/);
    const later = await submitTrainingClaims({
      db: t.database.db,
      actor: firmB,
      now: NOW,
      claims: [{ ...claim, iban: 'DE02120300000000202051', bic: 'BYLADEM1001' }],
    });
    assert.equal((await claimRow(later.ids[0]!)).status, 'refused');
  });

  it('sends failed firm, role and bank checks to manual QA; approval needs each one passed by hand', async () => {
    const fitter = await submitTrainingClaims({
      db: t.database.db,
      actor: fitterFirm,
      now: NOW,
      claims: [
        valid({
          givenName: 'Emil',
          role: 'fitter',
          iban: 'DE75512108001245126199',
          bic: '',
          accountHolder: 'Elektro Gamma GmbH',
        }),
      ],
    });
    const row = await claimRow(fitter.ids[0]!);
    assert.equal(row.status, 'qa');
    for (const id of ['seat-in-nrw', 'trade', 'role'])
      assert.equal(check(row, id).outcome, 'failed', id);
    // Firm A changes its bank account: the next claim goes to QA.
    const changed = await submitTrainingClaims({
      db: t.database.db,
      actor: firmA,
      now: new Date(NOW.getTime() + 1000),
      claims: [valid({ givenName: 'Frida', iban: 'DE75512108001245126199', bic: '' })],
    });
    const bank = await claimRow(changed.ids[0]!);
    assert.equal(bank.status, 'qa');
    assert.equal(check(bank, 'bank-details').outcome, 'failed');
    await rejects(
      decideTrainingClaim({
        db: t.database.db,
        actor: worker,
        claimId: bank.id,
        decision: 'approve',
        reason: 'Kontowechsel belegt.',
        passedByHand: [],
        now: NOW,
      }),
      'validation',
      /von Hand bestanden/,
    );
    await rejects(
      decideTrainingClaim({
        db: t.database.db,
        actor: worker,
        claimId: bank.id,
        decision: 'approve',
        reason: '   ',
        passedByHand: ['bank-details'],
        now: NOW,
      }),
      'validation',
      /Begründung/,
    );
    // Another funding body's staff does not even find the claim.
    await rejects(
      decideTrainingClaim({
        db: t.database.db,
        actor: otherBodyWorker,
        claimId: bank.id,
        decision: 'refuse',
        reason: 'x',
        passedByHand: [],
        now: NOW,
      }),
      'not_found',
    );
    await rejects(
      decideTrainingClaim({
        db: t.database.db,
        actor: firmA,
        claimId: bank.id,
        decision: 'approve',
        reason: 'x',
        passedByHand: [],
        now: NOW,
      }),
      'forbidden',
    );
    await decideTrainingClaim({
      db: t.database.db,
      actor: worker,
      claimId: bank.id,
      decision: 'approve',
      reason: 'Kontowechsel durch Schreiben der Bank belegt.',
      passedByHand: ['bank-details'],
      now: NOW,
    });
    const approved = await claimRow(bank.id);
    assert.equal(approved.status, 'approved');
    assert.equal(check(approved, 'bank-details').outcome, 'passed-by-hand');
    await decideTrainingClaim({
      db: t.database.db,
      actor: worker,
      claimId: row.id,
      decision: 'refuse',
      reason: 'Kein SHK-Betrieb.',
      passedByHand: [],
      now: NOW,
    });
    assert.equal((await claimRow(row.id)).status, 'refused');
    const events = await t.database.db
      .selectFrom('training_claim_events')
      .select(['kind', 'reason', 'passed_by_hand'])
      .where('claim_id', 'in', [bank.id, row.id])
      .orderBy('at')
      .execute();
    assert.deepEqual(events.map((e) => e.kind).sort(), ['approved-by-hand', 'refused-by-hand']);
    // The refusal released what the claim held against the employee's cap.
    const ledger = await t.database.db
      .selectFrom('training_person_ledger')
      .select('committed_cents')
      .where('person_key', '=', row.person_key)
      .executeTakeFirstOrThrow();
    assert.equal(ledger.committed_cents, 0);
    // Decided once: a second decision is a conflict.
    await rejects(
      decideTrainingClaim({
        db: t.database.db,
        actor: worker,
        claimId: row.id,
        decision: 'approve',
        reason: 'x',
        passedByHand: [],
        now: NOW,
      }),
      'conflict',
    );
  });

  it('samples a configurable, deterministic share of passing claims for QA', async () => {
    await t.database.db
      .updateTable('training_bonus_settings')
      .set({ qa_sample_permille: 1000 })
      .execute();
    const { ids } = await submitTrainingClaims({
      db: t.database.db,
      actor: firmA,
      now: NOW,
      claims: [valid({ givenName: 'Gerda', iban: 'DE75512108001245126199', bic: '' })],
    });
    const row = await claimRow(ids[0]!);
    assert.equal(row.status, 'qa');
    assert.equal(row.sampled, true);
    assert.ok((row.checks as CheckResult[]).every((c) => c.outcome === 'passed'));
  });

  it('a payment run pays every approved claim once; a retried or re-created run pays nothing twice', async () => {
    const db = t.database.db;
    await rejects(
      confirmPaymentRun({
        db,
        actor: worker,
        runId: '00000000-0000-4000-8000-000000000000',
        now: NOW,
      }),
      'forbidden',
    );
    const approved = await db
      .selectFrom('training_claims')
      .select(['id', 'granted_cents'])
      .where('status', '=', 'approved')
      .execute();
    assert.ok(approved.length >= 4);
    const run = await createPaymentRun({
      db,
      actor: worker,
      month: '2026-11',
      executionDate: '2026-11-26',
      now: NOW,
    });
    assert.equal(run.items, approved.length);
    assert.equal(
      run.totalCents,
      approved.reduce((s, c) => s + c.granted_cents!, 0),
    );
    const stored = await db
      .selectFrom('training_payment_runs')
      .selectAll()
      .where('id', '=', run.runId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(validatePain001(stored.pain_xml), []);
    assert.equal((stored.pain_xml.match(/<CdtTrfTxInf>/g) ?? []).length, approved.length);
    // While it is open no second run is made from the same claims.
    await rejects(
      createPaymentRun({
        db,
        actor: worker,
        month: '2026-11',
        executionDate: '2026-11-26',
        now: NOW,
      }),
      'conflict',
      /offenen Zahlungslauf/,
    );
    // The file was lost: cancel and re-create; the cancelled run can no longer be confirmed.
    await cancelPaymentRun({ db, actor: worker, runId: run.runId });
    const again = await createPaymentRun({
      db,
      actor: worker,
      month: '2026-11',
      executionDate: '2026-11-27',
      now: NOW,
    });
    assert.equal(again.items, approved.length);
    await rejects(
      confirmPaymentRun({ db, actor: leader, runId: run.runId, now: NOW }),
      'conflict',
      /verworfen/,
    );
    assert.deepEqual(await confirmPaymentRun({ db, actor: leader, runId: again.runId, now: NOW }), {
      paid: approved.length,
    });
    // Retried confirmation: refused, nothing changes.
    await rejects(
      confirmPaymentRun({ db, actor: leader, runId: again.runId, now: NOW }),
      'conflict',
      /bereits bestätigt/,
    );
    await rejects(
      createPaymentRun({
        db,
        actor: worker,
        month: '2026-12',
        executionDate: '2026-12-01',
        now: NOW,
      }),
      'conflict',
      /keine bewilligten/,
    );
    const paid = await db
      .selectFrom('training_claims')
      .select('id')
      .where('status', '=', 'paid')
      .execute();
    assert.equal(paid.length, approved.length);
    // Even a forged run with an already paid claim cannot be confirmed: the unique index holds.
    const forged = await db
      .insertInto('training_payment_runs')
      .values({
        tenant_id: body,
        month: '2026-12',
        message_id: 'FORGED-1',
        execution_date: '2026-12-01',
        item_count: 1,
        total_cents: 1,
        pain_xml: '<x/>',
        pain_sha256: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('training_payment_items')
      .values({
        tenant_id: body,
        run_id: forged.id,
        claim_id: paid[0]!.id,
        amount_cents: 1,
        end_to_end_id: 'x',
      })
      .execute();
    await assert.rejects(
      db
        .updateTable('training_payment_items')
        .set({ confirmed: true })
        .where('run_id', '=', forged.id)
        .execute(),
      /training_payment_items_paid_once/,
    );
    await rejects(confirmPaymentRun({ db, actor: leader, runId: forged.id, now: NOW }), 'conflict');
    const ledger = await sql<{
      paid: number;
    }>`select coalesce(sum(paid_cents), 0)::bigint as paid from training_person_ledger`.execute(db);
    assert.equal(Number(ledger.rows[0]!.paid), run.totalCents);
  });

  it('two employers claiming the same person at once never exceed the cap together', async () => {
    const person = { givenName: 'Hanna', familyName: 'Parallel' };
    const [a, b] = await Promise.all([
      submitTrainingClaims({
        db: t.database.db,
        actor: firmA,
        now: NOW,
        claims: [valid({ ...person })],
      }),
      submitTrainingClaims({
        db: t.database.db,
        actor: firmB,
        now: NOW,
        claims: [
          valid({
            ...person,
            iban: 'DE02120300000000202051',
            bic: 'BYLADEM1001',
            accountHolder: 'Kälte Beta GmbH',
            courseCode: 'VDI4645-AUFBAU',
            courseStart: '2026-11-02',
            courseEnd: '2026-11-03',
            trainingDays: '2',
          }),
        ],
      }),
    ]);
    const rows = await Promise.all([claimRow(a.ids[0]!), claimRow(b.ids[0]!)]);
    const held = rows
      .filter((r) => r.status !== 'refused')
      .reduce((sum, r) => sum + r.granted_cents!, 0);
    assert.equal(held, 150_000);
    const ledger = await t.database.db
      .selectFrom('training_person_ledger')
      .select('committed_cents')
      .where('person_key', '=', rows[0].person_key)
      .executeTakeFirstOrThrow();
    assert.equal(ledger.committed_cents, 150_000);
  });

  it('the schema check refuses a broken payment file; names with markup stay valid XML', () => {
    const file = {
      messageId: 'BPW-2026-11-TEST',
      created: NOW,
      executionDate: '2026-11-26',
      debtor: {
        name: 'Bezirksregierung Arnsberg',
        iban: 'DE02370501980001802057',
        bic: 'COLSDE33XXX',
      },
      transfers: [
        {
          endToEndId: 'E2E1',
          creditorName: 'Müller & Söhne <SHK> GmbH',
          iban: 'DE89370400440532013000',
          bic: null,
          amountCents: 123_456,
          remittance: 'Bildungspraemie',
        },
      ],
    };
    const xml = buildPain001(file);
    assert.deepEqual(validatePain001(xml), []);
    assert.match(xml, /<InstdAmt Ccy="EUR">1234\.56<\/InstdAmt>/);
    assert.ok(
      validatePain001(xml.replace('<ChrgBr>SLEV</ChrgBr>', '<ChrgBr>XXXX</ChrgBr>')).length > 0,
    );
    assert.ok(validatePain001(xml.replace(/<NbOfTxs>1<\/NbOfTxs>/, '')).length > 0);
    assert.ok(validatePain001('<Document>').length > 0);
  });

  it('refuses hostile or broken CSV files line by line and saves nothing', async () => {
    const header =
      'Familienname;Vorname;Geburtsdatum;Tätigkeit;Kurs;Kursbeginn;Kursende;Fortbildungstage;IBAN;BIC;Kontoinhaber';
    const good =
      'Muster;Max;01.02.1980;planner;VDI4645-GRUNDLAGEN;05.10.2026;07.10.2026;3;DE89370400440532013000;COBADEFFXXX;Heizung Alpha GmbH';
    const csv = [
      header,
      good,
      '<script>alert(1)</script>;Max;31.02.1980;chef;../../etc;2026-10-07;2026-10-05;99;DE00123;XX;',
      '"Unclosed;Max',
    ].join('\n');
    const parsed = parseClaimsCsv(csv, TODAY);
    assert.equal(parsed.claims.length, 0);
    assert.ok(
      parsed.problems.some((p) => p.line === 4 && /Anführungszeichen/.test(p.message)),
      JSON.stringify(parsed.problems),
    );
    const fresh = parseClaimsCsv(
      [header, good, good.replace('DE89370400440532013000', 'DE00370400440532013000')].join('\r\n'),
      TODAY,
    );
    assert.deepEqual(fresh.problems, [
      { line: 3, message: 'IBAN: Die IBAN ist ungültig (Länge oder Prüfziffer stimmen nicht).' },
    ]);
    const bad = parseClaimsCsv(
      [
        header,
        '<script>alert(1)</script>;Max;31.02.1980;chef;../../etc;2026-10-07;2026-10-05;99;DE00123;XX;',
      ].join('\n'),
      TODAY,
    );
    const messages = bad.problems.map((p) => `${p.line}: ${p.message}`);
    for (const expected of [
      /^2: Familienname/,
      /^2: Geburtsdatum/,
      /^2: Tätigkeit/,
      /^2: Kurs:/,
      /^2: Kursende/,
      /^2: Fortbildungstage/,
      /^2: IBAN/,
      /^2: BIC/,
      /^2: Kontoinhaber/,
    ])
      assert.ok(
        messages.some((m) => expected.test(m)),
        `${expected} in ${messages.join(' | ')}`,
      );
    assert.deepEqual(parseClaimsCsv('\u0000\u0001', TODAY).problems, [
      { line: 1, message: 'Die Datei ist keine Textdatei (CSV).' },
    ]);
    assert.match(parseClaimsCsv('a;b\n1;2', TODAY).problems[0]!.message, /Unbekannte Spalte/);
    // An unknown course refuses the whole submission with its line; nothing is written.
    const before = await t.database.db
      .selectFrom('training_claims')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const ok = parseClaimsCsv(
      [header, good, good.replace('VDI4645-GRUNDLAGEN', 'NICHT-GELISTET')].join('\n'),
      TODAY,
    );
    assert.deepEqual(ok.problems, []);
    await rejects(
      submitTrainingClaims({ db: t.database.db, actor: firmA, claims: ok.claims, now: NOW }),
      'validation',
      /Zeile 3: Kurs: „NICHT-GELISTET“/,
    );
    const afterCount = await t.database.db
      .selectFrom('training_claims')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(afterCount.n, before.n);
  });
});
