import type { IsoDate } from '../calendar-date.ts';
import { applyPpm, formatEuro, formatPercent } from '../fees/money.ts';
import { factLabel } from '../funding/facts.ts';
import { evaluateRule, missingFacts } from '../rules/index.ts';
import type { Rule } from '../rules/index.ts';
import { reliefParameters } from './parameters.ts';
import type { ReliefInstrumentResult, ReliefStep } from './relief.types.ts';

/**
 * A configurable industrial or bridge electricity price scheme. Aid per MWh of the eligible
 * share = min(aid share × reference price, reference price − target price), never so much that
 * the price after aid falls below the floor; 0 when the reference is already below the target.
 */
export interface BridgePriceScheme {
  id: string;
  title: string;
  /** 'law' only for an adopted scheme; drafts and proposals are labelled "Entwurf". */
  status: 'law' | 'draft' | 'proposal';
  /** Accounting years covered (first and last day, inclusive). */
  periodFrom: IsoDate;
  periodUntil: IsoDate;
  /** Target price in cents per MWh. */
  targetCentsPerMwh: number;
  /** Price after aid may not fall below this, cents per MWh. */
  floorCentsPerMwh: number;
  /** Share of annual consumption that is eligible, ppm. */
  eligibleSharePpm: number;
  /** Maximum aid as a share of the reference price, ppm (1 000 000: no such limit). */
  aidSharePpm: number;
  /** Who is eligible, as rule data (period, sector, difficulty). */
  eligibility: Rule;
  citation: string;
  sources: string[];
  open: string[];
}

const periodRule: Rule = {
  kind: 'compare',
  id: 'scheme-period',
  description: 'Das Abrechnungsjahr liegt im Zeitraum der Regelung.',
  citation: 'Regelung (Zeitraum)',
  fact: 'inSchemePeriod',
  op: '=',
  than: { value: true },
};

const notInDifficulty: Rule = {
  kind: 'compare',
  id: 'scheme-not-in-difficulty',
  description: 'Das Unternehmen ist kein Unternehmen in Schwierigkeiten.',
  citation: 'Entwurf Förderrichtlinie Industriestrompreis [Sekundärquelle]',
  fact: 'undertakingInDifficulty',
  op: '=',
  than: { value: false },
};

/**
 * Federal "Industriestrompreis" 2026–2028, draft guideline (January 2026): 50 % of annual
 * consumption, aid 0.5 × (reference price) limited by the target price of 50 €/MWh, which is also
 * the floor; sectors on list 1 of Annex I CEEAG; CISAF framework; subject to Commission approval.
 */
export const INDUSTRIAL_PRICE_DRAFT_2026: BridgePriceScheme = {
  id: 'industriestrompreis-entwurf-2026',
  title: 'Industriestrompreis 2026–2028 (Entwurf der Förderrichtlinie)',
  status: 'draft',
  periodFrom: '2026-01-01',
  periodUntil: '2028-12-31',
  targetCentsPerMwh: 5_000,
  floorCentsPerMwh: 5_000,
  eligibleSharePpm: 500_000,
  aidSharePpm: 500_000,
  eligibility: {
    kind: 'all',
    id: 'industrial-price',
    description: 'Voraussetzungen des Industriestrompreises (Entwurf).',
    citation: 'Entwurf Förderrichtlinie Industriestrompreis (BMWE, Januar 2026) [Sekundärquelle]',
    rules: [
      periodRule,
      {
        kind: 'compare',
        id: 'industrial-price-sector',
        description:
          'Die Abnahmestelle gehört zu einem Sektor der Liste 1 des Anhangs I der KUEBLL.',
        citation: 'Rn. 116 CISAF; Anhang I KUEBLL Teilliste 1',
        fact: 'sectorOnKueblList1',
        op: '=',
        than: { value: true },
      },
      notInDifficulty,
    ],
  },
  citation: 'Entwurf Förderrichtlinie Industriestrompreis (BMWE, Januar 2026) [Sekundärquelle]',
  sources: [
    'Gleiss Lutz, „Entwurf der Förderrichtlinie zum Industriestrompreis“ [Sekundärquelle]',
    'future-camp.de, Eckpunkte des Entwurfs: 0,5 × Verbrauch × Differenzpreis, Zielpreis 50 €/MWh, Antrag BAFA 31.03.–30.09., Prüfvermerk ab 10 GWh [Sekundärquelle]',
    'WTS, „Industriestrompreis 2026“ [Sekundärquelle]',
  ],
  open: [
    'Entwurf, keine geltende Regelung; EU-Genehmigung und Haushaltsmittel vorbehalten.',
    'Flexibilitätsbonus (+10 %) und Reinvestitionspflicht (mind. 50 % binnen 48 Monaten) nicht berechnet.',
    'Referenzpreis (Jahresmittel der Baseload-Terminpreise des Vorjahres) ist einzugeben.',
  ],
};

/** The 2023 bridge price proposal the plan refers to: 6 ct/kWh; not adopted. */
export const BRIDGE_PRICE_PROPOSAL_2023: BridgePriceScheme = {
  id: 'brueckenstrompreis-vorschlag-2023',
  title: 'Brückenstrompreis 6 ct/kWh (Vorschlag 2023, nicht beschlossen)',
  status: 'proposal',
  periodFrom: '2024-01-01',
  periodUntil: '2030-12-31',
  targetCentsPerMwh: 6_000,
  floorCentsPerMwh: 6_000,
  eligibleSharePpm: 800_000,
  aidSharePpm: 1_000_000,
  eligibility: {
    kind: 'all',
    id: 'bridge-price',
    description: 'Voraussetzungen des Brückenstrompreises (Vorschlag).',
    citation: 'Arbeitspapier BMWK Mai 2023 [sec, offen]',
    rules: [
      periodRule,
      {
        kind: 'compare',
        id: 'bridge-price-sector',
        description:
          'Das Unternehmen ist energieintensiv im Sinne des Vorschlags (Liste 1 KUEBLL angenommen).',
        citation: 'Arbeitspapier BMWK Mai 2023 [sec, offen]',
        open: 'Der Kreis der Begünstigten ist im Vorschlag nicht abschließend bestimmt.',
        fact: 'sectorOnKueblList1',
        op: '=',
        than: { value: true },
      },
    ],
  },
  citation: 'Sieben-Punkte-Plan; Arbeitspapier BMWK Mai 2023 [Sekundärquelle]',
  sources: [
    'Sieben-Punkte-Plan (6 ct/kWh)',
    'Arbeitspapier BMWK Mai 2023: 80 % des Verbrauchs [sec, offen]',
  ],
  open: ['Vorschlag, nicht beschlossen; Anteil 80 % und Zeitraum sind Annahmen.'],
};

export const bridgePriceSchemes: readonly BridgePriceScheme[] = [
  INDUSTRIAL_PRICE_DRAFT_2026,
  BRIDGE_PRICE_PROPOSAL_2023,
];

export interface BridgePriceInput {
  date: IsoDate;
  consumptionKwh: number;
  referencePriceCentsPerMwh?: number;
  sectorOnKueblList1?: boolean;
  undertakingInDifficulty?: boolean;
}

/** Aid per MWh under a scheme for a reference price; exported for the property tests. */
export function aidPerMwh(scheme: BridgePriceScheme, referenceCentsPerMwh: number): number {
  const byShare = applyPpm(referenceCentsPerMwh, scheme.aidSharePpm);
  const toTarget = referenceCentsPerMwh - scheme.targetCentsPerMwh;
  const toFloor = referenceCentsPerMwh - scheme.floorCentsPerMwh;
  return Math.max(0, Math.min(byShare, toTarget, toFloor));
}

export function computeBridgePrice(
  scheme: BridgePriceScheme,
  input: BridgePriceInput,
): ReliefInstrumentResult {
  const inPeriod = scheme.periodFrom <= input.date && input.date <= scheme.periodUntil;
  const { truth, trace } = evaluateRule(
    scheme.eligibility,
    {
      inSchemePeriod: inPeriod,
      sectorOnKueblList1: input.sectorOnKueblList1,
      undertakingInDifficulty: input.undertakingInDifficulty,
    },
    { date: input.date, parameters: reliefParameters },
  );
  const missing = missingFacts(trace).map(factLabel);
  const draft = scheme.status !== 'law';
  const notes = [
    ...(draft
      ? ['Entwurf: keine geltende Rechtsgrundlage; die Berechnung zeigt die mögliche Wirkung.']
      : []),
    ...scheme.open,
  ];
  const base = { id: 'bridge-price' as const, title: scheme.title, draft, trace, notes };
  if (truth === 'not-met')
    return { ...base, status: 'not-eligible', amountCents: 0, steps: [], missing };
  if (input.referencePriceCentsPerMwh === undefined) {
    return {
      ...base,
      status: 'need-info',
      amountCents: 0,
      steps: [],
      missing: [...missing, 'Referenzstrompreis (€/MWh)'],
    };
  }
  const reference = input.referencePriceCentsPerMwh;
  const eligibleKwh = Math.round((input.consumptionKwh * scheme.eligibleSharePpm) / 1_000_000);
  const perMwh = aidPerMwh(scheme, reference);
  const amount = Number((BigInt(eligibleKwh) * BigInt(perMwh) * 2n + 1000n) / 2000n);
  const steps: ReliefStep[] = [
    {
      text: `Anrechenbarer Verbrauch: ${formatPercent(scheme.eligibleSharePpm)} von ${input.consumptionKwh.toLocaleString('de-DE')} kWh = ${eligibleKwh.toLocaleString('de-DE')} kWh.`,
      citation: scheme.citation,
      parameters: [],
      open: draft,
    },
    {
      text: `Entlastung je MWh: das Kleinste aus ${formatPercent(scheme.aidSharePpm)} des Referenzpreises ${formatEuro(reference)}, Referenzpreis minus Zielpreis ${formatEuro(scheme.targetCentsPerMwh)} und Referenzpreis minus Untergrenze ${formatEuro(scheme.floorCentsPerMwh)}, nicht unter 0: ${formatEuro(perMwh)} je MWh.`,
      citation: scheme.citation,
      parameters: [],
      open: draft,
    },
    {
      text: `Entlastung: ${eligibleKwh.toLocaleString('de-DE')} kWh × ${formatEuro(perMwh)} je MWh = ${formatEuro(amount)}.`,
      citation: scheme.citation,
      amountCents: amount,
      parameters: [],
      open: draft,
    },
  ];
  return {
    ...base,
    status: truth === 'met' ? 'eligible' : 'need-info',
    amountCents: amount,
    steps,
    missing,
  };
}
