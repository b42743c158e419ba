import type { IsoDate } from '../../law/calendar-date.ts';
import {
  assessProgramme,
  companyFacts,
  eligibilityLabel,
  parseNaceCode,
} from '../../law/funding/index.ts';
import type {
  AmountInput,
  CompanyProfileInput,
  Eligibility,
  FundingProgrammeVersion,
  StateAidBasis,
} from '../../law/funding/index.ts';
import { optionalCents, requireDate, requireQuantity } from '../../law/rules/index.ts';
import type { Facts } from '../../law/rules/index.ts';
import { CRAFTS_TRADES } from '../profile/profile.types.ts';
import { asFinderError, FinderInputError, finderDate } from './finder.errors.ts';
import { reliefEntries } from './finder.relief.ts';
import { decidingReasons, flattenTrace } from './finder.trace.ts';
import type {
  FinderAnswers,
  FinderEntry,
  FinderFilters,
  FinderResult,
  StateAidKind,
} from './finder.types.ts';

/** The trades the company profile records; the rules read the same keys. */
const TRADES: readonly string[] = CRAFTS_TRADES.map((t) => t.value);

export function stateAidOf(basis: StateAidBasis): { kind: StateAidKind; label: string } {
  switch (basis.kind) {
    case 'de-minimis':
      return { kind: 'de-minimis', label: `De-minimis-Beihilfe (${basis.regulation})` };
    case 'gber':
      return { kind: 'gber', label: `Freigestellte Beihilfe nach ${basis.article}` };
    case 'none':
      return { kind: 'none', label: `Keine staatliche Beihilfe: ${basis.reason}` };
  }
}

/** The version of each programme in force on the date (latest validFrom not after it). */
export function versionsInForce(
  catalogue: readonly FundingProgrammeVersion[],
  date: IsoDate,
): FundingProgrammeVersion[] {
  const latest = new Map<string, FundingProgrammeVersion>();
  for (const v of catalogue) {
    if (v.validFrom > date) continue;
    const found = latest.get(v.programmeId);
    if (!found || v.validFrom > found.validFrom) latest.set(v.programmeId, v);
  }
  return [...latest.values()];
}

/** Every measure id the catalogue funds, with its label (the finder's choice of measures). */
export function catalogueMeasures(
  catalogue: readonly FundingProgrammeVersion[],
): { id: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const v of catalogue)
    for (const m of v.measures) if (!seen.has(m.id)) seen.set(m.id, m.label);
  return [...seen].map(([id, label]) => ({ id, label }));
}

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

interface Prepared {
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
function prepare(answers: FinderAnswers, date: IsoDate, measureIds: Set<string>): Prepared {
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
function programmeFacts(
  v: FundingProgrammeVersion,
  facts: Facts,
  amount: Omit<AmountInput, 'facts' | 'date'>,
): Facts {
  if (v.amount.kind === 'per-unit' && v.amount.unit.startsWith('m²') && amount.units !== undefined)
    return { ...facts, collectorAreaM2: amount.units };
  return facts;
}

function programmeEntry(
  v: FundingProgrammeVersion,
  prepared: Prepared,
  date: IsoDate,
): FinderEntry {
  const amountInput = prepared.amountInput(v);
  const facts = programmeFacts(v, prepared.facts, amountInput);
  const a = assessProgramme(v, facts, amountInput, date);
  return {
    kind: 'programme',
    id: v.versionId,
    programmeId: v.programmeId,
    title: v.title,
    eligibility: a.eligibility,
    eligibilityLabel: eligibilityLabel[a.eligibility],
    draft: false,
    decidingReasons: decidingReasons(a.trace),
    reasons: flattenTrace(a.trace),
    trace: a.trace,
    missing: a.missing,
    amount: {
      status: a.amount.status,
      amountCents: a.amount.amountCents,
      ...(a.amount.maxCents === undefined ? {} : { maxCents: a.amount.maxCents }),
      steps: a.amount.steps.map((s) => ({
        text: s.text,
        citation: s.citation,
        amountCents: s.amountCents,
        open: s.open ?? false,
      })),
      missing: a.amount.missing,
    },
    stateAid: stateAidOf(v.stateAid),
    fundingBody: v.fundingBody,
    legalBasis: [...v.legalBasis],
    validFrom: v.validFrom,
    measures: v.measures.map((x) => ({ id: x.id, label: x.label })),
    callOpen: a.callOpen,
    ...(v.callOpenFrom ? { callOpenFrom: v.callOpenFrom } : {}),
    ...(v.callOpenUntil ? { deadline: v.callOpenUntil } : {}),
    sources: [...v.sources],
    open: [...v.open],
  };
}

const ELIGIBILITY_ORDER: Record<Eligibility, number> = {
  eligible: 0,
  'need-info': 1,
  'not-eligible': 2,
};

function compareEntries(sort: 'deadline' | 'amount') {
  return (a: FinderEntry, b: FinderEntry): number => {
    if (sort === 'deadline') {
      // Programmes with a published end first, the earliest first; open-ended ones after.
      const da = a.deadline ?? '9999-12-31';
      const db = b.deadline ?? '9999-12-31';
      if (da !== db) return da < db ? -1 : 1;
    } else if (a.amount.amountCents !== b.amount.amountCents) {
      return b.amount.amountCents - a.amount.amountCents;
    }
    const e = ELIGIBILITY_ORDER[a.eligibility] - ELIGIBILITY_ORDER[b.eligibility];
    if (e !== 0) return e;
    if (a.amount.amountCents !== b.amount.amountCents)
      return b.amount.amountCents - a.amount.amountCents;
    return a.title.localeCompare(b.title, 'de');
  };
}

function checkFilters(filters: FinderFilters, measureIds: Set<string>): void {
  if (filters.measure !== undefined && !measureIds.has(filters.measure)) {
    throw new FinderInputError('filters.measure', 'Die Maßnahme im Filter ist nicht bekannt.');
  }
  const min = filters.minAmountCents;
  if (min !== undefined && (typeof min !== 'number' || !Number.isSafeInteger(min) || min < 0)) {
    throw new FinderInputError(
      'filters.minAmountCents',
      'Der Mindestbetrag muss ein ganzer, nicht negativer Betrag in Cent sein.',
    );
  }
  if (filters.deadlineBefore !== undefined)
    finderDate(filters.deadlineBefore, 'filters.deadlineBefore', 'Das Datum „Frist bis“');
  if (filters.sort !== undefined && filters.sort !== 'deadline' && filters.sort !== 'amount') {
    throw new FinderInputError(
      'filters.sort',
      'Die Sortierung muss „deadline“ oder „amount“ sein.',
    );
  }
}

function passes(entry: FinderEntry, filters: FinderFilters, measure: string | undefined): boolean {
  if (measure !== undefined && entry.kind === 'programme') {
    if (!entry.measures.some((m) => m.id === measure)) return false;
  }
  if (filters.openCallsOnly && !entry.callOpen) return false;
  if (filters.deadlineBefore !== undefined) {
    if (entry.deadline === undefined || entry.deadline > filters.deadlineBefore) return false;
  }
  // An entry without a computed amount may still reach the minimum: it stays and asks.
  if (
    filters.minAmountCents !== undefined &&
    entry.amount.status === 'computed' &&
    entry.amount.amountCents < filters.minAmountCents
  )
    return false;
  return true;
}

/**
 * The Förderfinder: every programme version in force on the date and the relief instruments,
 * each assessed for the company and measure (eligible / not eligible / need more information)
 * with the deciding rules, the missing facts and the estimated amount with its steps; then
 * filtered and sorted. Pure: same answers, same catalogue, same date, same result.
 */
export function runFinder(options: {
  answers: FinderAnswers;
  filters?: FinderFilters;
  date: IsoDate;
  catalogue: readonly FundingProgrammeVersion[];
}): FinderResult {
  const date = asFinderError(() => requireDate(options.date));
  const filters = options.filters ?? {};
  const measureIds = new Set(catalogueMeasures(options.catalogue).map((m) => m.id));
  checkFilters(filters, measureIds);
  const prepared = prepare(options.answers, date, measureIds);
  // The law layer refuses dates before its first parameter version by field: a 400, never a 500.
  const entries: FinderEntry[] = asFinderError(() => [
    ...versionsInForce(options.catalogue, date).map((v) => programmeEntry(v, prepared, date)),
    ...reliefEntries({
      date,
      naceCode: prepared.naceCode,
      naceDivision: prepared.naceDivision,
      ...(prepared.undertakingInDifficulty === undefined
        ? {}
        : { undertakingInDifficulty: prepared.undertakingInDifficulty }),
      ...(prepared.consumptionKwh === undefined ? {} : { consumptionKwh: prepared.consumptionKwh }),
    }),
  ]);
  const measure = filters.measure ?? options.answers.measure?.kind;
  const shown = entries.filter((e) => passes(e, filters, measure));
  shown.sort(compareEntries(filters.sort ?? 'deadline'));
  return {
    date,
    entries: shown,
    assessed: entries.length,
    sme: prepared.sme,
    notes: [
      'Die Auskunft ist unverbindlich; über einen Antrag entscheidet die Bewilligungsbehörde.',
      'Beträge sind Schätzungen aus den Angaben; Kumulierungsverbote und die De-minimis-Obergrenze sind gesondert zu prüfen.',
    ],
  };
}

/**
 * The company answers of the finder from a company profile ("tell us once"): the figures are the
 * aggregated ones of the SME test (own + partners pro rata + linked in full), because the
 * finder's rules read those. Measure answers stay empty. Pure and total: a profile whose figures
 * the SME test refuses prefills the own figures and lets the finder ask.
 */
export function finderAnswersFromProfile(input: CompanyProfileInput): FinderAnswers {
  let staff = input.staffHeadcount;
  let turnover = input.turnoverCents;
  let balance = input.balanceSheetCents;
  if ((input.partners?.length ?? 0) + (input.linked?.length ?? 0) > 0) {
    try {
      const aggregated = companyFacts(input).sme.aggregated;
      staff = aggregated.staffHeadcount;
      turnover = aggregated.turnoverCents;
      balance = aggregated.balanceSheetCents;
    } catch {
      // Keep the own figures; the finder checks them again and names the field.
    }
  }
  return {
    company: {
      naceCode: input.naceCode,
      staffHeadcount: staff,
      ...(turnover === undefined ? {} : { turnoverCents: turnover }),
      ...(balance === undefined ? {} : { balanceSheetCents: balance }),
      ...(input.seatAgs === undefined ? {} : { seatAgs: input.seatAgs }),
      ...(input.craftsChamberMember === undefined
        ? {}
        : { craftsChamberMember: input.craftsChamberMember }),
      ...(input.trade === undefined ? {} : { trade: input.trade }),
      ...(input.undertakingInDifficulty === undefined
        ? {}
        : { undertakingInDifficulty: input.undertakingInDifficulty }),
    },
    measure: {},
  };
}
