/**
 * Text normalisation for near-duplicate detection of objections (Einwendungen).
 *
 * Goal: two copies of the same form letter should look identical after normalisation even when
 * people typed them differently. Deliberately simple and predictable, because the result decides
 * which objections an authority treats as uniform submissions (§ 17 VwVfG):
 *
 * 1. Unicode NFC, lowercase; German umlauts and ß are folded (ä→ae, ö→oe, ü→ue, ß→ss) because
 *    both spellings occur when people retype letters on keyboards without umlauts; other
 *    diacritics are removed.
 * 2. A salutation at the very beginning ("Sehr geehrte Damen und Herren,", "Hallo …", "Guten Tag")
 *    is dropped: it differs between copies and says nothing about the objection.
 * 3. From the first line that starts with a closing formula ("Mit freundlichen Grüßen", "MfG",
 *    "Viele Grüße", "Hochachtungsvoll", …) everything is dropped: that is the signature block
 *    with name and address, which differs in every copy of a form letter.
 * 4. Every run of characters other than a–z and 0–9 becomes one space; the result is trimmed.
 *
 * The closing formula is only recognised at the start of a line, so a sentence like "… und mit
 * freundlichen Grüßen an die Verwaltung …" inside the text is kept.
 */

// Applied after folding, so "grüß" is already "gruess". Requires a terminator (comma, "!", ":" or
// end of line) so that an ordinary first sentence is not mistaken for a greeting.
const SALUTATION =
  /^\s*(?:sehr geehrte|liebe[rs]?|hallo|guten (?:tag|morgen|abend)|moin|servus|gruess gott)\b[^\n,!.:]{0,60}(?:[,!:]|\n|$)/;

const CLOSING =
  /^\s*(mit (den )?(freundlichen|besten|herzlichen|lieben) gruessen|(freundliche|beste|viele|liebe|herzliche) gruesse|mfg\b|hochachtungsvoll|gruss\b)/m;

const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

function foldGerman(text: string): string {
  const folded = text.replace(/[äöüß]/g, (c) => UMLAUTS[c] ?? c);
  // NFD is the slowest step, and most texts are plain ASCII after folding: only pay for it then.
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(folded)) return folded;
  return folded.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Normalises a text as described in the module comment; returns words separated by one space. */
export function normalizeText(text: string): string {
  let folded = foldGerman(text.normalize('NFC').toLowerCase());
  folded = folded.replace(SALUTATION, ' ');
  const closing = CLOSING.exec(folded);
  // A closing formula at index 0 would leave nothing; then keep the text as it is.
  if (closing !== null && closing.index > 0) folded = folded.slice(0, closing.index);
  return folded.replace(/[^a-z0-9]+/g, ' ').trim();
}
