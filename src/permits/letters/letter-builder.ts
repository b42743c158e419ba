/**
 * The permit procedure types' plug-in for the letters engine: which letters the case offers now,
 * and each letter built from the case snapshot with the authority's own texts (intro, closing,
 * notes) around the parts the law fixes (operative part, reasons, fee, remedies).
 */
import { formatGermanDate } from '../../law/index.ts';
import type { LetterBuilder, LetterBuilders } from '../../procedures/letters/letter.builder.ts';
import {
  applyTemplateTexts,
  type TemplateTexts,
} from '../../procedures/letters/letter.templates.ts';
import type { LetterContent, LetterKind } from '../../procedures/letters/letter.types.ts';
import { findProcedure } from '../permit.queries.ts';
import { hearingDeadline } from './adverse.content.ts';
import { currentRequest } from './intake.content.ts';
import { availablePermitKinds, buildPermitLetter } from './permit-letters.ts';
import type { PermitLetterSnapshot } from './snapshot.ts';
import { loadPermitSnapshot } from './snapshot.queries.ts';

/** The date a letter sets, for the {frist} placeholder. */
function deadlineOf(kind: LetterKind, snapshot: PermitLetterSnapshot): string | undefined {
  if (kind === 'hearing') return hearingDeadline(snapshot.today);
  if (kind === 'missing-documents') {
    const request = currentRequest(snapshot);
    return request ? snapshot.documentRequestDeadlines[request.id] : undefined;
  }
  return undefined;
}

/**
 * Puts the authority's texts into the built letter (applyTemplateTexts), with the placeholders
 * filled from the permit case.
 */
export function withTemplateTexts(
  content: LetterContent,
  texts: TemplateTexts,
  snapshot: PermitLetterSnapshot,
): LetterContent {
  const due = deadlineOf(content.kind, snapshot);
  return applyTemplateTexts(content, texts, {
    aktenzeichen: snapshot.reference,
    antragsteller: snapshot.applicant.name,
    vorhaben: snapshot.title,
    datum: formatGermanDate(snapshot.today, { weekday: false }),
    ...(due ? { frist: formatGermanDate(due, { weekday: false }) } : {}),
  });
}

export const permitLetterBuilder: LetterBuilder = {
  async availableKinds(ctx) {
    const row = await findProcedure(ctx.db, ctx.procedureId);
    return row ? availablePermitKinds(row.typeKey, row.state) : [];
  },
  async build(kind, ctx) {
    const snapshot = await loadPermitSnapshot(ctx.db, {
      procedureId: ctx.procedureId,
      kind,
      profile: ctx.profile,
      now: ctx.now,
    });
    return withTemplateTexts(buildPermitLetter(kind, snapshot), ctx.templates[kind], snapshot);
  },
};

/** Registered for both BImSchG procedure types (src/app.ts). */
export const PERMIT_LETTER_BUILDERS: LetterBuilders = {
  'bimschg-formal': permitLetterBuilder,
  'bimschg-simplified': permitLetterBuilder,
};
