/** IBANs, German and foreign, written compactly or in groups of four. */
import { makeSpan, type RedactionSpan } from './kinds.ts';

// Country code, check digits, then 11–30 alphanumerics with optional single spaces in between.
// Also in lower case and with a space after the country code ("de89 …", "DE 89 3704 …"), as
// objectors type them. ASCII-only and without a leading lookbehind, for speed; the boundary is
// checked in code.
const CANDIDATE = /[A-Za-z]{2}[ \u00A0]?\d{2}(?:[ \u00A0]?[A-Za-z0-9]){11,30}/g;
const GLUED_BEFORE = /[\p{L}\p{N}]/u;

// Lengths of the IBANs that occur in NRW procedures (SEPA neighbours); others are accepted at
// any length from 15 to 34 if the checksum holds.
const IBAN_LENGTH: Readonly<Record<string, number>> = {
  DE: 22,
  AT: 20,
  BE: 16,
  CH: 21,
  DK: 18,
  ES: 24,
  FR: 27,
  GB: 22,
  IE: 22,
  IT: 27,
  LI: 21,
  LU: 20,
  NL: 18,
  PL: 28,
  CZ: 24,
  SE: 24,
  NO: 15,
  FI: 18,
  PT: 25,
};

/** ISO 13616 check: move the first four characters to the end, letters to 10–35, mod 97 = 1. */
export function isValidIban(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const c of rearranged) {
    const code = c.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/**
 * A German IBAN (DE + 20 digits) is redacted even with a wrong checksum: a mistyped account
 * number is still the author's account number. Foreign ones need the checksum, because a
 * two-letter code with digits is otherwise too easy to hit by accident (part numbers etc.).
 */
function acceptedLength(compact: string): number {
  const country = compact.slice(0, 2);
  const expected = IBAN_LENGTH[country];
  if (expected !== undefined) {
    if (compact.length < expected) return 0;
    const iban = compact.slice(0, expected);
    if (isValidIban(iban) || (country === 'DE' && /^DE\d{20}$/.test(iban))) return expected;
    return 0;
  }
  // The candidate may have swallowed a following word ("… 00 BIC"): try the longest valid prefix.
  for (let length = Math.min(34, compact.length); length >= 15; length--) {
    if (isValidIban(compact.slice(0, length))) return length;
  }
  return 0;
}

export function findIbans(text: string, out: RedactionSpan[]): void {
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match !== null; match = CANDIDATE.exec(text)) {
    const raw = match[0];
    const glued = match.index > 0 && GLUED_BEFORE.test(text[match.index - 1]!);
    const length = glued ? 0 : acceptedLength(raw.replace(/[ \u00A0]/g, '').toUpperCase());
    // A rejected candidate may have started too early ("Konto AB12 DE89 3704 …"): rescan from
    // the next character, not from its end.
    if (length === 0) {
      CANDIDATE.lastIndex = match.index + 1;
      continue;
    }
    // Map the compact length back to the original text, which may contain spaces.
    let end = 0;
    for (let seen = 0; seen < length; end++) if (raw[end] !== ' ' && raw[end] !== '\u00A0') seen++;
    // Lower case only for German IBANs, whose length and digits are fixed: a lower-case foreign
    // candidate runs on into the following words and passes the checksum by chance (1 in 97).
    if (/[a-z]/.test(raw.slice(0, end)) && !/^de/i.test(raw)) {
      CANDIDATE.lastIndex = match.index + 1;
      continue;
    }
    out.push(makeSpan(text, match.index, match.index + end, 'iban'));
    CANDIDATE.lastIndex = match.index + end;
  }
}
