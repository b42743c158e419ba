import { formatEuro } from '../fees/money.ts';
import { formatParameterUse } from '../rules/index.ts';
import type { ReliefResult, ReliefStatus } from './relief.types.ts';

export const reliefStatusLabel: Readonly<Record<ReliefStatus, string>> = {
  eligible: 'berechtigt',
  'not-eligible': 'nicht berechtigt',
  'need-info': 'weitere Angaben nötig',
};

/**
 * The relief computation as printed lines ("Berechnungsnachweis"): per instrument its status,
 * each step with its norm and the parameter versions used, then the price comparison. Steps that
 * rest on unverified figures or on a draft end with '[offen]'.
 */
export function formatReliefTrace(result: ReliefResult): string[] {
  const lines: string[] = [];
  for (const instrument of result.instruments) {
    lines.push(
      `${instrument.title}${instrument.draft ? ' – Entwurf' : ''}: ${reliefStatusLabel[instrument.status]}, ${formatEuro(instrument.amountCents)}`,
    );
    instrument.steps.forEach((step, i) => {
      lines.push(`  ${i + 1}. ${step.text} (${step.citation})${step.open ? ' [offen]' : ''}`);
      for (const p of step.parameters) lines.push(`     Wert: ${formatParameterUse(p)}`);
    });
    if (instrument.missing.length > 0) lines.push(`  Es fehlen: ${instrument.missing.join(', ')}.`);
  }
  for (const step of result.steps)
    lines.push(`${step.text} (${step.citation})${step.open ? ' [offen]' : ''}`);
  for (const note of result.notes) lines.push(`Hinweis: ${note}`);
  return lines;
}

/** A scheme's or instrument's title with „(Entwurf)“ when it is not law, unless it says so already. */
export function draftTitle(title: string, draft: boolean): string {
  return draft && !title.includes('Entwurf') ? `${title} (Entwurf)` : title;
}
