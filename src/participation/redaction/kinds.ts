/** Types shared by the detectors of personal data in objections (Einwendungen). */

export type PersonalDataKind =
  | 'name'
  | 'address'
  | 'email'
  | 'phone'
  | 'iban'
  | 'parcel'
  | 'postcode'
  // Special categories (Art. 9 Abs. 1 DSGVO): health apart, because it is by far the most common.
  | 'health'
  | 'special'
  | 'birthdate'
  | 'plate'
  | 'bic'
  | 'account';

/** A stretch of the original text; UTF-16 offsets, `end` exclusive. */
export interface RedactionSpan {
  start: number;
  end: number;
  kind: PersonalDataKind;
  text: string;
}

/** What the platform already knows about the author (from the submission form). */
export interface KnownIdentity {
  name?: string | null;
  address?: string | null;
  email?: string | null;
}

/** German labels, used in the placeholders of the published (redacted) objections. */
export const KIND_LABELS: Record<PersonalDataKind, string> = {
  name: 'Name',
  address: 'Anschrift',
  email: 'E-Mail',
  phone: 'Telefon',
  iban: 'IBAN',
  parcel: 'Flurstück',
  postcode: 'PLZ/Ort',
  health: 'Gesundheitsdaten',
  special: 'Besondere Kategorie (Art. 9 DSGVO)',
  birthdate: 'Geburtsdatum',
  plate: 'Kfz-Kennzeichen',
  bic: 'BIC',
  account: 'Bankverbindung',
};

/**
 * Kinds that are withheld from the applicant and the public whatever the objector chose: special
 * categories of personal data (Art. 9 Abs. 1 DSGVO) and data that identify the objector or third
 * persons beyond what § 12 Abs. 2 der 9. BImSchV requires to pass on. [open] legal sign-off.
 */
export const ALWAYS_REDACTED_KINDS: readonly PersonalDataKind[] = [
  'health',
  'special',
  'birthdate',
  'plate',
  'iban',
  'bic',
  'account',
];

export function makeSpan(
  text: string,
  start: number,
  end: number,
  kind: PersonalDataKind,
): RedactionSpan {
  return { start, end, kind, text: text.slice(start, end) };
}
