/**
 * Bank details other than the IBAN: BIC (ISO 9362) and the old German account number and bank
 * code ("Kontonummer 1234567, BLZ 370 400 44"), still written by many objectors who ask for a
 * refund of costs.
 */
import { makeSpan, type RedactionSpan } from './kinds.ts';

const S = String.raw`[ \u00A0]`;
const BIC_LABELLED = new RegExp(
  String.raw`(?<![A-Za-z])(?:BIC|Bic|bic|SWIFT(?:-Code)?|Swift(?:-Code)?)${S}*(?:\(SWIFT\)${S}*)?:?${S}*` +
    String.raw`([A-Za-z]{4}${S}?[A-Za-z]{2}${S}?[A-Za-z0-9]{2}(?:${S}?[A-Za-z0-9]{3})?)(?![A-Za-z0-9])`,
  'g',
);
// German banks: four letters, "DE", location; upper case only, as printed on bank cards.
const BIC_BARE = /(?<![A-Za-z0-9])[A-Z]{4}DE[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![A-Za-z0-9])/g;
const BIC_COUNTRY = /^[A-Z]{4}(?:DE|AT|NL|BE|CH|FR|LU|IT|ES|PL|GB|DK|CZ|SE|IE|PT|FI|NO|LI)/;
const ACCOUNT = new RegExp(
  String.raw`(?<![A-Za-zäöü])(?:Kontonummer|Kontonr\.?|Konto-Nr\.?|Konto${S}Nr\.?|Kto\.?-?${S}?Nr\.?|Konto|Kto\.)${S}*:?${S}*` +
    String.raw`(\d(?:${S}?\d){4,11})(?!\d|[.,]\d)`,
  'g',
);
const BANK_CODE = new RegExp(
  String.raw`(?<![A-Za-zäöü])(?:BLZ|Bankleitzahl)\.?${S}*:?${S}*(\d{3}${S}?\d{3}${S}?\d{2})(?!\d)`,
  'g',
);

function push(text: string, m: RegExpExecArray, kind: 'bic' | 'account', out: RedactionSpan[]) {
  const value = m[1] ?? m[0];
  const start = m.index + m[0].length - value.length;
  out.push(makeSpan(text, start, start + value.length, kind));
}

export function findBankDetails(text: string, out: RedactionSpan[]): void {
  for (const m of text.matchAll(BIC_LABELLED)) {
    // "BIC: bei der Bank" would read "beider" as a BIC; a BIC has its country code at 5–6.
    const compact = m[1]!.replace(/[ \u00A0]/g, '').toUpperCase();
    if (!BIC_COUNTRY.test(compact)) continue;
    push(text, m, 'bic', out);
  }
  for (const m of text.matchAll(BIC_BARE)) push(text, m, 'bic', out);
  if (!/Kont|Kto|BLZ|Bankleitzahl/.test(text)) return;
  for (const m of text.matchAll(ACCOUNT)) push(text, m, 'account', out);
  for (const m of text.matchAll(BANK_CODE)) push(text, m, 'account', out);
}
