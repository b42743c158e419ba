import type { LetterKind } from './letter.types.ts';

/** Every letter kind, in the order a procedure meets them. */
export const LETTER_KINDS: readonly LetterKind[] = [
  'receipt',
  'missing-documents',
  'completeness',
  'hearing',
  'decision',
  'refusal',
  'rejection',
  'revocation',
];

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  receipt: 'Eingangsbestätigung',
  'missing-documents': 'Nachforderung von Unterlagen',
  completeness: 'Bestätigung der Vollständigkeit',
  hearing: 'Anhörung (§ 28 VwVfG)',
  decision: 'Bescheid',
  refusal: 'Ablehnungsbescheid',
  rejection: 'Ablehnung wegen unvollständiger Unterlagen',
  revocation: 'Widerrufs- und Erstattungsbescheid',
};

/**
 * Kinds of which a case may hold several independent letters: a second request for documents or
 * a second hearing is a new letter, not a correction of the first. The others exist once per
 * case; a change to a signed one is a new version with a reason.
 */
export const REPEATABLE_KINDS: ReadonlySet<LetterKind> = new Set(['missing-documents', 'hearing']);

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value);
}

export const LETTER_STATUS_LABELS = {
  draft: 'Entwurf',
  'in-review': 'Zur Zeichnung vorgelegt',
  signed: 'Gezeichnet',
  delivered: 'Zugestellt',
  superseded: 'Ersetzt',
} as const;

/** The letters engine's audit events, named for timelines of every procedure family. */
export const LETTER_EVENT_LABELS: Readonly<Record<string, string>> = {
  'letter-drafted': 'Schreiben entworfen',
  'letter-revised': 'Schreiben neu gefasst',
  'letter-review-requested': 'Schreiben zur Zeichnung vorgelegt',
  'letter-returned': 'Schreiben zur Überarbeitung zurückgegeben',
  'letter-signed': 'Schreiben gezeichnet',
  'letter-delivered': 'Schreiben zugestellt',
};
