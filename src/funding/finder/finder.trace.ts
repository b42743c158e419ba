import { factLabel } from '../../law/funding/index.ts';
import { decidingRules } from '../../law/rules/index.ts';
import type { TraceNode } from '../../law/rules/index.ts';
import type { FinderReason } from './finder.types.ts';

function reason(node: TraceNode, depth: number): FinderReason {
  return {
    ruleId: node.ruleId,
    depth,
    description: node.description,
    citation: node.citation,
    truth: node.truth,
    decisive: node.decisive,
    ...(node.open ? { open: node.open } : {}),
    inputs: node.inputs.map((i) => ({
      fact: i.fact,
      label: factLabel(i.fact),
      value: i.value ?? null,
    })),
    parameters: [...node.parameters],
  };
}

/** Every rule of a trace, depth first, as a flat list for tables and JSON. */
export function flattenTrace(trace: TraceNode, depth = 0): FinderReason[] {
  return [reason(trace, depth), ...trace.children.flatMap((c) => flattenTrace(c, depth + 1))];
}

/**
 * The leaf rules that decided the result, shown first: a reader sees at once why a programme
 * is or is not open to them (the full tree follows on demand).
 */
export function decidingReasons(trace: TraceNode): FinderReason[] {
  return decidingRules(trace).map((n) => reason(n, 0));
}
