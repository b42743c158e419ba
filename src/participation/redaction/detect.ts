/**
 * Detection of personal data in objections before they are published or passed on to the
 * applicant (§ 10 Abs. 3 BImSchG, § 12 Abs. 2 der 9. BImSchV; Art. 5 Abs. 1 lit. c DSGVO).
 * It favours recall: a wrongly blacked-out word is a nuisance, a published address is a data
 * breach. The authority reviews the suggestions before publication.
 */
import { findHeadStreets, findPostcodes, findStreets, findTowns } from './address.ts';
import { findBankDetails } from './bank.ts';
import { findBirthdates } from './birthdate.ts';
import { findEmails, findPhones } from './contact.ts';
import { findIbans } from './iban.ts';
import type { KnownIdentity, RedactionSpan } from './kinds.ts';
import { findKnownIdentity } from './known.ts';
import {
  findClosingName,
  findLetterheadNames,
  findNames,
  findRelativesNames,
  findSignerNames,
} from './names.ts';
import { findParcels } from './parcel.ts';
import { findPlates } from './plate.ts';
import { findSpecialCategories } from './special.ts';
import { mergeSpans } from './spans.ts';

/** All spans of personal data, sorted and non-overlapping (overlaps merged into their union). */
export function detectPersonalData(text: string, known?: KnownIdentity): RedactionSpan[] {
  const spans: RedactionSpan[] = [];
  findEmails(text, spans);
  findIbans(text, spans);
  findBankDetails(text, spans);
  findPhones(text, spans);
  findParcels(text, spans);
  const streets: RedactionSpan[] = [];
  findStreets(text, streets);
  findHeadStreets(text, streets);
  spans.push(...streets);
  findPostcodes(text, spans);
  findTowns(text, spans);
  findNames(text, spans);
  findRelativesNames(text, spans);
  findSignerNames(text, spans);
  findClosingName(text, spans);
  findBirthdates(text, spans);
  findPlates(text, spans);
  findSpecialCategories(text, spans);
  findLetterheadNames(text, streets, spans);
  if (known !== undefined) findKnownIdentity(text, known, spans);
  return mergeSpans(text, spans);
}
