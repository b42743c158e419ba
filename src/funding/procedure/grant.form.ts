/**
 * The application form of a funding procedure: flat form fields (works without JavaScript) ↔ the
 * application data. Every problem is named by field in German; nothing is stored while one
 * remains. Amounts are typed the German way ("12.345,67") and become integer cents.
 */
import type { FundingMeasure, FundingProgrammeVersion } from '../../law/funding/index.ts';
import type { IsoDate } from '../../law/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  formatEuroCents,
  formatGermanNumber,
  parseEuroToCents,
  parseGermanNumber,
} from '../../platform/german-number.ts';
import { isIsoDate } from '../../procedures/engine/dates.ts';
import { isoFromGermanDate } from './grant.dates.ts';
import type { FinancingPlan, OtherAid, PlanCost } from './grant.types.ts';

export const OTHER_AID_ROWS = 3;
const MAX_CENTS = 100_000_000_000;

/** What the form edits (the rest of the application comes from the profile and the finder). */
export interface ApplicationFormValues {
  title: string;
  description: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  street: string;
  postcode: string;
  city: string;
  plan: FinancingPlan;
  requestedCents: number;
  consultantDays?: number;
  /** Quantity in the programme's unit (fixed amount per unit). */
  units?: number;
}

export type FormInput = Record<string, string>;

export function costKey(index: number): string {
  return `k${index + 1}`;
}

/**
 * The cost categories of the financing plan: the measure's eligible costs; for a fixed amount
 * per unit (Festbetragsfinanzierung, e.g. per m² collector area) the plan has one category for
 * the installation and the quantity is asked separately.
 */
export function measureCosts(
  measure: FundingMeasure,
  unit?: string,
): { key: string; label: string }[] {
  if (unit !== undefined) return [{ key: costKey(0), label: 'Ausgaben für die Anlage' }];
  return measure.eligibleCosts.map((label, i) => ({ key: costKey(i), label }));
}

/** The unit of a fixed amount per unit, or undefined for a share of the costs. */
export function amountUnit(version: FundingProgrammeVersion): string | undefined {
  return version.amount.kind === 'per-unit' ? version.amount.unit : undefined;
}

const text = (body: Record<string, unknown>, name: string, max = 4000): string => {
  const value = body[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/** The raw strings of the form as typed, for re-showing it after a refused save. */
export function formInput(
  body: Record<string, unknown>,
  measure: FundingMeasure,
  unit?: string,
): FormInput {
  const names = [
    'titel',
    'beschreibung',
    'beginn',
    'ende',
    'strasse',
    'plz',
    'ort',
    'eigenmittel',
    'beantragt',
    'beratertage',
    'menge',
    ...measureCosts(measure, unit).map((c) => `kosten_${c.key}`),
    ...Array.from({ length: OTHER_AID_ROWS }, (_, i) => [
      `hilfe_quelle_${i + 1}`,
      `hilfe_betrag_${i + 1}`,
    ]).flat(),
  ];
  return Object.fromEntries(names.map((n) => [n, text(body, n)]));
}

/** The form's strings for a stored application (German amounts, ISO dates). */
export function inputFromValues(values: ApplicationFormValues): FormInput {
  const input: FormInput = {
    titel: values.title,
    beschreibung: values.description,
    beginn: values.periodStart,
    ende: values.periodEnd,
    strasse: values.street,
    plz: values.postcode,
    ort: values.city,
    eigenmittel: formatEuroCents(values.plan.ownFundsCents),
    beantragt: formatEuroCents(values.requestedCents),
    beratertage: values.consultantDays === undefined ? '' : String(values.consultantDays),
    menge: values.units === undefined ? '' : formatGermanNumber(values.units),
  };
  for (const c of values.plan.costs) input[`kosten_${c.key}`] = formatEuroCents(c.cents);
  values.plan.otherAid.forEach((a, i) => {
    input[`hilfe_quelle_${i + 1}`] = a.source;
    input[`hilfe_betrag_${i + 1}`] = formatEuroCents(a.cents);
  });
  return input;
}

function amount(
  input: FormInput,
  name: string,
  label: string,
  errors: FieldError[],
  required: boolean,
): number {
  const cents = parseEuroToCents(input[name]);
  if (cents === undefined) {
    if (required)
      errors.push({
        field: name,
        message: `${label}: Bitte geben Sie einen Betrag an (0 für keinen).`,
      });
    return 0;
  }
  if (Number.isNaN(cents) || cents > MAX_CENTS) {
    errors.push({
      field: name,
      message: `${label}: „${input[name]}“ ist kein Betrag in Euro (z. B. 12.500,00; höchstens 1 Mrd. €, nicht negativ).`,
    });
    return 0;
  }
  return cents;
}

/**
 * Checks the form against the programme version and measure: a plausible project, a period
 * within sensible bounds, the financing plan complete and balanced (the request may not exceed
 * the gap the eligible costs leave after own funds and other aid, VV Nr. 2.4 zu § 44 LHO NRW,
 * Subsidiaritätsprinzip [open]).
 */
export function parseApplicationForm(
  input: FormInput,
  version: FundingProgrammeVersion,
  measure: FundingMeasure,
): { values: ApplicationFormValues } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = input.titel?.trim() ?? '';
  if (title.length < 5 || title.length > 200)
    errors.push({ field: 'titel', message: 'Titel des Vorhabens: 5 bis 200 Zeichen.' });
  const description = input.beschreibung?.trim() ?? '';
  if (description.length < 20 || description.length > 4000)
    errors.push({
      field: 'beschreibung',
      message:
        'Beschreibung des Vorhabens: Bitte beschreiben Sie Ziel und Inhalt in 20 bis 4.000 Zeichen.',
    });
  const start = isoFromGermanDate(input.beginn ?? '');
  const end = isoFromGermanDate(input.ende ?? '');
  if (!isIsoDate(start))
    errors.push({
      field: 'beginn',
      message: 'Beginn des Bewilligungszeitraums: Bitte ein Datum angeben (TT.MM.JJJJ).',
    });
  if (!isIsoDate(end))
    errors.push({
      field: 'ende',
      message: 'Ende des Bewilligungszeitraums: Bitte ein Datum angeben (TT.MM.JJJJ).',
    });
  if (isIsoDate(start) && isIsoDate(end)) {
    if (end < start)
      errors.push({
        field: 'ende',
        message: 'Ende des Bewilligungszeitraums: Das Ende liegt vor dem Beginn.',
      });
    else if (Number(end.slice(0, 4)) - Number(start.slice(0, 4)) > 5)
      errors.push({
        field: 'ende',
        message: 'Ende des Bewilligungszeitraums: höchstens fünf Jahre nach dem Beginn.',
      });
  }
  const street = input.strasse?.trim() ?? '';
  const postcode = input.plz?.trim() ?? '';
  const city = input.ort?.trim() ?? '';
  if (street.length < 3 || street.length > 120)
    errors.push({ field: 'strasse', message: 'Straße und Hausnummer: 3 bis 120 Zeichen.' });
  if (!/^\d{5}$/.test(postcode))
    errors.push({ field: 'plz', message: 'Postleitzahl: fünf Ziffern.' });
  if (city.length < 2 || city.length > 80)
    errors.push({ field: 'ort', message: 'Ort: 2 bis 80 Zeichen.' });

  const unit = amountUnit(version);
  let units: number | undefined;
  if (unit !== undefined) {
    const value = parseGermanNumber(input.menge);
    if (value === undefined || !Number.isFinite(value) || value <= 0 || value > 1_000_000)
      errors.push({
        field: 'menge',
        message: `Menge in ${unit}: Bitte eine Zahl größer als 0 angeben.`,
      });
    else units = value;
  }
  const costs: PlanCost[] = measureCosts(measure, unit).map((c) => ({
    ...c,
    cents: amount(input, `kosten_${c.key}`, c.label, errors, true),
  }));
  const ownFundsCents = amount(input, 'eigenmittel', 'Eigenmittel', errors, true);
  const otherAid: OtherAid[] = [];
  for (let i = 1; i <= OTHER_AID_ROWS; i++) {
    const source = input[`hilfe_quelle_${i}`]?.trim() ?? '';
    const cents = amount(
      input,
      `hilfe_betrag_${i}`,
      `Andere Förderung ${i}: Betrag`,
      errors,
      false,
    );
    if (source === '' && cents === 0) continue;
    if (source.length < 3 || source.length > 200)
      errors.push({
        field: `hilfe_quelle_${i}`,
        message: `Andere Förderung ${i}: Bitte die Stelle und das Programm nennen (3 bis 200 Zeichen).`,
      });
    else if (cents === 0)
      errors.push({
        field: `hilfe_betrag_${i}`,
        message: `Andere Förderung ${i}: Bitte den Betrag angeben.`,
      });
    else otherAid.push({ source, cents });
  }
  const requestedCents = amount(input, 'beantragt', 'Beantragte Zuwendung', errors, true);
  let consultantDays: number | undefined;
  if ((input.beratertage ?? '').trim() !== '') {
    consultantDays = Number(input.beratertage);
    if (!Number.isInteger(consultantDays) || consultantDays < 1 || consultantDays > 1000)
      errors.push({
        field: 'beratertage',
        message: 'Beratertage: eine ganze Zahl von 1 bis 1.000.',
      });
  } else if (
    version.amount.kind === 'share-of-costs' &&
    version.amount.dayRateCapCents !== undefined
  ) {
    errors.push({
      field: 'beratertage',
      message:
        'Beratertage: Das Programm begrenzt den Tagessatz; bitte die Zahl der Beratertage angeben.',
    });
  }
  if (errors.length === 0) {
    const eligible = costs.reduce((s, c) => s + c.cents, 0);
    const other = otherAid.reduce((s, a) => s + a.cents, 0);
    if (eligible === 0)
      errors.push({
        field: `kosten_${costKey(0)}`,
        message: 'Finanzierungsplan: Bitte mindestens eine förderfähige Ausgabe angeben.',
      });
    else if (requestedCents === 0)
      errors.push({
        field: 'beantragt',
        message: 'Beantragte Zuwendung: Bitte einen Betrag größer als 0 angeben.',
      });
    else if (requestedCents + ownFundsCents + other !== eligible)
      errors.push({
        field: 'beantragt',
        message: `Finanzierungsplan: Zuwendung (${formatEuroCents(requestedCents)} €), Eigenmittel (${formatEuroCents(ownFundsCents)} €) und andere Förderung (${formatEuroCents(other)} €) müssen zusammen die förderfähigen Ausgaben (${formatEuroCents(eligible)} €) decken – es fehlen oder übersteigen ${formatEuroCents(Math.abs(eligible - requestedCents - ownFundsCents - other))} €.`,
      });
  }
  if (errors.length > 0) return { errors };
  return {
    values: {
      title,
      description,
      periodStart: start,
      periodEnd: end,
      street,
      postcode,
      city,
      plan: { costs, ownFundsCents, otherAid },
      requestedCents,
      ...(consultantDays === undefined ? {} : { consultantDays }),
      ...(units === undefined ? {} : { units }),
    },
  };
}
