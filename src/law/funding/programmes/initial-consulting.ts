import type { FundingProgrammeVersion } from '../programme.types.ts';
import {
  DE_MINIMIS_2023,
  manufacturingOrAgriculture,
  notInDifficulty,
  notStarted,
  siteInNrw,
  smallEnterprise,
} from './common-rules.ts';

const IHK_HAGEN =
  'IHK Hagen, „Weg vom Gas – NRW fördert KMU“, Modul Erstberatung zur klimaneutralen Transformation [Sekundärquelle]';

/**
 * Companion "Erstberatung": initial advice for small manufacturers (up to 49 staff, turnover or
 * balance sheet up to 10 Mio. €): 65 % of the costs, at most 10,000 €, day rate at most 1,500 €.
 */
export const INITIAL_CONSULTING_2022: FundingProgrammeVersion = {
  programmeId: 'nrw-erstberatung-klimaneutral',
  versionId: 'nrw-erstberatung-klimaneutral-2022-11',
  title: 'Förderung der Erstberatung zur klimaneutralen Transformation',
  shortTitle: 'Erstberatung',
  fundingBody: 'Land Nordrhein-Westfalen (MWIKE); Bewilligungsbehörde: Bezirksregierung Arnsberg',
  legalBasis: ['§§ 23, 44 LHO NRW', 'Förderrichtlinie progres.nrw [offen: Nummer]'],
  validFrom: '2022-11-02',
  applicants:
    'Unternehmen des produzierenden Gewerbes mit höchstens 49 Mitarbeitenden und Jahresumsatz oder Jahresbilanzsumme bis 10 Mio. €.',
  eligibility: {
    kind: 'all',
    id: 'initial-consulting',
    description: 'Voraussetzungen der geförderten Erstberatung.',
    citation: IHK_HAGEN,
    rules: [
      {
        ...manufacturingOrAgriculture,
        open: 'Für die Erstberatung nennt die Quelle nur „produzierendes Gewerbe“; die Abteilungen sind vom Transformationskonzept übernommen.',
      },
      { ...smallEnterprise, citation: IHK_HAGEN },
      siteInNrw,
      notStarted,
      notInDifficulty,
    ],
  },
  measures: [
    {
      id: 'initial-consulting',
      label:
        'Erstberatung mit schriftlichen Handlungsempfehlungen (Effizienz, Abwärme, Elektrifizierung)',
      eligibleCosts: ['Beratungsleistungen', 'notwendige Vorprüfungen und Untersuchungen'],
    },
  ],
  amount: {
    kind: 'share-of-costs',
    tiers: [{ label: 'alle Antragsberechtigten', ratePpm: 650_000 }],
    maxCents: 1_000_000,
    dayRateCapCents: 150_000,
    citation: IHK_HAGEN,
  },
  stateAid: DE_MINIMIS_2023,
  nonCombinable: ['Andere Landesförderung für dieselbe Beratung [offen]'],
  requiredDocuments: [
    'Online-Antrag',
    'Angebot der Beratung mit Zahl der Beratertage und Tagessatz',
    'De-minimis-Erklärung [offen]',
  ],
  sources: [
    IHK_HAGEN,
    'Lippe Wissen und Wirtschaft 1/2022 (bis zu 50 Beschäftigte, 65 %, 10.000 €) [Sekundärquelle]',
  ],
  open: [
    'Beschäftigtengrenze: 49 (IHK Hagen) oder „bis zu 50“ (IHK Lippe); 49 verwendet.',
    'Richtlinientext nicht gelesen; Beihilfegrundlage zu prüfen.',
  ],
};
