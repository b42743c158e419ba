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
 * 2. A header (subject line "Betreff: …", an address block "An die Bezirksregierung …") and a
 *    salutation at the very beginning ("Sehr geehrte Damen und Herren,", "Sehr geehrter Herr …",
 *    "Hallo …", "Guten Tag") are dropped: they differ between copies and say nothing about the
 *    objection.
 * 3. The signature block is dropped: from a closing formula ("Mit freundlichen Grüßen", "MfG",
 *    "Viele Grüße", "Danke!", "Hochachtungsvoll", …) at the start of a line or after the end of a
 *    sentence, if at most a signature's worth of words follows; otherwise the short trailing
 *    lines after the last sentence (name, address, place and date, e-mail). It differs in every
 *    copy, and on a letter of three sentences it weighs as much as the text.
 * 4. Every run of characters other than a–z and 0–9 becomes one space; the result is trimmed.
 *
 * A closing formula inside the text ("… und mit freundlichen Grüßen an die Verwaltung, die …")
 * is kept when more than a signature follows it.
 */

// Applied after folding, so "grüß" is already "gruess". A greeting word, then the addressee up to
// a terminator (",", "!", ":" or the end of the line) within the first line. Letters that arrive
// as one line (web forms, scans) have no line end to stop at: then only the greeting and a
// conventional addressee ("damen und herren", "herr dr. x") are dropped, never the first sentence.
const GREETING =
  /^\s*(?:sehr geehrte[rs]?|werte[rs]?|liebe[rs]?|hallo|hi|guten (?:tag|morgen|abend)|moin|servus|gruess gott)\b/;
const ADDRESSEE_TO_TERMINATOR = /^[^\n,!.:?]{0,60}(?:[,!:]|\n|$)/;
const ADDRESSEE_CONVENTIONAL =
  /^\s*(?:(?:damen und herren|zusammen|alle)\b|(?:frau|herr|herrn)\b(?:\s+(?:dr|prof)\b\.?)*\s+[a-z-]+\b)[\s,!:]*/;
// A header before the letter itself: a subject line or the authority's address.
const HEADER = /^\s*(?:betreff|betr\.?|an (?:die|den|das))\b[^\n]*\n(?:[^\n.!?]{0,60}\n)*/;

// A closing formula starts the signature block (name, address, place and date, e-mail), which
// differs in every copy. It counts only at the start of a line or right after the end of a
// sentence, and only when at most SIGNATURE_WORDS words follow: so "… mit freundlichen Grüßen an
// die Verwaltung …" inside a letter is kept, and flattened letters lose their signature too.
const CLOSING =
  /(?:^|\n|[.!?]\s)\s*((?:mit )?(?:den )?(?:freundliche[nm]?|beste[nm]?|herzliche[nm]?|liebe[nm]?|viele[nm]?|sonnige[nm]?) (?:gruess(?:e|en)?|gruss)\b|(?:vielen )?danke?(?: (?:und|&) [a-z ]{0,30}(?:gruess(?:e|en)?|gruss))?(?:\s*[!.,]|\s*\n|$)|mfg\b|lg\b|vg\b|hochachtungsvoll|gruss\b)/gm;
const SIGNATURE_WORDS = 30;

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
  let folded = foldGerman(text.normalize('NFC').toLowerCase().replace(/\r\n?/g, '\n'));
  folded = folded.replace(HEADER, '');
  folded = dropSalutation(folded);
  folded = dropSignature(folded);
  return folded.replace(/[^a-z0-9]+/g, ' ').trim();
}

function dropSalutation(text: string): string {
  const greeting = GREETING.exec(text);
  if (greeting === null) return text;
  const rest = text.slice(greeting[0].length);
  const conventional = ADDRESSEE_CONVENTIONAL.exec(rest);
  if (conventional !== null) return rest.slice(conventional[0].length);
  const addressee = ADDRESSEE_TO_TERMINATOR.exec(rest);
  // No terminator on a one-line letter: the addressee cannot be told from the first sentence.
  return addressee === null ? rest : rest.slice(addressee[0].length);
}

function dropSignature(text: string): string {
  for (const match of text.matchAll(CLOSING)) {
    const start = match.index + match[0].length - match[1]!.length;
    const tail = text.slice(start);
    // A closing formula at the very start would leave nothing: then it is part of the text.
    if (start === 0 || text.slice(0, start).trim() === '') continue;
    if (tail.split(/\s+/).filter(Boolean).length <= SIGNATURE_WORDS) return text.slice(0, start);
  }
  return dropTrailingSignature(text);
}

/**
 * Without a closing formula, a letter often still ends in name, address, place and date: short
 * lines after the last line that is a sentence. Those lines are dropped, at most as many as a
 * signature block has (name, street, town, place and date, e-mail, telephone), so that a letter
 * ending in a longer list of short demands keeps them; a single-line text stays as it is.
 */
const SIGNATURE_LINES = 6;

function dropTrailingSignature(text: string): string {
  const lines = text.trimEnd().split('\n');
  let end = lines.length;
  let dropped = 0;
  while (end > 1) {
    const line = lines[end - 1]!.trim();
    const words = line.split(/\s+/).filter(Boolean).length;
    if (line !== '' && (words > 6 || /[.!?]$/.test(line))) break;
    if (line !== '' && ++dropped > SIGNATURE_LINES) return text;
    end--;
  }
  return lines.slice(0, end).join('\n');
}
