import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';
import {
  addOwnCondition,
  listCaseConditions,
} from '../procedures/conditions/conditions.actions.ts';
import {
  reclassifyDraft,
  type ApplyResult,
  type ProcedureEvent,
  type ProcedureTypeVersion,
  type Role,
} from '../procedures/engine/index.ts';
import { countObjectorDeliveries } from '../participation/delivery/delivery.queries.ts';
import { recordParticipationEvent } from '../participation/notice/notice.actions.ts';
import {
  commitCaseStep,
  ENGINE_ERROR_KIND,
  performCaseStep,
  type CaseFamily,
  type CommittedStep,
} from '../procedures/case/case.commit.ts';
import { documentsGivenInForm, missingForSubmission, type ApplicationData } from './application.ts';
import { consentsOwed } from './agency-consents.ts';
import { recordAgencyInvolvement } from './agency-involvement.ts';
import { classifyApplication } from './application.classify.ts';
import {
  completenessReasonData,
  MISSING_REASON_FIELD,
  missingRequiredDocuments,
} from './completeness.ts';
import { deliverDecisionDocument } from './decision.actions.ts';
import { signedLetterKinds } from './letters/signed-letters.ts';
import { notify } from './permit.notifications.ts';
import { type ProcedureRow } from './permit.queries.ts';
import { currentType, PERMIT_TYPE_KEYS, procedureType, type PermitDeps } from './permit.types.ts';

/** Events after which the case file holds a generated PDF (decision, refusal, withdrawal). */
const CLOSING_EVENTS = new Set([
  'decision-delivered',
  'decision-published',
  'application-refused',
  'application-rejected',
  'application-withdrawn',
]);

export function caseLink(deps: PermitDeps, id: string): string {
  return `${deps.config.publicUrl}verfahren/${id}`;
}

/**
 * What a permit step entails besides the generic case layer, in the step's transaction:
 * conditions given with the decision, the agencies' involvement, the generated decision document,
 * the public participation's notices and the mails to the parties.
 */
function permitConsequences(deps: PermitDeps) {
  return async (step: CommittedStep<ApplicationData>): Promise<void> => {
    const { trx, row, event, deadlines, actor, now } = step;
    if (event.type === 'decision-issued' && actor.id !== null)
      await adoptDecisionConditions(trx, row, event, actor.id, actor.role, now);
    await recordAgencyInvolvement(trx, row, event, deadlines, now, actor.id);
    if (CLOSING_EVENTS.has(event.type) && row.submittedAt !== null) {
      await deliverDecisionDocument({ deps, trx, row, state: step.state, actorId: actor.id, now });
    }
    await recordParticipationEvent({ deps, trx, row, state: step.state, event, deadlines, now });
    await notify({
      trx,
      row,
      event,
      link: caseLink(deps, row.id),
      requiredDocuments: step.type.requiredDocuments,
      deadlines,
    });
  };
}

/** Writes one applied action: state, audit event, deadlines, side effects, mails (one transaction). */
export function commitAction(options: {
  deps: PermitDeps;
  trx: Transaction<Database>;
  row: ProcedureRow;
  type: ProcedureTypeVersion;
  result: Extract<ApplyResult, { ok: true }>;
  actor: { id: string | null; role: Role };
  now: Date;
}): Promise<ProcedureEvent> {
  return commitCaseStep({ ...options, consequences: permitConsequences(options.deps) });
}

/**
 * The procedure type a submitted application runs in and the facts its rules depend on, derived
 * from the application and the area register (§§ 10, 19 BImSchG), never from the applicant's
 * input, under the rules valid on the day of submission.
 */
async function classifySubmission(
  trx: Transaction<Database>,
  row: ProcedureRow,
  today: string,
): Promise<{ type: ProcedureTypeVersion; facts: Record<string, boolean> }> {
  const missing = missingForSubmission(row.application);
  if (missing.length > 0)
    throw new AppError('validation', 'Der Antrag ist noch nicht vollständig ausgefüllt.', missing);
  // In the submission's transaction: a second connection per submission would exhaust the pool
  // (and wait forever) when as many submissions arrive at once as the pool has connections.
  const { typeKey, facts } = await classifyApplication(trx, row.application, today);
  return { type: currentType(typeKey, today), facts };
}

/** The permit family: BImSchG procedure types and what their steps read from the database. */
export function permitFamily(deps: PermitDeps): CaseFamily<ApplicationData> {
  return {
    typeKeys: PERMIT_TYPE_KEYS,
    procedureType,
    caseLink: (id) => caseLink(deps, id),
    consequences: permitConsequences(deps),
    async prepare({ trx, actor, row, transition, role, today, ...p }) {
      let { type, state } = p;
      const input = p.input;
      if (transition.effect.kind === 'submit-application') {
        const classified = await classifySubmission(trx, row, today);
        // Only a draft may change its type (engine rule); any other step is refused before.
        const draft = reclassifyDraft(type, state, classified.type);
        if (!draft.ok) throw new AppError(ENGINE_ERROR_KIND[draft.code], draft.message);
        type = classified.type;
        state = draft.state;
        input.facts = classified.facts;
      }
      // Not the engine's input: the reason belongs to the authority's record of its judgement.
      const { [MISSING_REASON_FIELD]: missingReason, ...engineInput } = input;
      const extraData =
        transition.effect.kind === 'confirm-completeness'
          ? completenessReasonData(
              await missingRequiredDocuments(
                trx,
                row.id,
                type,
                documentsGivenInForm(row.application),
              ),
              missingReason,
            )
          : {};
      // Which asked agency owes a consent follows from the directory and the project, never from
      // what the person sent (§ 36 BauGB, § 14 LuftVG).
      delete engineInput.consents;
      if (
        transition.effect.kind === 'confirm-completeness' ||
        transition.effect.kind === 'ask-agencies'
      ) {
        const asked = Array.isArray(engineInput.agencies)
          ? engineInput.agencies.filter(
              (a): a is string => typeof a === 'string' && /^[0-9a-f-]{36}$/i.test(a),
            )
          : [];
        engineInput.consents = await consentsOwed(trx, row, asked);
      }
      if (role === 'agency_member') {
        // An agency speaks only for itself.
        const own =
          actor.kind === 'user'
            ? actor.memberships
                .filter((m) => m.role === 'agency_member')
                .map((m) => m.organisationId)
            : [];
        engineInput.agency = own.find((o) => row.agencyOrgIds.includes(o));
      }
      // Only actions that wait for a signed letter read the letters (decision flow).
      const signedLetters = transition.guards.some((g) => g.check.kind === 'letter-signed')
        ? await signedLetterKinds(trx, row.id)
        : undefined;
      // Only actions whose number of deliveries decides their lawfulness count the recipients.
      const deliveryCount = transition.guards.some((g) => g.check.kind === 'deliveries-at-most')
        ? await countObjectorDeliveries(trx, row.id)
        : undefined;
      return {
        type,
        state,
        input: engineInput,
        extraData,
        facts: { signedLetters, ...(deliveryCount === undefined ? {} : { deliveryCount }) },
      };
    },
  };
}

/**
 * One step of a permit procedure by a person (the generic performCaseStep with the permit
 * family): load and lock → authorize → check the transition → write everything in ONE transaction.
 */
export function performAction(options: {
  deps: PermitDeps;
  actor: Actor;
  procedureId: string;
  action: string;
  input: Record<string, unknown>;
  expectedVersion?: number;
  /**
   * Set by the case page's form: whether the person ticked the confirmation that a step ending
   * the procedure is meant (destructive-actions.ts). The API leaves it unset.
   */
  confirmed?: boolean;
}): Promise<ProcedureEvent> {
  const { deps, ...step } = options;
  return performCaseStep({
    ...step,
    db: deps.db,
    now: deps.clock.now(),
    family: permitFamily(deps),
  });
}

/**
 * Conditions given with the decision step itself (the decide form's list or the API's
 * `conditions`) join the case's adopted conditions, which the Bescheid and the public notice of
 * the decision are built from: one list, whichever way a condition was entered. A text already
 * on the list is not added twice.
 */
async function adoptDecisionConditions(
  trx: Transaction<Database>,
  row: ProcedureRow,
  event: ProcedureEvent,
  actorId: string,
  actorRole: string,
  now: Date,
): Promise<void> {
  const given = Array.isArray(event.data.conditions)
    ? event.data.conditions.filter((c): c is string => typeof c === 'string')
    : [];
  if (given.length === 0) return;
  const present = new Set(
    (await listCaseConditions(trx, row.id))
      .filter((c) => c.status === 'adopted')
      .map((c) => c.text),
  );
  const c = { trx, procedureId: row.id, tenantId: row.tenantId, actorId, actorRole, now };
  for (const text of given) {
    if (present.has(text.trim())) continue;
    await addOwnCondition(c, { category: DECISION_CONDITION_CATEGORY, text });
    present.add(text.trim());
  }
}

/** The category under which conditions given with the decision itself are listed. */
export const DECISION_CONDITION_CATEGORY = 'Weitere Nebenbestimmungen';
