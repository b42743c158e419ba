/**
 * Public API of the generic case engine: procedure types as versioned data, a pure state
 * machine over plain data, and deadline materialisation with the law engine. Imports nothing
 * from HTTP, database or views (architecture: law/ and procedures/ state machines are pure).
 */
export type {
  CaseEvent,
  ConsentDef,
  ConsentStatus,
  DeadlineDef,
  DeadlineInstances,
  DurationSpec,
  Effect,
  EffectKind,
  ExpiryEffect,
  ExtensionRule,
  FactDef,
  Guard,
  GuardCheck,
  HearingRule,
  ProcedureTypeVersion,
  RequiredDocumentDef,
  Role,
  StartRule,
  StepDef,
  StepKind,
  TransitionDef,
} from './types.ts';
export { ROLES } from './types.ts';
export { ROLE_LABELS } from './roles.ts';
export type {
  AgencyAnswer,
  AgencyConsent,
  AgencyInvolvement,
  ClosureKind,
  DecisionOutcome,
  DecisionPublication,
  DecisionRecord,
  DocumentRequest,
  HearingRecord,
  HearingRequest,
  ParticipationRecord,
  ProcedureState,
} from './state.ts';
export { initialState, unsettledConsents } from './state.ts';
export type {
  ActionCommand,
  ActionErrorCode,
  ApplyResult,
  AvailableAction,
  BlockedAction,
  ProcedureEvent,
  ReclassifyResult,
  RoleChoice,
} from './actions.ts';
export {
  applyAction,
  availableActions,
  blockedActions,
  chooseRole,
  reclassifyDraft,
} from './actions.ts';
export type { DeadlineChange, DeadlineChangeKind } from './deadline-changes.ts';
export type { CaseDeadline, DeadlineStatus } from './deadlines.ts';
export { computeCaseDeadlines } from './deadlines.ts';
export type { DueEffect } from './due-effects.ts';
export { dueEffects } from './due-effects.ts';
export { checkProcedureType, selectProcedureVersion } from './versions.ts';
