import { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { promoteFiles } from '../../platform/file-orphans.ts';
import { queueMail } from '../../platform/mail.ts';
import type { Deps } from '../../platform/server.ts';
import { withStaging } from '../../platform/storage.ts';
import { appendAuditEvent } from '../audit.queries.ts';
import type { AuthorityProfile } from '../authority/authority.types.ts';
import {
  canSeeLetter,
  FROZEN_MESSAGE,
  letterRoles,
  requireLetterRole,
  SECOND_PERSON_MESSAGE,
  type LetterRole,
} from './letter.access.ts';
import type { LetterBuilders, LetterBuildContext } from './letter.builder.ts';
import { LETTER_KIND_LABELS, REPEATABLE_KINDS } from './letter.kinds.ts';
import { renderLetterPdf } from './letter.pdf.ts';
import type { LoadProfile } from './letter.profile.ts';
import {
  findLetter,
  findProcedureHead,
  isFreezeViolation,
  isLetterUniqueViolation,
  latestOfKind,
  loadTemplates,
  memberEmails,
  userEmail,
  type LetterRow,
  type ProcedureHead,
} from './letter.queries.ts';
import type { LetterKind } from './letter.types.ts';

/**
 * The letter use cases: draft → preview → submit for sign-off → sign off by a second person →
 * deliver; after sign-off only a new version with a reason. Each change is one transaction with
 * its audit event in the procedure's hash chain (architecture invariants 1 and 2).
 */
export interface LetterDeps extends Pick<Deps, 'db' | 'clock' | 'store' | 'config'> {
  builders: LetterBuilders;
  loadProfile: LoadProfile;
}

type Trx = Transaction<Database>;
const MAX_PDF_BYTES = 64 * 1024 * 1024;
const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

export function berlinToday(now: Date): string {
  return BERLIN_DAY.format(now);
}

function userId(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  return actor.userId;
}

const AUDIT_ROLE: Record<LetterRole, string> = {
  drafter: 'case_worker',
  signer: 'supervisor',
  applicant: 'applicant',
};

interface Work {
  trx: Trx;
  head: ProcedureHead;
  role: LetterRole;
  actorId: string;
  now: Date;
}

/**
 * Runs `work` in one transaction with the procedure row locked (writers of its chain serialise),
 * after the actor's role was checked. The database's own refusals become German conflicts.
 */
async function inProcedure<T>(
  deps: LetterDeps,
  actor: Actor,
  procedureId: string,
  allowed: readonly LetterRole[],
  work: (w: Work) => Promise<T>,
  forbidden?: string,
): Promise<T> {
  const actorId = userId(actor);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const head = await findProcedureHead(trx, procedureId, true);
      const role = requireLetterRole(actor, head, allowed, forbidden);
      return work({ trx, head: head!, role, actorId, now: deps.clock.now() });
    });
  } catch (error) {
    if (isFreezeViolation(error)) throw new AppError('conflict', FROZEN_MESSAGE);
    if (isLetterUniqueViolation(error))
      throw new AppError(
        'conflict',
        'Das Schreiben wurde zur selben Zeit von jemand anderem geändert. Bitte laden Sie die Seite neu.',
      );
    throw error;
  }
}

async function letterOf(w: Work, letterId: string): Promise<LetterRow> {
  const letter = await findLetter(w.trx, w.head.id, letterId);
  if (!letter) throw new AppError('not_found', 'Dieses Schreiben gibt es nicht.');
  return letter;
}

function requireOpen(letter: LetterRow): void {
  if (letter.status === 'draft' || letter.status === 'in-review') return;
  throw new AppError('conflict', FROZEN_MESSAGE);
}

async function audit(w: Work, type: string, data: Record<string, unknown>): Promise<void> {
  await appendAuditEvent(w.trx, {
    procedureId: w.head.id,
    tenantId: w.head.tenantId,
    at: w.now,
    actorId: w.actorId,
    actorRole: AUDIT_ROLE[w.role],
    type,
    data,
  });
}

async function buildContext(deps: LetterDeps, w: Work): Promise<LetterBuildContext> {
  const [profile, templates] = await Promise.all([
    deps.loadProfile(w.trx, w.head.tenantId),
    loadTemplates(w.trx, w.head.tenantId),
  ]);
  return {
    db: w.trx,
    procedureId: w.head.id,
    tenantId: w.head.tenantId,
    profile,
    templates,
    now: w.now,
  };
}

async function buildContent(deps: LetterDeps, w: Work, kind: LetterKind) {
  const builder = deps.builders[w.head.typeKey];
  if (!builder)
    throw new AppError('conflict', 'Für diese Verfahrensart sind keine Schreiben vorgesehen.');
  const ctx = await buildContext(deps, w);
  const kinds = await builder.availableKinds(ctx);
  if (!kinds.includes(kind))
    throw new AppError(
      'conflict',
      `„${LETTER_KIND_LABELS[kind]}“ ist im jetzigen Stand des Verfahrens nicht vorgesehen.`,
    );
  const content = await builder.build(kind, ctx);
  if (content.kind !== kind) throw new Error(`Builder lieferte ${content.kind} statt ${kind}`);
  return content;
}

/** Drafts a letter from the case; a new draft replaces the unsent draft of the same kind. */
export async function draftLetter(options: {
  deps: LetterDeps;
  actor: Actor;
  procedureId: string;
  kind: LetterKind;
}): Promise<string> {
  const { deps, actor, procedureId, kind } = options;
  return inProcedure(deps, actor, procedureId, ['drafter'], async (w) => {
    const content = JSON.stringify(await buildContent(deps, w, kind));
    const latest = await latestOfKind(w.trx, w.head.id, kind);
    if (latest && (latest.status === 'draft' || latest.status === 'in-review')) {
      // Replacing withdraws a submission for sign-off: the reviewer must see the new text.
      await w.trx
        .updateTable('letters')
        .set({
          content,
          status: 'draft',
          drafted_by: w.actorId,
          drafted_at: w.now,
          review_requested_by: null,
          review_requested_at: null,
        })
        .where('id', '=', latest.id)
        .execute();
      await audit(w, 'letter-drafted', {
        letterId: latest.id,
        kind,
        series: latest.series,
        version: latest.version,
        replacedDraft: true,
      });
      return latest.id;
    }
    if (latest && !REPEATABLE_KINDS.has(kind)) throw new AppError('conflict', FROZEN_MESSAGE);
    const series = latest ? latest.series + 1 : 1;
    const row = await w.trx
      .insertInto('letters')
      .values({
        procedure_id: w.head.id,
        tenant_id: w.head.tenantId,
        kind,
        series,
        version: 1,
        status: 'draft',
        content,
        drafted_by: w.actorId,
        drafted_at: w.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(w, 'letter-drafted', { letterId: row.id, kind, series, version: 1 });
    return row.id;
  });
}

function activeSignatory(profile: AuthorityProfile, signatoryId: string) {
  return profile.signatories.find((s) => s.id === signatoryId && s.active);
}

/** The drafter submits the draft for sign-off, naming the signatory the letter will show. */
export async function requestSignOff(options: {
  deps: LetterDeps;
  actor: Actor;
  procedureId: string;
  letterId: string;
  signatoryId: string;
}): Promise<void> {
  const { deps, actor, procedureId, letterId, signatoryId } = options;
  await inProcedure(deps, actor, procedureId, ['drafter'], async (w) => {
    const letter = await letterOf(w, letterId);
    requireOpen(letter);
    if (letter.status === 'in-review')
      throw new AppError('conflict', 'Das Schreiben liegt bereits zur Zeichnung vor.');
    const profile = await deps.loadProfile(w.trx, w.head.tenantId);
    const signatory = activeSignatory(profile, signatoryId);
    if (!signatory)
      throw new AppError('validation', 'Bitte wählen Sie, wer das Schreiben unterzeichnet.', [
        {
          field: 'signatoryId',
          message: profile.signatories.some((s) => s.active)
            ? 'Bitte wählen Sie eine der zeichnungsberechtigten Personen Ihrer Behörde.'
            : 'Ihre Behörde hat keine zeichnungsberechtigte Person hinterlegt; die Administration Ihrer Behörde trägt sie in den Stammdaten ein.',
        },
      ]);
    await w.trx
      .updateTable('letters')
      .set({
        status: 'in-review',
        signatory_id: signatory.id,
        signatory: JSON.stringify({
          id: signatory.id,
          name: signatory.name,
          function: signatory.function,
        }),
        review_requested_by: w.actorId,
        review_requested_at: w.now,
      })
      .where('id', '=', letter.id)
      .execute();
    await audit(w, 'letter-review-requested', {
      letterId: letter.id,
      kind: letter.kind,
      version: letter.version,
      signatoryId: signatory.id,
    });
    for (const to of await memberEmails(w.trx, [w.head.tenantId], 'supervisor')) {
      await queueMail(w.trx, {
        to,
        subject: `Zur Zeichnung: ${LETTER_KIND_LABELS[letter.kind]} – ${w.head.reference} ${w.head.title}`,
        text: 'Ein Schreiben liegt Ihnen zur Prüfung und Zeichnung vor.',
        link: letterLink(deps, w.head.id, letter.id),
      });
    }
  });
}

export function letterLink(deps: Pick<Deps, 'config'>, procedureId: string, letterId: string) {
  return `${deps.config.publicUrl}verfahren/${procedureId}/schreiben/${letterId}`;
}

/** The reviewer sends the draft back with a comment for the drafter. */
export async function returnToDrafter(options: {
  deps: LetterDeps;
  actor: Actor;
  procedureId: string;
  letterId: string;
  comment: string;
}): Promise<void> {
  const { deps, actor, procedureId, letterId } = options;
  const comment = options.comment.trim();
  await inProcedure(deps, actor, procedureId, ['signer'], async (w) => {
    const letter = await letterOf(w, letterId);
    requireOpen(letter);
    if (letter.status !== 'in-review')
      throw new AppError('conflict', 'Das Schreiben liegt nicht zur Zeichnung vor.');
    if (comment.length === 0 || comment.length > 5000)
      throw new AppError('validation', 'Bitte schreiben Sie, was zu ändern ist.', [
        {
          field: 'comment',
          message:
            comment.length === 0
              ? 'Bitte schreiben Sie, was zu ändern ist (Hinweis an die Sachbearbeitung).'
              : 'Der Hinweis ist länger als 5.000 Zeichen.',
        },
      ]);
    await w.trx
      .updateTable('letters')
      .set({
        status: 'draft',
        reviewer_comment: comment,
        returned_by: w.actorId,
        returned_at: w.now,
      })
      .where('id', '=', letter.id)
      .execute();
    await audit(w, 'letter-returned', { letterId: letter.id, kind: letter.kind, comment });
    const to = await userEmail(w.trx, letter.reviewRequestedBy ?? letter.draftedBy);
    if (to)
      await queueMail(w.trx, {
        to,
        subject: `Zurück zur Überarbeitung: ${LETTER_KIND_LABELS[letter.kind]} – ${w.head.reference}`,
        text: `Das Schreiben wurde nicht gezeichnet. Hinweis der Zeichnung:\n\n${comment}`,
        link: letterLink(deps, w.head.id, letter.id),
      });
  });
}

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
 * A change after sign-off: a new version of the same letter with a reason, drafted afresh from
 * the case. The signed version stays valid until the new one is signed (then it is superseded).
 */
export async function reviseLetter(options: {
  deps: LetterDeps;
  actor: Actor;
  procedureId: string;
  letterId: string;
  reason: string;
}): Promise<string> {
  const { deps, actor, procedureId, letterId } = options;
  const reason = options.reason.trim();
  return inProcedure(deps, actor, procedureId, ['drafter'], async (w) => {
    const letter = await letterOf(w, letterId);
    if (letter.status !== 'signed' && letter.status !== 'delivered')
      throw new AppError(
        'conflict',
        letter.status === 'superseded'
          ? 'Diese Fassung ist bereits ersetzt; eine neue Fassung geht von der geltenden aus.'
          : 'Ein Entwurf wird nicht neu gefasst, sondern geändert und neu entworfen.',
      );
    if (reason.length === 0 || reason.length > 2000)
      throw new AppError('validation', 'Bitte begründen Sie die neue Fassung.', [
        {
          field: 'reason',
          message:
            reason.length === 0
              ? 'Bitte geben Sie den Grund für die neue Fassung an.'
              : 'Die Begründung ist länger als 2.000 Zeichen.',
        },
      ]);
    const latest = await latestOfKind(w.trx, w.head.id, letter.kind);
    if (latest && latest.series === letter.series && latest.id !== letter.id)
      throw new AppError(
        'conflict',
        'Zu diesem Schreiben gibt es bereits eine neue Fassung in Arbeit.',
      );
    const content = JSON.stringify(await buildContent(deps, w, letter.kind));
    const row = await w.trx
      .insertInto('letters')
      .values({
        procedure_id: w.head.id,
        tenant_id: w.head.tenantId,
        kind: letter.kind,
        series: letter.series,
        version: letter.version + 1,
        status: 'draft',
        content,
        drafted_by: w.actorId,
        drafted_at: w.now,
        supersedes_id: letter.id,
        change_reason: reason,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(w, 'letter-revised', {
      letterId: row.id,
      supersedes: letter.id,
      kind: letter.kind,
      version: letter.version + 1,
      reason,
    });
    return row.id;
  });
}

/** The kinds the actor may draft now (for the new-letter form). */
export async function draftableKinds(options: {
  deps: LetterDeps;
  head: ProcedureHead;
}): Promise<LetterKind[]> {
  const { deps, head } = options;
  const builder = deps.builders[head.typeKey];
  if (!builder) return [];
  const ctx: LetterBuildContext = {
    db: deps.db,
    procedureId: head.id,
    tenantId: head.tenantId,
    profile: await deps.loadProfile(deps.db, head.tenantId),
    templates: await loadTemplates(deps.db, head.tenantId),
    now: deps.clock.now(),
  };
  return builder.availableKinds(ctx);
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
