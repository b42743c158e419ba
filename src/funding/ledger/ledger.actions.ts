/**
 * Postings on a funding body's budget ledger. Each function takes the caller's transaction
 * handle (style.md rule 2): a commitment is posted in the same transaction as the signed grant
 * decision, so that either both happen or neither. The limits are held by the database (row lock
 * on the budget line, CHECK constraints on the totals; migration 20261205T0100); the checks here
 * come first only to refuse with the amounts in a German message instead of a constraint name.
 */
import type { Kysely } from 'kysely';
import type { Database, LedgerEntryKind } from '../../db/schema.ts';
import { isUuid } from '../../db/ids.ts';
import { formatEuro } from '../../law/fees/money.ts';
import { AppError } from '../../platform/errors.ts';

type Trx = Kysely<Database>;

/** Upper bound of one entry (1 Mrd. €), the same as the column's CHECK. */
export const MAX_ENTRY_CENTS = 100_000_000_000;

export interface PostingInput {
  /** The funding body (tenant) whose ledger it is; a line of another body is "not found". */
  tenantId: string;
  lineId: string;
  amountCents: number;
  reason: string;
  /** The user who posts; null for postings by the system. */
  userId: string | null;
}

export interface ProcedurePostingInput extends PostingInput {
  procedureId: string;
}

export interface LineBalance {
  appropriatedCents: number;
  /** Commitments net of releases. */
  committedCents: number;
  paidCents: number;
  recoveredCents: number;
  /** What new commitments may still bind: appropriated − committed. */
  availableCents: number;
}

export interface PostedEntry {
  id: string;
  kind: LedgerEntryKind;
  amountCents: number;
  balance: LineBalance;
}

function validate(input: PostingInput): void {
  const errors = [];
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < 1) {
    errors.push({ field: 'amount', message: 'Geben Sie einen Betrag größer als 0,00 € an.' });
  } else if (input.amountCents > MAX_ENTRY_CENTS) {
    errors.push({
      field: 'amount',
      message: `Eine Buchung darf höchstens ${formatEuro(MAX_ENTRY_CENTS)} betragen.`,
    });
  }
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) {
    errors.push({
      field: 'reason',
      message: 'Geben Sie einen Buchungsgrund mit 3 bis 500 Zeichen an.',
    });
  }
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors);
}

const NO_LINE = 'Diese Haushaltsstelle gibt es bei Ihrer Förderstelle nicht.';

/** Locks the line (FOR UPDATE): every posting on one line waits for the one before. */
async function lockLine(trx: Trx, tenantId: string, lineId: string): Promise<LineBalance> {
  if (!isUuid(lineId) || !isUuid(tenantId)) throw new AppError('not_found', NO_LINE);
  const row = await trx
    .selectFrom('funding_budget_lines')
    .select(['appropriated_cents', 'committed_cents', 'paid_cents', 'recovered_cents'])
    .where('id', '=', lineId)
    .where('tenant_id', '=', tenantId)
    .forUpdate()
    .executeTakeFirst()
    .catch(translate);
  if (!row) throw new AppError('not_found', NO_LINE);
  return toBalance(row);
}

function toBalance(row: {
  appropriated_cents: number;
  committed_cents: number;
  paid_cents: number;
  recovered_cents: number;
}): LineBalance {
  return {
    appropriatedCents: row.appropriated_cents,
    committedCents: row.committed_cents,
    paidCents: row.paid_cents,
    recoveredCents: row.recovered_cents,
    availableCents: row.appropriated_cents - row.committed_cents,
  };
}

interface Position {
  committed: number;
  released: number;
  paid: number;
  recovered: number;
}

async function position(trx: Trx, input: ProcedurePostingInput): Promise<Position> {
  const NO_PROCEDURE = 'Dieses Verfahren gehört nicht zu Ihrer Förderstelle.';
  if (!isUuid(input.procedureId)) throw new AppError('not_found', NO_PROCEDURE);
  const procedure = await trx
    .selectFrom('procedures')
    .select('id')
    .where('id', '=', input.procedureId)
    .where('tenant_id', '=', input.tenantId)
    .executeTakeFirst();
  if (!procedure) throw new AppError('not_found', NO_PROCEDURE);
  const row = await trx
    .selectFrom('funding_ledger_positions')
    .select(['committed_cents', 'released_cents', 'paid_cents', 'recovered_cents'])
    .where('line_id', '=', input.lineId)
    .where('procedure_id', '=', input.procedureId)
    .executeTakeFirst();
  return {
    committed: row?.committed_cents ?? 0,
    released: row?.released_cents ?? 0,
    paid: row?.paid_cents ?? 0,
    recovered: row?.recovered_cents ?? 0,
  };
}

const REFUSALS: Record<string, string> = {
  funding_budget_lines_commitments_covered:
    'Der Haushaltsansatz reicht nicht: eine gleichzeitige Bindung hat die Mittel bereits gebunden.',
  funding_ledger_positions_commitment_covers:
    'Auszahlungen und Freigaben dürfen die Bindung des Verfahrens nicht übersteigen.',
  funding_ledger_positions_recovery_covered:
    'Rückforderungen dürfen die Auszahlungen des Verfahrens nicht übersteigen.',
  funding_ledger_entries_procedure_tenant: 'Dieses Verfahren gehört nicht zu Ihrer Förderstelle.',
};

/** The database's refusal (a concurrent posting got there first) as a German conflict. */
function translate(error: unknown): never {
  const e = error as { code?: unknown; constraint?: unknown };
  const refusal = typeof e.constraint === 'string' ? REFUSALS[e.constraint] : undefined;
  if (e.code === '23514' && refusal !== undefined) throw new AppError('conflict', refusal);
  if (e.code === '40001' || e.code === '40P01') {
    throw new AppError(
      'conflict',
      'Die Haushaltsstelle wurde gleichzeitig geändert. Bitte versuchen Sie es erneut.',
    );
  }
  throw error;
}

async function insertEntry(
  trx: Trx,
  kind: LedgerEntryKind,
  input: PostingInput,
  procedureId: string | null,
): Promise<PostedEntry> {
  try {
    const entry = await trx
      .insertInto('funding_ledger_entries')
      .values({
        tenant_id: input.tenantId,
        line_id: input.lineId,
        kind,
        amount_cents: input.amountCents,
        procedure_id: procedureId,
        reason: input.reason.trim(),
        recorded_by: input.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      id: entry.id,
      kind,
      amountCents: input.amountCents,
      balance: await lineBalance(trx, input.tenantId, input.lineId),
    };
  } catch (error) {
    translate(error);
  }
}

const euro = formatEuro;

/** Funds made available on the line (Haushaltsansatz, Mittelzuweisung). */
export async function postAppropriation(trx: Trx, input: PostingInput): Promise<PostedEntry> {
  validate(input);
  await lockLine(trx, input.tenantId, input.lineId);
  return insertEntry(trx, 'appropriation', input, null);
}

/**
 * Binds funds for a procedure (the grant decision, § 38 LHO NRW: commitments only within the
 * appropriation). Call it in the transaction that records the signed decision.
 */
export async function postCommitment(trx: Trx, input: ProcedurePostingInput): Promise<PostedEntry> {
  validate(input);
  const line = await lockLine(trx, input.tenantId, input.lineId);
  await position(trx, input);
  if (input.amountCents > line.availableCents) {
    throw new AppError(
      'conflict',
      `Der Haushaltsansatz reicht nicht: verfügbar ${euro(Math.max(0, line.availableCents))}, benötigt ${euro(input.amountCents)}.`,
    );
  }
  return insertEntry(trx, 'commitment', input, input.procedureId);
}

/** Gives back the part of a commitment that will not be paid (e.g. lower final costs). */
export async function releaseCommitment(
  trx: Trx,
  input: ProcedurePostingInput,
): Promise<PostedEntry> {
  validate(input);
  await lockLine(trx, input.tenantId, input.lineId);
  const p = await position(trx, input);
  const open = p.committed - p.released - p.paid;
  if (input.amountCents > open) {
    throw new AppError(
      'conflict',
      `Die Freigabe übersteigt die noch nicht ausgezahlte Bindung des Verfahrens: offen ${euro(open)}, freizugeben ${euro(input.amountCents)}.`,
    );
  }
  return insertEntry(trx, 'release', input, input.procedureId);
}

/** A payment to the recipient; never more than the procedure's open commitment. */
export async function postPayment(trx: Trx, input: ProcedurePostingInput): Promise<PostedEntry> {
  validate(input);
  await lockLine(trx, input.tenantId, input.lineId);
  const p = await position(trx, input);
  const open = p.committed - p.released - p.paid;
  if (input.amountCents > open) {
    throw new AppError(
      'conflict',
      `Die Auszahlung übersteigt die Bindung des Verfahrens: noch auszahlbar ${euro(open)}, beantragt ${euro(input.amountCents)}.`,
    );
  }
  return insertEntry(trx, 'payment', input, input.procedureId);
}

/**
 * Money paid back after a revocation (§ 49a VwVfG NRW); never more than was paid. Whether it
 * flows back into the line's available funds depends on the budget note (Haushaltsvermerk,
 * § 8 LHO NRW) [open]: here it does not.
 */
export async function postRecovery(trx: Trx, input: ProcedurePostingInput): Promise<PostedEntry> {
  validate(input);
  await lockLine(trx, input.tenantId, input.lineId);
  const p = await position(trx, input);
  const open = p.paid - p.recovered;
  if (input.amountCents > open) {
    throw new AppError(
      'conflict',
      `Die Rückforderung übersteigt die Auszahlungen des Verfahrens: ausgezahlt und nicht zurückgeflossen ${euro(open)}, Rückforderung ${euro(input.amountCents)}.`,
    );
  }
  return insertEntry(trx, 'recovery', input, input.procedureId);
}

/** The totals of one line of the funding body. */
export async function lineBalance(db: Trx, tenantId: string, lineId: string): Promise<LineBalance> {
  if (!isUuid(lineId) || !isUuid(tenantId)) throw new AppError('not_found', NO_LINE);
  const row = await db
    .selectFrom('funding_budget_lines')
    .select(['appropriated_cents', 'committed_cents', 'paid_cents', 'recovered_cents'])
    .where('id', '=', lineId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', NO_LINE);
  return toBalance(row);
}
