/**
 * Citations of the notice texts as data, so a lawyer can review them in one place. Sentence
 * numbers follow the BImSchG as amended in July 2024 (docs/law/bimschg-permit.md).
 * [open] The sentence numbers in § 10 Abs. 3 and Abs. 8 BImSchG shifted with the 2024 and 2025
 * amendments; confirm each against the consolidated text before the first real notice.
 */
export const noticeCitation = {
  // § 10 BImSchG: the formal procedure with public participation
  applicationDocuments: '§ 10 Abs. 2 BImSchG', // trade secrets: neutral summary instead
  noticeDisplay: '§ 10 Abs. 3 S. 2 BImSchG',
  alternativeAccess: '§ 10 Abs. 3 S. 3 BImSchG',
  objectionPeriod: '§ 10 Abs. 3 S. 8 BImSchG',
  preclusion: '§ 10 Abs. 3 S. 9 BImSchG',
  privateLawClaims: '§ 10 Abs. 3 S. 10 BImSchG',
  noticeWhereWhen: '§ 10 Abs. 4 Nr. 1 BImSchG',
  noticeObjections: '§ 10 Abs. 4 Nr. 2 BImSchG',
  noticeHearing: '§ 10 Abs. 4 Nr. 3 BImSchG',
  noticeDelivery: '§ 10 Abs. 4 Nr. 4 BImSchG',
  hearing: '§ 10 Abs. 6 BImSchG',
  decisionNotice: '§ 10 Abs. 8 S. 1 BImSchG',
  decisionNoticeContent: '§ 10 Abs. 8 S. 2 BImSchG', // operative part, remedies, conditions
  decisionDisplay: '§ 10 Abs. 8 S. 3 BImSchG',
  decisionDeemedDelivered: '§ 10 Abs. 8 S. 5 BImSchG',
  decisionRequest: '§ 10 Abs. 8 S. 6 BImSchG',
  // 9. BImSchV: the procedure regulation
  eiaPartOfProcedure: '§ 1 Abs. 2 9. BImSchV',
  applicationContent: '§ 3 9. BImSchV',
  noticeContent: '§ 9 Abs. 1 9. BImSchV',
  noticeEia: '§ 9 Abs. 1a 9. BImSchV',
  objectionForm: '§ 12 Abs. 1 9. BImSchV',
  hearingDecision: '§ 12 Abs. 1 9. BImSchV', // whether a hearing is held is announced
  objectionForwarding: '§ 12 Abs. 2 9. BImSchV',
  hearingPurpose: '§ 14 Abs. 1 9. BImSchV',
  decisionReasons: '§ 21 Abs. 1 Nr. 5 9. BImSchV',
  // UVPG: information of the public in EIA procedures
  eiaReport: '§ 16 UVPG',
  eiaPublicInformation: '§ 19 Abs. 1 UVPG',
  // BGB: counting the periods (the deadline engine applies them via § 31 VwVfG NRW)
  bgbPeriods: '§§ 187 bis 193 BGB',
} as const;
