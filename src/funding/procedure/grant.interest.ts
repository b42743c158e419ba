/**
 * Recovery after the proof of use: the costs recognised per category of the financing plan, the
 * grant they carry, what was paid too much, and the interest on it. Pure; integer cents and
 * integer arithmetic only (BigInt where a product can leave the safe range), every rounding half
 * up to a whole cent and shown in the steps, so the letter's figures add up to the cent.
 *
 * Interest, § 49a Abs. 3 Satz 1 VwVfG NRW: the amount to be repaid bears interest at five
 * percentage points above the base rate (§ 247 BGB) per year from the day the grant became
 * ineffective. With a revocation for the past (§ 49 Abs. 3 VwVfG NRW) that is the day of each
 * payment [open: legal sign-off; § 49a Abs. 4 (interest on funds not used within two months) is
 * not computed here]. The base rate changes on 1 January and 1 July (§ 247 Abs. 1 Satz 2 BGB), so
 * the interest is computed per half-year with the rate in force in it.
 */
import { addDays, dayNumberOf, formatIso, toParts, type IsoDate } from '../../law/calendar-date.ts';
import { formatGermanDateShort } from '../../law/german-format.ts';
import { applyPpm, formatEuro, formatPercent } from '../../law/fees/money.ts';
import type { FinancingPlan, ProofAssessment } from './grant.types.ts';

/** A base rate in basis points (1.62 % = 162) from a day on, with where it was announced. */
export interface BaseRate {
  from: IsoDate;
  basisPoints: number;
  source: string;
}

const BUNDESBANK = 'Bekanntmachung der Deutschen Bundesbank nach § 247 Abs. 2 BGB';

/**
 * The base rate (§ 247 BGB) per half-year, as the Deutsche Bundesbank announced it. Add a row each
 * January and July; a half-year after the last row uses the last known rate and is marked [open].
 */
export const BASE_RATES: readonly BaseRate[] = [
  { from: '2023-01-01', basisPoints: 162, source: BUNDESBANK },
  { from: '2023-07-01', basisPoints: 312, source: BUNDESBANK },
  { from: '2024-01-01', basisPoints: 362, source: BUNDESBANK },
  { from: '2024-07-01', basisPoints: 337, source: BUNDESBANK },
  { from: '2025-01-01', basisPoints: 227, source: BUNDESBANK },
  { from: '2025-07-01', basisPoints: 127, source: BUNDESBANK },
  { from: '2026-01-01', basisPoints: 127, source: BUNDESBANK },
];

/** § 49a Abs. 3 Satz 1 VwVfG NRW: five percentage points above the base rate. */
export const SURCHARGE_BASIS_POINTS = 500;

/**
 * Day count: actual days over 365 in every year, leap years included [open: act/act or a
 * 360-day year; the statute says "jährlich" and names no convention].
 */
export const DAYS_PER_YEAR = 365;

export class InterestInputError extends Error {
  override readonly name = 'InterestInputError';
}

export interface InterestPayment {
  /** The day the money left the funding body (value date of the payment). */
  paidOn: IsoDate;
  cents: number;
}

export interface InterestResult {
  interestCents: number;
  /** German sentences: one per payment share and half-year, then the total. */
  steps: string[];
  /** True when a half-year without an announced base rate was computed with the last known one. */
  open: boolean;
}

const euro = (cents: number) => formatEuro(cents);
const day = (iso: IsoDate) => formatGermanDateShort(iso);

/** 1,62 % from basis points, German decimal comma. */
function percent(basisPoints: number): string {
  const sign = basisPoints < 0 ? '−' : '';
  const abs = Math.abs(basisPoints);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')} %`;
}

/** numerator / denominator, both non-negative, rounded half up. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const whole = numerator / denominator;
  return (numerator % denominator) * 2n >= denominator ? whole + 1n : whole;
}

function requireDate(value: string, what: string): void {
  try {
    toParts(value);
  } catch {
    throw new InterestInputError(`${what} muss ein gültiges Datum (JJJJ-MM-TT) sein.`);
  }
}

function requireCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new InterestInputError(`${what} muss ein nicht negativer Betrag in ganzen Cent sein.`);
}

/** The first day of the half-year holding `date`. */
function halfYearStart(date: IsoDate): IsoDate {
  const { year, month } = toParts(date);
  return formatIso({ year, month: month <= 6 ? 1 : 7, day: 1 });
}

function nextHalfYear(start: IsoDate): IsoDate {
  const { year, month } = toParts(start);
  return month === 1
    ? formatIso({ year, month: 7, day: 1 })
    : formatIso({ year: year + 1, month: 1, day: 1 });
}

/** The rate in force on the first day of a half-year, and whether it is only assumed. */
function rateFor(start: IsoDate, rates: readonly BaseRate[]): { rate: BaseRate; assumed: boolean } {
  const known = rates.filter((r) => r.from <= start);
  const rate = known.at(-1);
  if (!rate)
    throw new InterestInputError(
      `Für den ${day(start)} ist kein Basiszinssatz hinterlegt (die Tabelle beginnt am ${day(rates[0]?.from ?? start)}).`,
    );
  return { rate, assumed: rate.from < start && rate === rates.at(-1) };
}

/**
 * The share of the recovery each payment carries: the latest payments first, because the money
 * paid last is the money not needed [open: attribution to payments is not in the statute; this is
 * the reading least burdensome for the recipient]. A share of 0 bears no interest.
 */
export function attributeRecovery(
  recoveryCents: number,
  payments: readonly InterestPayment[],
): InterestPayment[] {
  const latestFirst = [...payments].sort((a, b) =>
    a.paidOn === b.paidOn ? 0 : a.paidOn < b.paidOn ? 1 : -1,
  );
  let left = recoveryCents;
  const shares: InterestPayment[] = [];
  for (const payment of latestFirst) {
    if (left === 0) break;
    const share = Math.min(left, payment.cents);
    shares.push({ paidOn: payment.paidOn, cents: share });
    left -= share;
  }
  return shares.reverse();
}

/**
 * Interest on `principalCents` for each day after `from` up to and including `until` (§ 187
 * Abs. 1 BGB: the day of payment is not counted), half-year by half-year.
 */
function interestOn(
  principalCents: number,
  from: IsoDate,
  until: IsoDate,
  rates: readonly BaseRate[],
): { cents: number; steps: string[]; open: boolean } {
  const steps: string[] = [];
  let cents = 0;
  let open = false;
  const firstDay = addDays(from, 1);
  let start = halfYearStart(firstDay);
  while (start <= until) {
    const next = nextHalfYear(start);
    const segmentFrom = firstDay > start ? firstDay : start;
    const lastOfHalf = addDays(next, -1);
    const segmentTo = until < lastOfHalf ? until : lastOfHalf;
    const days = dayNumberOf(segmentTo) - dayNumberOf(segmentFrom) + 1;
    const { rate, assumed } = rateFor(start, rates);
    const total = rate.basisPoints + SURCHARGE_BASIS_POINTS;
    // cents × basis points × days / (10 000 × 365); exact in BigInt, rounded once per step.
    const amount = Number(
      divideHalfUp(
        BigInt(principalCents) * BigInt(total) * BigInt(days),
        10_000n * BigInt(DAYS_PER_YEAR),
      ),
    );
    cents += amount;
    open ||= assumed;
    const assumedNote = assumed
      ? ` Der Basiszinssatz ab ${day(start)} ist noch nicht bekannt; angesetzt ist der zuletzt bekannte vom ${day(rate.from)}.`
      : '';
    steps.push(
      `${euro(principalCents)} vom ${day(segmentFrom)} bis ${day(segmentTo)} (${days} Tage): Basiszinssatz ${percent(rate.basisPoints)} + 5 Prozentpunkte = ${percent(total)} jährlich, ${days}/${DAYS_PER_YEAR} Jahr = ${euro(amount)}.${assumedNote}`,
    );
    start = next;
  }
  return { cents, steps, open };
}

/**
 * Interest under § 49a Abs. 3 VwVfG NRW on the recovery, attributed to the payments (latest
 * first), from each payment's day to `until` (e.g. the day of the assessment or of the letter).
 */
export function recoveryInterest(input: {
  recoveryCents: number;
  payments: readonly InterestPayment[];
  until: IsoDate;
  rates?: readonly BaseRate[];
}): InterestResult {
  const rates = input.rates ?? BASE_RATES;
  requireCents(input.recoveryCents, 'Der Erstattungsbetrag');
  requireDate(input.until, 'Der Stichtag der Zinsen');
  for (const p of input.payments) {
    requireCents(p.cents, 'Eine Auszahlung');
    requireDate(p.paidOn, 'Der Tag einer Auszahlung');
  }
  const paid = input.payments.reduce((sum, p) => sum + p.cents, 0);
  if (input.recoveryCents > paid)
    throw new InterestInputError(
      `Der Erstattungsbetrag (${euro(input.recoveryCents)}) übersteigt die Auszahlungen (${euro(paid)}).`,
    );
  if (input.recoveryCents === 0) return { interestCents: 0, steps: [], open: false };
  const steps = [
    `Zinsen nach § 49a Abs. 3 VwVfG NRW: 5 Prozentpunkte über dem Basiszinssatz (§ 247 BGB) jährlich, taggenau (${DAYS_PER_YEAR} Tage je Jahr), je Halbjahr mit dem dann geltenden Basiszinssatz; der Erstattungsbetrag wird den letzten Auszahlungen zuerst zugerechnet.`,
    // [open] day count and attribution need legal sign-off (see docs/funding-letters.md).
  ];
  let interestCents = 0;
  let open = false;
  for (const share of attributeRecovery(input.recoveryCents, input.payments)) {
    steps.push(`Anteil der Auszahlung vom ${day(share.paidOn)}: ${euro(share.cents)}.`);
    if (share.paidOn >= input.until) {
      steps.push(`Bis zum ${day(input.until)} fallen darauf keine Zinsen an.`);
      continue;
    }
    const result = interestOn(share.cents, share.paidOn, input.until, rates);
    interestCents += result.cents;
    open ||= result.open;
    steps.push(...result.steps);
  }
  steps.push(`Zinsen bis zum ${day(input.until)} insgesamt: ${euro(interestCents)}.`);
  return { interestCents, steps, open };
}

/**
 * ANBest-P Nr. 1.2: single items of the financing plan may be exceeded by up to 20 % as far as
 * savings in other items cover the excess [open: NRW wording; the further rule for excesses caused
 * by the authority's own conditions is not applied].
 */
export const ITEM_TOLERANCE_PPM = 200_000;

type Recognised = ProofAssessment['recognised'][number];

/**
 * What the proof of use carries: spent per category is recognised up to the plan, an excess up to
 * 20 % of the item as far as savings elsewhere cover it (in the plan's order), never more than
 * the plan in total; the grant due is the granted rate of that, at most the grant
 * (Anteilfinanzierung, ANBest-P Nr. 2 [open]); paid too much is recovered with interest.
 */
export function recoveryFor(input: {
  plan: FinancingPlan;
  grantedCents: number;
  ratePpm: number;
  /** Spent per category key, as the proof of use states it. */
  spent: Readonly<Record<string, number>>;
  payments: readonly InterestPayment[];
  /** Interest runs up to this day. */
  until: IsoDate;
  rates?: readonly BaseRate[];
}): Omit<ProofAssessment, 'note'> & { interestOpen: boolean } {
  requireCents(input.grantedCents, 'Der bewilligte Betrag');
  if (!Number.isSafeInteger(input.ratePpm) || input.ratePpm < 0 || input.ratePpm > 1_000_000)
    throw new InterestInputError('Der Fördersatz muss zwischen 0 und 100 % liegen.');
  const findings: string[] = [];
  const rows: Recognised[] = input.plan.costs.map((c) => {
    const spent = input.spent[c.key] ?? 0;
    requireCents(spent, `Die Ausgaben „${c.label}“`);
    return {
      key: c.key,
      label: c.label,
      plannedCents: c.cents,
      spentCents: spent,
      recognisedCents: Math.min(spent, c.cents),
    };
  });
  for (const key of Object.keys(input.spent)) {
    if (!input.plan.costs.some((c) => c.key === key))
      findings.push(
        `Ausgaben von ${euro(input.spent[key] ?? 0)} unter „${key}“ gehören zu keiner Position des Finanzierungsplans und werden nicht anerkannt.`,
      );
  }
  let savings = rows.reduce((sum, r) => sum + Math.max(0, r.plannedCents - r.spentCents), 0);
  for (const row of rows) {
    if (row.spentCents <= row.plannedCents) continue;
    const tolerance = applyPpm(row.plannedCents, ITEM_TOLERANCE_PPM);
    const allowedExcess = Math.min(row.spentCents - row.plannedCents, tolerance);
    const covered = Math.min(allowedExcess, savings);
    savings -= covered;
    row.recognisedCents = row.plannedCents + covered;
    const over = row.spentCents - row.plannedCents;
    if (over > tolerance)
      findings.push(
        `${row.label}: ${euro(row.spentCents)} ausgegeben bei ${euro(row.plannedCents)} im Finanzierungsplan. Überschreitungen sind nur bis 20 % (${euro(tolerance)}) zulässig (ANBest-P Nr. 1.2); ${euro(over - tolerance)} werden nicht anerkannt.`,
      );
    if (covered < allowedExcess)
      findings.push(
        `${row.label}: die zulässige Überschreitung von ${euro(allowedExcess)} ist nur in Höhe von ${euro(covered)} durch Einsparungen bei anderen Positionen gedeckt (ANBest-P Nr. 1.2).`,
      );
    else if (covered > 0)
      findings.push(
        `${row.label}: Überschreitung von ${euro(covered)} innerhalb von 20 % und durch Einsparungen bei anderen Positionen gedeckt (ANBest-P Nr. 1.2).`,
      );
  }
  const recognisedTotalCents = rows.reduce((sum, r) => sum + r.recognisedCents, 0);
  const byRate = applyPpm(recognisedTotalCents, input.ratePpm);
  const dueCents = Math.min(input.grantedCents, byRate);
  findings.push(
    `Anerkannte Ausgaben ${euro(recognisedTotalCents)} × Fördersatz ${formatPercent(input.ratePpm)} = ${euro(byRate)}; zustehende Zuwendung höchstens der bewilligte Betrag von ${euro(input.grantedCents)}: ${euro(dueCents)}.`,
  );
  const paidCents = input.payments.reduce((sum, p) => sum + p.cents, 0);
  const recoveryCents = Math.max(0, paidCents - dueCents);
  findings.push(
    recoveryCents > 0
      ? `Ausgezahlt ${euro(paidCents)}, zustehend ${euro(dueCents)}: zu erstatten sind ${euro(recoveryCents)} (§ 49a Abs. 1 VwVfG NRW).`
      : `Ausgezahlt ${euro(paidCents)}, zustehend ${euro(dueCents)}: keine Erstattung.`,
  );
  const interest = recoveryInterest({
    recoveryCents,
    payments: input.payments,
    until: input.until,
    ...(input.rates ? { rates: input.rates } : {}),
  });
  return {
    recognised: rows,
    recognisedTotalCents,
    dueCents,
    paidCents,
    recoveryCents,
    interestCents: interest.interestCents,
    interestSteps: interest.steps,
    interestOpen: interest.open,
    findings,
  };
}
