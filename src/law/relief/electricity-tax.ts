import type { IsoDate } from '../calendar-date.ts';
import { formatEuro } from '../fees/money.ts';
import { evaluateRule, lookup, missingFacts, registryOf } from '../rules/index.ts';
import type { Facts, ParameterTable, Rule } from '../rules/index.ts';
import { factLabel } from '../funding/facts.ts';
import {
  electricityTaxRate,
  euMinimumBusiness,
  reliefParameterTables,
  section9bMinimum,
  section9bRate,
} from './parameters.ts';
import type { ReliefInstrumentResult, ReliefStep } from './relief.types.ts';

/**
 * Divisions that count as "Produzierendes Gewerbe" (§ 2 Nr. 3 StromStG) or agriculture and
 * forestry (§ 2 Nr. 5). The act classifies by WZ 2003; the finder asks for WZ 2008, so the list
 * maps WZ 2008 divisions 01–03, 05–36 and 41–43. Water, sewerage and waste (WZ 2008 36–39)
 * only partly correspond to the old sections [open].
 */
const divisions = [1, 2, 3, ...Array.from({ length: 32 }, (_, i) => 5 + i), 41, 42, 43].map(String);

export const producingSectorDivisions: ParameterTable = {
  id: 'stromsteuer.produzierendes-gewerbe',
  label: 'Abteilungen des Produzierenden Gewerbes und der Land- und Forstwirtschaft (WZ 2008)',
  unit: 'Abteilungen',
  citation: '§ 2 Nr. 3 und 5 StromStG',
  versions: [
    {
      validFrom: '2011-01-01',
      value: divisions,
      source: '§ 2 Nr. 2a, 3 und 5 StromStG (WZ 2003), übertragen auf WZ 2008',
      open: 'Zuordnung WZ 2003 → WZ 2008 vereinfacht; Abteilungen 36–39 (Wasser, Abwasser, Abfall) sind nicht vollständig abgebildet.',
    },
  ],
};

const registry = registryOf([...reliefParameterTables, producingSectorDivisions]);

/** § 9b as rule data: producing sector, not in difficulty, and the relief above the minimum. */
export const section9bRule: Rule = {
  kind: 'all',
  id: 'stromstg-9b',
  description: 'Voraussetzungen der Steuerentlastung für Unternehmen nach § 9b StromStG.',
  citation: '§ 9b StromStG',
  rules: [
    {
      kind: 'in-set',
      id: 'stromstg-9b-producing-sector',
      description:
        'Das Unternehmen gehört zum Produzierenden Gewerbe oder zur Land- und Forstwirtschaft.',
      citation: '§ 9b Abs. 1 i. V. m. § 2 Nr. 3 und 5 StromStG',
      fact: 'naceDivision',
      set: { param: 'stromsteuer.produzierendes-gewerbe' },
    },
    {
      kind: 'compare',
      id: 'stromstg-9b-not-in-difficulty',
      description: 'Das Unternehmen ist kein Unternehmen in Schwierigkeiten.',
      citation: '§ 2a Abs. 1 StromStG',
      fact: 'undertakingInDifficulty',
      op: '=',
      than: { value: false },
    },
    {
      kind: 'compare',
      id: 'stromstg-9b-minimum',
      description: 'Die Entlastung übersteigt im Kalenderjahr den Mindestbetrag von 250 €.',
      citation: '§ 9b Abs. 2 Satz 2 StromStG',
      open: 'Bagatellgrenze oder Abzugsbetrag: siehe Parameter.',
      fact: 'reliefCents',
      op: '>',
      than: { param: 'stromsteuer.9b.mindestbetrag' },
    },
  ],
};

function centsFor(kwh: number, centsPerMwh: number): number {
  // kWh × (cents per MWh) / 1000, rounded half up: exact in integers for any realistic input.
  const product = BigInt(kwh) * BigInt(centsPerMwh);
  return Number((product * 2n + 1000n) / 2000n);
}

export interface ElectricityTaxInput {
  date: IsoDate;
  consumptionKwh: number;
  electromobilityKwh: number;
  nonBusinessKwh: number;
  naceDivision?: number;
  undertakingInDifficulty?: boolean;
}

export interface ElectricityTaxResult extends ReliefInstrumentResult {
  taxAtStandardRateCents: number;
  taxAfterReliefCents: number;
}

/**
 * Electricity tax for the year at the standard rate (§ 3 StromStG) and the relief for producing
 * companies (§ 9b StromStG): relief rate × electricity used for business purposes, without
 * electromobility (§ 9b Abs. 1 Satz 3), paid only above the 250 € minimum. From 2026 the relief is
 * 20 €/MWh for good, which leaves the EU minimum of 0.50 €/MWh. Inputs are validated by the caller.
 */
export function computeElectricityTax(input: ElectricityTaxInput): ElectricityTaxResult {
  const rate = lookup(electricityTaxRate, input.date);
  const reliefRate = lookup(section9bRate, input.date);
  const minimum = lookup(section9bMinimum, input.date);
  const euMin = lookup(euMinimumBusiness, input.date);
  const tax = centsFor(input.consumptionKwh, rate.value as number);
  const eligibleKwh = input.consumptionKwh - input.electromobilityKwh - input.nonBusinessKwh;
  const relief = centsFor(eligibleKwh, reliefRate.value as number);
  const facts: Facts = {
    naceDivision: input.naceDivision,
    undertakingInDifficulty: input.undertakingInDifficulty,
    reliefCents: relief,
  };
  const { truth, trace } = evaluateRule(section9bRule, facts, {
    date: input.date,
    parameters: registry,
  });
  const amount = truth === 'not-met' ? 0 : relief;
  const kwh = (n: number) => n.toLocaleString('de-DE');
  const steps: ReliefStep[] = [
    {
      text: `Stromsteuer zum Regelsatz: ${kwh(input.consumptionKwh)} kWh × ${formatEuro(rate.value as number)} je MWh = ${formatEuro(tax)}.`,
      citation: '§ 3 StromStG',
      amountCents: tax,
      parameters: [rate.use],
    },
    {
      text: `Entlastungsfähiger Strom: ${kwh(input.consumptionKwh)} kWh − ${kwh(input.electromobilityKwh)} kWh Elektromobilität − ${kwh(input.nonBusinessKwh)} kWh nicht betrieblich = ${kwh(eligibleKwh)} kWh.`,
      citation: '§ 9b Abs. 1 StromStG',
      parameters: [],
    },
    {
      text: `Entlastung: ${kwh(eligibleKwh)} kWh × ${formatEuro(reliefRate.value as number)} je MWh = ${formatEuro(relief)}.`,
      citation: '§ 9b Abs. 2 StromStG',
      amountCents: relief,
      parameters: [reliefRate.use],
      open: reliefRate.use.open !== undefined,
    },
    {
      text:
        relief > (minimum.value as number)
          ? `Die Entlastung übersteigt den Mindestbetrag von ${formatEuro(minimum.value as number)}; sie wird in voller Höhe gewährt.`
          : `Die Entlastung übersteigt den Mindestbetrag von ${formatEuro(minimum.value as number)} nicht; es wird nichts erstattet.`,
      citation: '§ 9b Abs. 2 Satz 2 StromStG',
      amountCents: truth === 'not-met' ? 0 : relief,
      parameters: [minimum.use],
      open: true,
    },
  ];
  const after = tax - amount;
  steps.push({
    text: `Verbleibende Stromsteuer: ${formatEuro(tax)} − ${formatEuro(amount)} = ${formatEuro(after)} (EU-Mindestsatz für betriebliche Verwendung: ${formatEuro(euMin.value as number)} je MWh).`,
    citation: 'Anhang I Tabelle C Richtlinie 2003/96/EG',
    amountCents: after,
    parameters: [euMin.use],
  });
  return {
    id: 'electricity-tax',
    title: 'Stromsteuer: Entlastung für Unternehmen (§ 9b StromStG)',
    status: truth === 'met' ? 'eligible' : truth === 'not-met' ? 'not-eligible' : 'need-info',
    draft: false,
    amountCents: amount,
    steps,
    trace,
    missing: missingFacts(trace).map(factLabel),
    notes: [
      'Antrag beim Hauptzollamt (Formulare 1453, 1402, 1139) für das Kalenderjahr; Freistellungsanzeige nach AGVO beachten (§ 9b Abs. 4 StromStG) [offen: Formularstand].',
      'Steuerbefreiungen für selbst erzeugten Strom (§ 9 StromStG) sind nicht berücksichtigt.',
    ],
    taxAtStandardRateCents: tax,
    taxAfterReliefCents: after,
  };
}
