import { formatEuro, formatPercent } from '../fees/money.ts';
import { formatGermanDateShort } from '../german-format.ts';
import type { ParameterUse } from './parameters.ts';
import type { FactValue, TraceNode, Truth } from './rule.types.ts';

export const truthLabel: Readonly<Record<Truth, string>> = {
  met: 'erfüllt',
  'not-met': 'nicht erfüllt',
  unknown: 'Angabe fehlt',
};

const NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3 });

function valueText(value: FactValue | undefined | ParameterUse['value']): string {
  if (value === undefined) return 'nicht angegeben';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number') return NUMBER.format(value);
  return String(value);
}

/**
 * A fact's value as a person reads it: amounts (facts named …Cents) in euros, shares (…Ppm) in
 * per cent, numbers with German separators, yes/no.
 */
export function formatFactValue(fact: string, value: FactValue | undefined | null): string {
  if (value === null) return valueText(undefined);
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (fact.endsWith('Cents')) return formatEuro(value);
    if (fact.endsWith('Ppm')) return formatPercent(value);
  }
  return valueText(value);
}

/**
 * A parameter's value with its unit as a person reads it: cents as euros ('20,50 € je MWh'),
 * ppm as per cent ('75 % der Bruttowertschöpfung'), other units after the number.
 */
export function formatParameterValue(value: ParameterUse['value'], unit: string): string {
  if (typeof value === 'number' && Number.isInteger(value)) {
    const cents = /^Cent\b(.*)$/.exec(unit);
    if (cents) return `${formatEuro(value)}${cents[1]}`;
    const ppm = /^ppm\b(.*)$/.exec(unit);
    if (ppm) return `${formatPercent(value)}${ppm[1]}`;
  }
  return unit ? `${valueText(value)} ${unit}` : valueText(value);
}

/** 'Regelsteuersatz Strom = 20,50 € je MWh (gültig ab 01.01.2003; § 3 StromStG)'. */
export function formatParameterUse(p: ParameterUse): string {
  const from = formatGermanDateShort(p.validFrom);
  return `${p.label} = ${formatParameterValue(p.value, p.unit)} (gültig ab ${from}; ${p.source})${p.open ? ' [offen]' : ''}`;
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
    lines.push(`${pad}    Angabe ${input.fact}: ${formatFactValue(input.fact, input.value)}`);
  for (const p of trace.parameters) lines.push(`${pad}    Wert: ${formatParameterUse(p)}`);
  for (const child of trace.children) lines.push(...formatTrace(child, depth + 1));
  return lines;
}
