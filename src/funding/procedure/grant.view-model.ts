/**
 * Everything the funding case page shows, filtered by the viewer's role: the company sees its
 * application, decisions, deadlines, payments and proof; the funding body additionally the
 * proposal with the rules' trace, the reviews (only once submitted, never the reviewers' names to
 * the company) and the internal history.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actingRoles } from '../../procedures/case/case-roles.ts';
import {
  berlinDate,
  findCaseFor,
  listDeadlines,
  listEvents,
  partiesOf,
} from '../../procedures/case/case.queries.ts';
import {
  availableActions,
  type AvailableAction,
  type Role,
} from '../../procedures/engine/index.ts';
import { signedLetterKinds } from '../../procedures/letters/letter.queries.ts';
import { listFundingDocuments } from './grant.documents.ts';
import { fundingProcedureType, type FundingDeps } from './grant.family.ts';
import {
  fundingFigures,
  latestProof,
  latestProofAssessment,
  latestProposal,
  ledgerPosition,
  paymentRequests,
} from './grant.queries.ts';
import { fundingProgrammeVersions } from '../../law/funding/index.ts';
import type { FundingApplication } from './grant.types.ts';

export async function loadFundingCaseView(deps: FundingDeps, actor: Actor, procedureId: string) {
  const { row, roles } = await findCaseFor<FundingApplication>(deps.db, actor, procedureId);
  if (!row.typeKey.startsWith('funding-'))
    throw new AppError(
      'not_found',
      'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
    );
  const type = fundingProcedureType(row.typeKey, row.typeVersion);
  const today = berlinDate(deps.clock.now());
  const body = roles.includes('case_worker') || roles.includes('supervisor');
  const [
    figures,
    deadlines,
    events,
    payments,
    proof,
    proofAssessment,
    proposal,
    position,
    signed,
    fundingBody,
    documents,
  ] = await Promise.all([
    fundingFigures(deps.db, row.id),
    listDeadlines(deps.db, row.id),
    listEvents(deps.db, row.id),
    paymentRequests(deps.db, row.id),
    latestProof(deps.db, row.id),
    latestProofAssessment(deps.db, row.id),
    latestProposal(deps.db, row.id),
    ledgerPosition(deps.db, row.id),
    signedLetterKinds(deps.db, row.id),
    deps.db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', row.tenantId)
      .executeTakeFirstOrThrow(),
    listFundingDocuments(deps, row.id),
  ]);
  if (!figures) throw new AppError('not_found', 'Zu diesem Verfahren gibt es keinen Förderantrag.');
  const reviews = body
    ? await deps.db
        .selectFrom('funding_reviews as r')
        .innerJoin('users as u', 'u.id', 'r.reviewer_id')
        .select([
          'u.display_name',
          'r.reviewer_id',
          'r.conflict',
          'r.conflict_note',
          'r.score',
          'r.comment',
          'r.submitted_at',
        ])
        .where('r.procedure_id', '=', row.id)
        .orderBy('u.display_name')
        .execute()
    : [];
  const reviewerChoices = body
    ? await deps.db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.display_name'])
        .where('m.organisation_id', '=', row.tenantId)
        .where('m.role', '=', 'reviewer')
        .where('u.disabled', '=', false)
        .orderBy('u.display_name')
        .execute()
    : [];
  const acting = actingRoles(actor, partiesOf(row), roles);
  const actions: (AvailableAction & { role: Role })[] = [];
  const seen = new Set<string>();
  for (const role of acting) {
    for (const a of availableActions(type, row.state, role, today, signed)) {
      if (seen.has(a.action)) continue;
      seen.add(a.action);
      actions.push({ ...a, role: role });
    }
  }
  const version = fundingProgrammeVersions.find((v) => v.versionId === row.application.versionId);
  const measure = version?.measures.find((m) => m.id === row.application.measureId);
  return {
    row,
    roles,
    programmeTitle: version?.title ?? row.application.versionId,
    measure,
    unit: version?.amount.kind === 'per-unit' ? version.amount.unit : undefined,
    dayRateCap:
      version?.amount.kind === 'share-of-costs' && version.amount.dayRateCapCents !== undefined,
    type,
    today,
    body,
    applicant: roles.includes('applicant'),
    figures,
    deadlines,
    // The company sees the steps of its case, not the body's internal notes and assessments.
    events: body ? events : events.map((e) => ({ ...e, data: {} })),
    payments,
    proof,
    proofAssessment:
      body || row.step === 'recovery' || row.step === 'closed' ? proofAssessment : undefined,
    proposal: body ? proposal : undefined,
    position,
    reviews,
    reviewerChoices,
    fundingBody: fundingBody.name,
    actions,
    documents,
    canUploadDocuments:
      (acting.includes('case_worker') || acting.includes('applicant')) &&
      type.steps.find((s) => s.key === row.step)?.kind !== 'terminal',
    stepLabel: type.steps.find((s) => s.key === row.step)?.label ?? row.step,
  };
}

export type FundingCaseView = Awaited<ReturnType<typeof loadFundingCaseView>>;
