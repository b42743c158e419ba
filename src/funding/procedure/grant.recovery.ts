/**
 * Interest on a recovered grant (§ 49a Abs. 3 VwVfG NRW: five percentage points above the base
 * rate per year, from the day the grant became ineffective). The amount recovered is attributed
 * to the payments from the newest backwards — the reading that favours the recipient [open] —
 * and each part bears interest from its payment day to the day of the assessment.
 */
import type { IsoDate } from '../../law/index.ts';

// Base rate (§ 247 BGB) by half-year, as announced by the Deutsche Bundesbank. Later half-years
// continue with the last known rate until the table is updated [open].
const BASE_RATE_BP: readonly [IsoDate, number][] = [
  ['2023-01-01', 162],
  ['2023-07-01', 312],
  ['2024-01-01', 362],
  ['2024-07-01', 337],
  ['2025-01-01', 227],
  ['2025-07-01', 127],
  ['2026-01-01', 127],
];
const DAY = 86_400_000;
const days = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** Interest on `cents` from `from` (exclusive) to `to` (inclusive), act/365 per base-rate period. */
function interestCents(
  cents: number,
  from: IsoDate,
  to: IsoDate,
): { interestCents: number; steps: string[] } {
  const steps: string[] = [];
  let total = 0n;
  for (let i = 0; i < BASE_RATE_BP.length; i++) {
    const [start, bp] = BASE_RATE_BP[i]!;
    const next = BASE_RATE_BP[i + 1]?.[0];
    const a = from > start ? from : start;
    const b = next !== undefined && next <= to ? next : to;
    if (b <= a || (next !== undefined && a >= next)) continue;
    const n = days(a, b);
    if (n <= 0) continue;
    const rateBp = bp + 500;
    // cents × rate (bp) × days / (10,000 × 365), rounded half up, in integers.
    const part = (BigInt(cents) * BigInt(rateBp) * BigInt(n) * 2n + 3_650_000n) / 7_300_000n;
    total += part;
    const open =
      next === undefined && to > '2026-06-30'
        ? ' [offen: Basiszinssatz ab 01.07.2026 nicht hinterlegt]'
        : '';
    steps.push(
      `${(cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 })} € × ${(rateBp / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 })} % (Basiszinssatz ${(bp / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 })} % + 5 Prozentpunkte) × ${n}/365 Tage ab ${a.split('-').reverse().join('.')} = ${(Number(part) / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 })} €${open}`,
    );
  }
  return { interestCents: Number(total), steps };
}

export function interestOnPayments(
  payments: readonly { cents: number; paidOn: IsoDate }[],
  recoveryCents: number,
  until: IsoDate,
): { interestCents: number; steps: string[] } {
  let rest = recoveryCents;
  let total = 0;
  const steps: string[] = [];
  for (const p of [...payments].sort((a, b) => (a.paidOn < b.paidOn ? 1 : -1))) {
    if (rest <= 0) break;
    const part = Math.min(rest, p.cents);
    rest -= part;
    const r = interestCents(part, p.paidOn, until);
    total += r.interestCents;
    steps.push(...r.steps);
  }
  return { interestCents: total, steps };
}
