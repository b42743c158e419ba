/**
 * Rules for groups of uniform submissions (gleichförmige Eingaben, § 17 VwVfG). Pure: plain data
 * in, plain data out; the actions and views share them.
 */
import { signatureCount, UNIFORM_MIN_SIGNATURES } from '../intake/intake-rules.ts';

/**
 * § 17 Abs. 1 VwVfG applies to submissions signed by MORE than 50 persons: only then does one
 * signer represent the others. Signature lists count every signer (objections.signatures).
 */
export const REPRESENTATIVE_MIN_SIGNATURES = UNIFORM_MIN_SIGNATURES;

export interface GroupFacts {
  /** Sum of the members' signatures. */
  signatures: number;
  /**
   * A member that names a representative with name, profession and address (§ 17 Abs. 1 S. 1
   * VwVfG); where members name different people, one naming the most often named person.
   */
  namedId: string | null;
  /** The current representative, if any. */
  currentId: string | null;
  /** True when staff chose the current representative (a 'representative-set' event). */
  currentChosenByStaff: boolean;
  /** True when the current representative is still a member that names a representative. */
  currentIsMember: boolean;
}

/**
 * The representative of a group of uniform submissions (§ 17 Abs. 1 VwVfG): none for 50
 * signatures or fewer (the rule applies to more than 50); otherwise the signer the submissions
 * name as representative — never simply the first objection received. Where members name
 * different people, staff may choose among the named ones; without a named one the group has no
 * representative and the authority may disregard it (§ 17 Abs. 2 S. 1 VwVfG).
 */
export function chooseRepresentative(facts: GroupFacts): string | null {
  if (facts.signatures < REPRESENTATIVE_MIN_SIGNATURES) return null;
  if (facts.currentId !== null && facts.currentChosenByStaff && facts.currentIsMember) {
    return facts.currentId;
  }
  return facts.namedId;
}

/** Why a group has no representative (shown to staff), or null when it has one. */
export function missingRepresentativeReason(
  signatures: number,
  representativeId: string | null,
): string | null {
  if (representativeId !== null) return null;
  if (signatures < REPRESENTATIVE_MIN_SIGNATURES) {
    return `keiner – nur ${signatureCount(signatures)}; ein Vertreter gilt erst bei mehr als 50 (§ 17 Abs. 1 VwVfG)`;
  }
  return 'keiner benannt – keine Eingabe der Gruppe nennt einen Vertreter mit Name, Beruf und Anschrift; die Behörde kann sie unberücksichtigt lassen (§ 17 Abs. 2 VwVfG)';
}

/** A short, single-line excerpt of an objection's text for staff pages. */
export function excerpt(text: string | null, length = 200): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > length ? `${chars.slice(0, length).join('')} …` : flat;
}

export const GROUP_EVENT_LABELS: Record<string, string> = {
  'auto-grouped': 'Automatisch als gleichförmig erkannt',
  'auto-dissolved': 'Automatische Gruppe bei Neuberechnung aufgelöst',
  confirmed: 'Gruppe bestätigt',
  split: 'Gruppe aufgeteilt',
  merged: 'Gruppen zusammengeführt',
  'representative-set': 'Vertreter bestimmt',
  'disregard-decided': 'Entscheidung nach § 17 Abs. 2 VwVfG',
};
