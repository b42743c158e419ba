/**
 * Public API of the procedure finder (Verfahrensfinder) for onshore wind projects. Pure: imports
 * only the deadline engine in src/law, no frameworks.
 */
export type {
  Classification,
  DeadlineInfo,
  EiaClass,
  EiaScreeningOutcome,
  InputProblem,
  ParseResult,
  PermitProcedure,
  Reason,
  WindProjectInput,
} from './classification.types.ts';
export type {
  CitedText,
  DatedNote,
  DeadlineRule,
  EiaBand,
  RuleVersion,
  WindBgArea,
  WindBgRule,
} from './rule-version.types.ts';
export { classifyWindProject } from './classify.ts';
export { parseWindProjectInput } from './parse-input.ts';
export { RULE_VERSIONS, selectRuleVersion } from './rule-versions.ts';
export { EIA_LABELS } from './eia.ts';
export { PROCEDURE_LABELS } from './procedure.ts';
