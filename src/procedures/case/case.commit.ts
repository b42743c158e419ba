/**
 * Committing a step of a procedure, for every procedure family (permits, funding): load and lock
 * the case, authorize the role, check the transition in the engine on the case's real state, then
 * write state, audit event and deadlines and let the family add its consequences (documents,
 * mails, registers) — all in ONE transaction (architecture invariant 1).
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit.queries.ts';
import { nextReference } from '../authority/authority.queries.ts';
import {
  applyAction,
  chooseRole,
  computeCaseDeadlines,
  type ActionCommand,
  type ApplyResult,
  type CaseDeadline,
  type ProcedureEvent,
  type ProcedureState,
  type ProcedureTypeVersion,
  type Role,
  type TransitionDef,
} from '../engine/index.ts';
import { actingRoles } from './case-roles.ts';
import { berlinDate, findCaseFor, loadHistory, partiesOf, saveDeadlines } from './case.queries.ts';
import type { CaseRow } from './case.queries.ts';
import { requireConfirmation } from './destructive-actions.ts';

/** How the engine's refusals reach people: as the platform's error kinds (HTTP status, message). */
export const ENGINE_ERROR_KIND = {
  'not-allowed': 'conflict',
  'wrong-role': 'forbidden',
  'invalid-input': 'validation',
  'guard-failed': 'conflict',
} as const;

/** A step written to the case: what the family's consequences are computed from. */
export interface CommittedStep<A> {
  trx: Transaction<Database>;
  /** The case as it is after the step (with the Aktenzeichen given at submission). */
  row: CaseRow<A>;
  type: ProcedureTypeVersion;
  state: ProcedureState;
  event: ProcedureEvent;
  deadlines: CaseDeadline[];
  actor: { id: string | null; role: Role };
  now: Date;
}

/**
 * Writes one applied action: the Aktenzeichen at submission, state, audit event and deadlines,
 * then the family's consequences, in the caller's transaction.
 */
export async function commitCaseStep<A>(options: {
  trx: Transaction<Database>;
  row: CaseRow<A>;
  type: ProcedureTypeVersion;
  result: Extract<ApplyResult, { ok: true }>;
  actor: { id: string | null; role: Role };
  now: Date;
  consequences: (step: CommittedStep<A>) => Promise<void>;
}): Promise<ProcedureEvent> {
  const { trx, type, result, actor, now } = options;
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
  const deadlines = computeCaseDeadlines(type, await loadHistory(trx, row.id), today);
  await saveDeadlines(trx, row, deadlines);
  await options.consequences({ trx, row, type, state: result.state, event, deadlines, actor, now });
  return event;
}

/** What a family adds before the engine checks a transition. */
export interface PreparedStep {
  /** The type and state the step runs in (a draft may be reclassified at submission). */
  type: ProcedureTypeVersion;
  state: ProcedureState;
  /** The engine's input: the person's input as the family has checked and completed it. */
  input: Record<string, unknown>;
  /** Facts for the engine's guards that only the database knows (signed letters, deliveries). */
  facts: Pick<ActionCommand, 'signedLetters' | 'deliveryCount'>;
  /** Added to the audit event's data (the authority's record of its judgement). */
  extraData: Record<string, unknown>;
}

/** A procedure family: its types and what its steps need besides the generic case layer. */
export interface CaseFamily<A> {
  /** The procedure type keys of this family (e.g. 'bimschg-formal'). */
  typeKeys: readonly string[];
  procedureType(key: string, version: string): ProcedureTypeVersion;
  /** The address of a case's page, for mails. */
  caseLink(id: string): string;
  prepare(p: {
    trx: Transaction<Database>;
    actor: Actor;
    row: CaseRow<A>;
    type: ProcedureTypeVersion;
    state: ProcedureState;
    transition: TransitionDef;
    role: Role;
    input: Record<string, unknown>;
    today: string;
  }): Promise<PreparedStep>;
  consequences(step: CommittedStep<A>): Promise<void>;
}

/**
 * One step of a procedure by a person: load and lock → authorize → check the transition in the
 * engine → write state, audit event, deadlines and the family's consequences in ONE transaction.
 */
export async function performCaseStep<A>(options: {
  db: Db;
  now: Date;
  family: CaseFamily<A>;
  actor: Actor;
  procedureId: string;
  action: string;
  input: Record<string, unknown>;
  /** The number of events the person saw; a different count means someone else acted first. */
  expectedVersion?: number;
  /**
   * Set by a page's form: whether the person ticked the confirmation that a step ending the
   * procedure is meant (destructive-actions.ts). The API leaves it unset.
   */
  confirmed?: boolean;
}): Promise<ProcedureEvent> {
  const { family, actor, procedureId, action, now } = options;
  const today = berlinDate(now);
  return options.db.transaction().execute(async (trx) => {
    const { row, roles } = await findCaseFor<A>(trx, actor, procedureId, { lock: true });
    // A family acts only on its own procedures: a step of another family's route is "not found".
    if (!family.typeKeys.includes(row.typeKey))
      throw new AppError(
        'not_found',
        'Dieses Verfahren gibt es nicht oder Sie sind daran nicht beteiligt.',
      );
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.eventCount) {
      throw new AppError(
        'conflict',
        'Das Verfahren wurde inzwischen geändert (jemand anderes hat gehandelt oder das Formular ist veraltet). Bitte laden Sie die Seite neu und prüfen Sie den aktuellen Stand; es wurde nichts gespeichert.',
      );
    }
    // Every rule about which action is possible in which state is the type's data, checked by
    // the engine on the procedure's REAL current state; nothing here replaces that state.
    const type = family.procedureType(row.typeKey, row.typeVersion);
    const chosen = chooseRole(type, row.state, action, actingRoles(actor, partiesOf(row), roles));
    if (!chosen.ok) throw new AppError(ENGINE_ERROR_KIND[chosen.code], chosen.message);
    const { role, transition } = chosen;
    requireConfirmation(transition.effect.kind, options.confirmed);
    const prepared = await family.prepare({
      trx,
      actor,
      row,
      type,
      state: row.state,
      transition,
      role,
      input: { ...options.input },
      today,
    });
    const applied = applyAction(prepared.type, prepared.state, {
      action,
      role,
      at: today,
      input: prepared.input,
      ...prepared.facts,
    });
    if (!applied.ok)
      throw new AppError(
        ENGINE_ERROR_KIND[applied.code],
        applied.message,
        applied.code === 'invalid-input' ? [{ field: 'input', message: applied.message }] : [],
      );
    return commitCaseStep({
      trx,
      row,
      type: prepared.type,
      result: {
        ...applied,
        event: { ...applied.event, data: { ...applied.event.data, ...prepared.extraData } },
      },
      actor: { id: actor.kind === 'user' ? actor.userId : null, role },
      now,
      consequences: (step) => family.consequences(step),
    });
  });
}
