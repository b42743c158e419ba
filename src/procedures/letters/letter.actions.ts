/**
 * The letter use cases: draft → preview → submit for sign-off → sign off by a second person →
 * deliver (letter.signing.ts); after sign-off only a new version with a reason. Each change is one
 * transaction with its audit event in the procedure's hash chain (architecture invariants 1 and 2).
 */
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { queueMail } from '../../platform/mail.ts';
import type { AuthorityProfile } from '../authority/authority.types.ts';
import { FROZEN_MESSAGE } from './letter.access.ts';
import type { LetterBuildContext } from './letter.builder.ts';
import { LETTER_KIND_LABELS, REPEATABLE_KINDS } from './letter.kinds.ts';
import {
  latestOfKind,
  loadTemplates,
  memberEmails,
  userEmail,
  type ProcedureHead,
} from './letter.queries.ts';
import type { LetterKind } from './letter.types.ts';

import {
  letterLink,
  type LetterDeps,
  inProcedure,
  letterOf,
  requireOpen,
  audit,
  buildContent,
} from './letter.work.ts';

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
