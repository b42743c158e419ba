import { sendCaseFile } from '../procedures/documents/case-files.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';
import { agencyChoices } from '../procedures/agencies/agency.queries.ts';
import { availableActions, blockedActions, type Role } from '../procedures/engine/index.ts';
import { documentsGivenInForm, missingData } from './application.ts';
import { competenceWarning } from './application.competence.ts';
import { findProcedureFor, listAgencies, listDocuments } from './permit.queries.ts';
import {
  berlinDate,
  listDeadlines,
  listEvents,
  partiesOf,
} from '../procedures/case/case.queries.ts';
import { actingRoles } from '../procedures/case/case-roles.ts';
import { procedureType, TYPE_LABELS, type PermitDeps } from './permit.types.ts';
import { countObjectorDeliveries } from '../participation/delivery/delivery.queries.ts';

/**
 * Everything the case page and GET /api/v1/procedures/{id} show, filtered by the viewer's role:
 * an agency sees the application, the documents (trade secrets included: authorities are bound
 * to secrecy) and its own request, but not other agencies' statements or the internal timeline.
 */
export async function loadCaseView(deps: PermitDeps, actor: Actor, procedureId: string) {
  const { row, roles } = await findProcedureFor(deps.db, actor, procedureId);
  const type = procedureType(row.typeKey, row.typeVersion);
  const today = berlinDate(deps.clock.now());
  const [deadlines, documents, agencies, events, authority, applicant, choices] = await Promise.all(
    [
      listDeadlines(deps.db, row.id),
      listDocuments(deps.db, row.id),
      listAgencies(deps.db, row.id),
      listEvents(deps.db, row.id),
      deps.db
        .selectFrom('organisations')
        .select(['name', 'competence_area'])
        .where('id', '=', row.tenantId)
        .executeTakeFirstOrThrow(),
      row.applicantOrgId
        ? deps.db
            .selectFrom('organisations')
            .select('name')
            .where('id', '=', row.applicantOrgId)
            .executeTakeFirst()
        : undefined,
      agencyChoices(deps.db, {
        tenantId: row.tenantId,
        projectKind: 'wind',
        involved: row.agencyOrgIds,
        siteMunicipality: row.application.site.gemeinde,
      }),
    ],
  );
  const agencyOnly = roles.every((r) => r === 'agency_member');
  // A signed letter is filed at once, but the applicant reads it only once it is delivered.
  const authoritySide = roles.includes('case_worker') || roles.includes('supervisor');
  const undelivered = authoritySide
    ? new Set<string>()
    : new Set(
        (
          await deps.db
            .selectFrom('letters')
            .select('document_id')
            .where('procedure_id', '=', row.id)
            .where('document_id', 'is not', null)
            .where('delivered_at', 'is', null)
            .execute()
        ).map((l) => l.document_id),
      );
  const ownAgencies = actor.kind === 'user' ? actor.memberships.map((m) => m.organisationId) : [];
  const engineRoles: Role[] = actingRoles(actor, partiesOf(row), roles);
  // Whether the decision may still be delivered individually depends on how many objectors
  // there are (§ 10 Abs. 8 BImSchG); counted only where the current step offers that action.
  const deliveryCount =
    authoritySide &&
    type.transitions.some(
      (t) =>
        t.from.includes(row.state.step) &&
        t.guards.some((g) => g.check.kind === 'deliveries-at-most'),
    )
      ? await countObjectorDeliveries(deps.db, row.id)
      : undefined;
  const actions = engineRoles.flatMap((role) =>
    availableActions(type, row.state, role, today, undefined, deliveryCount).map((a) => ({
      ...a,
      role,
    })),
  );
  // An agency answers only its own consent: the buttons show while its consent is requested.
  const ownConsentOpen = row.state.agencies.some(
    (a) => ownAgencies.includes(a.agency) && a.consent?.status === 'requested',
  );
  const uniqueActions = [...new Map(actions.map((a) => [a.action, a])).values()].filter(
    (a) =>
      !(a.effect === 'give-consent' || a.effect === 'refuse-consent') ||
      (a.role === 'agency_member' && ownConsentOpen),
  );
  const blocked = engineRoles.flatMap((role) =>
    blockedActions(type, row.state, role, today, undefined, deliveryCount),
  );
  // The short description typed into the form is that required document (§ 4 Abs. 3 9. BImSchV).
  const givenInForm = documentsGivenInForm(row.application);
  const requiredDocuments = type.requiredDocuments.map((d) => ({
    ...d,
    provided: givenInForm.includes(d.key) || documents.some((doc) => doc.doc_type === d.key),
  }));
  return {
    row,
    roles,
    type,
    typeLabel: TYPE_LABELS[row.typeKey] ?? row.typeKey,
    stepLabel: type.steps.find((s) => s.key === row.step)?.label ?? row.step,
    stepNote: type.steps.find((s) => s.key === row.step)?.note,
    authority: authority.name,
    applicant: applicant?.name ?? '–',
    deadlines: agencyOnly
      ? deadlines.filter(
          (d) => d.responsible === 'agency_member' && ownAgencies.some((o) => d.key.endsWith(o)),
        )
      : deadlines,
    // Agencies see the application documents and their own attachments, not other agencies' ones.
    documents: agencyOnly
      ? documents.filter(
          (d) => d.audience === 'case' || (actor.kind === 'user' && d.uploaded_by === actor.userId),
        )
      : documents.filter((d) => d.audience !== 'letter' || !undelivered.has(d.id)),
    requiredDocuments,
    /** What a draft still lacks, listed before submission (which stays possible). */
    applicationGaps: {
      fields: [
        ...competenceWarning(row.application, authority.competence_area),
        ...missingData(row.application),
      ],
      documents: requiredDocuments.filter((d) => !d.provided),
    },
    agencies: agencyOnly ? agencies.filter((a) => ownAgencies.includes(a.agency_org_id)) : agencies,
    events: agencyOnly ? [] : events,
    actions: uniqueActions,
    blocked: [...new Map(blocked.map((b) => [b.action, b])).values()],
    agencyChoices: choices,
    /** Municipalities whose refused Einvernehmen the authority may replace. */
    refusedConsents: agencies
      .filter((a) => a.consent === 'municipality' && a.consent_status === 'refused')
      .map((a) => ({ id: a.agency_org_id, name: a.name })),
    today,
  };
}

export type CaseView = Awaited<ReturnType<typeof loadCaseView>>;

/** Streams one document of a case to someone who may see the case (page and API share this). */
export async function sendCaseDocument(
  deps: PermitDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  procedureId: string,
  documentId: string,
): Promise<FastifyReply> {
  const view = await loadCaseView(deps, request.actor, procedureId);
  const doc = view.documents.find((d) => d.id === documentId);
  if (!doc) throw new AppError('not_found', 'Diese Unterlage gibt es nicht.');
  return sendCaseFile(reply, deps.store, doc);
}
