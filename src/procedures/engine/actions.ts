/**
 * The state machine: which actions a role may take now, and applying one. Pure: no clock, no
 * database; the caller stores the returned state, event and job rows in one transaction
 * (architecture invariant 1). Known actions never throw; failures are values with German text.
 */
import { formatGermanDateShort } from '../../law/index.ts';
import type { IsoDate } from '../../law/index.ts';
import { isIsoDate } from './dates.ts';
import { deadlineChangesFor } from './deadline-changes.ts';
import type { DeadlineChange } from './deadline-changes.ts';
import { prepareEffect } from './effects.ts';
import { blockedVariant, firstFailingGuard } from './guards.ts';
import { asRecord } from './input.ts';
import { roleList } from './roles.ts';
import { initialState } from './state.ts';
import type { ProcedureState } from './state.ts';
import type { EffectKind, ProcedureTypeVersion, Role, TransitionDef } from './types.ts';

export interface ActionCommand {
  readonly action: string;
  readonly role: Role;
  readonly at: IsoDate;
  readonly input?: unknown;
  /** Kinds of the case's signed letters, for 'letter-signed' guards (see GuardContext). */
  readonly signedLetters?: readonly string[];
  /** Individual deliveries the action would make, for 'deliveries-at-most' guards. */
  readonly deliveryCount?: number;
}

export type ActionErrorCode = 'not-allowed' | 'wrong-role' | 'guard-failed' | 'invalid-input';

export interface ProcedureEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

export type ApplyResult =
  | {
      readonly ok: true;
      readonly state: ProcedureState;
      readonly event: ProcedureEvent;
      readonly deadlineChanges: readonly DeadlineChange[];
    }
  | { readonly ok: false; readonly code: ActionErrorCode; readonly message: string };

export interface AvailableAction {
  readonly action: string;
  readonly label: string;
  readonly to: string | null;
  /** Tells a page which form to render for the input. */
  readonly effect: EffectKind;
  readonly citations: readonly string[];
}

export interface BlockedAction {
  readonly action: string;
  readonly label: string;
  readonly reason: string;
}

const failure = (code: ActionErrorCode, message: string): ApplyResult => ({
  ok: false,
  code,
  message,
});

function belongsTo(type: ProcedureTypeVersion, state: ProcedureState): boolean {
  return state.typeKey === type.key && state.version === type.version;
}

function stepLabel(type: ProcedureTypeVersion, step: string): string {
  return type.steps.find((candidate) => candidate.key === step)?.label ?? step;
}

/** Transitions from the current step that the role may take, with their guard result. */
function candidates(
  type: ProcedureTypeVersion,
  state: ProcedureState,
  role: Role,
  today: IsoDate | undefined,
  signedLetters?: readonly string[],
  deliveryCount?: number,
): {
  transition: TransitionDef;
  blockedBy: string | null;
  variant: { label: string; reason: string } | null;
}[] {
  if (!belongsTo(type, state)) return [];
  const ctx = { type, state, at: today, agency: undefined, signedLetters, deliveryCount };
  return type.transitions
    .filter((t) => t.from.includes(state.step) && t.roles.includes(role))
    .map((transition) => ({
      transition,
      blockedBy: firstFailingGuard(transition, ctx),
      variant: blockedVariant(transition, ctx),
    }));
}

/**
 * Actions the role may take now (for buttons). With `today`, date-dependent guards are checked
 * too; input-dependent checks (which agency, which request) happen in applyAction.
 */
export function availableActions(
  type: ProcedureTypeVersion,
  state: ProcedureState,
  role: Role,
  today?: IsoDate,
  signedLetters?: readonly string[],
  deliveryCount?: number,
): AvailableAction[] {
  return candidates(type, state, role, today, signedLetters, deliveryCount)
    .filter((c) => c.blockedBy === null)
    .map(({ transition: t }) => ({
      action: t.action,
      label: t.label,
      to: t.to,
      effect: t.effect.kind,
      citations: t.citations,
    }));
}

/**
 * Actions of the current step the role could take but a guard blocks, with the reason; an action
 * whose one variant is blocked (e.g. the grant of a decision, while its refusal stays possible)
 * is listed with that variant's label.
 */
export function blockedActions(
  type: ProcedureTypeVersion,
  state: ProcedureState,
  role: Role,
  today?: IsoDate,
  signedLetters?: readonly string[],
  deliveryCount?: number,
): BlockedAction[] {
  return candidates(type, state, role, today, signedLetters, deliveryCount).flatMap(
    ({ transition, blockedBy, variant }) => {
      if (blockedBy !== null)
        return [{ action: transition.action, label: transition.label, reason: blockedBy }];
      if (variant === null) return [];
      const label = `${transition.label} (${variant.label})`;
      return [{ action: transition.action, label, reason: variant.reason }];
    },
  );
}

/** Finds the transition or explains in German why there is none. */
function selectTransition(
  type: ProcedureTypeVersion,
  state: ProcedureState,
  command: ActionCommand,
): TransitionDef | ApplyResult {
  if (!belongsTo(type, state)) {
    return failure(
      'not-allowed',
      'Der Verfahrensstand gehört zu einer anderen Verfahrensart oder einem anderen Rechtsstand.',
    );
  }
  const named = type.transitions.filter((t) => t.action === command.action);
  const first = named[0];
  if (!first) {
    return failure(
      'not-allowed',
      `Die Aktion „${command.action}“ ist in diesem Verfahren nicht vorgesehen.`,
    );
  }
  const inStep = named.filter((t) => t.from.includes(state.step));
  if (inStep.length === 0) {
    return failure(
      'not-allowed',
      `„${first.label}“ ist im Verfahrensschritt „${stepLabel(type, state.step)}“ nicht möglich.`,
    );
  }
  const allowed = inStep.find((t) => t.roles.includes(command.role));
  if (allowed) return allowed;
  const roles = [...new Set(inStep.flatMap((t) => t.roles))];
  return failure('wrong-role', `„${first.label}“ darf nur vornehmen: ${roleList(roles)}.`);
}

/** The role an actor acts in, or why none of its roles may take the action in this state. */
export type RoleChoice =
  | { readonly ok: true; readonly role: Role; readonly transition: TransitionDef }
  | { readonly ok: false; readonly code: ActionErrorCode; readonly message: string };

/**
 * Which of the actor's roles takes `action` in the CURRENT state: the first role the step's
 * transition allows. Refuses with the same codes and order as applyAction (`not-allowed` before
 * `wrong-role`), so a caller learns from the type's data alone whether the action exists now.
 */
export function chooseRole(
  type: ProcedureTypeVersion,
  state: ProcedureState,
  action: string,
  roles: readonly Role[],
): RoleChoice {
  let refusal: RoleChoice | null = null;
  for (const role of roles) {
    const transition = selectTransition(type, state, { action, role, at: '' });
    if (!('ok' in transition)) return { ok: true, role, transition };
    if (!transition.ok) refusal ??= transition;
  }
  if (refusal) return refusal;
  // No role at all: the step still says first whether the action exists now.
  const probe = selectTransition(type, state, { action, role: 'system', at: '' });
  if ('ok' in probe && !probe.ok && probe.code === 'not-allowed') return probe;
  return { ok: false, code: 'wrong-role', message: 'Diese Aktion steht Ihrer Rolle nicht zu.' };
}

export type ReclassifyResult =
  | { readonly ok: true; readonly state: ProcedureState }
  | { readonly ok: false; readonly code: 'not-allowed'; readonly message: string };

/**
 * Moves a draft to another procedure type or version, e.g. when the application shows that the
 * formal instead of the simplified procedure applies (§§ 10, 19 BImSchG) or newer rules apply on
 * the day of submission. Only the initial step may change its type: once a procedure has left
 * it, it runs under its type and version to the end (§ 67 Abs. 4 BImSchG), and nothing recorded
 * since may be discarded.
 */
export function reclassifyDraft(
  from: ProcedureTypeVersion,
  state: ProcedureState,
  to: ProcedureTypeVersion,
): ReclassifyResult {
  const initial = from.steps.find((step) => step.key === from.initialStep);
  if (
    !belongsTo(from, state) ||
    state.step !== from.initialStep ||
    initial?.kind !== 'initial' ||
    state.lastActionAt !== null
  ) {
    return {
      ok: false,
      code: 'not-allowed',
      message: `Die Verfahrensart kann nur im Schritt „${stepLabel(from, from.initialStep)}“ bestimmt werden; das Verfahren ist im Schritt „${stepLabel(from, state.step)}“.`,
    };
  }
  return { ok: true, state: initialState(to) };
}

export function applyAction(
  type: ProcedureTypeVersion,
  state: ProcedureState,
  command: ActionCommand,
): ApplyResult {
  const transition = selectTransition(type, state, command);
  if ('ok' in transition) return transition;
  const { at } = command;
  if (!isIsoDate(at)) {
    return failure('invalid-input', 'Das Datum der Aktion ist ungültig (Format JJJJ-MM-TT).');
  }
  if (state.lastActionAt !== null && at < state.lastActionAt) {
    return failure(
      'invalid-input',
      `Das Datum der Aktion darf nicht vor dem letzten Verfahrensschritt (${formatGermanDateShort(state.lastActionAt)}) liegen.`,
    );
  }
  const input = asRecord(command.input);
  if (!input.ok) return failure('invalid-input', input.message);
  const prepared = prepareEffect(transition.effect, { type, state, at, input: input.value });
  if (!prepared.ok) return failure('invalid-input', prepared.message);
  const blockedBy = firstFailingGuard(transition, {
    type,
    state,
    at,
    agency: prepared.agency,
    signedLetters: command.signedLetters,
    deliveryCount: command.deliveryCount,
    input: input.value,
  });
  if (blockedBy !== null) return failure('guard-failed', blockedBy);
  const outcome = prepared.commit();
  const event = { type: transition.event, data: outcome.data };
  return {
    ok: true,
    state: { ...outcome.state, step: transition.to ?? state.step, lastActionAt: at },
    event,
    deadlineChanges: deadlineChangesFor(type, event),
  };
}
