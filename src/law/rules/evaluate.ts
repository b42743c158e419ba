import { lookup } from './parameters.ts';
import type { ParameterUse, ParameterValue } from './parameters.ts';
import type {
  ComparisonOperator,
  EvaluationContext,
  Evaluation,
  FactValue,
  Facts,
  Operand,
  Rule,
  TraceNode,
  Truth,
} from './rule.types.ts';

interface Resolved {
  value: ParameterValue;
  use?: ParameterUse;
}

function resolve(operand: Operand, ctx: EvaluationContext): Resolved {
  if ('value' in operand) return { value: operand.value };
  const table = ctx.parameters[operand.param];
  if (!table) throw new Error(`Regel verweist auf unbekannte Parametertabelle ${operand.param}.`);
  const { value, use } = lookup(table, ctx.date);
  return { value, use };
}

/** Rule data that compares unlike things is a data error, not a user error: fail loudly. */
function compare(left: FactValue, op: ComparisonOperator, right: ParameterValue): boolean {
  if (typeof left === 'number' && typeof right === 'number') {
    switch (op) {
      case '<':
        return left < right;
      case '<=':
        return left <= right;
      case '>':
        return left > right;
      case '>=':
        return left >= right;
      case '=':
        return left === right;
      case '!=':
        return left !== right;
    }
  }
  if (typeof left === typeof right && (op === '=' || op === '!=')) {
    return op === '=' ? left === right : left !== right;
  }
  throw new TypeError(`Vergleich ${String(left)} ${op} ${String(right)} ist nicht definiert.`);
}

const toTruth = (ok: boolean): Truth => (ok ? 'met' : 'not-met');

function leaf(
  rule: Rule,
  truth: Truth,
  facts: Facts,
  fact: string,
  parameters: (ParameterUse | undefined)[],
): TraceNode {
  return {
    ruleId: rule.id,
    kind: rule.kind,
    description: rule.description,
    citation: rule.citation,
    ...(rule.open ? { open: rule.open } : {}),
    truth,
    decisive: false,
    inputs: [{ fact, value: facts[fact] }],
    parameters: parameters.filter((p): p is ParameterUse => p !== undefined),
    children: [],
  };
}

/** Kleene's strong three-valued logic: a known "no" wins over "unknown" in an all, and so on. */
function combine(kind: 'all' | 'any', truths: readonly Truth[]): Truth {
  const decisive: Truth = kind === 'all' ? 'not-met' : 'met';
  if (truths.includes(decisive)) return decisive;
  if (truths.includes('unknown')) return 'unknown';
  return kind === 'all' ? 'met' : 'not-met';
}

function node(rule: Rule, facts: Facts, ctx: EvaluationContext): TraceNode {
  switch (rule.kind) {
    case 'compare': {
      const right = resolve(rule.than, ctx);
      const left = facts[rule.fact];
      const truth = left === undefined ? 'unknown' : toTruth(compare(left, rule.op, right.value));
      return leaf(rule, truth, facts, rule.fact, [right.use]);
    }
    case 'range': {
      const min = rule.min ? resolve(rule.min, ctx) : undefined;
      const max = rule.max ? resolve(rule.max, ctx) : undefined;
      const value = facts[rule.fact];
      if (value === undefined) return leaf(rule, 'unknown', facts, rule.fact, [min?.use, max?.use]);
      const aboveMin = !min || compare(value, rule.minExclusive ? '>' : '>=', min.value);
      const belowMax = !max || compare(value, rule.maxExclusive ? '<' : '<=', max.value);
      return leaf(rule, toTruth(aboveMin && belowMax), facts, rule.fact, [min?.use, max?.use]);
    }
    case 'in-set': {
      const resolved: Resolved = Array.isArray(rule.set)
        ? { value: rule.set as readonly string[] }
        : resolve(rule.set as { param: string }, ctx);
      const codes = resolved.value;
      if (!Array.isArray(codes)) throw new TypeError(`Regel ${rule.id}: Menge erwartet.`);
      const value = facts[rule.fact];
      const truth = value === undefined ? 'unknown' : toTruth(codes.includes(String(value)));
      return leaf(rule, truth, facts, rule.fact, [resolved.use]);
    }
    case 'all':
    case 'any': {
      const children = rule.rules.map((r) => node(r, facts, ctx));
      return composite(
        rule,
        combine(
          rule.kind,
          children.map((c) => c.truth),
        ),
        children,
      );
    }
    case 'not': {
      const child = node(rule.rule, facts, ctx);
      const truth: Truth =
        child.truth === 'unknown' ? 'unknown' : child.truth === 'met' ? 'not-met' : 'met';
      return composite(rule, truth, [child]);
    }
  }
}

function composite(rule: Rule, truth: Truth, children: TraceNode[]): TraceNode {
  return {
    ruleId: rule.id,
    kind: rule.kind,
    description: rule.description,
    citation: rule.citation,
    ...(rule.open ? { open: rule.open } : {}),
    truth,
    decisive: false,
    inputs: [],
    parameters: [],
    children,
  };
}

/**
 * Marks the rules that decided the result. In an "all" that fails, the failing children decide;
 * in one that holds, all children do; when it is unknown, the unknown children do (the others
 * could not have changed it). "any" is the mirror image; "not" passes it to its child.
 */
function markDecisive(trace: TraceNode, decisive: boolean): TraceNode {
  const children = trace.children.map((child) => {
    let childDecides = decisive;
    if (trace.kind === 'all' || trace.kind === 'any')
      childDecides = decisive && child.truth === trace.truth;
    return markDecisive(child, childDecides);
  });
  return { ...trace, decisive, children };
}

/** Evaluates a rule tree against facts on ctx.date. Pure: same input, same result and trace. */
export function evaluateRule(rule: Rule, facts: Facts, ctx: EvaluationContext): Evaluation {
  const trace = markDecisive(node(rule, facts, ctx), true);
  return { truth: trace.truth, trace };
}

/** Every rule in a tree, depth first, the tree's root first. */
export function enumerateRules(rule: Rule): Rule[] {
  switch (rule.kind) {
    case 'all':
    case 'any':
      return [rule, ...rule.rules.flatMap(enumerateRules)];
    case 'not':
      return [rule, ...enumerateRules(rule.rule)];
    case 'compare':
    case 'range':
    case 'in-set':
      return [rule];
  }
}

/** Every fact a rule tree can read. */
export function factsRead(rule: Rule): string[] {
  const names = enumerateRules(rule).flatMap((r) =>
    r.kind === 'compare' || r.kind === 'range' || r.kind === 'in-set' ? [r.fact] : [],
  );
  return [...new Set(names)];
}

/** Leaf rules that decided the result, in tree order. */
export function decidingRules(trace: TraceNode): TraceNode[] {
  if (!trace.decisive) return [];
  if (trace.children.length === 0) return [trace];
  return trace.children.flatMap(decidingRules);
}

/** Facts whose absence kept the result open: the questions the finder must ask next. */
export function missingFacts(trace: TraceNode): string[] {
  const names = decidingRules(trace)
    .filter((n) => n.truth === 'unknown')
    .flatMap((n) => n.inputs.filter((i) => i.value === undefined).map((i) => i.fact));
  return [...new Set(names)];
}

/** A rule tree must use each id once, so the trace can be read by id. */
export function assertUniqueRuleIds(rule: Rule): void {
  const seen = new Set<string>();
  for (const r of enumerateRules(rule)) {
    if (seen.has(r.id)) throw new Error(`Regel-ID ${r.id} ist doppelt.`);
    seen.add(r.id);
  }
}
