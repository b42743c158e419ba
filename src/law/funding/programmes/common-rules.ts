import type { Rule } from '../programme.types.ts';

/** Conditions shared by several NRW programmes, written once. */

export const DE_MINIMIS_2023 = {
  kind: 'de-minimis',
  regulation: 'Verordnung (EU) 2023/2831',
  ceilingCents: 30_000_000,
  periodYears: 3,
} as const;

/** WZ 2008 divisions 01–02 (agriculture, forestry) and 10–33 (manufacturing). */
export const manufacturingOrAgriculture: Rule = {
  kind: 'any',
  id: 'nace-manufacturing-or-agriculture',
  description:
    'Die wirtschaftliche Tätigkeit gehört zu den WZ-2008-Abteilungen 01 bis 02 (Land- und Forstwirtschaft) oder 10 bis 33 (Verarbeitendes Gewerbe).',
  citation: 'Programmseite Bezirksregierung Arnsberg (WZ 2008)',
  rules: [
    {
      kind: 'range',
      id: 'nace-agriculture',
      description: 'WZ-2008-Abteilung 01 bis 02.',
      citation: 'WZ 2008 Abschnitt A',
      fact: 'naceDivision',
      min: { value: 1 },
      max: { value: 2 },
    },
    {
      kind: 'range',
      id: 'nace-manufacturing',
      description: 'WZ-2008-Abteilung 10 bis 33.',
      citation: 'WZ 2008 Abschnitt C',
      fact: 'naceDivision',
      min: { value: 10 },
      max: { value: 33 },
    },
  ],
};

export const notStarted: Rule = {
  kind: 'compare',
  id: 'project-not-started',
  description: 'Mit dem Vorhaben wurde vor der Antragstellung noch nicht begonnen.',
  citation: 'VV Nr. 1.3 zu § 44 LHO NRW',
  fact: 'projectStarted',
  op: '=',
  than: { value: false },
};

export const siteInNrw: Rule = {
  kind: 'compare',
  id: 'site-in-nrw',
  description: 'Das Vorhaben wird in Nordrhein-Westfalen durchgeführt.',
  citation: 'Nr. 1 Förderrichtlinie progres.nrw – Klimaschutztechnik',
  fact: 'siteInNrw',
  op: '=',
  than: { value: true },
};

export const notInDifficulty: Rule = {
  kind: 'compare',
  id: 'not-in-difficulty',
  description: 'Das Unternehmen ist kein Unternehmen in Schwierigkeiten.',
  citation: 'Art. 1 Abs. 4 Buchst. c AGVO; Art. 1 Abs. 1 VO (EU) 2023/2831 [offen]',
  open: 'Ob die Richtlinie Unternehmen in Schwierigkeiten ausschließt, ist am Richtlinientext zu prüfen.',
  fact: 'undertakingInDifficulty',
  op: '=',
  than: { value: false },
};

/** Small or micro by the guideline's own test: under 50 staff, turnover or balance ≤ 10 Mio. €. */
export const smallEnterprise: Rule = {
  kind: 'all',
  id: 'small-enterprise',
  description:
    'Klein- oder Kleinstunternehmen: weniger als 50 Beschäftigte und Jahresumsatz oder Jahresbilanzsumme höchstens 10 Mio. €.',
  citation: 'Anhang I Art. 2 Abs. 2 AGVO',
  rules: [
    {
      kind: 'compare',
      id: 'small-staff',
      description: 'Weniger als 50 Beschäftigte.',
      citation: 'Anhang I Art. 2 Abs. 2 AGVO',
      fact: 'staffHeadcount',
      op: '<',
      than: { value: 50 },
    },
    {
      kind: 'any',
      id: 'small-money',
      description: 'Jahresumsatz oder Jahresbilanzsumme höchstens 10 Mio. €.',
      citation: 'Anhang I Art. 2 Abs. 2 AGVO',
      rules: [
        {
          kind: 'compare',
          id: 'small-turnover',
          description: 'Jahresumsatz höchstens 10 Mio. €.',
          citation: 'Anhang I Art. 2 Abs. 2 AGVO',
          fact: 'turnoverCents',
          op: '<=',
          than: { value: 1_000_000_000 },
        },
        {
          kind: 'compare',
          id: 'small-balance',
          description: 'Jahresbilanzsumme höchstens 10 Mio. €.',
          citation: 'Anhang I Art. 2 Abs. 2 AGVO',
          fact: 'balanceSheetCents',
          op: '<=',
          than: { value: 1_000_000_000 },
        },
      ],
    },
  ],
};
