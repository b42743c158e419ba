import type { IsoDate } from '../../law/calendar-date.ts';
import { eligibilityLabel } from '../../law/funding/index.ts';
import type { Eligibility } from '../../law/funding/index.ts';
import {
  calculateRelief,
  INDUSTRIAL_PRICE_DRAFT_2026,
  priceCompensationRule,
  producingSectorDivisions,
  reliefParameterTables,
  section9bRule,
} from '../../law/relief/index.ts';
import type { ReliefInstrumentResult } from '../../law/relief/index.ts';
import { factLabel } from '../../law/funding/index.ts';
import { evaluateRule, missingFacts, registryOf } from '../../law/rules/index.ts';
import type { Facts, Rule, TraceNode } from '../../law/rules/index.ts';
import { decidingReasons, flattenTrace } from './finder.trace.ts';
import type { FinderEntry, StateAidKind } from './finder.types.ts';

/** The page that computes the relief instruments in full, with every step. */
export const RELIEF_CALCULATOR_PATH = '/stromkostenrechner';

const CONSUMPTION_QUESTION = 'Stromverbrauch im Kalenderjahr (kWh)';

const registry = registryOf([...reliefParameterTables, producingSectorDivisions]);

interface ReliefMeta {
  id: ReliefInstrumentResult['id'];
  title: string;
  rule: Rule;
  draft: boolean;
  fundingBody: string;
  legalBasis: string[];
  stateAid: { kind: StateAidKind; label: string };
  open: string[];
}

/**
 * The three relief instruments of the electricity cost calculator as finder entries. Funding
 * body and aid basis are stated from the instruments' notes; the secondary ones are marked.
 */
const INSTRUMENTS: readonly ReliefMeta[] = [
  {
    id: 'electricity-tax',
    title: 'Stromsteuer: Entlastung für Unternehmen (§ 9b StromStG)',
    rule: section9bRule,
    draft: false,
    fundingBody: 'Zollverwaltung (zuständiges Hauptzollamt)',
    legalBasis: ['§ 9b StromStG', '§ 2a StromStG'],
    stateAid: {
      kind: 'relief',
      label: 'Steuerentlastung; Freistellung nach AGVO, Anzeige nach § 9b Abs. 4 StromStG [offen]',
    },
    open: [],
  },
  {
    id: 'price-compensation',
    title: 'Strompreiskompensation (indirekte CO₂-Kosten, DEHSt)',
    rule: priceCompensationRule,
    draft: false,
    fundingBody: 'Deutsche Emissionshandelsstelle (DEHSt) im Umweltbundesamt',
    legalBasis: ['Förderrichtlinie Strompreiskompensation', 'Leitlinien 2020/C 317/04'],
    stateAid: {
      kind: 'relief',
      label: 'Beihilfe nach den EU-EHS-Beihilfeleitlinien (2020/C 317/04)',
    },
    open: [],
  },
  {
    id: 'bridge-price',
    title: INDUSTRIAL_PRICE_DRAFT_2026.title,
    rule: INDUSTRIAL_PRICE_DRAFT_2026.eligibility,
    draft: INDUSTRIAL_PRICE_DRAFT_2026.status !== 'law',
    fundingBody: 'Bund (BMWE); Antrag beim BAFA laut Entwurf [offen]',
    legalBasis: [INDUSTRIAL_PRICE_DRAFT_2026.citation],
    stateAid: { kind: 'relief', label: 'Beihilfe nach dem CISAF-Rahmen (Entwurf) [offen]' },
    open: INDUSTRIAL_PRICE_DRAFT_2026.open,
  },
];

const fromTruth: Record<TraceNode['truth'], Eligibility> = {
  met: 'eligible',
  'not-met': 'not-eligible',
  unknown: 'need-info',
};

function entry(
  meta: ReliefMeta,
  eligibility: Eligibility,
  trace: TraceNode | undefined,
  missing: string[],
  result?: ReliefInstrumentResult,
): FinderEntry {
  return {
    kind: 'relief',
    id: meta.id,
    programmeId: meta.id,
    title: meta.title,
    eligibility,
    eligibilityLabel: eligibilityLabel[eligibility],
    draft: meta.draft,
    decidingReasons: trace ? decidingReasons(trace) : [],
    reasons: trace ? flattenTrace(trace) : [],
    ...(trace ? { trace } : {}),
    missing,
    amount: result
      ? {
          status: result.status === 'need-info' ? 'need-info' : 'computed',
          amountCents: result.amountCents,
          steps: result.steps.map((s) => ({
            text: s.text,
            citation: s.citation,
            ...(s.amountCents === undefined ? {} : { amountCents: s.amountCents }),
            open: s.open ?? false,
          })),
          missing: result.missing,
        }
      : { status: 'need-info', amountCents: 0, steps: [], missing },
    stateAid: meta.stateAid,
    fundingBody: meta.fundingBody,
    legalBasis: meta.legalBasis,
    measures: [],
    // Relief is claimed per year after the fact; no call window applies.
    callOpen: true,
    link: RELIEF_CALCULATOR_PATH,
    sources: result?.notes ?? [],
    open: meta.open,
  };
}

/**
 * The relief instruments as finder entries. With the annual consumption they are computed by the
 * calculator (amount and steps); without it only their prerequisites (sector, difficulty) are
 * checked, a known "no" stays a "no", everything else asks for the consumption and links to the
 * calculator.
 */
export function reliefEntries(input: {
  date: IsoDate;
  naceCode: string;
  naceDivision: number;
  undertakingInDifficulty?: boolean;
  consumptionKwh?: number;
}): FinderEntry[] {
  if (input.consumptionKwh !== undefined) {
    const result = calculateRelief({
      date: input.date,
      consumptionKwh: input.consumptionKwh,
      naceCode: input.naceCode,
      ...(input.undertakingInDifficulty === undefined
        ? {}
        : { undertakingInDifficulty: input.undertakingInDifficulty }),
    });
    return INSTRUMENTS.map((meta) => {
      const instrument = result.instruments.find((i) => i.id === meta.id)!;
      return entry(meta, instrument.status, instrument.trace, instrument.missing, instrument);
    });
  }
  const facts: Facts = {
    naceDivision: input.naceDivision,
    undertakingInDifficulty: input.undertakingInDifficulty,
    inSchemePeriod:
      INDUSTRIAL_PRICE_DRAFT_2026.periodFrom <= input.date &&
      input.date <= INDUSTRIAL_PRICE_DRAFT_2026.periodUntil,
  };
  return INSTRUMENTS.map((meta) => {
    const { truth, trace } = evaluateRule(meta.rule, facts, {
      date: input.date,
      parameters: registry,
    });
    const eligibility = fromTruth[truth] === 'not-eligible' ? 'not-eligible' : 'need-info';
    const missing =
      eligibility === 'not-eligible'
        ? []
        : [
            // The relief amount follows from the consumption, which is asked for by name.
            ...missingFacts(trace)
              .filter((fact) => fact !== 'reliefCents')
              .map(factLabel),
            CONSUMPTION_QUESTION,
          ];
    return entry(meta, eligibility, trace, [...new Set(missing)]);
  });
}
