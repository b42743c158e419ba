/** Types shared by the detectors of personal data in objections (Einwendungen). */

export type PersonalDataKind =
  'name' | 'address' | 'email' | 'phone' | 'iban' | 'parcel' | 'postcode';

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
};

export function makeSpan(
  text: string,
  start: number,
  end: number,
  kind: PersonalDataKind,
): RedactionSpan {
  return { start, end, kind, text: text.slice(start, end) };
}
