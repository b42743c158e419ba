/**
 * Plain data for the public notices (öffentliche Bekanntmachungen) of the formal BImSchG permit
 * procedure (§ 10 BImSchG, §§ 8–9, 12 9. BImSchV). Dates are ISO 'YYYY-MM-DD' strings computed
 * by the deadline engine; these modules only phrase them, they never compute a deadline.
 */
export type NoticeKind = 'application' | 'hearing' | 'decision';

export interface Turbine {
  type: string;
  totalHeightM: number;
  ratedPowerKw: number;
}

export interface ApplicationNoticeInput {
  authorityName: string;
  authorityAddress: string | null; // postal address from the master data
  /** Where objections can be handed in and the documents inspected, and when (master data). */
  visitingAddress: string | null;
  officeHours: string | null;
  /** The authority's e-mail address for electronic objections besides the portal's form. */
  authorityEmail: string | null;
  reference: string; // Aktenzeichen
  applicantName: string;
  projectTitle: string;
  site: string; // Gemeinde/Gemarkung text
  turbines: Turbine[];
  procedureLabel: string; // e.g. 'förmliches Verfahren nach § 10 BImSchG'
  repowering: boolean; // the turbines replace existing ones (§ 16b BImSchG)
  plannedCommissioning: string | null; // 'YYYY-MM' as stated in the application (§ 3 Nr. 5)
  eiaRequired: boolean; // UVP-Pflicht: objection period 1 month, UVP-Bericht is displayed
  noticeDate: string;
  displayStart: string;
  displayEnd: string;
  objectionEnd: string;
  displayRationale: string; // German rationale texts from the deadline engine
  objectionRationale: string;
  displayUrl: string; // absolute URL of the display page
  objectionUrl: string; // absolute URL of the objection form
  documents: { title: string; tradeSecret: boolean }[];
  hearing: { date: string | null; place: string | null; note: string | null };
  alternativeAccess: string; // easy alternative access on request (§ 10 Abs. 3 S. 3 BImSchG)
  identityRequired: boolean; // configurable rule: name and address required on objections
}

export interface HearingNoticeInput {
  authorityName: string;
  reference: string;
  projectTitle: string;
  noticeDate: string;
  held: boolean;
  format: 'in-person' | 'online' | null;
  date: string | null;
  place: string | null; // room and address, or for an online consultation its web address
  commentsUntil: string | null; // online consultation: last day for written comments
  reason: string;
  agenda: string[];
  /** The rule the decision applied (German sentence with citation), e.g. wind: only on request. */
  rule?: string | null;
  /** Day the applicant's request for a hearing reached the authority, if one was made. */
  requestedOn?: string | null;
}

export interface DecisionNoticeInput {
  authorityName: string;
  reference: string;
  applicantName: string;
  projectTitle: string;
  site: string;
  noticeDate: string;
  decidedOn: string;
  outcome: 'granted' | 'refused';
  operativePart: string;
  conditionsSummary: string[];
  remedies: string;
  displayStart: string;
  displayEnd: string;
  displayUrl: string;
  /** From the authority's master data: where the Bescheid can be inspected and requested. */
  authorityAddress?: string | null;
  visitingAddress?: string | null;
  officeHours?: string | null;
  authorityEmail?: string | null;
}

export interface NoticeSection {
  heading: string;
  paragraphs: string[];
  citations: string[];
}

export interface NoticeContent {
  kind: NoticeKind;
  title: string;
  summary: string;
  sections: NoticeSection[];
}
