/**
 * The money rules of a running grant, pure: a payment request (Mittelabruf) only for expenses
 * due soon and only at the grant's rate, and the check of the proof of use against the grant
 * (categories of the financing plan, over-spending, the rate). Integer cents throughout;
 * products with the rate are rounded down (never more than the rate allows).
 */
import { formatEuro } from '../../law/fees/money.ts';
import type { IsoDate } from '../../law/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import { addMonthsIso } from './grant.dates.ts';

/** Funds may be requested only as far as they are needed within two months (ANBest-P Nr. 1.4). */
export const PAYMENT_HORIZON_MONTHS = 2;
/** Single items of the plan may be exceeded by up to 20 % if saved elsewhere (ANBest-P Nr. 1.2) [open]. */
export const CATEGORY_TOLERANCE_PPM = 200_000;

export function atRate(cents: number, ratePpm: number): number {
  return Number((BigInt(cents) * BigInt(ratePpm)) / 1_000_000n);
}

export interface PaymentCheckInput {
  today: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  grantedCents: number;
  ratePpm: number;
  /** Paid plus requested and not yet decided. */
  boundCents: number;
  amountCents: number;
  dueExpensesCents: number;
  neededBy: IsoDate;
}

/** The problems of a payment request, each named by field; empty when it may be made. */
export function paymentRequestProblems(p: PaymentCheckInput): FieldError[] {
  const errors: FieldError[] = [];
  const horizon = addMonthsIso(p.today, PAYMENT_HORIZON_MONTHS);
  if (p.neededBy < p.today)
    errors.push({
      field: 'benoetigt_bis',
      message: 'Benötigt bis: Das Datum liegt in der Vergangenheit.',
    });
  else if (p.neededBy > horizon)
    errors.push({
      field: 'benoetigt_bis',
      message: `Benötigt bis: Mittel dürfen nur angefordert werden, soweit sie innerhalb von zwei Monaten benötigt werden (bis ${horizon}; ANBest-P Nr. 1.4).`,
    });
  if (p.today > addMonthsIso(p.periodEnd, 6))
    errors.push({
      field: 'betrag',
      message:
        'Der Bewilligungszeitraum ist seit mehr als sechs Monaten beendet; bitte reichen Sie den Verwendungsnachweis ein.',
    });
  const share = atRate(p.dueExpensesCents, p.ratePpm);
  if (p.amountCents > share)
    errors.push({
      field: 'betrag',
      message: `Betrag: Höchstens der Förderanteil der fälligen Ausgaben darf angefordert werden: ${formatEuro(p.dueExpensesCents)} × ${(p.ratePpm / 10_000).toLocaleString('de-DE', { maximumFractionDigits: 2 })} % = ${formatEuro(share)} (Finanzierungsplan, ANBest-P Nr. 1.4).`,
    });
  const open = p.grantedCents - p.boundCents;
  if (p.amountCents > open)
    errors.push({
      field: 'betrag',
      message: `Betrag: Von der Zuwendung (${formatEuro(p.grantedCents)}) sind nach Auszahlungen und offenen Abrufen noch ${formatEuro(Math.max(0, open))} abrufbar.`,
    });
  return errors;
}
