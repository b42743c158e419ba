/**
 * Objections received on paper, by e-mail or as signature lists, entered by staff one by one or
 * imported from a file. Good rows go in together in ONE transaction; a row whose external
 * reference is already stored is reported, not duplicated, so an import can be repeated safely.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { findPublicProcedure, type PublicProcedure } from '../public-procedure.queries.ts';
import type { ImportProblem, ImportRow } from './import-file.ts';
import { isLate } from './objection.actions.ts';
import { CURRENT_RECEIPT_HASH_VERSION, receiptHashV2 } from './objection-hash.ts';
import { earlyIntake } from './intake-rules.ts';
import { berlinDate } from '../../procedures/case/case.queries.ts';

export interface ImportResult {
  readonly imported: number;
  readonly late: number;
  /** Received before the notice or before the display began: stored and marked. */
  readonly early: number;
  readonly problems: ImportProblem[];
}

const CHUNK = 1_000;

export async function importObjections(options: {
  db: Db;
  procedureId: string;
  rows: readonly ImportRow[];
  enteredBy: string | null;
}): Promise<ImportResult> {
  const { db, rows } = options;
  const procedure = await findPublicProcedure(db, options.procedureId);
  if (!procedure) {
    throw new AppError(
      'not_found',
      'Das Verfahren gibt es nicht oder es ist noch nicht öffentlich bekannt gemacht; Einwendungen können erst nach der Bekanntmachung erfasst werden.',
    );
  }
  const refs = rows.map((r) => r.externalRef).filter((r): r is string => r !== null);
  const known = new Set<string>();
  for (let i = 0; i < refs.length; i += CHUNK) {
    const found = await db
      .selectFrom('objections')
      .select('external_ref')
      .where('procedure_id', '=', procedure.id)
      .where('external_ref', 'in', refs.slice(i, i + CHUNK))
      .execute();
    for (const f of found) if (f.external_ref) known.add(f.external_ref);
  }
  const problems: ImportProblem[] = [];
  const fresh = rows.filter((row) => {
    if (row.externalRef === null || !known.has(row.externalRef)) return true;
    problems.push({
      line: row.line,
      message: `Zeile ${row.line}: Eine Einwendung mit der Referenz „${row.externalRef}“ ist bereits gespeichert; sie wurde nicht erneut importiert.`,
    });
    return false;
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < fresh.length; i += CHUNK) {
      await trx
        .insertInto('objections')
        .values(fresh.slice(i, i + CHUNK).map((row) => valuesOf(procedure, row, options.enteredBy)))
        .execute();
    }
  });
  return {
    imported: fresh.length,
    late: fresh.filter((row) => isLate(procedure, row.receivedAt)).length,
    early: fresh.filter((row) => earlyOf(procedure, row.receivedAt) !== null).length,
    problems,
  };
}

function valuesOf(procedure: PublicProcedure, row: ImportRow, enteredBy: string | null) {
  return {
    procedure_id: procedure.id,
    tenant_id: procedure.tenantId,
    reference: sql<string>`'EW-' || to_char(${row.receivedAt}::timestamptz at time zone 'Europe/Berlin', 'YYYY') || '-' || lpad(nextval('objection_number_seq')::text, 7, '0')`,
    received_at: row.receivedAt,
    channel: row.channel,
    body: row.text,
    name: row.name,
    address: row.address,
    email: null,
    redact_identity: row.redactIdentity,
    late: isLate(procedure, row.receivedAt),
    early: earlyOf(procedure, row.receivedAt),
    sha256: receiptHashV2(row.text, []),
    receipt_hash_version: CURRENT_RECEIPT_HASH_VERSION,
    submission_key: null,
    external_ref: row.externalRef,
    signatures: row.signatures,
    signatures_confirmed: row.signaturesConfirmed,
    representative_name: row.representative?.name ?? null,
    representative_profession: row.representative?.profession ?? null,
    representative_address: row.representative?.address ?? null,
    entered_by: enteredBy,
  };
}

/** Before the notice or the display, by the Berlin day of receipt (intake-rules.ts). */
export function earlyOf(procedure: PublicProcedure, receivedAt: Date) {
  return earlyIntake(procedure.participation, berlinDate(receivedAt));
}
