/**
 * Reviewers of competitive calls: the case worker assigns reviewers of the funding body; each
 * reviewer first declares whether a conflict of interest exists (§§ 20, 21 VwVfG NRW: excluded
 * persons and concern of bias) and, without one, submits a score and an opinion. A reviewer sees
 * the other reviews only after submitting their own; the company never sees who reviewed. Every
 * change is an audit event in the case's hash chain, in one transaction with the row locked.
 */
import { listFundingDocuments } from './grant.documents.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../../procedures/audit.queries.ts';
import { requireProcedureRole } from '../../procedures/case/case-roles.ts';
import { findCase, partiesOf } from '../../procedures/case/case.queries.ts';
import type { FundingDeps } from './grant.family.ts';
import type { FundingApplication } from './grant.types.ts';

const UUID = /^[0-9a-f-]{36}$/i;
export const MAX_SCORE = 100;
/** Reviews are given while the application is assessed (and for outlines while they are reviewed). */
const REVIEW_STEPS = new Set(['outline-review', 'assessment']);
const NOT_FOUND = 'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.';

function userOf(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  return actor.userId;
}

async function lockedFundingCase(trx: Transaction<Database>, id: string) {
  const row = await findCase<FundingApplication>(trx, id, { lock: true });
  if (!row || !row.typeKey.startsWith('funding-')) throw new AppError('not_found', NOT_FOUND);
  return row;
}

export async function assignReviewer(
  deps: FundingDeps,
  actor: Actor,
  procedureId: string,
  reviewerId: string,
): Promise<void> {
  const by = userOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockedFundingCase(trx, procedureId);
    requireProcedureRole(actor, partiesOf(row), ['case_worker']);
    if (row.typeKey !== 'funding-competitive')
      throw new AppError('conflict', 'Gutachten gibt es nur in Wettbewerbsverfahren.');
    if (!REVIEW_STEPS.has(row.step) && row.step !== 'formal-check' && row.step !== 'received')
      throw new AppError(
        'conflict',
        'In diesem Verfahrensschritt werden keine Gutachter mehr bestellt.',
      );
    const reviewer = UUID.test(reviewerId)
      ? await trx
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select(['u.id', 'u.display_name'])
          .where('m.user_id', '=', reviewerId)
          .where('m.organisation_id', '=', row.tenantId)
          .where('m.role', '=', 'reviewer')
          .where('u.disabled', '=', false)
          .executeTakeFirst()
      : undefined;
    if (!reviewer) {
      const message =
        'Gutachter: Bitte wählen Sie eine Gutachterin oder einen Gutachter Ihrer Förderstelle.';
      throw new AppError('validation', message, [{ field: 'gutachter', message }]);
    }
    const inserted = await trx
      .insertInto('funding_reviews')
      .values({
        procedure_id: row.id,
        tenant_id: row.tenantId,
        reviewer_id: reviewer.id,
        assigned_by: by,
      })
      .onConflict((oc) => oc.columns(['procedure_id', 'reviewer_id']).doNothing())
      .returning('reviewer_id')
      .executeTakeFirst();
    if (!inserted)
      throw new AppError(
        'conflict',
        `${reviewer.display_name} ist für diesen Antrag bereits als Gutachter bestellt.`,
      );
    await appendAuditEvent(trx, {
      procedureId: row.id,
      tenantId: row.tenantId,
      at: deps.clock.now(),
      actorId: by,
      actorRole: 'case_worker',
      type: 'reviewer-assigned',
      data: { reviewer: reviewer.id },
    });
  });
}

export interface ReviewInput {
  conflict: string;
  conflictNote: string;
  score: string;
  comment: string;
}

/** Declares the conflict (or none) and, without one, submits the review in the same step. */
export async function submitReview(
  deps: FundingDeps,
  actor: Actor,
  procedureId: string,
  input: ReviewInput,
): Promise<'conflict' | 'submitted'> {
  const reviewerId = userOf(actor);
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockedFundingCase(trx, procedureId);
    const review = await trx
      .selectFrom('funding_reviews')
      .selectAll()
      .where('procedure_id', '=', row.id)
      .where('reviewer_id', '=', reviewerId)
      .forUpdate()
      .executeTakeFirst();
    if (!review) throw new AppError('not_found', NOT_FOUND);
    if (review.submitted_at !== null || review.conflict === true)
      throw new AppError(
        'conflict',
        'Sie haben zu diesem Antrag bereits abschließend erklärt bzw. begutachtet; das Gutachten kann nicht mehr geändert werden.',
      );
    if (!REVIEW_STEPS.has(row.step))
      throw new AppError('conflict', 'Der Antrag ist nicht (mehr) in der Begutachtung.');
    const errors: FieldError[] = [];
    if (input.conflict !== 'ja' && input.conflict !== 'nein')
      errors.push({
        field: 'befangen',
        message: 'Interessenkonflikt: Bitte erklären Sie, ob ein Interessenkonflikt besteht.',
      });
    const note = input.conflictNote.trim();
    if (input.conflict === 'ja' && note.length < 5)
      errors.push({
        field: 'befangen_grund',
        message: 'Interessenkonflikt: Bitte nennen Sie kurz den Grund (mindestens 5 Zeichen).',
      });
    const score = Number(input.score);
    const comment = input.comment.trim();
    if (input.conflict === 'nein') {
      if (input.score.trim() === '' || !Number.isInteger(score) || score < 0 || score > MAX_SCORE)
        errors.push({
          field: 'punkte',
          message: `Punkte: eine ganze Zahl von 0 bis ${MAX_SCORE}.`,
        });
      if (comment.length < 20 || comment.length > 10_000)
        errors.push({ field: 'begruendung', message: 'Begründung: 20 bis 10.000 Zeichen.' });
    }
    if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors);
    const now = deps.clock.now();
    const conflict = input.conflict === 'ja';
    await trx
      .updateTable('funding_reviews')
      .set(
        conflict
          ? { conflict: true, conflict_note: note.slice(0, 2000) }
          : { conflict: false, score, comment, submitted_at: now },
      )
      .where('procedure_id', '=', row.id)
      .where('reviewer_id', '=', reviewerId)
      .execute();
    await appendAuditEvent(trx, {
      procedureId: row.id,
      tenantId: row.tenantId,
      at: now,
      actorId: reviewerId,
      actorRole: 'reviewer',
      // The score stays in the review table; the chain records that and when it was given.
      type: conflict ? 'review-conflict-declared' : 'review-submitted',
      data: {},
    });
    return conflict ? 'conflict' : 'submitted';
  });
}

/** The reviewer's view of one case: the application, and others' reviews only after their own. */
export async function loadReviewerCase(deps: FundingDeps, actor: Actor, procedureId: string) {
  const reviewerId = userOf(actor);
  const row = await findCase<FundingApplication>(deps.db, procedureId);
  if (!row || !row.typeKey.startsWith('funding-')) throw new AppError('not_found', NOT_FOUND);
  const reviews = await deps.db
    .selectFrom('funding_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.reviewer_id')
    .select([
      'r.reviewer_id',
      'u.display_name',
      'r.conflict',
      'r.score',
      'r.comment',
      'r.submitted_at',
    ])
    .where('r.procedure_id', '=', row.id)
    .execute();
  const own = reviews.find((r) => r.reviewer_id === reviewerId);
  if (!own) throw new AppError('not_found', NOT_FOUND);
  const others =
    own.submitted_at !== null
      ? reviews.filter((r) => r.reviewer_id !== reviewerId && r.submitted_at !== null)
      : [];
  // Who has declared a conflict of interest takes no part, not even by reading the file.
  const documents = own.conflict === true ? [] : await listFundingDocuments(deps, row.id);
  return { row, own, others, documents, open: REVIEW_STEPS.has(row.step) };
}

export async function reviewerQueue(deps: FundingDeps, actor: Actor) {
  const reviewerId = userOf(actor);
  return deps.db
    .selectFrom('funding_reviews as r')
    .innerJoin('procedures as p', 'p.id', 'r.procedure_id')
    .select([
      'p.id',
      'p.reference',
      'p.title',
      'p.step',
      'r.conflict',
      'r.submitted_at',
      'r.assigned_at',
    ])
    .where('r.reviewer_id', '=', reviewerId)
    .orderBy('r.assigned_at', 'desc')
    .execute();
}
