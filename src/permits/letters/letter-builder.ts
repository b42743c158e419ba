/**
 * The permit procedure types' plug-in for the letters engine: which letters the case offers now,
 * and each letter built from the case snapshot with the authority's own texts (intro, closing,
 * notes) around the parts the law fixes (operative part, reasons, fee, remedies).
 */
import { formatGermanDate } from '../../law/index.ts';
import type { LetterBuilder, LetterBuilders } from '../../procedures/letters/letter.builder.ts';
import { fillPlaceholders, type TemplateTexts } from '../../procedures/letters/letter.templates.ts';
import type {
  LetterBlock,
  LetterContent,
  LetterKind,
} from '../../procedures/letters/letter.types.ts';
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

const paragraphs = (text: string): LetterBlock[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => ({ kind: 'paragraph', text: p }));

/**
 * Puts the authority's texts into the built letter: its intro replaces the opening sentence,
 * its closing and notes come before the legal remedies (which stay last, § 58 VwGO).
 */
export function withTemplateTexts(
  content: LetterContent,
  texts: TemplateTexts,
  snapshot: PermitLetterSnapshot,
): LetterContent {
  const due = deadlineOf(content.kind, snapshot);
  const fill = (text: string) =>
    fillPlaceholders(text, {
      aktenzeichen: snapshot.reference,
      antragsteller: snapshot.applicant.name,
      vorhaben: snapshot.title,
      datum: formatGermanDate(snapshot.today, { weekday: false }),
      ...(due ? { frist: formatGermanDate(due, { weekday: false }) } : {}),
    });
  const blocks = [...content.blocks];
  const intro = fill(texts.intro).trim();
  if (intro !== '' && blocks[0]?.kind === 'paragraph')
    blocks[0] = { kind: 'paragraph', text: intro };
  const remedies = blocks.findIndex(
    (b) => b.kind === 'heading' && b.text === 'Rechtsbehelfsbelehrung',
  );
  const at =
    remedies > 0 && blocks[remedies - 1]?.kind === 'keep-with-next' ? remedies - 1 : remedies;
  const extra: LetterBlock[] = [...paragraphs(fill(texts.closing))];
  const notes = paragraphs(fill(texts.notes));
  if (notes.length > 0) extra.push({ kind: 'heading', text: 'Weitere Hinweise' }, ...notes);
  blocks.splice(at < 0 ? blocks.length : at, 0, ...extra);
  return { ...content, blocks };
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
