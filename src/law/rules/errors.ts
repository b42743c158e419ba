import { parseIsoDate } from '../calendar-date.ts';
import type { IsoDate } from '../calendar-date.ts';
import { DeadlineInputError, quoteValue } from '../errors.ts';

/**
 * The input fields of the funding finder, the SME check and the relief calculator that a caller
 * can get wrong. Forms and the API map them to their own field names.
 */
export type SupportInputField =
  | 'date'
  | 'staffHeadcount'
  | 'turnoverCents'
  | 'balanceSheetCents'
  | 'partners'
  | 'linked'
  | 'publicBodiesSharePpm'
  | 'naceCode'
  | 'ags'
  | 'eligibleCostsCents'
  | 'consultantDays'
  | 'units'
  | 'trainingDays'
  | 'consumptionKwh'
  | 'electromobilityKwh'
  | 'nonBusinessKwh'
  | 'energyPriceCentsPerMwh'
  | 'grossValueAddedCents'
  | 'productionBenchmarkMwh'
  | 'euaPriceCentsPerTonne'
  | 'referencePriceCentsPerMwh'
  | 'deMinimisAid'
  | 'deMinimisGrantDate'
  | 'deMinimisAmount'
  | 'undertakingInDifficulty'
  | 'sectorOnEtsList'
  | 'sectorOnKueblList1';

/** German subject of each field, used at the start of every message (invariant 6). */
export const supportFieldSubject: Readonly<Record<SupportInputField, string>> = {
  date: 'Der Stichtag',
  staffHeadcount: 'Die Zahl der Beschäftigten',
  turnoverCents: 'Der Jahresumsatz',
  balanceSheetCents: 'Die Jahresbilanzsumme',
  partners: 'Die Angaben zu Partnerunternehmen',
  linked: 'Die Angaben zu verbundenen Unternehmen',
  publicBodiesSharePpm: 'Der Anteil öffentlicher Stellen am Kapital',
  naceCode: 'Der Wirtschaftszweig (WZ-2008-/NACE-Code)',
  ags: 'Der Amtliche Gemeindeschlüssel des Sitzes',
  eligibleCostsCents: 'Der Betrag der zuwendungsfähigen Ausgaben',
  consultantDays: 'Die Zahl der Beratertage',
  units: 'Die Menge',
  trainingDays: 'Die Zahl der Fortbildungstage',
  consumptionKwh: 'Der Stromverbrauch',
  electromobilityKwh: 'Der Strom für Elektromobilität',
  nonBusinessKwh: 'Der Strom für nicht betriebliche Zwecke',
  energyPriceCentsPerMwh: 'Der gezahlte Strompreis',
  grossValueAddedCents: 'Die Bruttowertschöpfung',
  productionBenchmarkMwh: 'Der Stromverbrauch nach Produktbenchmark',
  euaPriceCentsPerTonne: 'Der Zertifikatspreis',
  referencePriceCentsPerMwh: 'Der Referenzstrompreis',
  deMinimisAid: 'Die Liste der De-minimis-Beihilfen',
  deMinimisGrantDate: 'Das Bewilligungsdatum einer De-minimis-Beihilfe',
  deMinimisAmount: 'Der Betrag einer De-minimis-Beihilfe',
  undertakingInDifficulty: 'Die Angabe „Unternehmen in Schwierigkeiten“',
  sectorOnEtsList: 'Die Angabe „Sektor auf der Liste der EU-EHS-Beihilfeleitlinien“',
  sectorOnKueblList1: 'Die Angabe „Sektor auf Liste 1 der KUEBLL“',
};

/**
 * Bad input to the support rules (funding programmes, SME status, relief instruments): a German
 * message that names the field, so a form can show it next to the field and the API can return it
 * as problem+json without translation.
 */
export class SupportInputError extends Error {
  override readonly name = 'SupportInputError';

  constructor(
    public readonly field: SupportInputField,
    message: string,
  ) {
    super(message);
  }
}

function fail(field: SupportInputField, rest: string): never {
  throw new SupportInputError(field, `${supportFieldSubject[field]} ${rest}`);
}

function shown(value: unknown): string {
  return quoteValue(typeof value === 'object' ? JSON.stringify(value) : value);
}

/** Integer cents from 0 up to 100 Mrd. € (keeps every product in the safe integer range). */
export const MAX_CENTS = 10_000_000_000_000;

/** An amount in euro cents: a whole number ≥ 0. Text such as "10 Mio" is refused by name. */
export function requireCents(value: unknown, field: SupportInputField): number {
  if (value === undefined || value === null || value === '') fail(field, 'fehlt.');
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(field, `${shown(value)} ist keine Zahl; erwartet wird ein Betrag in Cent.`);
  }
  if (value < 0) fail(field, `darf nicht negativ sein (erhalten: ${shown(value)}).`);
  if (!Number.isSafeInteger(value) || value > MAX_CENTS) {
    fail(field, `muss ein ganzer Betrag in Cent zwischen 0 und 100 Mrd. € sein.`);
  }
  return value;
}

/** Like requireCents, but undefined stays undefined (the rules then ask for the value). */
export function optionalCents(value: unknown, field: SupportInputField): number | undefined {
  return value === undefined ? undefined : requireCents(value, field);
}

/** A count or quantity ≥ min; whole numbers only where the unit is indivisible. */
export function requireQuantity(
  value: unknown,
  field: SupportInputField,
  options: { min: number; max: number; whole: boolean; unit: string },
): number {
  if (value === undefined || value === null || value === '') fail(field, 'fehlt.');
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(field, `${shown(value)} ist keine Zahl.`);
  }
  if (value < 0 && options.min >= 0) {
    fail(field, `darf nicht negativ sein (erhalten: ${shown(value)}).`);
  }
  if (options.whole && !Number.isInteger(value)) {
    fail(field, `muss eine ganze Zahl (${options.unit}) sein.`);
  }
  if (value < options.min || value > options.max) {
    fail(field, `muss zwischen ${options.min} und ${options.max} ${options.unit} liegen.`);
  }
  return value;
}

/** A share in parts per million (25 % = 250 000) within [min, max]; label is the German subject. */
export function requirePpm(
  value: unknown,
  field: SupportInputField,
  min: number,
  max: number,
  label: string,
): number {
  const pct = (ppm: number) => `${(ppm / 10_000).toLocaleString('de-DE')} %`;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new SupportInputError(
      field,
      `${label} muss zwischen ${pct(min)} und ${pct(max)} liegen (Angabe in Millionstel; erhalten: ${shown(value)}).`,
    );
  }
  return value;
}

/** A calendar date 'YYYY-MM-DD'; the deadline engine's strict parser, re-labelled. */
export function requireDate(value: unknown, field: SupportInputField = 'date'): IsoDate {
  try {
    return parseIsoDate(value as string, 'start');
  } catch (error) {
    if (error instanceof DeadlineInputError) {
      const rest = error.message.replace(/^Der Fristbeginn ?/, '');
      fail(field, rest);
    }
    throw error;
  }
}
