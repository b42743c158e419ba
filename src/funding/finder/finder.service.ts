import type { IsoDate } from '../../law/calendar-date.ts';
import { assessProgramme, companyFacts, eligibilityLabel } from '../../law/funding/index.ts';
import type {
  CompanyProfileInput,
  Eligibility,
  FundingProgrammeVersion,
  StateAidBasis,
} from '../../law/funding/index.ts';
import { requireDate } from '../../law/rules/index.ts';
import { prepareAnswers, programmeFacts, type PreparedAnswers } from './finder.answers.ts';
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

function programmeEntry(
  v: FundingProgrammeVersion,
  prepared: PreparedAnswers,
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
  const prepared = prepareAnswers(options.answers, date, measureIds);
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
