import { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { formatGermanDate } from '../law/index.ts';
import type { ProcedureState } from '../procedures/engine/index.ts';
import { renderWithdrawalPdf } from './decision.pdf.ts';
import { type ProcedureRow } from './permit.queries.ts';
import { berlinDate, procedureParties } from '../procedures/case/case.queries.ts';
import { MAX_UPLOAD_BYTES, type PermitDeps } from './permit.types.ts';
import { AppError } from '../platform/errors.ts';
import { referenceLabel } from '../procedures/reference.ts';
import { contactLines, loadAuthorityProfile } from '../procedures/authority/authority.queries.ts';
import { findSignedLetter, markLetterDelivered } from './letters/signed-letters.ts';

/** The letter kind that carries an end of the procedure, or null for a withdrawal. */
export function closingLetterKind(
  state: ProcedureState,
): 'decision' | 'refusal' | 'rejection' | null {
  if (state.closure?.kind === 'withdrawn') return null;
  if (state.closure?.kind === 'rejected') return 'rejection';
  if (state.closure?.kind === 'refused' || state.decision?.outcome === 'refused') return 'refusal';
  return 'decision';
}

/**
 * Files the end of the procedure in the case as document 'decision': for a decision, refusal or
 * rejection the PDF of the letter a second person signed off (the engine's 'letter-signed' guard
 * let the action pass only with it), which is thereby delivered; for a withdrawal a generated
 * confirmation. The signed PDF is the same file (content address), never a second rendering.
 */
export async function deliverDecisionDocument(options: {
  deps: PermitDeps;
  trx: Transaction<Database>;
  row: ProcedureRow;
  state: ProcedureState;
  actorId: string | null;
  now: Date;
}): Promise<string> {
  const { trx, row, state, now } = options;
  const kind = closingLetterKind(state);
  if (kind === null) return deliverWithdrawalConfirmation(options);
  const letter = await findSignedLetter(trx, row.id, kind);
  if (!letter)
    throw new AppError(
      'conflict',
      'Für diese Entscheidung liegt kein gezeichnetes Schreiben vor; sie kann nicht zugestellt werden.',
    );
  await markLetterDelivered(trx, letter.id, options.actorId, now);
  const existing = await trx
    .selectFrom('documents')
    .select('id')
    .where('procedure_id', '=', row.id)
    .where('doc_type', '=', 'decision')
    .where('sha256', '=', letter.sha256)
    .executeTakeFirst();
  if (existing) return existing.id;
  const document = await trx
    .insertInto('documents')
    .values({
      procedure_id: row.id,
      tenant_id: row.tenantId,
      doc_type: 'decision',
      filename: `Bescheid-${referenceLabel(row.reference).replace(/[^\p{L}\p{N}.-]+/gu, '-')}.pdf`,
      media_type: 'application/pdf',
      sha256: letter.sha256,
      size: letter.size,
      uploaded_by: options.actorId,
      uploaded_at: now,
      audience: 'case',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return document.id;
}

/** The confirmation of a withdrawal: generated from the case, no sign-off needed. */
async function deliverWithdrawalConfirmation(options: {
  deps: PermitDeps;
  trx: Transaction<Database>;
  row: ProcedureRow;
  now: Date;
}): Promise<string> {
  const { deps, trx, row, now } = options;
  const [{ authorityName, applicantName }, head] = await Promise.all([
    procedureParties(trx, row),
    trx
      .selectFrom('procedures')
      .select('last_hash')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow(),
  ]);
  const app = row.application;
  const pdf = await renderWithdrawalPdf(
    {
      authorityName,
      authorityContact: contactLines(await loadAuthorityProfile(trx, row.tenantId)).slice(1),
      reference: referenceLabel(row.reference),
      issuedOn: formatGermanDate(berlinDate(now)),
      applicantName,
      projectTitle: row.title,
      site: `Gemarkung ${app.site.gemarkung}, Flur ${app.site.flur}, Flurstück ${app.site.flurstueck}`,
      turbineCount: app.turbines.length,
      auditHash: head.last_hash,
    },
    now,
  );
  const stored = await deps.store.put(Readable.from(pdf), { maxBytes: MAX_UPLOAD_BYTES });
  const document = await trx
    .insertInto('documents')
    .values({
      procedure_id: row.id,
      tenant_id: row.tenantId,
      doc_type: 'decision',
      filename: `Ruecknahmebestaetigung-${row.reference ?? 'Entwurf'}.pdf`,
      media_type: 'application/pdf',
      sha256: stored.sha256,
      size: stored.size,
      uploaded_by: null,
      uploaded_at: now,
      audience: 'case',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return document.id;
}

/** Concerns with an assessment, weighted by the objections and statements linked to them. */
export async function catalogueAssessments(trx: Db | Transaction<Database>, procedureId: string) {
  const rows = await trx
    .selectFrom('concerns as c')
    .select([
      'c.label',
      'c.assessment',
      (eb) =>
        eb
          .selectFrom('objection_concerns as oc')
          .innerJoin('objections as o', 'o.id', 'oc.objection_id')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('oc.concern_id', '=', 'c.id')
          .where('oc.source', '=', 'confirmed')
          .as('objections'),
      (eb) =>
        eb
          .selectFrom('objection_concerns as oc')
          .innerJoin('objections as o', 'o.id', 'oc.objection_id')
          .select((e) => e.fn.coalesce(e.fn.sum<string>('o.signatures'), e.lit(0)).as('s'))
          .whereRef('oc.concern_id', '=', 'c.id')
          .where('oc.source', '=', 'confirmed')
          .as('signatures'),
      (eb) =>
        eb
          .selectFrom('statement_concerns as sc')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('sc.concern_id', '=', 'c.id')
          .where('sc.source', '=', 'confirmed')
          .as('statements'),
    ])
    .where('c.procedure_id', '=', procedureId)
    .where('c.assessment', 'is not', null)
    .orderBy('c.position')
    .execute();
  return rows.map((r) => ({
    label: r.label,
    assessment: r.assessment ?? '',
    objections: Number(r.objections ?? 0),
    signatures: Number(r.signatures ?? 0),
    statements: Number(r.statements ?? 0),
  }));
}
