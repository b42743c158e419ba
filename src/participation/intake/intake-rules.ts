/**
 * Plausibility rules for receiving objections on every channel (form, API, manual entry, import).
 * Pure: plain data in, plain data out; the use cases, views and exports share them.
 * The legal reasoning is in docs/law/objection-intake.md.
 */
import type { EarlyIntake } from '../../db/schema.ts';
import { countNoun, formatGermanDate, type IsoDate } from '../../law/index.ts';

/**
 * § 17 Abs. 1 S. 1 VwVfG: the rules on uniform submissions apply to submissions signed by MORE
 * than 50 persons.
 */
export const UNIFORM_MIN_SIGNATURES = 51;

/**
 * Above this number of signatures on ONE submission (a list, a form letter with a signature count)
 * the number must be confirmed explicitly at intake. A signature list is a stack of paper pages
 * with some 20 signatures each; 5,000 signatures are 250 pages — possible for a large campaign,
 * but far more often a typing error (an extra zero, the postcode in the wrong field). The
 * threshold is a choice of this portal, not of the law.
 */
export const PLAUSIBLE_SIGNATURES = 5_000;

/**
 * No submission is accepted with more signatures than this, confirmed or not: it is above the
 * population of every Gemeinde in NRW but Köln, and a list signed by that many people is not a
 * paper intake anybody counts by hand.
 */
export const MAX_SIGNATURES = 1_000_000;

const number = (value: number): string => value.toLocaleString('de-DE');

export { countNoun };

export const signatureCount = (count: number): string =>
  countNoun(count, 'Unterschrift', 'Unterschriften');
export const listCount = (count: number): string =>
  countNoun(count, 'Unterschriftenliste', 'Unterschriftenlisten');
export const objectionCount = (count: number): string =>
  countNoun(count, 'Einwendung', 'Einwendungen');

export type SignatureProblem =
  | { kind: 'invalid'; message: string }
  | { kind: 'too-many'; message: string }
  | { kind: 'needs-confirmation'; message: string };

/**
 * Checks a number of signatures. `confirmHint` tells how to confirm on the calling channel
 * (a checkbox, an API field, an import column).
 */
export function checkSignatures(
  count: number,
  confirmed: boolean,
  confirmHint: string,
): SignatureProblem | null {
  if (!Number.isInteger(count) || count < 1) {
    return {
      kind: 'invalid',
      message: 'Die Zahl der Unterschriften muss eine ganze Zahl ab 1 sein.',
    };
  }
  if (count > MAX_SIGNATURES) {
    return {
      kind: 'too-many',
      message: `${signatureCount(count)} auf einer Eingabe sind nicht möglich (höchstens ${number(MAX_SIGNATURES)}). Bitte prüfen Sie die Zahl.`,
    };
  }
  if (count > PLAUSIBLE_SIGNATURES && !confirmed) {
    return {
      kind: 'needs-confirmation',
      message: `${signatureCount(count)} auf einer Eingabe sind ungewöhnlich viele (mehr als ${number(PLAUSIBLE_SIGNATURES)}). Bitte prüfen Sie die Zahl. ${confirmHint}`,
    };
  }
  return null;
}

export interface NamedRepresentative {
  readonly name: string;
  readonly profession: string | null;
  readonly address: string | null;
}

/**
 * § 17 Abs. 1 S. 1 VwVfG: the representative is the signer named with name, profession AND
 * address. A name alone is recorded, but does not make the submission a represented one.
 */
export function representativeComplete(r: {
  name: string | null;
  profession: string | null;
  address: string | null;
}): boolean {
  return Boolean(r.name?.trim() && r.profession?.trim() && r.address?.trim());
}

export function formatRepresentative(r: {
  name: string | null;
  profession: string | null;
  address: string | null;
}): string | null {
  if (!r.name) return null;
  const parts = [r.name, r.profession, r.address?.replace(/\s*\n\s*/g, ', ')].filter(Boolean);
  return parts.join(', ');
}

/**
 * Where the authority may disregard a uniform submission: more than 50 signatures and no
 * representative named with name, profession and address (§ 17 Abs. 2 S. 1 VwVfG). It MAY — the
 * case worker decides and records the reason. [open] Whether the intake can tell that the
 * representative stands "deutlich sichtbar auf jeder mit einer Unterschrift versehenen Seite"
 * (each page) is left to the case worker who holds the paper; the portal only knows what was
 * entered.
 */
export function mayDisregard(signatures: number, representativeIsComplete: boolean): boolean {
  return signatures >= UNIFORM_MIN_SIGNATURES && !representativeIsComplete;
}

export const DISREGARD_LABELS = {
  disregard: 'Bleibt unberücksichtigt (§ 17 Abs. 2 S. 1 VwVfG)',
  consider: 'Wird berücksichtigt',
} as const;

/** The short mark on lists, exports and counts. */
export const DISREGARDED_MARK = 'unberücksichtigt (§ 17 Abs. 2 VwVfG)';

/**
 * When an objection arrived relative to the notice and the display (docs/law/objection-intake.md):
 * before the public notice, or after it but before the display began. Both are stored and marked,
 * never refused; after the objection period the existing `late` mark applies.
 */
export function earlyIntake(
  participation: { noticeDate: IsoDate; displayStart: IsoDate },
  receivedOn: IsoDate,
): EarlyIntake | null {
  if (receivedOn < participation.noticeDate) return 'before-notice';
  if (receivedOn < participation.displayStart) return 'before-display';
  return null;
}

export const EARLY_LABELS: Record<EarlyIntake, string> = {
  'before-notice': 'vor der Bekanntmachung eingegangen',
  'before-display': 'vor Beginn der Auslegung eingegangen',
};

/** What the objector and the case worker are told about an early objection. */
export function earlyNotice(
  early: EarlyIntake,
  participation: { noticeDate: IsoDate; displayStart: IsoDate },
): string {
  const display = formatGermanDate(participation.displayStart, { weekday: false });
  return early === 'before-notice'
    ? `Die Einwendung ist vor der öffentlichen Bekanntmachung des Vorhabens eingegangen. Sie ist gespeichert und als solche gekennzeichnet; die Behörde prüft, wie sie im Verfahren behandelt wird. Die Auslegung beginnt am ${display}.`
    : `Die Einwendung ist vor Beginn der Auslegung (${display}) eingegangen. Sie ist gespeichert und als solche gekennzeichnet; die Behörde prüft, wie sie im Verfahren behandelt wird.`;
}
