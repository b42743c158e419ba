import type { FieldError } from '../../platform/errors.ts';
import type { LetterBlock, LetterContent, LetterKind } from './letter.types.ts';

/**
 * The texts an authority edits per letter kind: the opening paragraph, the closing paragraph and
 * notes (Hinweise). The builder puts them into the letter with the placeholders filled from the
 * case; the legally required parts (operative part, reasons, legal remedies) are not editable here.
 */
export interface TemplateTexts {
  intro: string;
  closing: string;
  notes: string;
}

export const TEMPLATE_FIELDS = ['intro', 'closing', 'notes'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const TEMPLATE_FIELD_LABELS: Record<TemplateField, string> = {
  intro: 'Einleitung',
  closing: 'Schlussabsatz',
  notes: 'Hinweise',
};

export const PLACEHOLDERS = {
  aktenzeichen: 'Aktenzeichen des Verfahrens',
  antragsteller: 'Name der Antragstellerin oder des Antragstellers',
  vorhaben: 'Bezeichnung des Vorhabens',
  frist: 'Frist, die das Schreiben setzt (Datum)',
  datum: 'Datum des Schreibens',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

export const MAX_TEMPLATE_TEXT = 5000;

const ALLOWED = Object.keys(PLACEHOLDERS)
  .map((p) => `{${p}}`)
  .join(', ');

/** The errors of one text: unknown placeholders and braces that do not pair up, each named. */
export function templateTextErrors(field: TemplateField, text: string): FieldError[] {
  const label = TEMPLATE_FIELD_LABELS[field];
  const errors: FieldError[] = [];
  if (text.length > MAX_TEMPLATE_TEXT) {
    errors.push({
      field,
      message: `${label}: Der Text ist länger als ${MAX_TEMPLATE_TEXT.toLocaleString('de-DE')} Zeichen.`,
    });
  }
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '{') {
      if (open >= 0) {
        errors.push({
          field,
          message: `${label}: Die geschweifte Klammer an Stelle ${open + 1} wird nicht geschlossen, bevor an Stelle ${i + 1} eine neue beginnt.`,
        });
      }
      open = i;
    } else if (char === '}') {
      if (open < 0) {
        errors.push({
          field,
          message: `${label}: Die schließende Klammer „}“ an Stelle ${i + 1} hat keine öffnende Klammer.`,
        });
        continue;
      }
      const name = text.slice(open + 1, i);
      if (!(name in PLACEHOLDERS)) {
        errors.push({
          field,
          message: `${label}: „{${name}}“ ist kein bekannter Platzhalter. Erlaubt sind ${ALLOWED}.`,
        });
      }
      open = -1;
    }
  }
  if (open >= 0) {
    errors.push({
      field,
      message: `${label}: Die geschweifte Klammer an Stelle ${open + 1} wird nicht geschlossen („${text.slice(open, open + 20)}…“).`,
    });
  }
  return errors;
}

/** Fills the placeholders; one without a value in this letter stays visible as „[name]“. */
export function fillPlaceholders(
  text: string,
  values: Partial<Record<Placeholder, string>>,
): string {
  return text.replace(/\{([a-z]+)\}/g, (_, name: string) =>
    name in PLACEHOLDERS ? (values[name as Placeholder] ?? `[${name}]`) : `{${name}}`,
  );
}

const paragraphs = (text: string): LetterBlock[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => ({ kind: 'paragraph', text: p }));

/**
 * Puts the authority's texts into a built letter: its intro replaces the opening sentence, its
 * closing and notes come before the legal remedies (which stay last, § 58 VwGO). Every procedure
 * family's builder calls this with the placeholder values of its case.
 */
export function applyTemplateTexts(
  content: LetterContent,
  texts: TemplateTexts,
  values: Partial<Record<Placeholder, string>>,
): LetterContent {
  const fill = (text: string) => fillPlaceholders(text, values);
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

const EMPTY = { notes: '' };

/** The texts every authority starts with, until it saves its own. */
export const DEFAULT_TEMPLATES: Record<LetterKind, TemplateTexts> = {
  receipt: {
    intro:
      'wir bestätigen den Eingang Ihres Antrags für das Vorhaben „{vorhaben}“. Ihr Antrag wird unter dem Aktenzeichen {aktenzeichen} bearbeitet; bitte geben Sie es bei jeder Nachricht an.',
    closing: 'Wir prüfen nun die Vollständigkeit der Unterlagen und melden uns bei Ihnen.',
    ...EMPTY,
  },
  'missing-documents': {
    intro:
      'bei der Prüfung Ihres Antrags für das Vorhaben „{vorhaben}“ haben wir festgestellt, dass die folgenden Unterlagen fehlen oder ergänzt werden müssen.',
    closing:
      'Bitte reichen Sie die Unterlagen bis zum {frist} ein. Werden sie nicht fristgerecht vorgelegt, kann der Antrag abgelehnt werden.',
    ...EMPTY,
  },
  completeness: {
    intro: 'die Unterlagen zu Ihrem Antrag für das Vorhaben „{vorhaben}“ sind vollständig.',
    closing: 'Den vorgesehenen Ablauf des Verfahrens entnehmen Sie bitte dem folgenden Zeitplan.',
    ...EMPTY,
  },
  hearing: {
    intro:
      'wir beabsichtigen, über Ihren Antrag für das Vorhaben „{vorhaben}“ wie unten dargestellt zu entscheiden. Bevor wir entscheiden, geben wir Ihnen Gelegenheit, sich zu den für die Entscheidung erheblichen Tatsachen zu äußern.',
    closing: 'Ihre Stellungnahme erbitten wir bis zum {frist}.',
    ...EMPTY,
  },
  decision: {
    intro: 'auf Ihren Antrag für das Vorhaben „{vorhaben}“ ergeht folgender Bescheid:',
    closing: '',
    ...EMPTY,
  },
  refusal: {
    intro: 'auf Ihren Antrag für das Vorhaben „{vorhaben}“ ergeht folgender Bescheid:',
    closing: '',
    ...EMPTY,
  },
  rejection: {
    intro: 'auf Ihren Antrag für das Vorhaben „{vorhaben}“ ergeht folgender Bescheid:',
    closing: '',
    ...EMPTY,
  },
  revocation: {
    intro:
      'nach Prüfung des Verwendungsnachweises für das Vorhaben „{vorhaben}“ ergeht folgender Bescheid:',
    closing: '',
    ...EMPTY,
  },
};
