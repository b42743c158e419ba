import { formatGermanDateShort } from '../german-format.ts';
import type { ParameterUse } from './parameters.ts';
import type { FactValue, TraceNode, Truth } from './rule.types.ts';

export const truthLabel: Readonly<Record<Truth, string>> = {
  met: 'erfüllt',
  'not-met': 'nicht erfüllt',
  unknown: 'Angabe fehlt',
};

function valueText(value: FactValue | undefined | ParameterUse['value']): string {
  if (value === undefined) return 'nicht angegeben';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** 'Regelsteuersatz Strom = 2050 Cent je MWh (gültig ab 01.01.2003, § 3 StromStG)'. */
export function formatParameterUse(p: ParameterUse): string {
  const from = formatGermanDateShort(p.validFrom);
  return `${p.label} = ${valueText(p.value)} ${p.unit} (gültig ab ${from}; ${p.source})${p.open ? ' [offen]' : ''}`;
}

/**
 * The trace as indented German lines, for pages, the PDF proof and tests: each rule with its
 * outcome, citation, the inputs it read and the parameter versions it used. Decisive rules carry
 * '►' so a reader sees at once why the result is what it is.
 */
export function formatTrace(trace: TraceNode, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  const mark = trace.decisive ? '► ' : '  ';
  const lines = [
    `${pad}${mark}${trace.description} — ${truthLabel[trace.truth]} (${trace.citation})${trace.open ? ' [offen]' : ''}`,
  ];
  for (const input of trace.inputs)
    lines.push(`${pad}    Angabe ${input.fact}: ${valueText(input.value)}`);
  for (const p of trace.parameters) lines.push(`${pad}    Wert: ${formatParameterUse(p)}`);
  for (const child of trace.children) lines.push(...formatTrace(child, depth + 1));
  return lines;
}
