/**
 * The grant procedure's plug-in for the letters engine (both type keys): which letters a case
 * offers in its present step, and each letter built from the stored case with the funding body's
 * texts (intro, closing, notes) around the parts the law fixes (operative part, financing plan,
 * ancillary provisions, de-minimis certificate, computation, remedies).
 */
import { computeDeadline, formatGermanDate } from '../../law/index.ts';
import type { LetterBuilder, LetterBuilders } from '../../procedures/letters/letter.builder.ts';
import { applyTemplateTexts } from '../../procedures/letters/letter.templates.ts';
import type { LetterContent, LetterKind } from '../../procedures/letters/letter.types.ts';
import { FUNDING_COMPETITIVE, FUNDING_GRANT } from './procedure-types/funding-grant.ts';
import { buildDecisionLetter } from './grant.letters.decision.ts';
import {
  buildMissingDocumentsLetter,
  buildReceiptLetter,
  buildRefusalLetter,
  buildRejectionLetter,
  currentRequest,
  requestDeadline,
} from './grant.letters.intake.ts';
import { buildRevocationLetter, repaymentDue } from './grant.letters.revocation.ts';
import { loadGrantSnapshot, type GrantLetterSnapshot } from './grant.letters.snapshot.ts';

/** An unanswered request whose period has run out (the deadline row, else its own period). */
function hasOverdueRequest(snapshot: GrantLetterSnapshot): boolean {
  return snapshot.state.documentRequests.some((request) => {
    if (request.answeredAt !== null) return false;
    const end =
      requestDeadline(snapshot, request) ??
      computeDeadline({
        start: request.requestedAt,
        duration: request.period,
        rule: { counting: 'event' },
      }).end;
    return end < snapshot.today;
  });
}

/**
 * The kinds a letter can be drafted of now. The decision needs the assessment's proposal to
 * grant; a refusal may be drafted in the decision step whatever the proposal says (the decision
 * is the body's); the revocation needs a proof check that found something to recover.
 */
export function availableGrantKinds(snapshot: GrantLetterSnapshot): LetterKind[] {
  const { step } = snapshot;
  const kinds: LetterKind[] = [];
  if (step !== 'draft' && snapshot.submittedOn !== null) kinds.push('receipt');
  if (snapshot.state.documentRequests.length > 0) kinds.push('missing-documents');
  if (step === 'decision') {
    if (snapshot.proposal?.recommendation === 'grant') kinds.push('decision');
    kinds.push('refusal');
  }
  if ((step === 'formal-check' && hasOverdueRequest(snapshot)) || step === 'rejected')
    kinds.push('rejection');
  if (step === 'proof-check' && (snapshot.proofAssessment?.data.recoveryCents ?? 0) > 0)
    kinds.push('revocation');
  return kinds;
}

export function buildGrantLetter(kind: LetterKind, snapshot: GrantLetterSnapshot): LetterContent {
  switch (kind) {
    case 'receipt':
      return buildReceiptLetter(snapshot);
    case 'missing-documents':
      return buildMissingDocumentsLetter(snapshot);
    case 'decision':
      return buildDecisionLetter(snapshot);
    case 'refusal':
      return buildRefusalLetter(snapshot);
    case 'rejection':
      return buildRejectionLetter(snapshot);
    case 'revocation':
      return buildRevocationLetter(snapshot);
    case 'completeness':
    case 'hearing':
      // Not part of the grant procedure's letters (the refusal gives its reasons; a hearing
      // before a revocation is the body's own letter [open: § 28 VwVfG NRW]).
      throw new Error(`letter kind ${kind} is not offered for funding procedures`);
  }
}

/** The date a letter sets, for the {frist} placeholder. */
function deadlineOf(kind: LetterKind, snapshot: GrantLetterSnapshot): string | undefined {
  if (kind === 'missing-documents') return requestDeadline(snapshot, currentRequest(snapshot));
  if (kind === 'revocation') return repaymentDue(snapshot);
  return undefined;
}

/** The funding body's texts put into the built letter, placeholders filled from the case. */
export function withGrantTemplateTexts(
  content: LetterContent,
  snapshot: GrantLetterSnapshot,
  texts: Parameters<typeof applyTemplateTexts>[1],
): LetterContent {
  const due = deadlineOf(content.kind, snapshot);
  return applyTemplateTexts(content, texts, {
    aktenzeichen: snapshot.reference,
    antragsteller: snapshot.applicantName,
    vorhaben: snapshot.title,
    datum: formatGermanDate(snapshot.today, { weekday: false }),
    ...(due ? { frist: formatGermanDate(due, { weekday: false }) } : {}),
  });
}

export const fundingLetterBuilder: LetterBuilder = {
  async availableKinds(ctx) {
    const snapshot = await loadGrantSnapshot(ctx.db, ctx);
    return snapshot ? availableGrantKinds(snapshot) : [];
  },
  async build(kind, ctx) {
    const snapshot = await loadGrantSnapshot(ctx.db, ctx);
    if (!snapshot) throw new Error(`procedure ${ctx.procedureId} not found`);
    return withGrantTemplateTexts(buildGrantLetter(kind, snapshot), snapshot, ctx.templates[kind]);
  },
};

/** Registered for both funding procedure types (src/app.ts, next to the permit builders). */
export const FUNDING_LETTER_BUILDERS: LetterBuilders = {
  [FUNDING_GRANT]: fundingLetterBuilder,
  [FUNDING_COMPETITIVE]: fundingLetterBuilder,
};
