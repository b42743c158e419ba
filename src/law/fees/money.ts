/**
 * Money as integer euro cents (architecture: "money in integer cents, never binary floating
 * point"). Percentages are integer parts per million (ppm): 0,25 % = 2 500 ppm, 75 % = 750 000
 * ppm, so a tariff rate and a reduction share use the same exact arithmetic.
 */

/** 1 % in parts per million. */
export const PPM_PER_PERCENT = 10_000;
const PPM = 1_000_000n;

/**
 * amount × ppm / 1 000 000, rounded half up to a whole cent. Fee law gives no rounding rule for
 * fractions of a cent (GebG NRW and AVwGebO NRW checked as far as the search reached) [open]; the
 * commercial rule (kaufmännische Rundung) is used at every step that can create a fraction, and
 * the trace shows each rounded step, so the letter's figures add up to the cent.
 */
export function applyPpm(amountCents: number, ppm: number): number {
  const product = BigInt(amountCents) * BigInt(ppm);
  const whole = product / PPM;
  const rest = product % PPM;
  return Number(rest * 2n >= PPM ? whole + 1n : whole);
}

const wholeEuroFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

/** '1.234.567,89 €' — German grouping and decimal comma, always two decimals. */
export function formatEuro(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.trunc(abs / 100);
  const rest = abs % 100;
  const text = `${wholeEuroFormat.format(euros)},${String(rest).padStart(2, '0')}`;
  return `${negative ? '−' : ''}${text} €`;
}

/** '0,25 %' / '75 %' for a ppm value, German decimal comma, no trailing zeros. */
export function formatPercent(ppm: number): string {
  const whole = Math.trunc(ppm / PPM_PER_PERCENT);
  const fraction = String(ppm % PPM_PER_PERCENT)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return `${whole}${fraction ? `,${fraction}` : ''} %`;
}
