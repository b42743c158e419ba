import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Actor } from '../../src/platform/auth/actor.ts';
import { AppError } from '../../src/platform/errors.ts';
import { formatEuro } from '../../src/law/fees/money.ts';
import { declareDeMinimisAid } from '../../src/funding/de-minimis/de-minimis.actions.ts';
import { postAppropriation } from '../../src/funding/ledger/ledger.actions.ts';
import {
  bindWaitingTrainingClaims,
  decideTrainingClaim,
} from '../../src/funding/training-bonus/training.body.ts';
import type { CheckResult } from '../../src/funding/training-bonus/training.checks.ts';
import { submitTrainingClaims } from '../../src/funding/training-bonus/training.claims.ts';
import {
  confirmPaymentRun,
  createPaymentRun,
} from '../../src/funding/training-bonus/training.payments.ts';
import { BONUS_PROGRAMME_ID } from '../../src/funding/training-bonus/training.funds.ts';
import { validateClaim, type ValidClaim } from '../../src/funding/training-bonus/training.rules.ts';
import { Client, createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import { orgId } from '../helpers/permits.ts';
import { addMember, addProfile, bonusLine, claimDraft } from '../helpers/training-bonus.ts';

/**
 * The training bonus on the budget ledger: an approval binds the funds on the programme's line
 * (or the claim waits for funds), a confirmed run posts the payments, nothing twice; the line
 * never over-commits under concurrent approvals; de-minimis aid is checked and recorded at the
 * approval; the budget page shows the bonus's postings.
 */
const NOW = new Date('2026-11-24T09:00:00Z');
const TODAY = '2026-11-24';

/** A person's given name from a number (letters only: names carry no digits). */
function nameOf(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return `P${s}`;
}

function valid(overrides: Parameters<typeof claimDraft>[0] = {}): ValidClaim {
  const result = validateClaim(claimDraft(overrides), TODAY);
  if ('errors' in result) throw new Error(JSON.stringify(result.errors));
  return result.claim;
}

/** A small deterministic random source (mulberry32), so a failing round can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('training bonus on the budget ledger and the de-minimis record', () => {
  let t: TestApp;
  let body: string;
  let firms: { id: string; actor: Actor }[];
  let leader: Actor;
  let worker: Actor;
  let person = 0;
  const nextPerson = () => nameOf(person++);

  before(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    const db = t.database.db;
    body = await orgId(t, 'Bezirksregierung Arnsberg');
    firms = [];
    for (const name of ['Heizung Alpha GmbH', 'Kälte Beta GmbH', 'Wärme Gamma KG', 'SHK Delta']) {
      const m = await addMember(db, {
        org: name,
        kind: 'company',
        email: `antrag@${name.split(' ')[1]!.toLowerCase()}.example`,
        role: 'applicant',
      });
      await addProfile(db, m.orgId);
      firms.push({ id: m.orgId, actor: await m.actor() });
    }
    const add = async (email: string, role: 'case_worker' | 'supervisor') =>
      (await addMember(db, { org: 'x', kind: 'funding-body', email, role, orgId: body })).actor();
    worker = await add('sb@arnsberg.example', 'case_worker');
    leader = await add('l@arnsberg.example', 'supervisor');
    await db.updateTable('training_bonus_settings').set({ qa_sample_permille: 0 }).execute();
  });
  after(async () => t.close());
  beforeEach(async () => {
    await t.database.db
      .updateTable('training_bonus_settings')
      .set({ qa_sample_permille: 0 })
      .execute();
  });

  const db = () => t.database.db;
  const submit = (firm: number, overrides: Parameters<typeof claimDraft>[0] = {}) =>
    submitTrainingClaims({
      db: db(),
      actor: firms[firm]!.actor,
      claims: [valid({ givenName: nextPerson(), ...overrides })],
      now: NOW,
    });
  const claim = (id: string) =>
    db().selectFrom('training_claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const entries = (claimId: string) =>
    db()
      .selectFrom('funding_ledger_entries')
      .select(['kind', 'amount_cents', 'line_id'])
      .where('claim_id', '=', claimId)
      .orderBy('recorded_at')
      .execute();
  const line = (id: string) =>
    db()
      .selectFrom('funding_budget_lines')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const lineNamed = async (budgetLine: string) =>
    (
      await db()
        .selectFrom('funding_budget_lines')
        .select('id')
        .where('budget_line', '=', budgetLine)
        .executeTakeFirstOrThrow()
    ).id;
  const appropriate = (lineId: string, cents: number) =>
    db()
      .transaction()
      .execute((trx) =>
        postAppropriation(trx, {
          tenantId: body,
          lineId,
          amountCents: cents,
          reason: 'Nachtrag Bildungsprämie',
          userId: null,
        }),
      );
  /** Pays out whatever is approved, so that each test starts from a clean queue of payments. */
  const payAll = async () => {
    const run = await createPaymentRun({
      db: db(),
      actor: worker,
      month: '2026-11',
      executionDate: '2026-11-30',
      now: NOW,
    });
    await confirmPaymentRun({ db: db(), actor: leader, runId: run.runId, now: NOW });
    return run;
  };

  it('without a budget line a passing claim waits for funds, bound and recorded once there are', async () => {
    const { ids } = await submit(0);
    const waiting = await claim(ids[0]!);
    assert.equal(waiting.status, 'awaiting-funds');
    assert.match(waiting.decision_reason!, /Wartet auf Haushaltsmittel: .*keine Haushaltsstelle/);
    assert.deepEqual(await entries(ids[0]!), []);
    const aid = () =>
      db().selectFrom('de_minimis_aid').selectAll().where('claim_id', '=', ids[0]!).execute();
    assert.equal((await aid()).length, 0, 'no aid is granted before the approval');
    // Held against the employee's cap while it waits: a second claim for the person gets nothing.
    const person = await db()
      .selectFrom('training_person_ledger')
      .select('committed_cents')
      .where('person_key', '=', waiting.person_key)
      .executeTakeFirstOrThrow();
    assert.equal(person.committed_cents, 150_000);

    // A line with too little: still waiting, the amounts in German.
    const lineId = await bonusLine(db(), body, '0710/686 71', 100_000);
    assert.deepEqual(await bindWaitingTrainingClaims({ db: db(), actor: worker, now: NOW }), {
      approved: 0,
      waiting: 1,
      refused: 0,
      reduced: 0,
    });
    assert.match(
      (await claim(ids[0]!)).decision_reason!,
      /verfügbar 1\.000,00 € \(0710\/686 71\), benötigt für den nächsten Antrag 1\.500,00 €/,
    );
    assert.equal((await line(lineId)).committed_cents, 0);

    // Funds arrive: the next payment run binds the claim first and pays it.
    await appropriate(lineId, 50_000);
    const paid = await payAll();
    assert.equal(paid.items, 1);
    const done = await claim(ids[0]!);
    assert.equal(done.status, 'paid');
    assert.match(done.decision_reason!, /gebunden auf der Haushaltsstelle 0710\/686 71 \(2026\)/);
    assert.deepEqual(
      (await entries(ids[0]!)).map((e) => `${e.kind}:${e.amount_cents}`),
      ['commitment:150000', 'payment:150000'],
    );
    const granted = await aid();
    assert.equal(granted.length, 1);
    assert.equal(granted[0]!.amount_cents, 150_000);
    assert.equal(granted[0]!.granted_on, TODAY, 'granted on the day of the approval (Art. 3 (4))');
    assert.equal(granted[0]!.tenant_id, firms[0]!.id);
    const l = await line(lineId);
    assert.deepEqual([l.committed_cents, l.paid_cents], [150_000, 150_000]);
  });

  it('approval commits, the confirmed run pays; a retried confirmation posts nothing twice', async () => {
    const lineId = await lineNamed('0710/686 71');
    await appropriate(lineId, 1_000_000);
    const before = await line(lineId);
    const { ids } = await submitTrainingClaims({
      db: db(),
      actor: firms[1]!.actor,
      claims: [
        valid({ givenName: nextPerson() }),
        valid({ givenName: nextPerson(), trainingDays: '2', courseEnd: '2026-10-06' }),
      ],
      now: NOW,
    });
    for (const id of ids) assert.equal((await claim(id)).status, 'approved');
    const committed = (await line(lineId)).committed_cents - before.committed_cents;
    assert.equal(committed, 150_000 + 100_000);
    const positions = await db()
      .selectFrom('funding_ledger_positions')
      .select(['claim_id', 'committed_cents', 'paid_cents'])
      .where('claim_id', 'in', ids)
      .execute();
    assert.equal(positions.length, 2);

    const run = await createPaymentRun({
      db: db(),
      actor: worker,
      month: '2026-11',
      executionDate: '2026-11-30',
      now: NOW,
    });
    assert.equal(run.items, 2);
    assert.deepEqual(
      await confirmPaymentRun({ db: db(), actor: leader, runId: run.runId, now: NOW }),
      {
        paid: 2,
      },
    );
    const count = async () =>
      (
        await db()
          .selectFrom('funding_ledger_entries')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('line_id', '=', lineId)
          .executeTakeFirstOrThrow()
      ).n;
    const entriesAfter = await count();
    const paidAfter = (await line(lineId)).paid_cents;
    assert.equal(paidAfter - before.paid_cents, 250_000);
    // The retry: refused, and the ledger is unchanged.
    await assert.rejects(
      confirmPaymentRun({ db: db(), actor: leader, runId: run.runId, now: NOW }),
      (e: unknown) => e instanceof AppError && e.code === 'conflict',
    );
    assert.equal(await count(), entriesAfter);
    assert.equal((await line(lineId)).paid_cents, paidAfter);
    // The database refuses a second payment or commitment of a claim, whatever the code does.
    const forged = (kind: string, amount: number) =>
      sql`insert into funding_ledger_entries (tenant_id, line_id, kind, amount_cents, claim_id, reason)
        values (${body}, ${lineId}, ${kind}, ${amount}, ${ids[0]!}, 'Fälschung')`.execute(db());
    // A second payment: the position (paid ≤ committed) or the unique index, whichever is first.
    await assert.rejects(
      forged('payment', 1),
      /funding_ledger_positions_commitment_covers|funding_ledger_entries_claim_once/,
    );
    await assert.rejects(forged('commitment', 1), /funding_ledger_entries_claim_once/);
    // A release and a recovery are not bonus movements twice either, and no movement names
    // a procedure and a claim at once.
    await assert.rejects(
      sql`insert into funding_ledger_entries (tenant_id, line_id, kind, amount_cents, reason)
        values (${body}, ${lineId}, 'commitment', 1, 'ohne Bezug')`.execute(db()),
      /funding_ledger_entries_procedure/,
    );
  });

  it('the database refuses a claim commitment beyond the line and payments beyond the commitment', async () => {
    const lineId = await bonusLine(db(), body, '0710/686 72', 10_000, '2031');
    const { ids } = await submit(2);
    // A copy of a claim that was never bound, to book on the line directly.
    const fresh = (
      await sql<{ id: string }>`
        insert into training_claims (tenant_id, company_id, person_key, employee_name, role,
          course_id, course_start, course_end, training_days, iban, account_holder,
          requested_cents, cap_cents)
        select tenant_id, company_id, repeat('e', 64), employee_name, role, course_id,
          course_start, course_end, training_days, iban, account_holder, requested_cents, cap_cents
        from training_claims where id = ${ids[0]!}
        returning id`.execute(db())
    ).rows[0]!.id;
    const insert = (kind: string, amount: number) =>
      sql`insert into funding_ledger_entries (tenant_id, line_id, kind, amount_cents, claim_id, reason)
        values (${body}, ${lineId}, ${kind}, ${amount}, ${fresh}, 'direkt')`.execute(db());
    await assert.rejects(insert('commitment', 10_001), /funding_budget_lines_commitments_covered/);
    await insert('commitment', 5_000);
    await assert.rejects(insert('payment', 5_001), /funding_ledger_positions_commitment_covers/);
    // A claim stays on one line: the same claim cannot be booked on a second line.
    const other = await bonusLine(db(), body, '0710/686 73', 10_000, '2031');
    await assert.rejects(
      sql`insert into funding_ledger_entries (tenant_id, line_id, kind, amount_cents, claim_id, reason)
        values (${body}, ${other}, 'payment', 1, ${fresh}, 'andere Stelle')`.execute(db()),
      /the claim is booked on another budget line/,
    );
    // Another funding body cannot book this body's claim.
    const nrw = await addMember(db(), {
      org: 'NRW.BANK (Test)',
      kind: 'funding-body',
      email: 'sb@nrwbank-test.example',
      role: 'case_worker',
    });
    const foreign = await bonusLine(db(), nrw.orgId, '0710/686 74', 10_000, '2031');
    await assert.rejects(
      sql`insert into funding_ledger_entries (tenant_id, line_id, kind, amount_cents, claim_id, reason)
        values (${nrw.orgId}, ${foreign}, 'recovery', 1, ${fresh}, 'fremd')`.execute(db()),
      /the claim belongs to another funding body/,
    );
  });

  it('a firm over the de-minimis ceiling is reduced, then refused, with the computation shown', async () => {
    // A firm of its own with aid of another body just below the ceiling (VO (EU) 2023/2831).
    const m = await addMember(db(), {
      org: 'Klima Epsilon GmbH',
      kind: 'company',
      email: 'antrag@epsilon.example',
      role: 'applicant',
    });
    await addProfile(db(), m.orgId);
    const firm = { id: m.orgId, actor: await m.actor() };
    const user = { user_id: m.userId };
    await declareDeMinimisAid({
      db: db(),
      companyId: firm.id,
      userId: user.user_id,
      today: TODAY,
      input: {
        grantingBody: 'Bundesamt für Beispiele',
        grantedOn: '2025-02-01',
        amount: '299.000,00',
        regulation: '2023/2831',
        aidInstrument: 'grant',
        recipientName: '',
        reference: '',
      },
    });
    const granted = await db()
      .selectFrom('de_minimis_aid')
      .select(sql<number>`coalesce(sum(amount_cents), 0)::bigint`.as('s'))
      .where('tenant_id', '=', firm.id)
      .where('source', '=', 'granted')
      .executeTakeFirstOrThrow();
    assert.equal(Number(granted.s), 0, 'the firm has no bonus yet');
    const { ids } = await submitTrainingClaims({
      db: db(),
      actor: firm.actor,
      claims: [valid({ givenName: nextPerson() }), valid({ givenName: nextPerson() })],
      now: NOW,
    });
    const reduced = await claim(ids[0]!);
    assert.equal(reduced.status, 'approved');
    assert.equal(reduced.granted_cents, 100_000);
    assert.match(reduced.decision_reason!, /gekürzt auf den De-minimis-Spielraum/);
    assert.match(
      reduced.decision_reason!,
      /Höchstbetrag 300\.000,00 € in drei Jahren .*bereits angerechnet 299\.000,00 €; Spielraum 1\.000,00 €; beantragt 1\.500,00 €; bewilligt 1\.000,00 €/,
    );
    const dm = (reduced.checks as CheckResult[]).find((c) => c.id === 'de-minimis')!;
    assert.equal(dm.outcome, 'reduced');
    assert.equal(dm.facts!.headroomCents, 100_000);
    const refused = await claim(ids[1]!);
    assert.equal(refused.status, 'refused');
    assert.equal(refused.granted_cents, 0);
    assert.match(
      refused.decision_reason!,
      /De-minimis-Höchstbetrag des Unternehmens ist ausgeschöpft/,
    );
    assert.match(
      refused.decision_reason!,
      /unmittelbar davor bewilligt 1\.000,00 €; Spielraum 0,00 €/,
    );
    assert.deepEqual(await entries(ids[1]!), [], 'a refused claim binds nothing');
    const aid = await db()
      .selectFrom('de_minimis_aid')
      .select(['claim_id', 'amount_cents', 'funding_body_id'])
      .where('tenant_id', '=', firm.id)
      .where('source', '=', 'granted')
      .execute();
    assert.deepEqual(aid, [{ claim_id: ids[0]!, amount_cents: 100_000, funding_body_id: body }]);
    // The person ledger follows the reduction; the refused person holds nothing.
    const held = await db()
      .selectFrom('training_person_ledger')
      .select('committed_cents')
      .where('person_key', 'in', [reduced.person_key, refused.person_key])
      .orderBy('committed_cents', 'desc')
      .execute();
    assert.deepEqual(
      held.map((h) => h.committed_cents),
      [100_000, 0],
    );
  });

  it('concurrent auto-approvals on an exhausted line never over-commit and serve claims in order', async () => {
    // A year of its own: the line of 2027 is the only one the approvals can bind on.
    const now = new Date('2027-02-01T09:00:00Z');
    const rnd = random(20261124);
    const lineId = await bonusLine(db(), body, '0710/686 75', 0, '2027');
    let exhausted = 0;
    for (let round = 0; round < 6; round += 1) {
      // Any amount, also not a multiple of a claim: the line runs dry between two claims.
      await appropriate(lineId, 1 + Math.floor(rnd() * 1_200_000));
      const submissions = Array.from({ length: 4 + Math.floor(rnd() * 12) }, (_, i) =>
        submitTrainingClaims({
          db: db(),
          actor: firms[i % firms.length]!.actor,
          claims: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
            const days = 1 + Math.floor(rnd() * 3);
            return valid({
              givenName: nextPerson(),
              trainingDays: String(days),
              courseEnd: `2026-10-0${4 + days}`,
            });
          }),
          now,
        }),
      );
      const results = await Promise.allSettled(submissions);
      for (const r of results)
        assert.equal(r.status, 'fulfilled', String((r as PromiseRejectedResult).reason));

      const l = await line(lineId);
      assert.ok(l.committed_cents <= l.appropriated_cents, `round ${round}: over-committed`);
      const lines = await db()
        .selectFrom('funding_budget_lines')
        .select(['id', 'appropriated_cents', 'committed_cents'])
        .where('tenant_id', '=', body)
        .where('year', '=', 2027)
        .where('programme_id', '=', BONUS_PROGRAMME_ID)
        .execute();
      const available = lines.reduce((s, x) => s + x.appropriated_cents - x.committed_cents, 0);
      const claims = await db()
        .selectFrom('training_claims')
        .select(['id', 'seq', 'status', 'granted_cents'])
        .where('tenant_id', '=', body)
        .where('status', 'in', ['awaiting-funds', 'approved', 'paid'])
        .orderBy('seq')
        .execute();
      const bound = await db()
        .selectFrom('funding_ledger_entries')
        .select([
          'claim_id',
          sql<number>`sum(amount_cents)::bigint`.as('total'),
          sql<number>`count(*)::int`.as('n'),
        ])
        .where('kind', '=', 'commitment')
        .where('claim_id', 'is not', null)
        .groupBy('claim_id')
        .execute();
      const byClaim = new Map(bound.map((b) => [b.claim_id, b]));
      for (const c of claims) {
        const b = byClaim.get(c.id);
        if (c.status === 'awaiting-funds')
          assert.equal(b, undefined, 'a waiting claim binds nothing');
        else {
          assert.equal(b?.n, 1, 'one commitment per approved claim');
          assert.equal(Number(b.total), c.granted_cents);
        }
      }
      // First come, first served: no waiting claim before an approved one, and the first
      // waiting claim truly did not fit.
      const firstWaiting = claims.findIndex((c) => c.status === 'awaiting-funds');
      if (firstWaiting >= 0) exhausted += 1;
      if (firstWaiting >= 0) {
        assert.ok(claims.slice(firstWaiting).every((c) => c.status === 'awaiting-funds'));
        assert.ok(
          available < claims[firstWaiting]!.granted_cents!,
          `round ${round}: a claim was left waiting with room`,
        );
      }
      const sumOnLine = (
        await db()
          .selectFrom('funding_ledger_positions')
          .select(sql<number>`coalesce(sum(committed_cents), 0)::bigint`.as('s'))
          .where('line_id', '=', lineId)
          .executeTakeFirstOrThrow()
      ).s;
      assert.equal(Number(sumOnLine), l.committed_cents, 'line total = sum of its positions');
    }
    assert.ok(exhausted > 0, 'the line ran dry in at least one round');
  });

  it('an approval by hand without funds waits; the budget page shows the bonus postings', async () => {
    await db().updateTable('training_bonus_settings').set({ qa_sample_permille: 1000 }).execute();
    // 2028 has no budget line: the approval by hand cannot bind anything.
    const now = new Date('2028-03-01T09:00:00Z');
    const { ids } = await submitTrainingClaims({
      db: db(),
      actor: firms[1]!.actor,
      claims: [valid({ givenName: nextPerson() })],
      now,
    });
    assert.equal((await claim(ids[0]!)).status, 'qa');
    await decideTrainingClaim({
      db: db(),
      actor: worker,
      claimId: ids[0]!,
      decision: 'approve',
      reason: 'Unterlagen geprüft.',
      passedByHand: [],
      now,
    });
    const waiting = await claim(ids[0]!);
    assert.equal(waiting.status, 'awaiting-funds');
    assert.match(waiting.decision_reason!, /Wartet auf Haushaltsmittel: .*Haushaltsjahr 2028/);
    assert.deepEqual(await entries(ids[0]!), []);
    const events = await db()
      .selectFrom('training_claim_events')
      .select('kind')
      .where('claim_id', '=', ids[0]!)
      .execute();
    assert.deepEqual(
      events.map((e) => e.kind),
      ['approved-by-hand'],
    );

    const staff = new Client(t.app);
    await staff.logIn('foerderung@bezreg-arnsberg.example');
    const page = await staff.get('/foerderung/haushalt');
    assert.equal(page.statusCode, 200);
    const first = await line(await lineNamed('0710/686 71'));
    assert.ok(first.committed_cents > 0 && first.paid_cents > 0);
    const cells = [
      '0710/686 71 (Bildungsprämie)',
      '2026',
      formatEuro(first.appropriated_cents),
      formatEuro(first.committed_cents),
      formatEuro(first.paid_cents),
    ].map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    assert.match(page.body, new RegExp(cells.join('</t[dh]><t[dh][^>]*>')));

    // The queue page offers to bind the waiting claims; a firm may not, and changes nothing.
    const queue = await staff.get('/foerderstelle/bildungspraemie');
    assert.match(queue.body, /Wartende Anträge jetzt binden/);
    const entriesNow = async () =>
      (
        await db()
          .selectFrom('funding_ledger_entries')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await entriesNow();
    const firm = new Client(t.app);
    await firm.logIn('antrag@beta.example');
    const refused = await firm.submit(
      '/foerderung/bildungspraemie',
      '/foerderstelle/bildungspraemie/mittel-binden',
      {},
    );
    assert.equal(refused.statusCode, 403);
    assert.equal(await entriesNow(), before);
    const bound = await staff.submit(
      '/foerderstelle/bildungspraemie',
      '/foerderstelle/bildungspraemie/mittel-binden',
      {},
    );
    assert.equal(bound.statusCode, 303);
    assert.equal(bound.headers.location, '/foerderstelle/bildungspraemie?ok=gebunden');
    const noCsrf = await staff.post('/foerderstelle/bildungspraemie/mittel-binden', {});
    assert.equal(noCsrf.statusCode, 403);
  });
});
