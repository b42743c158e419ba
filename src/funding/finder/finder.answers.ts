import type { IsoDate } from '../../law/calendar-date.ts';
import { companyFacts, parseNaceCode } from '../../law/funding/index.ts';
import type {
  AmountInput,
  CompanyProfileInput,
  FundingProgrammeVersion,
} from '../../law/funding/index.ts';
import { optionalCents, requireQuantity } from '../../law/rules/index.ts';
import type { Facts } from '../../law/rules/index.ts';
import { CRAFTS_TRADES } from '../profile/profile.types.ts';
import { asFinderError, FinderInputError, finderDate } from './finder.errors.ts';
import type { FinderAnswers, FinderResult } from './finder.types.ts';

/**
 * The finder's answers checked field by field and turned into the facts the programme rules read
 * and the figures the amount computations need.
 */

/** The trades the company profile records; the rules read the same keys. */
const TRADES: readonly string[] = CRAFTS_TRADES.map((t) => t.value);

function optionalFlag(value: unknown, field: string, subject: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new FinderInputError(field, `${subject} muss ja oder nein sein.`);
}

function optionalWhole(
  value: unknown,
  field: 'units' | 'consultantDays' | 'trainingDays' | 'consumptionKwh',
  options: { min: number; max: number; whole: boolean; unit: string },
): number | undefined {
  return value === undefined
    ? undefined
    : asFinderError(() => requireQuantity(value, field, options));
}

export interface PreparedAnswers {
  facts: Facts;
  amountInput: (version: FundingProgrammeVersion) => Omit<AmountInput, 'facts' | 'date'>;
  naceCode: string;
  naceDivision: number;
  consumptionKwh?: number;
  undertakingInDifficulty?: boolean;
  sme: FinderResult['sme'];
}

/**
 * Checks every answer and turns them into the facts the rules read. Throws FinderInputError
 * naming the field (German message) for anything that is not a valid value; nothing is guessed.
 */
export function prepareAnswers(
  answers: FinderAnswers,
  date: IsoDate,
  measureIds: Set<string>,
): PreparedAnswers {
  const { company, measure } = answers;
  if (company === null || typeof company !== 'object') {
    throw new FinderInputError('company', 'Die Angaben zum Unternehmen fehlen.');
  }
  const nace = asFinderError(() => parseNaceCode(company.naceCode));
  if (company.trade !== undefined && !TRADES.includes(company.trade)) {
    throw new FinderInputError('company.trade', 'Das Gewerk ist unbekannt.');
  }
  const difficulty = optionalFlag(
    company.undertakingInDifficulty,
    'company.undertakingInDifficulty',
    'Die Angabe „Unternehmen in Schwierigkeiten“',
  );
  const profile: CompanyProfileInput = {
    naceCode: company.naceCode,
    staffHeadcount: company.staffHeadcount,
    turnoverCents: company.turnoverCents,
    balanceSheetCents: company.balanceSheetCents,
    seatAgs: company.seatAgs,
    craftsChamberMember: optionalFlag(
      company.craftsChamberMember,
      'company.craftsChamberMember',
      'Die Angabe „Mitglied einer Handwerkskammer“',
    ),
    trade: company.trade,
    undertakingInDifficulty: difficulty,
    date,
  };
  const { facts: base, sme } = asFinderError(() => companyFacts(profile));
  const consumptionKwh = optionalWhole(company.consumptionKwh, 'consumptionKwh', {
    min: 0,
    max: 100_000_000_000,
    whole: true,
    unit: 'kWh',
  });

  const m = measure ?? {};
  if (m.kind !== undefined && !measureIds.has(m.kind)) {
    throw new FinderInputError('measure.kind', 'Die geplante Maßnahme ist nicht bekannt.');
  }
  const costs = asFinderError(() => optionalCents(m.eligibleCostsCents, 'eligibleCostsCents'));
  const plannedStart =
    m.plannedStart === undefined
      ? undefined
      : finderDate(m.plannedStart, 'measure.plannedStart', 'Der geplante Beginn');
  const consultantDays = optionalWhole(m.consultantDays, 'consultantDays', {
    min: 0,
    max: 10_000,
    whole: false,
    unit: 'Tage',
  });
  const units = optionalWhole(m.units, 'units', {
    min: 0,
    max: 1_000_000,
    whole: false,
    unit: 'Einheiten',
  });
  const employees = m.employeesToTrain;
  if (
    employees !== undefined &&
    (typeof employees !== 'number' ||
      !Number.isInteger(employees) ||
      employees < 1 ||
      employees > 10_000)
  ) {
    throw new FinderInputError(
      'measure.employeesToTrain',
      'Die Zahl der fortzubildenden Beschäftigten muss eine ganze Zahl zwischen 1 und 10.000 sein.',
    );
  }
  const days = optionalWhole(m.trainingDaysPerEmployee, 'trainingDays', {
    min: 0,
    max: 365,
    whole: true,
    unit: 'Tage',
  });
  if (m.buildingType !== undefined && m.buildingType !== 'new' && m.buildingType !== 'existing') {
    throw new FinderInputError(
      'measure.buildingType',
      'Die Gebäudeart muss „new“ oder „existing“ sein.',
    );
  }
  const facts: Facts = {
    ...base,
    // Aid must be applied for before the work begins (VV Nr. 1.3 zu § 44 LHO NRW): a planned
    // start on or before the reference day counts as begun [open: order placed = begun].
    projectStarted: plannedStart === undefined ? undefined : plannedStart <= date,
    siteInNrw: optionalFlag(m.siteInNrw, 'measure.siteInNrw', 'Die Angabe „Vorhaben in NRW“'),
    buildingType: m.buildingType,
    requiredByGeg: optionalFlag(
      m.requiredByGeg,
      'measure.requiredByGeg',
      'Die Angabe „zur Erfüllung des GEG“',
    ),
    trainingForPlanningStaff: optionalFlag(
      m.trainingForPlanningStaff,
      'measure.trainingForPlanningStaff',
      'Die Angabe „Fortbildung für Planungsverantwortliche“',
    ),
    measure: m.kind,
  };
  const offersMeasure = (v: FundingProgrammeVersion) =>
    m.kind === undefined || v.measures.some((x) => x.id === m.kind);
  return {
    facts,
    naceCode: company.naceCode,
    naceDivision: nace.division,
    consumptionKwh,
    undertakingInDifficulty: difficulty,
    sme: { sizeClass: sme.sizeClass, label: sme.label, steps: sme.steps.map((s) => s.text) },
    amountInput: (v) => {
      // Quantities and costs belong to the chosen measure: a programme funding another measure
      // gets none of them and asks for its own.
      if (!offersMeasure(v)) return {};
      return {
        ...(costs === undefined ? {} : { eligibleCostsCents: costs }),
        ...(consultantDays === undefined ? {} : { consultantDays }),
        ...(units === undefined ? {} : { units }),
        ...(employees !== undefined && days !== undefined
          ? { trainingDays: Array.from({ length: employees }, () => days) }
          : {}),
      };
    },
  };
}

/** Facts that depend on the programme's measure (the collector area is the quantity). */
export function programmeFacts(
  v: FundingProgrammeVersion,
  facts: Facts,
  amount: Omit<AmountInput, 'facts' | 'date'>,
): Facts {
  if (v.amount.kind === 'per-unit' && v.amount.unit.startsWith('m²') && amount.units !== undefined)
    return { ...facts, collectorAreaM2: amount.units };
  return facts;
}
