import type { IsoDate } from '../calendar-date.ts';
import type { ParameterRegistry, ParameterUse, ParameterValue } from './parameters.ts';

/**
 * Rules as plain, typed data (architecture: "rules as typed rule data evaluated by a pure engine
 * that returns a trace"). No expressions in strings, no eval: every rule is one of the shapes
 * below, so a test can walk every rule of every programme and a lawyer can read them as a list.
 */

/** A fact about the applicant or the measure; undefined means "not stated". */
export type FactValue = number | string | boolean;
export type Facts = Readonly<Record<string, FactValue | undefined>>;

/** Three-valued: a missing fact never turns into a silent "no". */
export type Truth = 'met' | 'not-met' | 'unknown';

/** A literal in the rule itself, or a lookup in a dated parameter table. */
export type Operand = { readonly value: number | string | boolean } | { readonly param: string };

export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '=' | '!=';

interface RuleBase {
  /** Stable id, unique within a rule tree; the trace and the tests name rules by it. */
  readonly id: string;
  /** German sentence stating the condition, e.g. 'Das Unternehmen hat weniger als 50 Beschäftigte.' */
  readonly description: string;
  /** Norm or guideline number the condition rests on. */
  readonly citation: string;
  /** Set when the condition still needs legal sign-off. */
  readonly open?: string;
}

export interface CompareRule extends RuleBase {
  readonly kind: 'compare';
  readonly fact: string;
  readonly op: ComparisonOperator;
  readonly than: Operand;
}

/** min ≤ fact ≤ max (bounds optional; exclusive where flagged). */
export interface RangeRule extends RuleBase {
  readonly kind: 'range';
  readonly fact: string;
  readonly min?: Operand;
  readonly max?: Operand;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
}

/** The fact (a code) is one of a list, given literally or by a parameter table of codes. */
export interface SetRule extends RuleBase {
  readonly kind: 'in-set';
  readonly fact: string;
  readonly set: readonly string[] | { readonly param: string };
}

export interface AllRule extends RuleBase {
  readonly kind: 'all';
  readonly rules: readonly Rule[];
}

export interface AnyRule extends RuleBase {
  readonly kind: 'any';
  readonly rules: readonly Rule[];
}

export interface NotRule extends RuleBase {
  readonly kind: 'not';
  readonly rule: Rule;
}

export type Rule = CompareRule | RangeRule | SetRule | AllRule | AnyRule | NotRule;

export interface EvaluationContext {
  /** Selects the parameter versions in force. */
  readonly date: IsoDate;
  readonly parameters: ParameterRegistry;
}

/** One evaluated rule: what it says, what it read and what came out. */
export interface TraceNode {
  readonly ruleId: string;
  readonly kind: Rule['kind'];
  readonly description: string;
  readonly citation: string;
  readonly open?: string;
  readonly truth: Truth;
  /** True when this rule's outcome decided its parent's (and so, up the tree, the result). */
  readonly decisive: boolean;
  /** Facts the rule read, with the values it saw (undefined: not stated). */
  readonly inputs: readonly { readonly fact: string; readonly value: FactValue | undefined }[];
  readonly parameters: readonly ParameterUse[];
  readonly children: readonly TraceNode[];
}

export interface Evaluation {
  readonly truth: Truth;
  readonly trace: TraceNode;
}

/** Convenience for callers that keep the value type of a parameter. */
export type { ParameterValue };
