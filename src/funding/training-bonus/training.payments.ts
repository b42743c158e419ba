import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { fundingBodyOf } from './training.body.ts';
import { lockTrainingBonus } from './training.checks.ts';
import { bindWaitingClaims } from './training.funds.ts';
import { buildPain001, validatePain001 } from './training.sepa.ts';

/**
 * Monthly payment runs: every approved, unpaid claim of the funding body not already in an open
 * run becomes one credit transfer in ONE pain.001 file, validated against the ISO 20022 schema
 * before it is stored. Confirming the run (the bank has taken the file) marks its claims paid.
 * Never twice: a claim stands in at most one confirmed run (unique index on the items), a run is
 * confirmed once (row lock, state check), and the claims must still be approved at that moment.
 * Only one run may be open at a time; a lost file is re-created by cancelling the open run first.
 * The confirmation also posts each claim's payment on the budget ledger, against the claim's
 * commitment (training.funds.ts): the ledger's position refuses more than was committed, and its
 * unique index a second payment of the same claim.
 */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function isoDay(value: string): boolean {
  const d = new Date(`${value}T12:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(d.getTime()) &&
    d.toISOString().slice(0, 10) === value
  );
}

export async function createPaymentRun(options: {
  db: Db;
  actor: Actor;
  month: string;
  executionDate: string;
  now: Date;
}): Promise<{ runId: string; items: number; totalCents: number }> {
  const body = fundingBodyOf(options.actor);
  const month = options.month.trim();
  const execution = options.executionDate.trim();
  const today = options.now.toISOString().slice(0, 10);
  if (!MONTH.test(month))
    throw new AppError('validation', 'Monat: Bitte im Format JJJJ-MM angeben.', [
      { field: 'month', message: 'Monat: Bitte im Format JJJJ-MM angeben.' },
    ]);
  if (!isoDay(execution) || execution < today)
    throw new AppError('validation', 'Ausführungstag: Bitte ein Datum ab heute angeben.', [
      { field: 'executionDate', message: 'Ausführungstag: Bitte ein Datum ab heute angeben.' },
    ]);
  return options.db.transaction().execute(async (trx) => {
    await lockTrainingBonus(trx, body.id);
    // Claims that waited for funds and now find them are bound first and paid with this run.
    await bindWaitingClaims(trx, { tenantId: body.id, now: options.now, userId: body.userId });
    const settings = await trx
      .selectFrom('training_bonus_settings')
      .selectAll()
      .where('tenant_id', '=', body.id)
      .executeTakeFirst();
    if (!settings)
      throw new AppError(
        'conflict',
        'Bitte zuerst das Auszahlungskonto der Förderstelle hinterlegen.',
      );
    const open = await trx
      .selectFrom('training_payment_runs')
      .select('id')
      .where('tenant_id', '=', body.id)
      .where('status', '=', 'created')
      .executeTakeFirst();
    if (open)
      throw new AppError(
        'conflict',
        'Es gibt schon einen offenen Zahlungslauf. Bitte bestätigen oder verwerfen Sie ihn zuerst.',
      );
    const claims = await trx
      .selectFrom('training_claims as c')
      .select(['c.id', 'c.account_holder', 'c.iban', 'c.bic', 'c.granted_cents', 'c.employee_name'])
      .where('c.tenant_id', '=', body.id)
      .where('c.status', '=', 'approved')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('training_payment_items as i')
              .innerJoin('training_payment_runs as r', 'r.id', 'i.run_id')
              .select('i.id')
              .whereRef('i.claim_id', '=', 'c.id')
              .where('r.status', '<>', 'cancelled'),
          ),
        ),
      )
      .orderBy('c.seq')
      .execute();
    if (claims.length === 0)
      throw new AppError('conflict', 'Es gibt keine bewilligten, noch nicht ausgezahlten Anträge.');
    const messageId = `BPW-${month}-${randomBytes(6).toString('hex').toUpperCase()}`;
    const transfers = claims.map((c) => ({
      endToEndId: c.id.replace(/-/g, ''),
      creditorName: c.account_holder,
      iban: c.iban,
      bic: c.bic,
      amountCents: c.granted_cents!,
      // Unstructured remittance, at most 140 characters.
      remittance: `Bildungspraemie Waermepumpe ${month} ${c.employee_name}`.slice(0, 140),
    }));
    const xml = buildPain001({
      messageId,
      created: options.now,
      executionDate: execution,
      debtor: { name: settings.debtor_name, iban: settings.debtor_iban, bic: settings.debtor_bic },
      transfers,
    });
    const problems = validatePain001(xml);
    if (problems.length > 0)
      throw new AppError(
        'conflict',
        `Die Zahlungsdatei entspricht nicht dem Schema pain.001.001.09: ${problems.slice(0, 3).join(' | ')}`,
      );
    const total = transfers.reduce((sum, t) => sum + t.amountCents, 0);
    const run = await trx
      .insertInto('training_payment_runs')
      .values({
        tenant_id: body.id,
        month,
        message_id: messageId,
        execution_date: execution,
        item_count: transfers.length,
        total_cents: total,
        pain_xml: xml,
        pain_sha256: createHash('sha256').update(xml).digest('hex'),
        created_by: body.userId,
        created_at: options.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < transfers.length; i += 5_000) {
      await trx
        .insertInto('training_payment_items')
        .values(
          transfers.slice(i, i + 5_000).map((t, j) => ({
            tenant_id: body.id,
            run_id: run.id,
            claim_id: claims[i + j]!.id,
            amount_cents: t.amountCents,
            end_to_end_id: t.endToEndId,
          })),
        )
        .execute();
    }
    return { runId: run.id, items: transfers.length, totalCents: total };
  });
}

/** Marks the run's claims paid. Confirming twice, or a claim paid meanwhile, pays nothing. */
export async function confirmPaymentRun(options: {
  db: Db;
  actor: Actor;
  runId: string;
  now: Date;
}): Promise<{ paid: number }> {
  const body = fundingBodyOf(options.actor, ['supervisor']);
  return options.db.transaction().execute(async (trx) => {
    await lockTrainingBonus(trx, body.id);
    const run = await trx
      .selectFrom('training_payment_runs')
      .select(['id', 'status', 'item_count'])
      .where('id', '=', options.runId)
      .where('tenant_id', '=', body.id)
      .forUpdate()
      .executeTakeFirst();
    if (!run) throw new AppError('not_found', 'Der Zahlungslauf wurde nicht gefunden.');
    if (run.status !== 'created')
      throw new AppError(
        'conflict',
        run.status === 'confirmed'
          ? 'Der Zahlungslauf ist bereits bestätigt; es wird nichts ein zweites Mal ausgezahlt.'
          : 'Der Zahlungslauf wurde verworfen.',
      );
    // The unique index training_payment_items_paid_once refuses a claim of another confirmed run.
    try {
      await trx
        .updateTable('training_payment_items')
        .set({ confirmed: true })
        .where('run_id', '=', run.id)
        .execute();
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      throw new AppError(
        'conflict',
        'Mindestens ein Antrag dieses Laufs ist schon mit einem bestätigten Zahlungslauf ausgezahlt; es wird nichts ein zweites Mal ausgezahlt.',
      );
    }
    const paid = await sql<{ id: string }>`
      update training_claims c set status = 'paid'
      from training_payment_items i
      where i.run_id = ${run.id} and i.claim_id = c.id and c.status = 'approved'
        and c.granted_cents = i.amount_cents
      returning c.id`.execute(trx);
    if (paid.rows.length !== run.item_count)
      throw new AppError(
        'conflict',
        'Nicht alle Anträge des Zahlungslaufs sind noch bewilligt und unbezahlt; bitte den Lauf verwerfen und neu erstellen.',
      );
    await postRunPayments(trx, { runId: run.id, itemCount: run.item_count, userId: body.userId });
    await trx
      .updateTable('training_payment_runs')
      .set({ status: 'confirmed', confirmed_by: body.userId, confirmed_at: options.now })
      .where('id', '=', run.id)
      .execute();
    await sql`insert into training_claim_events (tenant_id, claim_id, kind, actor_id, actor_name, at)
      select ${body.id}, claim_id, 'paid', ${body.userId}, ${body.userName}, ${options.now}
      from training_payment_items where run_id = ${run.id}`.execute(trx);
    return { paid: paid.rows.length };
  });
}

export async function cancelPaymentRun(options: {
  db: Db;
  actor: Actor;
  runId: string;
  now?: Date;
}): Promise<void> {
  const body = fundingBodyOf(options.actor);
  const result = await options.db
    .updateTable('training_payment_runs')
    .set({ status: 'cancelled' })
    .where('id', '=', options.runId)
    .where('tenant_id', '=', body.id)
    .where('status', '=', 'created')
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    const exists = await options.db
      .selectFrom('training_payment_runs')
      .select('status')
      .where('id', '=', options.runId)
      .where('tenant_id', '=', body.id)
      .executeTakeFirst();
    if (!exists) throw new AppError('not_found', 'Der Zahlungslauf wurde nicht gefunden.');
    throw new AppError('conflict', 'Nur ein offener Zahlungslauf kann verworfen werden.');
  }
}

/**
 * The payments of a confirmed run on the budget ledger: one entry per claim on the line of its
 * commitment. Every item must find its commitment, or nothing of the confirmation is kept.
 */
async function postRunPayments(
  trx: Db,
  options: { runId: string; itemCount: number; userId: string },
): Promise<void> {
  let posted: number;
  try {
    const result = await sql`
      insert into funding_ledger_entries
        (tenant_id, line_id, kind, amount_cents, claim_id, reason, recorded_by)
      select i.tenant_id, p.line_id, 'payment', i.amount_cents, i.claim_id,
        'Bildungsprämie Wärmepumpe: Auszahlung mit dem Zahlungslauf ' || r.month, ${options.userId}::uuid
      from training_payment_items i
      join training_payment_runs r on r.id = i.run_id
      join funding_ledger_positions p on p.claim_id = i.claim_id and p.tenant_id = i.tenant_id
      where i.run_id = ${options.runId}
      order by i.claim_id`.execute(trx);
    posted = Number(result.numAffectedRows ?? 0n);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '23514') throw error;
    throw new AppError(
      'conflict',
      'Die Auszahlungen des Laufs passen nicht zu den Bindungen im Haushalt (schon ausgezahlt oder mehr als gebunden); es wird nichts gebucht.',
    );
  }
  if (posted !== options.itemCount)
    throw new AppError(
      'conflict',
      'Nicht für jeden Antrag des Laufs sind Haushaltsmittel gebunden; bitte den Lauf verwerfen und neu erstellen.',
    );
}
