import type { IsoDate } from '../calendar-date.ts';

/**
 * The fee tariff for BImSchG permits in NRW as versioned data (architecture invariant 4: rules are
 * versioned data with citations and a "valid from" date).
 *
 * What the research verified (search of stored public texts, December 2026):
 * - Fees of the NRW authorities follow the Gebührengesetz NRW (GebG NRW) and the Allgemeine
 *   Verwaltungsgebührenordnung (AVwGebO NRW); the VwV on BImSchG procedures NRW, No. 13.1, says so.
 * - The AVwGebO of 3 July 2001 (GV. NRW. S. 262, in force 1 January 2002) carried immission
 *   control in Tarifstelle 15a "Immissionsschutzrechtliche Angelegenheiten" (recht.nrw.de,
 *   Anlage p_id=35910, headings 15a to 15a.8.1, 15a.0.1 time-based fees).
 * - A new AVwGebO NRW of 8 August 2023 (GV. NRW. Nr. 22 of 11.08.2023 S. 490) replaced it; its
 *   tariff groups environmental matters under Tarifstelle 4 "Umwelt" (recht.nrw.de, Anlage
 *   p_id=40831, headings 4 to 4.7.2.6, 4.1.1 time-based fees).
 *
 * What it did NOT verify [open]: the text of the permit tariff itself — its number inside 15a or 4,
 * the cost bands, base amounts, percentages, the minimum fee, the reduction for the simplified
 * procedure, the EIA surcharge, and how fees for decisions included by § 13 BImSchG are added.
 * The figures below are placeholders in the tariff's usual shape (graduated by construction costs,
 * continuous at the band limits) and must be replaced by the official text before production.
 */

/** One band of the graduated tariff: base amount plus a rate on the costs above a threshold. */
export interface FeeBand {
  /** Letter of the tariff text, e.g. 'a'. */
  letter: string;
  /** The band covers costs up to and including this amount; null: no upper limit. */
  upToCents: number | null;
  baseCents: number;
  /** The rate applies to the costs above this amount. */
  thresholdCents: number;
  /** Rate in parts per million (0,3 % = 3 000). */
  ratePpm: number;
}

export interface PermitFeeTariff {
  id: string;
  /** First decision date this version applies to (the decision date selects the version). */
  validFrom: IsoDate;
  /** The ordinance with its publication, as printed in the letter. */
  ordinance: string;
  /** Short name for trace lines, e.g. 'AVwGebO NRW'. */
  short: string;
  tariffNumbers: {
    /** Permit for a new installation, § 4 BImSchG, formal procedure § 10. */
    installationFormal: string;
    /** Same in the simplified procedure, § 19 BImSchG. */
    installationSimplified: string;
    /** Permit for a substantial change, § 16 BImSchG. */
    change: string;
  };
  bands: FeeBand[];
  minimumCents: number;
  /** Share of the fee that remains in the simplified procedure (§ 19 BImSchG). */
  simplifiedSharePpm: number;
  /** Surcharge when an environmental impact assessment (UVP) is part of the procedure. */
  eiaSurchargePpm: number;
  /** Share of the fees of decisions included by § 13 BImSchG that is added. */
  includedDecisionsSharePpm: number;
  /** Every point of this version that still needs legal sign-off. */
  open: string[];
  /** Where the version's data come from. */
  sources: string[];
}

const EUR = 100;

/**
 * Placeholder scale [open]: a) up to 500 000 €: 0,5 % of the costs; b) up to 50 Mio. €: 2 500 €
 * plus 0,3 % above 500 000 €; c) above: 151 000 € plus 0,25 % above 50 Mio. €; at least 1 000 €.
 * Each base amount continues the band below exactly, so the fee never jumps at a band limit.
 */
const placeholderBands: FeeBand[] = [
  { letter: 'a', upToCents: 500_000 * EUR, baseCents: 0, thresholdCents: 0, ratePpm: 5_000 },
  {
    letter: 'b',
    upToCents: 50_000_000 * EUR,
    baseCents: 2_500 * EUR,
    thresholdCents: 500_000 * EUR,
    ratePpm: 3_000,
  },
  {
    letter: 'c',
    upToCents: null,
    baseCents: 151_000 * EUR,
    thresholdCents: 50_000_000 * EUR,
    ratePpm: 2_500,
  },
];

const figuresOpen =
  'Staffel, Grundbeträge, Prozentsätze und Mindestgebühr der Tarifstelle sind nicht am amtlichen Text geprüft (Platzhalter).';
const simplifiedOpen =
  'Ermäßigung für das vereinfachte Verfahren (§ 19 BImSchG): Satz (hier 75 % der Gebühr) nicht verifiziert.';
const eiaOpen = 'Zuschlag bei Umweltverträglichkeitsprüfung (hier 10 %) nicht verifiziert.';
const costsBasisOpen =
  'Bemessungsgrundlage: Errichtungskosten laut Antrag; nach § 9 Abs. 2 GebG NRW zählt sonst der Wert bei Beendigung der Amtshandlung, soweit die Gebührenordnung nichts anderes bestimmt.';
const changeOpen =
  'Änderungsgenehmigung (§ 16 BImSchG): hier dieselbe Staffel auf die Kosten der Änderung, ohne Ermäßigung für das vereinfachte Verfahren; nicht verifiziert.';
const includedOpen =
  'Konzentrationswirkung (§ 13 BImSchG): ob und zu welchem Anteil die Gebühren eingeschlossener Entscheidungen (z. B. Baugenehmigung) hinzugerechnet werden, ist nicht verifiziert (hier 100 %, nur bei Erteilung).';

export const permitFeeTariffs: readonly PermitFeeTariff[] = [
  {
    id: 'avwgebo-nrw-2001-ts15a',
    validFrom: '2002-01-01',
    ordinance:
      'Allgemeine Verwaltungsgebührenordnung (AVwGebO NRW) vom 3. Juli 2001 (GV. NRW. S. 262), Allgemeiner Gebührentarif, Tarifstelle 15a',
    short: 'AVwGebO NRW 2001',
    tariffNumbers: {
      installationFormal: '15a.1.1',
      installationSimplified: '15a.1.2',
      change: '15a.1.3',
    },
    bands: placeholderBands,
    minimumCents: 1_000 * EUR,
    simplifiedSharePpm: 750_000,
    eiaSurchargePpm: 100_000,
    includedDecisionsSharePpm: 1_000_000,
    open: [
      'Unternummern 15a.1.1 (förmlich), 15a.1.2 (vereinfacht) und 15a.1.3 (Änderung) sind nicht verifiziert; belegt sind nur Tarifstelle 15a und 15a.0.1.',
      figuresOpen,
      costsBasisOpen,
      simplifiedOpen,
      eiaOpen,
      changeOpen,
      includedOpen,
    ],
    sources: [
      'recht.nrw.de, AVwGebO NRW (2001), Anlage Tarifstelle 15a bis 15a.8.1 (p_id=35910): Überschriften gelesen',
      'VwV zum BImSchG-Genehmigungsverfahren NRW, Nr. 13.1 (Kosten nach GebG NRW und AVwGebO)',
    ],
  },
  {
    id: 'avwgebo-nrw-2023-ts4',
    validFrom: '2023-08-12',
    ordinance:
      'Allgemeine Verwaltungsgebührenordnung für das Land Nordrhein-Westfalen (AVwGebO NRW) vom 8. August 2023 (GV. NRW. S. 490), Allgemeiner Gebührentarif, Tarifstelle 4 (Umwelt)',
    short: 'AVwGebO NRW',
    tariffNumbers: {
      installationFormal: '4 (Unternummer offen)',
      installationSimplified: '4 (Unternummer offen)',
      change: '4 (Unternummer offen)',
    },
    bands: placeholderBands,
    minimumCents: 1_000 * EUR,
    simplifiedSharePpm: 750_000,
    eiaSurchargePpm: 100_000,
    includedDecisionsSharePpm: 1_000_000,
    open: [
      'Inkrafttreten der AVwGebO NRW 2023 nicht verifiziert (hier: Tag nach der Verkündung am 11. August 2023).',
      'Unternummer der Tarifstelle 4 für Genehmigungen nach §§ 4, 16, 19 BImSchG nicht verifiziert; belegt sind nur Tarifstelle 4 „Umwelt“ und 4.1.1.',
      figuresOpen,
      'Die Beträge sind aus der Fassung 2001 übernommen; ob die Neufassung 2023 sie geändert hat, ist nicht geprüft.',
      costsBasisOpen,
      simplifiedOpen,
      eiaOpen,
      changeOpen,
      includedOpen,
    ],
    sources: [
      'recht.nrw.de, AVwGebO NRW (2023), Anlage Tarifstelle 4 bis 4.7.2.6 (p_id=40831): Überschriften gelesen',
      'umwelt-online, AVwGebO NRW vom 8. August 2023 (GV. NRW. Nr. 22 vom 11.08.2023 S. 490): § 1 gelesen',
    ],
  },
];

/**
 * § 15 GebG NRW, special cases. Read: the NRW media authority's fee statute (LfM, GV. NRW. 2004
 * S. 2), which repeats the GebG NRW wording: no fee when refused only for lack of jurisdiction or
 * withdrawn before the substantive work began; a quarter less when withdrawn later or refused for
 * other reasons; for equity down to a quarter or nothing. The statute text of § 15 GebG NRW itself
 * was not reached by the search (only its heading "Gebühren in besonderen Fällen") [open].
 */
export const specialCases = {
  noFeeCitation: '§ 15 Abs. 1 GebG NRW',
  reducedCitation: '§ 15 Abs. 2 GebG NRW',
  /** Refusal for reasons other than lack of jurisdiction: the fee is reduced by a quarter. */
  refusalSharePpm: 750_000,
  /** Withdrawal after the substantive work began, before the decision. */
  withdrawalSharePpm: 750_000,
  /** Lowest share the authority may fix for equity (Billigkeit), unless it waives the fee. */
  equityMinimumSharePpm: 250_000,
  open: [
    '§ 15 GebG NRW: Wortlaut nur über die gleichlautende Gebührensatzung der LfM NRW belegt, nicht am Gesetzestext (Anteile 0, ¾, Billigkeit bis ¼ oder Verzicht).',
    'Zurückweisung wegen unvollständiger Unterlagen (§ 20 Abs. 2 9. BImSchV) wird wie eine Ablehnung aus anderen Gründen als Unzuständigkeit behandelt (¾).',
  ],
} as const;

/** The version that applies on a decision date, or undefined before the first version. */
export function tariffFor(
  decisionDate: IsoDate,
  tariffs: readonly PermitFeeTariff[] = permitFeeTariffs,
): PermitFeeTariff | undefined {
  let found: PermitFeeTariff | undefined;
  for (const t of tariffs) {
    if (t.validFrom <= decisionDate && (!found || t.validFrom > found.validFrom)) found = t;
  }
  return found;
}
