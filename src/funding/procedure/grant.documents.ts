/**
 * Documents of a funding case as files: the company attaches offers, cost estimates, the
 * documents the funding body asked for, receipts for a payment request and the proof of use; the
 * funding body files its own material (e.g. an on-site inspection record). Both see every
 * document of the case; appointed reviewers of a competitive call see them unless they have
 * declared a conflict of interest (§§ 20, 21 VwVfG NRW: who is excluded takes no part, which
 * includes reading the file). Nothing can be added to a finished case.
 */
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage.ts';
import { actingRoles } from '../../procedures/case/case-roles.ts';
import { findCase, findCaseFor, partiesOf } from '../../procedures/case/case.queries.ts';
import { safeFilename, storeCaseFile } from '../../procedures/documents/case-files.ts';
import { fundingProcedureType, type FundingDeps } from './grant.family.ts';

export type FundingFileDeps = FundingDeps & { store: FileStore };

/** The kinds of document a funding case holds, in the order the form offers them. */
export const FUNDING_DOCUMENT_TYPES = [
  { key: 'offer', label: 'Angebot oder Kostenschätzung' },
  { key: 'requested', label: 'Nachgeforderte Unterlage' },
  { key: 'payment-evidence', label: 'Beleg zum Mittelabruf' },
  { key: 'proof-of-use', label: 'Verwendungsnachweis (Sachbericht, Belege)' },
  { key: 'other', label: 'Sonstige Unterlage' },
] as const;
const BODY_DOCUMENT_TYPES = [{ key: 'body-record', label: 'Vermerk der Förderstelle' }] as const;

export function documentTypeLabel(key: string): string {
  return (
    [...FUNDING_DOCUMENT_TYPES, ...BODY_DOCUMENT_TYPES].find((t) => t.key === key)?.label ?? key
  );
}

export function documentTypesFor(body: boolean): readonly { key: string; label: string }[] {
  return body ? [...FUNDING_DOCUMENT_TYPES, ...BODY_DOCUMENT_TYPES] : FUNDING_DOCUMENT_TYPES;
}

const NOT_FOUND = 'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.';

async function fundingCaseFor(deps: FundingDeps, actor: Actor, procedureId: string) {
  const found = await findCaseFor(deps.db, actor, procedureId);
  if (!found.row.typeKey.startsWith('funding-')) throw new AppError('not_found', NOT_FOUND);
  return found;
}

/** Whether the case still takes documents: not once it has ended (closed, refused, withdrawn …). */
function takesDocuments(row: { typeKey: string; typeVersion: string; step: string }): boolean {
  const type = fundingProcedureType(row.typeKey, row.typeVersion);
  return type.steps.find((s) => s.key === row.step)?.kind !== 'terminal';
}

/** Files one upload in the case; a refusal stores neither a row nor a file. */
export async function uploadFundingDocument(options: {
  deps: FundingFileDeps;
  actor: Actor;
  procedureId: string;
  docType: string;
  filename: string;
  content: Readable;
}): Promise<string> {
  const { deps, actor, procedureId } = options;
  try {
    const { row, roles } = await fundingCaseFor(deps, actor, procedureId);
    const acting = actingRoles(actor, partiesOf(row), roles);
    const role = acting.includes('case_worker')
      ? 'case_worker'
      : acting.includes('applicant')
        ? 'applicant'
        : undefined;
    if (role === undefined)
      throw new AppError(
        'forbidden',
        'Unterlagen laden das antragstellende Unternehmen und die Sachbearbeitung der Förderstelle hoch.',
      );
    if (!takesDocuments(row))
      throw new AppError(
        'conflict',
        'Das Verfahren ist beendet; es können keine Unterlagen mehr hinzugefügt werden.',
      );
    if (!documentTypesFor(role === 'case_worker').some((t) => t.key === options.docType))
      throw new AppError('validation', 'Die Unterlage wurde nicht gespeichert.', [
        { field: 'docType', message: 'Bitte wählen Sie die Art der Unterlage.' },
      ]);
    return await storeCaseFile({
      db: deps.db,
      store: deps.store,
      now: () => deps.clock.now(),
      actor,
      content: options.content,
      record: {
        procedureId: row.id,
        tenantId: row.tenantId,
        docType: options.docType,
        filename: safeFilename(options.filename),
        actorRole: role,
      },
      recheck: async (trx) => {
        const locked = await findCase(trx, row.id, { lock: true });
        if (!locked || !takesDocuments(locked))
          throw new AppError(
            'conflict',
            'Das Verfahren ist inzwischen beendet; die Unterlage wurde nicht gespeichert.',
          );
      },
    });
  } catch (error) {
    // Whatever was refused before the file was read: drain the stream so the request completes.
    options.content.resume();
    throw error;
  }
}

export async function listFundingDocuments(deps: FundingDeps, procedureId: string) {
  return deps.db
    .selectFrom('documents as d')
    .leftJoin('users as u', 'u.id', 'd.uploaded_by')
    .select([
      'd.id',
      'd.doc_type',
      'd.filename',
      'd.media_type',
      'd.sha256',
      'd.size',
      'd.uploaded_at',
      'u.display_name as uploaded_by_name',
    ])
    .where('d.procedure_id', '=', procedureId)
    .where('d.audience', '=', 'case')
    .orderBy('d.uploaded_at')
    .orderBy('d.id')
    .execute();
}

export type FundingDocument = Awaited<ReturnType<typeof listFundingDocuments>>[number];

/** One document for someone who is party to the case (the company or the funding body). */
export async function fundingDocumentFor(
  deps: FundingDeps,
  actor: Actor,
  procedureId: string,
  documentId: string,
): Promise<FundingDocument> {
  const { row } = await fundingCaseFor(deps, actor, procedureId);
  return documentOf(deps, row.id, documentId);
}

/** One document for a reviewer appointed to the case who has not declared a conflict of interest. */
export async function reviewerDocumentFor(
  deps: FundingDeps,
  actor: Actor,
  procedureId: string,
  documentId: string,
): Promise<FundingDocument> {
  const reviewerId = actor.kind === 'user' ? actor.userId : undefined;
  const review = reviewerId
    ? await deps.db
        .selectFrom('funding_reviews')
        .select('conflict')
        .where('procedure_id', '=', procedureId)
        .where('reviewer_id', '=', reviewerId)
        .executeTakeFirst()
    : undefined;
  if (!review) throw new AppError('not_found', NOT_FOUND);
  if (review.conflict === true)
    throw new AppError(
      'forbidden',
      'Sie haben einen Interessenkonflikt erklärt und sehen die Unterlagen dieses Antrags daher nicht.',
    );
  return documentOf(deps, procedureId, documentId);
}

async function documentOf(
  deps: FundingDeps,
  procedureId: string,
  documentId: string,
): Promise<FundingDocument> {
  const doc = (await listFundingDocuments(deps, procedureId)).find((d) => d.id === documentId);
  if (!doc) throw new AppError('not_found', 'Diese Unterlage gibt es nicht.');
  return doc;
}
