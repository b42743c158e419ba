/**
 * German text features for keyword matching: folding, tokenisation and a light suffix stemmer.
 * No dictionary and no model: predictable behaviour matters more here than linguistic finesse,
 * because caseworkers must be able to see why a concern was suggested.
 */

const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const UMLAUT = /[äöüß]/g;
const COMBINING_MARKS = /\p{M}/gu;
// Module-level callback: a closure per call would be recreated for every token.
const replaceUmlaut = (c: string): string => UMLAUTS[c] ?? c;

/** Lower case, ä→ae, ö→oe, ü→ue, ß→ss, other diacritics removed ("Laerm" and "Lärm" meet). */
export function foldGerman(word: string): string {
  const lower = word.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  const folded = lower.replace(UMLAUT, replaceUmlaut);
  // NFD is only needed for the rare other accents ("Café", "Génie").
  return NON_ASCII.test(folded) ? folded.normalize('NFD').replace(COMBINING_MARKS, '') : folded;
}

// Inflectional endings, longest first; "-ungen" keeps its "-ung" so that "Rodungen" meets "Rodung".
const ENDINGS = ['ern', 'em', 'en', 'er', 'es', 'e', 'n', 's'];
const MIN_STEM = 3;

/** Strips one inflectional ending from a folded word, keeping at least three characters. */
export function stemGerman(folded: string): string {
  if (folded.endsWith('ungen')) return folded.slice(0, -2);
  for (const ending of ENDINGS) {
    if (folded.endsWith(ending) && folded.length - ending.length >= MIN_STEM) {
      return folded.slice(0, -ending.length);
    }
  }
  return folded;
}

export interface Token {
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  folded: string;
  stem: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of the text (letters and digits); hyphens split compounds like "TA-Lärm". */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const folded = foldGerman(m[0]);
    tokens.push({ start: m.index, end: m.index + m[0].length, folded, stem: stemGerman(folded) });
  }
  return tokens;
}
