/**
 * Rules for groups of uniform submissions (gleichförmige Eingaben, § 17 VwVfG). Pure: plain data
 * in, plain data out; the actions and views share them.
 */

/**
 * § 17 Abs. 1 VwVfG applies to submissions signed by MORE than 50 persons: only then does one
 * signer represent the others. Signature lists count every signer (objections.signatures).
 */
export const REPRESENTATIVE_MIN_SIGNATURES = 51;

export interface GroupFacts {
  /** Sum of the members' signatures. */
  signatures: number;
  /** The member with a name that was received first (received_at, then reference). */
  firstNamedId: string | null;
  /** The current representative, if any. */
  currentId: string | null;
  /** True when staff chose the current representative (a 'representative-set' event). */
  currentChosenByStaff: boolean;
  /** True when the current representative is still a member of the group. */
  currentIsMember: boolean;
}

/**
 * The representative of a group: none for 50 signatures or fewer; otherwise the staff's choice
 * while it is still a member, else the first named signer: the member with a name that was
 * received first stands for the others (§ 17 Abs. 1 VwVfG as applied by this portal; staff can
 * choose another member).
 */
export function chooseRepresentative(facts: GroupFacts): string | null {
  if (facts.signatures < REPRESENTATIVE_MIN_SIGNATURES) return null;
  if (facts.currentId !== null && facts.currentChosenByStaff && facts.currentIsMember) {
    return facts.currentId;
  }
  return facts.firstNamedId;
}

/** Why a group has no representative (shown to staff), or null when it has one. */
export function missingRepresentativeReason(
  signatures: number,
  representativeId: string | null,
): string | null {
  if (representativeId !== null) return null;
  if (signatures < REPRESENTATIVE_MIN_SIGNATURES) {
    return `keiner – nur ${signatures} Unterschriften; ein Vertreter wird erst bei mehr als 50 bestimmt (§ 17 Abs. 1 VwVfG)`;
  }
  return 'keiner – keine Einwendung der Gruppe nennt einen Namen';
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
};
