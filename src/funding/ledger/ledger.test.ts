import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createDb, type Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import {
  lineBalance,
  postAppropriation,
  postCommitment,
  postPayment,
  postRecovery,
  releaseCommitment,
} from './ledger.actions.ts';
import { createBudgetLine } from './budget-lines.ts';

async function fundingBody(db: Db, name: string): Promise<string> {
  const row = await db
    .insertInto('organisations')
    .values({ name, kind: 'funding-body' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

let counter = 0;
async function procedure(db: Db, tenantId: string): Promise<string> {
  counter += 1;
  const row = await db
    .insertInto('procedures')
    .values({
      tenant_id: tenantId,
      reference: `F-TEST-${counter}`,
      title: `Förderverfahren ${counter}`,
      type_key: 'funding-test',
      type_version: '1',
      step: 'decided',
      state: JSON.stringify({}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function line(db: Db, tenantId: string, year = '2027'): Promise<string> {
  return createBudgetLine({
    db,
    tenantId,
    userId: null,
    input: {
      programmeId: 'progres-bildungspraemie-waermepumpe',
      budgetLine: `0710/686 ${String(10 + counter++)}`,
      year,
      label: '',
    },
  });
}

const base = { userId: null, reason: 'Testbuchung' };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  assert.fail('erwartete eine Ablehnung');
}

describe('budget ledger on the real database', () => {
  let database: TestDatabase;
  let db: Db;
  let tenant: string;
  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    tenant = await fundingBody(db, 'Förderstelle Test');
  });
  after(async () => database.drop());

  it('posts appropriation, commitment, payment, release and recovery and keeps the balance', async () => {
    const lineId = await line(db, tenant);
    const proc = await procedure(db, tenant);
    const p = { ...base, tenantId: tenant, lineId };
    await db
      .transaction()
      .execute((trx) => postAppropriation(trx, { ...p, amountCents: 5_000_000 }));
    await db
      .transaction()
      .execute((trx) => postCommitment(trx, { ...p, procedureId: proc, amountCents: 2_000_000 }));
    await db
      .transaction()
      .execute((trx) => postPayment(trx, { ...p, procedureId: proc, amountCents: 1_500_000 }));
    await db
      .transaction()
      .execute((trx) => releaseCommitment(trx, { ...p, procedureId: proc, amountCents: 400_000 }));
    await db
      .transaction()
      .execute((trx) => postRecovery(trx, { ...p, procedureId: proc, amountCents: 300_000 }));
    assert.deepEqual(await lineBalance(db, tenant, lineId), {
      appropriatedCents: 5_000_000,
      committedCents: 1_600_000,
      paidCents: 1_500_000,
      recoveredCents: 300_000,
      availableCents: 3_400_000,
    });
  });

  it('refuses with the amounts in German and writes nothing', async () => {
    const lineId = await line(db, tenant);
    const proc = await procedure(db, tenant);
    const p = { ...base, tenantId: tenant, lineId, procedureId: proc };
    await postAppropriation(db, { ...p, amountCents: 1_234_500 });
    const tooMuch = await refusal(postCommitment(db, { ...p, amountCents: 2_000_000 }));
    assert.equal(tooMuch.code, 'conflict');
    assert.equal(
      tooMuch.message,
      'Der Haushaltsansatz reicht nicht: verfügbar 12.345,00 €, benötigt 20.000,00 €.',
    );
    await postCommitment(db, { ...p, amountCents: 1_000_000 });
    const pay = await refusal(postPayment(db, { ...p, amountCents: 1_000_001 }));
    assert.match(pay.message, /Auszahlung übersteigt die Bindung.*10\.000,00 €.*10\.000,01 €/);
    await postPayment(db, { ...p, amountCents: 600_000 });
    const release = await refusal(releaseCommitment(db, { ...p, amountCents: 400_001 }));
    assert.match(release.message, /offen 4\.000,00 €/);
    const recover = await refusal(postRecovery(db, { ...p, amountCents: 600_001 }));
    assert.match(recover.message, /Rückforderung übersteigt/);
    for (const bad of [0, -5, 1.5, Number.NaN, 100_000_000_001]) {
      const e = await refusal(postAppropriation(db, { ...p, amountCents: bad }));
      assert.equal(e.code, 'validation');
    }
    assert.equal(
      (await refusal(postAppropriation(db, { ...p, amountCents: 1, reason: ' ' }))).code,
      'validation',
    );
    const count = await db
      .selectFrom('funding_ledger_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('line_id', '=', lineId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 3);
  });

  it("a funding body cannot post on another body's line or for another body's procedure", async () => {
    const other = await fundingBody(db, 'Andere Förderstelle');
    const otherLine = await line(db, other);
    const ownLine = await line(db, tenant);
    const otherProc = await procedure(db, other);
    await postAppropriation(db, { ...base, tenantId: tenant, lineId: ownLine, amountCents: 100 });
    const e1 = await refusal(
      postAppropriation(db, { ...base, tenantId: tenant, lineId: otherLine, amountCents: 100 }),
    );
    assert.equal(e1.code, 'not_found');
    const e2 = await refusal(
      postCommitment(db, {
        ...base,
        tenantId: tenant,
        lineId: ownLine,
        procedureId: otherProc,
        amountCents: 50,
      }),
    );
    assert.equal(e2.code, 'not_found');
    // The database refuses it too, without the code's check.
    await assert.rejects(
      db
        .insertInto('funding_ledger_entries')
        .values({
          tenant_id: tenant,
          line_id: ownLine,
          kind: 'commitment',
          amount_cents: 50,
          procedure_id: otherProc,
          reason: 'direkt',
        })
        .execute(),
      /another funding body/,
    );
    const e3 = await refusal(
      postAppropriation(db, { ...base, tenantId: tenant, lineId: 'kein-uuid', amountCents: 100 }),
    );
    assert.equal(e3.code, 'not_found');
  });

  it('entries are append-only and totals change only through entries', async () => {
    const lineId = await line(db, tenant);
    const proc = await procedure(db, tenant);
    await postAppropriation(db, { ...base, tenantId: tenant, lineId, amountCents: 1000 });
    await postCommitment(db, {
      ...base,
      tenantId: tenant,
      lineId,
      procedureId: proc,
      amountCents: 700,
    });
    await assert.rejects(
      sql`update funding_ledger_entries set amount_cents = 1 where line_id = ${lineId}`.execute(db),
      /append-only/,
    );
    await assert.rejects(
      sql`delete from funding_ledger_entries where line_id = ${lineId}`.execute(db),
      /append-only/,
    );
    await assert.rejects(sql`truncate funding_ledger_entries cascade`.execute(db), /truncated/);
    await assert.rejects(
      sql`update funding_budget_lines set appropriated_cents = 999999 where id = ${lineId}`.execute(
        db,
      ),
      /only through ledger entries/,
    );
    await assert.rejects(
      sql`update funding_ledger_positions set paid_cents = 0 where line_id = ${lineId}`.execute(db),
      /only through ledger entries/,
    );
    await assert.rejects(
      sql`delete from funding_ledger_positions where line_id = ${lineId}`.execute(db),
      /cannot be deleted/,
    );
    // Direct inserts past the code: the constraints hold.
    const direct = (kind: 'commitment' | 'payment' | 'recovery', amount: number) =>
      db
        .insertInto('funding_ledger_entries')
        .values({
          tenant_id: tenant,
          line_id: lineId,
          kind,
          amount_cents: amount,
          procedure_id: proc,
          reason: 'direkt',
        })
        .execute();
    await assert.rejects(direct('commitment', 301), /funding_budget_lines_commitments_covered/);
    await assert.rejects(direct('payment', 701), /funding_ledger_positions_commitment_covers/);
    await assert.rejects(direct('recovery', 1), /funding_ledger_positions_recovery_covered/);
    // Removing the account of the user who posted clears the author and nothing else.
    const user = await db
      .insertInto('users')
      .values({ email: 'buchung@example.test', display_name: 'Buchung', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await postAppropriation(db, {
      ...base,
      userId: user.id,
      tenantId: tenant,
      lineId,
      amountCents: 5,
    });
    await db.deleteFrom('users').where('id', '=', user.id).execute();
    const authors = await db
      .selectFrom('funding_ledger_entries')
      .select('recorded_by')
      .where('line_id', '=', lineId)
      .where('amount_cents', '=', 5)
      .execute();
    assert.deepEqual(authors, [{ recorded_by: null }]);
    // The label may be changed.
    await sql`update funding_budget_lines set label = 'Neu' where id = ${lineId}`.execute(db);
    const balance = await lineBalance(db, tenant, lineId);
    assert.equal(balance.availableCents, 305);
  });

  for (const isolation of ['read committed', 'repeatable read', 'serializable'] as const) {
    it(`50 concurrent commitments (${isolation}): exactly as many succeed as fit`, async () => {
      // A pool as wide as the number of transactions, so that all of them really run at once.
      const wide = createDb(database.url, { max: 50 });
      try {
        const lineId = await line(db, tenant);
        const appropriation = 10_000_000;
        await postAppropriation(db, {
          ...base,
          tenantId: tenant,
          lineId,
          amountCents: appropriation,
        });
        const procs = await Promise.all(Array.from({ length: 50 }, () => procedure(db, tenant)));
        // Amounts between 1.000 € and 5.000 €, deterministic per run.
        const amounts = procs.map((_, i) => 100_000 + ((i * 7919) % 400_001));
        const results = await Promise.allSettled(
          procs.map((procedureId, i) =>
            wide
              .transaction()
              .setIsolationLevel(isolation)
              .execute(async (trx) => {
                // Something else of the decision first, so that the transactions overlap.
                await sql`select pg_sleep(0.01)`.execute(trx);
                return postCommitment(trx, {
                  ...base,
                  tenantId: tenant,
                  lineId,
                  procedureId,
                  amountCents: amounts[i]!,
                });
              }),
          ),
        );
        let committed = 0;
        for (const [i, r] of results.entries()) {
          if (r.status === 'fulfilled') committed += amounts[i]!;
          else {
            assert.ok(r.reason instanceof AppError, String(r.reason));
            assert.equal(r.reason.code, 'conflict');
          }
        }
        const balance = await lineBalance(db, tenant, lineId);
        assert.equal(balance.committedCents, committed);
        assert.ok(committed <= appropriation);
        const sum = await db
          .selectFrom('funding_ledger_entries')
          .select((eb) => eb.fn.sum<number>('amount_cents').as('s'))
          .where('line_id', '=', lineId)
          .where('kind', '=', 'commitment')
          .executeTakeFirstOrThrow();
        assert.equal(Number(sum.s), committed);
        const succeeded = results.filter((r) => r.status === 'fulfilled').length;
        assert.ok(succeeded > 0 && succeeded < 50, `${succeeded} erfolgreich`);
        if (isolation === 'read committed') {
          // Under READ COMMITTED the losers are refused only when the rest no longer fits: what
          // is left is smaller than every refused amount.
          const refused = amounts.filter((_, i) => results[i]!.status === 'rejected');
          assert.ok(refused.every((a) => a > appropriation - committed));
        }
      } finally {
        await wide.destroy();
      }
    });
  }

  it('20 concurrent payments on one commitment: never more than committed', async () => {
    const wide = createDb(database.url, { max: 20 });
    try {
      const lineId = await line(db, tenant);
      const proc = await procedure(db, tenant);
      const p = { ...base, tenantId: tenant, lineId, procedureId: proc };
      await postAppropriation(db, { ...p, amountCents: 1_000_000 });
      await postCommitment(db, { ...p, amountCents: 100_000 });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          wide.transaction().execute((trx) => postPayment(trx, { ...p, amountCents: 15_000 })),
        ),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 6);
      const balance = await lineBalance(db, tenant, lineId);
      assert.equal(balance.paidCents, 90_000);
      const recoveries = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          wide.transaction().execute((trx) => postRecovery(trx, { ...p, amountCents: 10_000 })),
        ),
      );
      assert.equal(recoveries.filter((r) => r.status === 'fulfilled').length, 9);
    } finally {
      await wide.destroy();
    }
  });

  it('50 concurrent raw inserts without the code: the database alone keeps the limit', async () => {
    const wide = createDb(database.url, { max: 50 });
    try {
      const lineId = await line(db, tenant);
      await postAppropriation(db, { ...base, tenantId: tenant, lineId, amountCents: 1_000_000 });
      const proc = await procedure(db, tenant);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          wide
            .insertInto('funding_ledger_entries')
            .values({
              tenant_id: tenant,
              line_id: lineId,
              kind: 'commitment',
              amount_cents: 30_000,
              procedure_id: proc,
              reason: 'gleichzeitig',
            })
            .execute(),
        ),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 33);
      assert.equal((await lineBalance(db, tenant, lineId)).committedCents, 990_000);
    } finally {
      await wide.destroy();
    }
  });
});
