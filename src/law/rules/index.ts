/**
 * The one rules engine of the law layer: typed rule data, dated parameter tables, three-valued
 * evaluation with a trace. Funding programmes, the SME test and the relief calculator use it.
 */
export type { SupportInputField } from './errors.ts';
export {
  MAX_CENTS,
  optionalCents,
  requireCents,
  requireDate,
  requirePpm,
  requireQuantity,
  SupportInputError,
  supportFieldSubject,
} from './errors.ts';
export {
  assertUniqueRuleIds,
  decidingRules,
  enumerateRules,
  evaluateRule,
  factsRead,
  missingFacts,
} from './evaluate.ts';
export type {
  ParameterRegistry,
  ParameterTable,
  ParameterUse,
  ParameterValue,
  ParameterVersion,
} from './parameters.ts';
export { lookup, registryOf, versionAt } from './parameters.ts';
export type {
  AllRule,
  AnyRule,
  ComparisonOperator,
  CompareRule,
  Evaluation,
  EvaluationContext,
  FactValue,
  Facts,
  NotRule,
  Operand,
  RangeRule,
  Rule,
  SetRule,
  TraceNode,
  Truth,
} from './rule.types.ts';
export {
  formatFactValue,
  formatParameterUse,
  formatParameterValue,
  formatTrace,
  truthLabel,
} from './trace-format.ts';
