/**
 * An authority's master data (Stammdaten): everything a notice, letter, mail or PDF of the
 * authority states about it. Loaded by `loadAuthorityProfile` (authority.queries.ts); every
 * document takes the authority's data from here, never from free text in a case.
 */
export interface PostalAddress {
  /** Street and number, or "Postfach 12 34" */
  street: string;
  postalCode: string;
  city: string;
}

export interface Signatory {
  id: string;
  name: string;
  /** e.g. "Leiterin der Unteren Immissionsschutzbehörde", "Im Auftrag" is added by the letter */
  function: string;
  active: boolean;
}

export interface BankAccount {
  /** Account holder named on payment slips, e.g. "Kreiskasse Paderborn" */
  holder: string;
  bankName: string;
  /** Stored without spaces, upper case; printed in groups of four */
  iban: string;
  bic: string | null;
}

export interface AuthorityProfile {
  organisationId: string;
  /** The organisation's name as it appears in the letterhead, e.g. "Kreis Paderborn" */
  name: string;
  /** e.g. "Untere Immissionsschutzbehörde" */
  department: string | null;
  postalAddress: PostalAddress | null;
  /** Where the files can be inspected and objections handed in (§ 10 Abs. 3, 4 BImSchG) */
  visitingAddress: PostalAddress | null;
  /** Free text, one line per day group, e.g. "Mo–Do 8:30–15:30 Uhr" */
  officeHours: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** Content address of the validated logo (PNG or SVG) in the file store */
  logo: { sha256: string; mediaType: 'image/png' | 'image/svg+xml' } | null;
  bankAccount: BankAccount | null;
  signatories: Signatory[];
  /**
   * Pattern of the Aktenzeichen given at submission, e.g. "53.0{NR}/{JJJJ}-BImSchG"; placeholders
   * {JJJJ} (year), {JJ} (two-digit year) and {NR} (running number per authority and year).
   */
  referencePattern: string;
  updatedAt: Date | null;
}

/** What a document legally needs from the master data, named so that a refusal can list it. */
export type ProfileField =
  | 'postalAddress'
  | 'visitingAddress'
  | 'officeHours'
  | 'phone'
  | 'email'
  | 'bankAccount'
  | 'signatories'
  | 'department';
