import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';
import { appendAuditEvent } from '../procedures/audit.queries.ts';
import { nextReference } from '../procedures/authority/authority.queries.ts';
import {
  addOwnCondition,
  listCaseConditions,
} from '../procedures/conditions/conditions.actions.ts';
import {
  applyAction,
  chooseRole,
  computeCaseDeadlines,
  reclassifyDraft,
  type ApplyResult,
  type ProcedureEvent,
  type ProcedureTypeVersion,
  type Role,
} from '../procedures/engine/index.ts';
import { countObjectorDeliveries } from '../participation/delivery/delivery.queries.ts';
import { recordParticipationEvent } from '../participation/notice/notice.actions.ts';
import { documentsGivenInForm, missingForSubmission } from './application.ts';
import { consentsOwed } from './agency-consents.ts';
import { recordAgencyInvolvement } from './agency-involvement.ts';
import { classifyApplication } from './application.classify.ts';
import {
  completenessReasonData,
  MISSING_REASON_FIELD,
  missingRequiredDocuments,
} from './completeness.ts';
import { deliverDecisionDocument } from './decision.actions.ts';
import { requireConfirmation } from './destructive-actions.ts';
import { signedLetterKinds } from './letters/signed-letters.ts';
import { notify } from './permit.notifications.ts';
import {
  berlinDate,
  findProcedureFor,
  loadHistory,
  saveDeadlines,
  type ProcedureRow,
  partiesOf,
} from './permit.queries.ts';
import { actingRoles } from './procedure-access.ts';
import { currentType, procedureType, type PermitDeps } from './permit.types.ts';

/** Events after which the case file holds a generated PDF (decision, refusal, withdrawal). */
const CLOSING_EVENTS = new Set([
  'decision-delivered',
  'decision-published',
  'application-refused',
  'application-rejected',
  'application-withdrawn',
]);

const CODE_TO_ERROR = {
  'not-allowed': 'conflict',
  'wrong-role': 'forbidden',
  'invalid-input': 'validation',
  'guard-failed': 'conflict',
} as const;

export function caseLink(deps: PermitDeps, id: string): string {
  return `${deps.config.publicUrl}verfahren/${id}`;
}

/** Writes one applied action: state, audit event, deadlines, side effects, mails (one transaction). */
export async function commitAction(options: {
  deps: PermitDeps;
  trx: Transaction<Database>;
  row: ProcedureRow;
  type: ProcedureTypeVersion;
  result: Extract<ApplyResult, { ok: true }>;
  actor: { id: string | null; role: Role };
  now: Date;
}): Promise<ProcedureEvent> {
  const { deps, trx, type, result, actor, now } = options;
  let { row } = options;
  const today = berlinDate(now);
  let event = result.event;
  if (event.type === 'application-submitted' && row.reference === null) {
    // The Aktenzeichen is given at submission, from the authority's pattern and its counter for
    // the year (Berlin time), in this transaction: a failed submission gives no number away.
    const reference = await nextReference(trx, row.tenantId, Number(today.slice(0, 4)));
    await trx.updateTable('procedures').set({ reference }).where('id', '=', row.id).execute();
    row = { ...row, reference };
    event = { type: event.type, data: { ...event.data, reference } };
  }
  await trx
    .updateTable('procedures')
    .set({
      step: result.state.step,
      state: JSON.stringify(result.state),
      type_key: type.key,
      type_version: type.version,
      submitted_at: event.type === 'application-submitted' ? now : row.submittedAt,
      closed_at:
        type.steps.find((s) => s.key === result.state.step)?.kind === 'terminal' ? now : null,
    })
    .where('id', '=', row.id)
    .execute();
  await appendAuditEvent(trx, {
    procedureId: row.id,
    tenantId: row.tenantId,
    at: now,
    actorId: actor.id,
    actorRole: actor.role,
    type: event.type,
    data: event.data,
  });
  if (event.type === 'decision-issued' && actor.id !== null)
    await adoptDecisionConditions(trx, row, event, actor.id, actor.role, now);
  const history = await loadHistory(trx, row.id);
  const deadlines = computeCaseDeadlines(type, history, today);
  await saveDeadlines(trx, row, deadlines);
  await recordAgencyInvolvement(trx, row, event, deadlines, now, actor.id);
  if (CLOSING_EVENTS.has(event.type) && row.submittedAt !== null) {
    await deliverDecisionDocument({ deps, trx, row, state: result.state, actorId: actor.id, now });
  }
  await recordParticipationEvent({
    deps,
    trx,
    row,
    state: result.state,
    event,
    deadlines,
    now,
  });
  await notify({
    trx,
    row,
    event,
    link: caseLink(deps, row.id),
    requiredDocuments: type.requiredDocuments,
    deadlines,
  });
  return event;
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

/**
 * One step of a procedure by a person: load and lock → authorize → check the transition in the
 * engine → write state, audit event, deadlines and mails in ONE transaction (style.md rule 3).
 */
export async function performAction(options: {
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
  const { deps, actor, procedureId, action } = options;
  const now = deps.clock.now();
  const today = berlinDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const { row, roles } = await findProcedureFor(trx, actor, procedureId, { lock: true });
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.eventCount) {
      throw new AppError(
        'conflict',
        'Das Verfahren wurde inzwischen geändert (jemand anderes hat gehandelt oder das Formular ist veraltet). Bitte laden Sie die Seite neu und prüfen Sie den aktuellen Stand; es wurde nichts gespeichert.',
      );
    }
    // Every rule about which action is possible in which state is the type's data, checked by
    // the engine on the procedure's REAL current state; nothing here replaces that state.
    let type = procedureType(row.typeKey, row.typeVersion);
    let state = row.state;
    const chosen = chooseRole(type, state, action, actingRoles(actor, partiesOf(row), roles));
    if (!chosen.ok) throw new AppError(CODE_TO_ERROR[chosen.code], chosen.message);
    const { role, transition } = chosen;
    requireConfirmation(transition.effect.kind, options.confirmed);
    const input: Record<string, unknown> = { ...options.input };
    if (transition.effect.kind === 'submit-application') {
      const classified = await classifySubmission(trx, row, today);
      // Only a draft may change its type (engine rule); any other step is refused above.
      const draft = reclassifyDraft(type, state, classified.type);
      if (!draft.ok) throw new AppError(CODE_TO_ERROR[draft.code], draft.message);
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
          ? actor.memberships.filter((m) => m.role === 'agency_member').map((m) => m.organisationId)
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
    const applied = applyAction(type, state, {
      action,
      role,
      at: today,
      input: engineInput,
      signedLetters,
      ...(deliveryCount === undefined ? {} : { deliveryCount }),
    });
    if (!applied.ok)
      throw new AppError(
        CODE_TO_ERROR[applied.code],
        applied.message,
        applied.code === 'invalid-input' ? [{ field: 'input', message: applied.message }] : [],
      );
    const result = {
      ...applied,
      event: { ...applied.event, data: { ...applied.event.data, ...extraData } },
    };
    return commitAction({
      deps,
      trx,
      row,
      type,
      result,
      actor: { id: actor.kind === 'user' ? actor.userId : null, role },
      now,
    });
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
