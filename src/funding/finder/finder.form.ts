import type { FieldError } from '../../platform/errors.ts';
import {
  formatEuroCents,
  parseEuroToCents,
  parseGermanNumber,
} from '../../platform/german-number.ts';
import type { FinderAnswers, FinderFilters } from './finder.types.ts';

/**
 * The finder's GET form: every field as typed (kept on errors and in links), its conversion to
 * the answers the service reads, and the way back (answers → query, for saved alerts and links).
 */
export const FORM_FIELDS = [
  'naceCode',
  'staffHeadcount',
  'turnover',
  'balanceSheet',
  'seatAgs',
  'craftsChamberMember',
  'trade',
  'undertakingInDifficulty',
  'consumptionKwh',
  'measure',
  'eligibleCosts',
  'plannedStart',
  'siteInNrw',
  'consultantDays',
  'units',
  'buildingType',
  'requiredByGeg',
  'employeesToTrain',
  'trainingDaysPerEmployee',
  'trainingForPlanningStaff',
  'minAmount',
  'openOnly',
  'deadlineBefore',
  'sort',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FinderForm = Record<FormField, string>;

/** API field path → form field, so the service's errors land next to the right input. */
export const FORM_FIELD_OF_PATH: Readonly<Record<string, FormField>> = {
  'company.naceCode': 'naceCode',
  'company.staffHeadcount': 'staffHeadcount',
  'company.turnoverCents': 'turnover',
  'company.balanceSheetCents': 'balanceSheet',
  'company.seatAgs': 'seatAgs',
  'company.craftsChamberMember': 'craftsChamberMember',
  'company.trade': 'trade',
  'company.undertakingInDifficulty': 'undertakingInDifficulty',
  'company.consumptionKwh': 'consumptionKwh',
  company: 'staffHeadcount',
  'measure.kind': 'measure',
  'measure.eligibleCostsCents': 'eligibleCosts',
  'measure.plannedStart': 'plannedStart',
  'measure.siteInNrw': 'siteInNrw',
  'measure.consultantDays': 'consultantDays',
  'measure.units': 'units',
  'measure.buildingType': 'buildingType',
  'measure.requiredByGeg': 'requiredByGeg',
  'measure.employeesToTrain': 'employeesToTrain',
  'measure.trainingDaysPerEmployee': 'trainingDaysPerEmployee',
  'measure.trainingForPlanningStaff': 'trainingForPlanningStaff',
  'filters.measure': 'measure',
  'filters.minAmountCents': 'minAmount',
  'filters.deadlineBefore': 'deadlineBefore',
  'filters.sort': 'sort',
};

const LABELS: Record<FormField, string> = {
  naceCode: 'Der Wirtschaftszweig',
  staffHeadcount: 'Die Zahl der Beschäftigten',
  turnover: 'Der Jahresumsatz',
  balanceSheet: 'Die Jahresbilanzsumme',
  seatAgs: 'Der Gemeindeschlüssel',
  craftsChamberMember: 'Die Angabe zur Handwerkskammer',
  trade: 'Das Gewerk',
  undertakingInDifficulty: 'Die Angabe „Unternehmen in Schwierigkeiten“',
  consumptionKwh: 'Der Stromverbrauch',
  measure: 'Die Maßnahme',
  eligibleCosts: 'Der Betrag der förderfähigen Kosten',
  plannedStart: 'Der geplante Beginn',
  siteInNrw: 'Die Angabe zum Ort des Vorhabens',
  consultantDays: 'Die Zahl der Beratertage',
  units: 'Die Menge',
  buildingType: 'Die Gebäudeart',
  requiredByGeg: 'Die Angabe zum GEG',
  employeesToTrain: 'Die Zahl der fortzubildenden Beschäftigten',
  trainingDaysPerEmployee: 'Die Zahl der Fortbildungstage',
  trainingForPlanningStaff: 'Die Angabe zur Zielgruppe der Fortbildung',
  minAmount: 'Der Mindestbetrag',
  openOnly: 'Die Angabe „nur offene Aufrufe“',
  deadlineBefore: 'Das Datum „Antragsfrist bis“',
  sort: 'Die Sortierung',
};

const MAX_FIELD_LENGTH = 200;

/** Reads the query into the form: known fields only, strings only, bounded length. */
export function formFromQuery(query: Record<string, unknown>): FinderForm {
  const form = {} as FinderForm;
  for (const field of FORM_FIELDS) {
    const value = query[field];
    form[field] = typeof value === 'string' ? value.slice(0, MAX_FIELD_LENGTH) : '';
  }
  return form;
}

function flag(value: string): boolean | undefined {
  return value === 'ja' ? true : value === 'nein' ? false : undefined;
}

/** 'TT.MM.JJJJ' → 'JJJJ-MM-TT'; anything else is passed on for the service to judge. */
function isoDay(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  return german
    ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`
    : text;
}

/**
 * Converts the form into answers and filters. Text that is not a number or an amount is refused
 * here, by field, with the typed value quoted; ranges and codes are checked by the service.
 */
export function answersFromForm(form: FinderForm): {
  answers?: { answers: FinderAnswers; filters: FinderFilters };
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const quoted = (text: string) => `„${text.trim().slice(0, 40)}“`;
  const number = (field: FormField): number | undefined => {
    const value = parseGermanNumber(form[field]);
    if (value !== undefined && Number.isNaN(value)) {
      errors.push({
        field,
        message: `${LABELS[field]} ${quoted(form[field])} ist keine Zahl (z. B. 12 oder 1.500).`,
      });
      return undefined;
    }
    return value;
  };
  const euro = (field: FormField): number | undefined => {
    const cents = parseEuroToCents(form[field]);
    if (cents !== undefined && Number.isNaN(cents)) {
      const negative = form[field].trim().startsWith('-');
      errors.push({
        field,
        message: negative
          ? `${LABELS[field]} darf nicht negativ sein (eingegeben: ${quoted(form[field])}).`
          : `${LABELS[field]} ${quoted(form[field])} ist kein Eurobetrag (z. B. 80.000 oder 80.000,50).`,
      });
      return undefined;
    }
    return cents;
  };
  if (form.naceCode.trim() === '') {
    errors.push({
      field: 'naceCode',
      message: 'Bitte geben Sie den Wirtschaftszweig (WZ 2008) an.',
    });
  }
  if (form.staffHeadcount.trim() === '') {
    errors.push({
      field: 'staffHeadcount',
      message: 'Bitte geben Sie die Zahl der Beschäftigten an.',
    });
  }
  const staff = number('staffHeadcount');
  const turnover = euro('turnover');
  const balance = euro('balanceSheet');
  const consumption = number('consumptionKwh');
  const costs = euro('eligibleCosts');
  const consultantDays = number('consultantDays');
  const units = number('units');
  const employees = number('employeesToTrain');
  const days = number('trainingDaysPerEmployee');
  const minAmount = euro('minAmount');
  if (form.sort !== '' && form.sort !== 'deadline' && form.sort !== 'amount') {
    errors.push({ field: 'sort', message: 'Bitte wählen Sie eine Sortierung aus der Liste.' });
  }
  if (form.buildingType !== '' && form.buildingType !== 'new' && form.buildingType !== 'existing') {
    errors.push({
      field: 'buildingType',
      message: 'Bitte wählen Sie die Gebäudeart aus der Liste.',
    });
  }
  if (errors.length > 0) return { errors };
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const defined = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    errors,
    answers: {
      answers: {
        company: defined({
          naceCode: form.naceCode.trim(),
          staffHeadcount: staff!,
          turnoverCents: turnover,
          balanceSheetCents: balance,
          seatAgs: text(form.seatAgs),
          craftsChamberMember: flag(form.craftsChamberMember),
          trade: text(form.trade),
          undertakingInDifficulty: flag(form.undertakingInDifficulty),
          consumptionKwh: consumption,
        }),
        measure: defined({
          kind: text(form.measure),
          eligibleCostsCents: costs,
          plannedStart: isoDay(form.plannedStart),
          siteInNrw: flag(form.siteInNrw),
          consultantDays,
          units,
          buildingType: text(form.buildingType) as 'new' | 'existing' | undefined,
          requiredByGeg: flag(form.requiredByGeg),
          employeesToTrain: employees,
          trainingDaysPerEmployee: days,
          trainingForPlanningStaff: flag(form.trainingForPlanningStaff),
        }),
      },
      filters: defined({
        minAmountCents: minAmount,
        openCallsOnly: form.openOnly === 'ja' ? true : undefined,
        deadlineBefore: isoDay(form.deadlineBefore),
        sort: text(form.sort) as 'deadline' | 'amount' | undefined,
      }),
    },
  };
}

const yesNo = (value: boolean | undefined) =>
  value === undefined ? undefined : value ? 'ja' : 'nein';
const num = (value: number | undefined) =>
  value === undefined ? undefined : value.toLocaleString('de-DE', { maximumFractionDigits: 6 });
const money = (cents: number | undefined) =>
  cents === undefined ? undefined : formatEuroCents(cents);

/** The form query for answers and filters: the link to a result and the saved alert's page. */
export function queryFromAnswers(answers: FinderAnswers, filters: FinderFilters = {}): string {
  const c = answers.company;
  const m = answers.measure ?? {};
  const pairs: [FormField | 'pruefen', string | undefined][] = [
    ['pruefen', '1'],
    ['naceCode', c.naceCode],
    ['staffHeadcount', num(c.staffHeadcount)],
    ['turnover', money(c.turnoverCents)],
    ['balanceSheet', money(c.balanceSheetCents)],
    ['seatAgs', c.seatAgs],
    ['craftsChamberMember', yesNo(c.craftsChamberMember)],
    ['trade', c.trade],
    ['undertakingInDifficulty', yesNo(c.undertakingInDifficulty)],
    ['consumptionKwh', num(c.consumptionKwh)],
    ['measure', m.kind ?? filters.measure],
    ['eligibleCosts', money(m.eligibleCostsCents)],
    ['plannedStart', m.plannedStart],
    ['siteInNrw', yesNo(m.siteInNrw)],
    ['consultantDays', num(m.consultantDays)],
    ['units', num(m.units)],
    ['buildingType', m.buildingType],
    ['requiredByGeg', yesNo(m.requiredByGeg)],
    ['employeesToTrain', num(m.employeesToTrain)],
    ['trainingDaysPerEmployee', num(m.trainingDaysPerEmployee)],
    ['trainingForPlanningStaff', yesNo(m.trainingForPlanningStaff)],
    ['minAmount', money(filters.minAmountCents)],
    ['openOnly', filters.openCallsOnly ? 'ja' : undefined],
    ['deadlineBefore', filters.deadlineBefore],
    ['sort', filters.sort],
  ];
  const params = new URLSearchParams();
  for (const [key, value] of pairs) if (value !== undefined && value !== '') params.set(key, value);
  return params.toString();
}
