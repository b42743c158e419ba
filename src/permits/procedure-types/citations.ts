/**
 * Citations of the BImSchG wind procedures in one place, so that a lawyer can review them
 * together (docs/law/bimschg-permit.md). Sentence numbers marked [open] in comments were taken
 * from secondary sources and need checking against the consolidated statute text.
 */
export const cite = {
  application: '§ 10 Abs. 1 BImSchG',
  applicationContent: '§§ 3, 4 bis 4e 9. BImSchV',
  tradeSecrets: '§ 10 Abs. 2 BImSchG',
  receipt: '§ 6 9. BImSchV',
  completenessCheck: '§ 7 Abs. 1 S. 1 9. BImSchV',
  completenessExtension: '§ 7 Abs. 1 S. 2 9. BImSchV',
  documentRequest: '§ 7 Abs. 1 S. 3 9. BImSchV',
  // [open] Sentence number of the start rule of the decision deadline (brief and law notes say S. 4).
  decisionStart: '§ 7 Abs. 1 S. 4 9. BImSchV',
  completenessConfirmation: '§ 7 Abs. 2 9. BImSchV',
  redCompleteness: '§ 10a Abs. 4 BImSchG',
  accelerationArea: '§§ 6a, 6b WindBG',
  refusal: '§ 20 Abs. 2 S. 1 9. BImSchV',
  missingDocumentsRejection: '§ 20 Abs. 2 S. 2 9. BImSchV',
  agencyInvolvement: '§ 10 Abs. 5 BImSchG',
  agencyStatement: '§ 11 9. BImSchV',
  decisionDeadline: '§ 10 Abs. 6a BImSchG',
  writtenDecision: '§ 10 Abs. 7 BImSchG',
  conditions: '§ 12 BImSchG',
  formalProcedure: '§ 10 BImSchG',
  simplifiedProcedure: '§ 19 BImSchG',
  simplifiedRules: '§ 24 9. BImSchV',
  participation: '§ 10 Abs. 3, 4 und 6 BImSchG',
  participationDetails: '§§ 8 bis 10, 12, 14 bis 19 9. BImSchV',
  concentration: '§ 13 BImSchG',
  // [open] Sentence numbers of § 10 Abs. 3 BImSchG follow the law notes; check against the text.
  notice: '§ 10 Abs. 3 S. 1, Abs. 4 BImSchG, §§ 8, 9 9. BImSchV',
  display: '§ 10 Abs. 3 S. 2 BImSchG, § 10 9. BImSchV',
  objections: '§ 10 Abs. 3 S. 4 BImSchG, § 12 9. BImSchV',
  preclusion: '§ 10 Abs. 3 S. 5 BImSchG',
  hearing: '§ 10 Abs. 6 BImSchG, §§ 12, 14 bis 19 9. BImSchV',
  minutes: '§ 19 9. BImSchV',
  decisionNotice: '§ 10 Abs. 8 BImSchG, § 21a 9. BImSchV',
  eia: '§ 9 Abs. 1a 9. BImSchV, UVPG Anlage 1 Nr. 1.6',
  // [open] Withdrawal ends the procedure because the authority may act only on application.
  withdrawal: '§ 22 S. 2 Nr. 2 VwVfG NRW',
  shift: '§ 31 Abs. 3 VwVfG NRW',
  transition: '§ 67 Abs. 4 BImSchG, § 25 Abs. 1 9. BImSchV',
} as const;

/**
 * Shown in the rationale when the weekend/holiday shift is off: for periods within which the
 * authority itself must act, extending them past the statutory day would favour the authority
 * over the applicant, and § 31 Abs. 3 VwVfG NRW is disputed for such periods. [open]
 */
export const AUTHORITY_PERIOD_NO_SHIFT =
  'Handlungsfrist der Behörde; § 31 Abs. 3 VwVfG NRW wird vorsorglich nicht angewandt';
