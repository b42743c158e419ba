import { formatEuro } from './money.ts';
import type { PermitFeeResult } from './permit-fee.ts';

/**
 * The fee computation as printed lines: one per step with its tariff number or norm, then the
 * total and the legal basis. Steps resting on unverified figures end with '[offen]' so a reviewer
 * sees them in the preview; the letter builder decides whether such a letter may be signed off.
 */
export function formatFeeTrace(result: PermitFeeResult): string[] {
  const lines = result.steps.map(
    (s, i) => `${i + 1}. ${s.text} (${s.citation})${s.open ? ' [offen]' : ''}`,
  );
  lines.push(`Festgesetzte Gebühr: ${formatEuro(result.totalCents)}`);
  lines.push(`Rechtsgrundlagen: Gebührengesetz NRW (GebG NRW); ${result.tariff.ordinance}`);
  return lines;
}
