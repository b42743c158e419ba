import type { CompanyLegalForm } from '../../db/schema.ts';
import type { IsoDate } from '../../law/calendar-date.ts';

export type { CompanyLegalForm };

/**
 * German legal forms a company states in its profile, with the register it is entered in:
 * capital companies in Abteilung B of the commercial register (§ 3 Abs. 3 HRV), merchants and
 * commercial partnerships in Abteilung A (§ 3 Abs. 2 HRV), cooperatives in the Genossenschafts-
 * register (§ 10 GenG). A GbR may be entered in the Gesellschaftsregister since 2024 (§ 707 BGB);
 * that register is not offered here [open]. A sole trader without entry has no register.
 */
export const LEGAL_FORMS: readonly {
  value: CompanyLegalForm;
  label: string;
  /** The register type it must be entered in; undefined: none required. */
  register?: RegisterType;
}[] = [
  { value: 'gmbh', label: 'GmbH', register: 'HRB' },
  { value: 'gmbh-co-kg', label: 'GmbH & Co. KG', register: 'HRA' },
  { value: 'ag', label: 'AG', register: 'HRB' },
  { value: 'kg', label: 'KG', register: 'HRA' },
  { value: 'ohg', label: 'OHG', register: 'HRA' },
  { value: 'ek', label: 'e. K. (eingetragene Kauffrau / eingetragener Kaufmann)', register: 'HRA' },
  { value: 'gbr', label: 'GbR' },
  { value: 'eg', label: 'eG', register: 'GnR' },
  { value: 'ug', label: 'UG (haftungsbeschränkt)', register: 'HRB' },
  { value: 'einzelunternehmen', label: 'Einzelunternehmen (nicht eingetragen)' },
  { value: 'other', label: 'andere Rechtsform' },
];

export type RegisterType = 'HRA' | 'HRB' | 'GnR' | 'PR' | 'VR';

export const REGISTER_LABELS: Readonly<Record<RegisterType, string>> = {
  HRA: 'Handelsregister Abteilung A',
  HRB: 'Handelsregister Abteilung B',
  GnR: 'Genossenschaftsregister',
  PR: 'Partnerschaftsregister',
  VR: 'Vereinsregister',
};

/**
 * Trades of the crafts code (Anlage A HwO) that funding programmes name; keys are what the rules
 * read (e.g. the heat-pump training bonus asks for 'shk' or 'kaelte-klima').
 */
export const CRAFTS_TRADES: readonly { value: string; label: string }[] = [
  { value: 'shk', label: 'Installateur und Heizungsbauer (SHK)' },
  { value: 'kaelte-klima', label: 'Kälteanlagenbauer (Kälte- und Klimatechnik)' },
  { value: 'elektro', label: 'Elektrotechniker' },
  { value: 'ofen-luftheizung', label: 'Ofen- und Luftheizungsbauer' },
  { value: 'schornsteinfeger', label: 'Schornsteinfeger' },
  { value: 'dachdecker', label: 'Dachdecker' },
  { value: 'maurer-betonbauer', label: 'Maurer und Betonbauer' },
  { value: 'metallbauer', label: 'Metallbauer' },
  { value: 'tischler', label: 'Tischler' },
  { value: 'kfz', label: 'Kraftfahrzeugtechniker' },
  { value: 'sonstiges', label: 'anderes Gewerk' },
];

/** A partner (25–50 %) or linked (over 50 %) enterprise as stated in one profile version. */
export interface ProfileRelation {
  name: string;
  /** Share of capital or voting rights, the higher of the two, in ppm (25 % = 250 000). */
  sharePpm: number;
  /** Annual work units. */
  staffAwu: number;
  turnoverCents?: number;
  balanceSheetCents?: number;
}

/** One version of a company's profile: what was stated, from when, by whom. */
export interface CompanyProfile {
  organisationId: string;
  organisationName: string;
  versionId: string;
  /** 1, 2, … per company, in the order of saving. */
  version: number;
  /** The date the figures or the change refer to; the version applies from this day. */
  validFrom: IsoDate;
  recordedAt: Date;
  recordedBy?: { userId: string; name: string };
  legalForm: CompanyLegalForm;
  /** The legal form in words when legalForm is 'other'. */
  legalFormOther?: string;
  registerCourt?: string;
  /** 'HRB 12345' (type, number, optional suffix). */
  registerNumber?: string;
  /** WZ 2008 / NACE Rev. 2, canonical ('24.42'). */
  naceCode: string;
  /** Amtlicher Gemeindeschlüssel of the seat, 8 digits. */
  seatAgs: string;
  /** Annual work units (Anhang I Art. 5 AGVO), may be fractional. */
  staffAwu: number;
  turnoverCents?: number;
  balanceSheetCents?: number;
  /** The accounting year the staff and money figures refer to. */
  figuresYear: number;
  craftsChamberMember: boolean;
  /** Key from CRAFTS_TRADES when a member of a chamber of crafts. */
  trade?: string;
  /** Capital or voting rights held by public bodies, ppm (Anhang I Art. 3 Abs. 4 AGVO). */
  publicBodiesSharePpm?: number;
  /** Undefined: not stated. */
  undertakingInDifficulty?: boolean;
  partners: ProfileRelation[];
  linked: ProfileRelation[];
}

/** The stated content of a version, without its bookkeeping (who, when, which number). */
export type ProfileValues = Omit<
  CompanyProfile,
  'organisationId' | 'organisationName' | 'versionId' | 'version' | 'recordedAt' | 'recordedBy'
>;
