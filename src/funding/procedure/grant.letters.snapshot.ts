/**
 * What a letter of the grant procedure is built from, read from the stored case: the procedures
 * row with its application, the funding case, the audit events (the assessment's proposal, the
 * proof check), payment requests, the proof of use and the computed deadlines. The funding body's
 * master data comes from its profile (ctx.profile), never from the case.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { IsoDate } from '../../law/index.ts';
import type { AuthorityProfile } from '../../procedures/authority/authority.types.ts';
import {
  berlinDate,
  findCase,
  loadHistory,
  procedureParties,
} from '../../procedures/case/case.queries.ts';
import type { ProcedureState } from '../../procedures/engine/index.ts';
import { referenceLabel } from '../../procedures/reference.ts';
import type { FundingApplication, GrantProposal, ProofAssessment } from './grant.types.ts';

type Handle = Db | Transaction<Database>;

export interface GrantPayment {
  number: number;
  amountCents: number;
  requestedOn: IsoDate;
  decidedOn: IsoDate | null;
  status: 'requested' | 'paid' | 'rejected';
}

export interface GrantLetterSnapshot {
  procedureId: string;
  reference: string;
  title: string;
  typeKey: string;
  step: string;
  state: ProcedureState;
  today: IsoDate;
  application: FundingApplication;
  applicantName: string;
  authorityName: string;
  profile: AuthorityProfile;
  submittedOn: IsoDate | null;
  fundingCase: {
    requestedCents: number;
    eligibleCents: number;
    grantedCents: number | null;
    grantedOn: IsoDate | null;
    periodStart: IsoDate | null;
    periodEnd: IsoDate | null;
  } | null;
  /** The latest 'assessment-completed' proposal, if the assessment is done. */
  proposal: GrantProposal | null;
  /** The latest 'proof-assessed' check of the proof of use, with its day. */
  proofAssessment: { at: IsoDate; data: ProofAssessment } | null;
  /** Two-stage calls: the day the full application followed the accepted outline. */
  fullApplicationOn: IsoDate | null;
  /** Day of the 'grant-decided' event, the date of the Zuwendungsbescheid. */
  grantDecidedOn: IsoDate | null;
  payments: GrantPayment[];
  proof: { submittedOn: IsoDate; spentTotalCents: number } | null;
  /** Materialised deadlines by row key ('proof-of-use', 'document-submission#<id>', …). */
  deadlines: Record<string, IsoDate>;
}

/** The newest event of a type, with its (Berlin) day. */
function latest(
  history: { type: string; at: string; data: Record<string, unknown> }[],
  type: string,
) {
  return history.filter((e) => e.type === type).at(-1);
}

export async function loadGrantSnapshot(
  db: Handle,
  options: { procedureId: string; profile: AuthorityProfile; now: Date },
): Promise<GrantLetterSnapshot | undefined> {
  const row = await findCase<FundingApplication>(db, options.procedureId);
  if (!row) return undefined;
  const [parties, history, fundingCase, payments, proofs, deadlines] = await Promise.all([
    procedureParties(db, row),
    loadHistory(db, row.id),
    db
      .selectFrom('funding_cases')
      .selectAll()
      .where('procedure_id', '=', row.id)
      .executeTakeFirst(),
    db
      .selectFrom('funding_payment_requests')
      .select(['number', 'amount_cents', 'requested_on', 'decided_on', 'status'])
      .where('procedure_id', '=', row.id)
      .orderBy('number')
      .execute(),
    db
      .selectFrom('funding_proofs')
      .select(['submitted_on', 'spent_total_cents'])
      .where('procedure_id', '=', row.id)
      .orderBy('submitted_on', 'desc')
      .limit(1)
      .execute(),
    db
      .selectFrom('procedure_deadlines')
      .select(['key', 'end_date'])
      .where('procedure_id', '=', row.id)
      .execute(),
  ]);
  const assessment = latest(history, 'assessment-completed');
  const proofAssessed = latest(history, 'proof-assessed');
  const proof = proofs[0];
  return {
    procedureId: row.id,
    reference: referenceLabel(row.reference),
    title: row.title,
    typeKey: row.typeKey,
    step: row.step,
    state: row.state,
    today: berlinDate(options.now),
    application: row.application,
    applicantName: row.application.applicant?.name ?? parties.applicantName,
    authorityName: options.profile.name || parties.authorityName,
    profile: options.profile,
    submittedOn: row.state.submittedAt,
    fundingCase: fundingCase
      ? {
          requestedCents: fundingCase.requested_cents,
          eligibleCents: fundingCase.eligible_cents,
          grantedCents: fundingCase.granted_cents,
          grantedOn: fundingCase.granted_on,
          periodStart: fundingCase.period_start,
          periodEnd: fundingCase.period_end,
        }
      : null,
    proposal: assessment ? (assessment.data as unknown as GrantProposal) : null,
    proofAssessment: proofAssessed
      ? { at: proofAssessed.at, data: proofAssessed.data as unknown as ProofAssessment }
      : null,
    fullApplicationOn: latest(history, 'full-application-submitted')?.at ?? null,
    grantDecidedOn: latest(history, 'grant-decided')?.at ?? null,
    payments: payments.map((p) => ({
      number: p.number,
      amountCents: p.amount_cents,
      requestedOn: p.requested_on,
      decidedOn: p.decided_on,
      status: p.status,
    })),
    proof: proof
      ? { submittedOn: proof.submitted_on, spentTotalCents: proof.spent_total_cents }
      : null,
    deadlines: Object.fromEntries(deadlines.map((d) => [d.key, String(d.end_date)])),
  };
}
