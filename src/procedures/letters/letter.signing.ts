/** Signing, delivering and reading a letter: the exact PDF is rendered, stored and chained once. */
import { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { promoteFiles } from '../../platform/file-orphans.ts';
import { queueMail } from '../../platform/mail.ts';
import { withStaging } from '../../platform/storage.ts';
import {
  canSeeLetter,
  letterRoles,
  requireLetterRole,
  SECOND_PERSON_MESSAGE,
} from './letter.access.ts';
import { LETTER_KIND_LABELS } from './letter.kinds.ts';
import { renderLetterPdf } from './letter.pdf.ts';
import {
  findLetter,
  findProcedureHead,
  memberEmails,
  type LetterRow,
  type ProcedureHead,
} from './letter.queries.ts';

import {
  letterLink,
  type LetterDeps,
  type Trx,
  MAX_PDF_BYTES,
  berlinToday,
  inProcedure,
  letterOf,
  requireOpen,
  audit,
} from './letter.work.ts';

/** Renders a letter as it stands (the exact PDF as it would be signed on `date`). */
export async function renderLetter(
  deps: LetterDeps,
  db: Trx | LetterDeps['db'],
  head: ProcedureHead,
  letter: LetterRow,
  date: string,
  signatory: { name: string; function: string } | null,
): Promise<Buffer> {
  const profile = await deps.loadProfile(db, head.tenantId);
  const logo =
    profile.logo && deps.store.has(profile.logo.sha256)
      ? {
          bytes: await readAll(deps.store.open(profile.logo.sha256)),
          mediaType: profile.logo.mediaType,
        }
      : null;
  return renderLetterPdf({
    content: letter.content,
    profile,
    reference: head.reference ?? 'noch kein Aktenzeichen',
    date,
    signatory,
    contact: { name: letter.draftedByName, phone: null, email: null },
    logo,
  });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Sign-off by a second person: a supervisor of the procedure's authority who neither drafted nor
 * submitted the letter. Renders the final PDF, files it content-addressed, freezes the letter and
 * puts the PDF's hash into the case's chain.
 */
export async function signOff(options: {
  deps: LetterDeps;
  actor: Actor;
  procedureId: string;
  letterId: string;
}): Promise<{ sha256: string }> {
  const { deps, actor, procedureId, letterId } = options;
  return withStaging(deps.store, (stage) =>
    inProcedure(
      deps,
      actor,
      procedureId,
      ['signer'],
      async (w) => {
        const letter = await letterOf(w, letterId);
        requireOpen(letter);
        if (letter.status !== 'in-review' || !letter.signatory)
          throw new AppError('conflict', 'Das Schreiben wurde noch nicht zur Zeichnung vorgelegt.');
        if (w.actorId === letter.draftedBy || w.actorId === letter.reviewRequestedBy)
          throw new AppError('forbidden', SECOND_PERSON_MESSAGE);
        const date = berlinToday(w.now);
        const pdf = await renderLetter(deps, w.trx, w.head, letter, date, letter.signatory);
        const staged = await stage(Readable.from([pdf]), { maxBytes: MAX_PDF_BYTES });
        const document = await w.trx
          .insertInto('documents')
          .values({
            procedure_id: w.head.id,
            tenant_id: w.head.tenantId,
            doc_type: `letter-${letter.kind}`,
            filename: `${LETTER_KIND_LABELS[letter.kind].replace(/[^\p{L}\p{N}]+/gu, '-')}-${(w.head.reference ?? 'ohne-Aktenzeichen').replace(/[^\p{L}\p{N}.-]+/gu, '-')}-Fassung-${letter.version}.pdf`,
            media_type: 'application/pdf',
            sha256: staged.sha256,
            size: staged.size,
            uploaded_by: w.actorId,
            uploaded_at: w.now,
            // Not 'case': the case's application documents are shown publicly during the
            // participation; a letter is the authority's correspondence with the applicant.
            audience: 'letter',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (letter.supersedesId) {
          // The new version takes the old one's place the moment it is signed, not before.
          await w.trx
            .updateTable('letters')
            .set({ status: 'superseded' })
            .where('id', '=', letter.supersedesId)
            .execute();
        }
        await w.trx
          .updateTable('letters')
          .set({
            status: 'signed',
            signed_by: w.actorId,
            signed_at: w.now,
            letter_date: date,
            pdf_sha256: staged.sha256,
            pdf_size: staged.size,
            document_id: document.id,
          })
          .where('id', '=', letter.id)
          .execute();
        await audit(w, 'letter-signed', {
          letterId: letter.id,
          kind: letter.kind,
          version: letter.version,
          sha256: staged.sha256,
          ...(letter.supersedesId ? { supersedes: letter.supersedesId } : {}),
        });
        await promoteFiles(w.trx, deps.store, [staged]);
        return { sha256: staged.sha256 };
      },
      SECOND_PERSON_MESSAGE,
    ),
  );
}

/**
 * Delivers a signed letter to the applicant: it appears in the applicant's case view and a mail
 * says so. [open] Electronic notification by making the document available for retrieval
 * (§ 41 Abs. 2a VwVfG NRW) needs the applicant's consent and fixes the date of notification at
 * retrieval; whether the portal's retrieval log is kept as that proof needs legal sign-off.
 */
export async function deliverLetter(options: {
  deps: LetterDeps;
  actor: Actor;
  procedureId: string;
  letterId: string;
}): Promise<void> {
  const { deps, actor, procedureId, letterId } = options;
  await inProcedure(deps, actor, procedureId, ['drafter', 'signer'], async (w) => {
    const letter = await letterOf(w, letterId);
    if (letter.status === 'delivered' || letter.status === 'superseded')
      throw new AppError('conflict', 'Das Schreiben wurde bereits zugestellt oder ist ersetzt.');
    if (letter.status !== 'signed')
      throw new AppError('conflict', 'Nur ein gezeichnetes Schreiben kann zugestellt werden.');
    await w.trx
      .updateTable('letters')
      .set({ status: 'delivered', delivered_at: w.now, delivered_by: w.actorId })
      .where('id', '=', letter.id)
      .execute();
    await audit(w, 'letter-delivered', {
      letterId: letter.id,
      kind: letter.kind,
      version: letter.version,
      sha256: letter.pdfSha256,
    });
    const recipients = w.head.applicantOrgId
      ? await memberEmails(w.trx, [w.head.applicantOrgId], 'applicant')
      : [];
    for (const to of recipients) {
      await queueMail(w.trx, {
        to,
        subject: `${LETTER_KIND_LABELS[letter.kind]} – ${w.head.reference} ${w.head.title}`,
        text: `Die Behörde hat Ihnen ein Schreiben zugestellt: „${letter.content.subject}“. Sie finden es in der Verfahrensakte.`,
        link: letterLink(deps, w.head.id, letter.id),
      });
    }
  });
}

/**
 * The PDF of a letter for someone who may see it: the stored, signed PDF once signed; before,
 * the preview — exactly the PDF sign-off would file today, with the chosen signatory.
 */
export async function letterPdf(options: {
  deps: LetterDeps;
  actor: Actor;
  procedureId: string;
  letterId: string;
}): Promise<{ body: Buffer | Readable; filename: string; sha256: string | null }> {
  const { deps, actor, procedureId, letterId } = options;
  const head = await findProcedureHead(deps.db, procedureId);
  requireLetterRole(actor, head, ['drafter', 'signer', 'applicant']);
  const letter = await findLetter(deps.db, procedureId, letterId);
  if (!letter || !canSeeLetter(letterRoles(actor, head!), letter))
    throw new AppError('not_found', 'Dieses Schreiben gibt es nicht.');
  const name = `${LETTER_KIND_LABELS[letter.kind].replace(/[^\p{L}\p{N}]+/gu, '-')}-Fassung-${letter.version}`;
  if (letter.pdfSha256) {
    if (!deps.store.has(letter.pdfSha256))
      throw new AppError('not_found', 'Die Datei des Schreibens ist nicht mehr vorhanden.');
    return {
      body: deps.store.open(letter.pdfSha256),
      filename: `${name}.pdf`,
      sha256: letter.pdfSha256,
    };
  }
  const date = berlinToday(deps.clock.now());
  const body = await renderLetter(deps, deps.db, head!, letter, date, letter.signatory);
  return { body, filename: `${name}-Vorschau.pdf`, sha256: null };
}
