import type { FundingProgrammeVersion } from '../programme.types.ts';
import {
  DE_MINIMIS_2023,
  manufacturingOrAgriculture,
  notInDifficulty,
  notStarted,
  siteInNrw,
  smallEnterprise,
} from './common-rules.ts';

const BRA_CONCEPT =
  'Bezirksregierung Arnsberg, Programmseite „Förderung von Transformationskonzepten für die treibhausgasneutrale Produktion 2045“ (bra.nrw.de) [Sekundärquelle]';
const BRA_BASIS = 'Förderrichtlinie progres.nrw, Nr. 6.7 (laut Programmseite) [offen]';

/**
 * Concept grant for manufacturing firms up to 2,500 staff: an external technical and business
 * concept towards greenhouse-gas-neutral production by 2045. 50 % up to 60,000 €; 65 % for small
 * and micro firms (under 50 staff and turnover or balance sheet up to 10 Mio. €).
 */
export const TRANSFORMATION_CONCEPTS_2022: FundingProgrammeVersion = {
  programmeId: 'nrw-transformationskonzepte',
  versionId: 'nrw-transformationskonzepte-2022-11',
  title: 'Förderung von Transformationskonzepten für die treibhausgasneutrale Produktion 2045',
  shortTitle: 'Transformationskonzepte',
  fundingBody: 'Land Nordrhein-Westfalen (MWIKE); Bewilligungsbehörde: Bezirksregierung Arnsberg',
  legalBasis: ['§§ 23, 44 LHO NRW', BRA_BASIS],
  // Launched with the "Starterpaket klimaneutraler Mittelstand", press reports of 2 November
  // 2022; a chamber note of early 2022 already names the grant [open: first day of the terms].
  validFrom: '2022-11-02',
  applicants:
    'Unternehmen und Handwerksbetriebe des produzierenden Gewerbes (WZ 2008 Abteilungen 01–02 und 10–33) mit bis zu 2.500 Mitarbeitenden.',
  eligibility: {
    kind: 'all',
    id: 'transformation-concepts',
    description: 'Voraussetzungen der Förderung von Transformationskonzepten.',
    citation: BRA_BASIS,
    rules: [
      manufacturingOrAgriculture,
      {
        kind: 'compare',
        id: 'staff-up-to-2500',
        description: 'Das Unternehmen hat höchstens 2.500 Mitarbeitende.',
        citation: BRA_CONCEPT,
        open: 'Ob Mitarbeitende verbundener Unternehmen mitzählen, nennt die Programmseite nicht.',
        fact: 'staffHeadcount',
        op: '<=',
        than: { value: 2500 },
      },
      siteInNrw,
      notStarted,
      notInDifficulty,
    ],
  },
  measures: [
    {
      id: 'transformation-concept',
      label: 'Transformationskonzept für eine treibhausgasneutrale Produktion bis 2045',
      eligibleCosts: [
        'Ausgaben für externe Beratungsleistungen',
        'notwendige Vorprüfungen und Untersuchungen zur Konzepterstellung',
      ],
    },
  ],
  amount: {
    kind: 'share-of-costs',
    tiers: [
      { when: smallEnterprise, label: 'Klein- und Kleinstunternehmen', ratePpm: 650_000 },
      { label: 'übrige Unternehmen', ratePpm: 500_000 },
    ],
    maxCents: 6_000_000,
    citation: BRA_CONCEPT,
  },
  // The programme page does not name the aid basis; NRW's starter package was reported as
  // de-minimis aid. The federal equivalent uses Art. 49 GBER [open].
  stateAid: DE_MINIMIS_2023,
  nonCombinable: [
    'Andere Landesförderung für dasselbe Konzept [offen]',
    'Bundesförderung Energie- und Ressourceneffizienz in der Wirtschaft, Modul 5 (Transformationskonzepte), für dasselbe Konzept [offen]',
  ],
  requiredDocuments: [
    'Online-Antrag',
    'Angebot der Beratung mit Tagessätzen und Leistungsbeschreibung',
    'De-minimis-Erklärung über erhaltene Beihilfen der letzten drei Jahre [offen]',
    'Nachweis der Zuordnung zum Wirtschaftszweig (WZ 2008)',
  ],
  sources: [
    BRA_CONCEPT,
    'IHK-Praxis „Land fördert Transformation zur Klimaneutralität“, Lippe Wissen und Wirtschaft 1/2022 [Sekundärquelle]',
    'IHK Hagen, „Weg vom Gas – NRW fördert KMU“ [Sekundärquelle]',
  ],
  open: [
    'Text der Richtlinie (Nr. 6.7) nicht gelesen; Beihilferechtsgrundlage, Mindestinhalte und Fristen sind zu prüfen.',
    'Kein Antragsende veröffentlicht gefunden; Stand Dezember 2026 zu prüfen.',
  ],
};
