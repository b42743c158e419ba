/**
 * Everything a permit letter says about its case, as plain data: the content builders are pure
 * functions of this snapshot (unit-testable without a database); snapshot.queries.ts reads it.
 */
import type { IsoDate } from '../../law/index.ts';
import type { ProcedureState } from '../../procedures/engine/index.ts';
import type { LetterAddressee } from '../../procedures/letters/letter.types.ts';
import type { Turbine } from '../application.ts';

export interface SnapshotDocument {
  /** German name of the document type, e.g. "Schallimmissionsprognose" */
  label: string;
  filename: string;
  uploadedOn: IsoDate;
  tradeSecret: boolean;
}

export interface SnapshotCondition {
  category: string;
  text: string;
  source: 'catalogue' | 'agency' | 'case-worker';
  status: 'proposed' | 'adopted' | 'rejected';
  /** Name of the proposing agency (source 'agency') */
  agencyName: string | null;
  reason: string | null;
}

export interface SnapshotAgency {
  name: string;
  status: 'asked' | 'answered' | 'no-comment';
  statement: string | null;
  askedOn: IsoDate;
  dueOn: IsoDate;
  answeredOn: IsoDate | null;
  /** The consent it owes (§ 36 BauGB, § 14 LuftVG), if any. */
  consent?: {
    kind: 'municipality' | 'aviation';
    status: 'requested' | 'given' | 'refused' | 'deemed-given' | 'replaced';
    dueOn: IsoDate | null;
  } | null;
}

/** A concern of the argument catalogue with its assessment and weight (formal procedure). */
export interface SnapshotAssessment {
  label: string;
  assessment: string;
  objections: number;
  signatures: number;
  statements: number;
}

/** A dated step of the procedure, read from the audit chain. */
export interface SnapshotMilestone {
  on: IsoDate;
  text: string;
}

/** The fee decision as computed by the fee rules, with the trace that explains it. */
export interface SnapshotFee {
  amountCents: number;
  /** e.g. "Tarifstelle 15a.1.1 AVerwGebO NRW" */
  tariff: string;
  /** One line per step of the computation (rule, citation, inputs) */
  trace: string[];
  dueOn: IsoDate;
}

export interface SnapshotBank {
  holder: string;
  bankName: string;
  iban: string;
  bic: string | null;
}

export interface PermitLetterSnapshot {
  reference: string;
  title: string;
  typeKey: string;
  authorityName: string;
  applicant: LetterAddressee;
  /** Day the letter is dated (Berlin) */
  today: IsoDate;
  submittedOn: IsoDate | null;
  site: { gemeinde: string; gemarkung: string; flur: string; flurstueck: string };
  turbines: readonly Turbine[];
  /** Investment costs in cents as stated in the application, if given */
  investmentCostsCents: number | null;
  state: ProcedureState;
  documents: readonly SnapshotDocument[];
  requiredDocuments: readonly { key: string; label: string; provided: boolean }[];
  conditions: readonly SnapshotCondition[];
  agencies: readonly SnapshotAgency[];
  assessments: readonly SnapshotAssessment[];
  /** Number of objections received (formal procedure) */
  objectionCount: number;
  milestones: readonly SnapshotMilestone[];
  /** End of the open document request's period, by request id */
  documentRequestDeadlines: Readonly<Record<string, IsoDate>>;
  /** End of the decision deadline, if computed */
  decisionDeadline: IsoDate | null;
  fee: SnapshotFee | null;
  bank: SnapshotBank | null;
  /** The legal remedies (Rechtsbehelfsbelehrung) as paragraphs */
  remedies: readonly string[];
}
