import type { FundingProgrammeVersion } from '../programme.types.ts';
import { DE_MINIMIS_2023, notStarted, siteInNrw } from './common-rules.ts';

/**
 * Three measures of "progres.nrw – Klimaschutztechnik" (guideline of 30.01.2026, MB.NRW. 2026
 * Nr. 40; funding body MWIKE, granting authority Bezirksregierung Arnsberg). The guideline text
 * was found (purpose, legal bases: §§ 23, 44 LHO NRW); the figures per measure come from the
 * agency pages and press notes of the 2025 revision and must be checked against the 2026 text.
 */
const GUIDELINE =
  'Förderrichtlinie progres.nrw – Klimaschutztechnik vom 30.01.2026 (MB.NRW. 2026 Nr. 40)';
const LEGAL_BASIS = ['§§ 23, 44 LHO NRW', GUIDELINE];
const BODY = 'Land Nordrhein-Westfalen (MWIKE); Bewilligungsbehörde: Bezirksregierung Arnsberg';
const VALID_FROM = '2026-01-30';

/** Shallow geothermal drilling for heat pumps: fixed amount per drilling metre. */
export const PROGRES_GEOTHERMAL_2026: FundingProgrammeVersion = {
  programmeId: 'progres-klimaschutztechnik-erdwaermesonden',
  versionId: 'progres-klimaschutztechnik-erdwaermesonden-2026-01',
  title: 'progres.nrw – Klimaschutztechnik: Erdwärmesonden in Verbindung mit einer Wärmepumpe',
  shortTitle: 'Erdwärmesonden (progres.nrw)',
  fundingBody: BODY,
  legalBasis: LEGAL_BASIS,
  validFrom: VALID_FROM,
  applicants:
    'Unternehmen (einschließlich Einzelunternehmen), Privatpersonen, Kommunen und weitere juristische Personen; das Vorhaben liegt in NRW.',
  eligibility: {
    kind: 'all',
    id: 'progres-geothermal',
    description: 'Voraussetzungen der Förderung von Erdwärmesonden.',
    citation: GUIDELINE,
    rules: [
      siteInNrw,
      notStarted,
      {
        kind: 'compare',
        id: 'not-required-by-geg',
        description: 'Die Anlage wird nicht zur Erfüllung des Gebäudeenergiegesetzes errichtet.',
        citation: 'energy4climate.nrw Förder-Navi, Programm 133 [Sekundärquelle]',
        open: 'Ausschluss aus einer früheren Fassung; in der Fassung 2026 zu prüfen.',
        fact: 'requiredByGeg',
        op: '=',
        than: { value: false },
      },
    ],
  },
  measures: [
    {
      id: 'geothermal-probe',
      label: 'Erdwärmesonden-Bohrung für eine Wärmepumpe (bis 400 m Teufe)',
      eligibleCosts: ['Bohrmeter der Erdwärmesonden'],
    },
  ],
  amount: {
    kind: 'per-unit',
    unit: 'Bohrmeter',
    tiers: [
      {
        when: {
          kind: 'compare',
          id: 'building-new',
          description: 'Das Gebäude ist ein Neubau.',
          citation: GUIDELINE,
          fact: 'buildingType',
          op: '=',
          than: { value: 'new' },
        },
        label: 'Neubau',
        perUnitCents: 3_500,
        maxCents: 1_200_000,
      },
      {
        when: {
          kind: 'compare',
          id: 'building-existing',
          description: 'Das Gebäude ist ein Bestandsgebäude.',
          citation: GUIDELINE,
          fact: 'buildingType',
          op: '=',
          than: { value: 'existing' },
        },
        label: 'Bestand',
        perUnitCents: 5_000,
        maxCents: 800_000,
      },
    ],
    minGrantCents: 35_000,
    citation: GUIDELINE,
  },
  stateAid: DE_MINIMIS_2023,
  nonCombinable: [
    'Andere Programme des Landes NRW für dieselbe Anlage',
    'Bundesförderung für effiziente Gebäude für dieselbe Bohrung [offen]',
  ],
  requiredDocuments: [
    'Online-Antrag',
    'Kostenvoranschlag oder Angebot',
    'wasserrechtliche Erlaubnis, soweit erforderlich',
  ],
  sources: [
    'Haus & Grund Aachen und unternehmen-owl.de zur Überarbeitung 2025: 35 €/Bohrmeter Neubau, 50 €/Bohrmeter Bestand, Höchstbeträge 12.000 € Neubau und 8.000 € Bestand [Sekundärquelle]',
    'energy4climate.nrw Förder-Navi, Programm 133: Zuschüsse erst ab 350 € [sec, ältere Fassung]',
    GUIDELINE,
  ],
  open: [
    'Sätze und Höchstbeträge aus Sekundärquellen zur Fassung 2025; gegen die Richtlinie vom 30.01.2026 prüfen (Höchstbetrag im Neubau höher als im Bestand erscheint ungewöhnlich).',
    'Bagatellgrenze 350 € aus einer älteren Fassung.',
    'Beihilfegrundlage für Unternehmen (De-minimis oder AGVO) nicht am Text geprüft.',
  ],
};

/** Solar thermal plants for process heat: fixed amount per m² of gross collector area. */
export const PROGRES_SOLAR_PROCESS_HEAT_2026: FundingProgrammeVersion = {
  programmeId: 'progres-klimaschutztechnik-solare-prozesswaerme',
  versionId: 'progres-klimaschutztechnik-solare-prozesswaerme-2026-01',
  title: 'progres.nrw – Klimaschutztechnik: Thermische Solaranlagen zur Erzeugung von Prozesswärme',
  shortTitle: 'Solare Prozesswärme (progres.nrw)',
  fundingBody: BODY,
  legalBasis: LEGAL_BASIS,
  validFrom: VALID_FROM,
  applicants:
    'Unternehmen und andere juristische Personen; Privatpersonen sind nicht antragsberechtigt.',
  eligibility: {
    kind: 'all',
    id: 'progres-solar-process-heat',
    description: 'Voraussetzungen der Förderung thermischer Solaranlagen für Prozesswärme.',
    citation: GUIDELINE,
    rules: [
      siteInNrw,
      notStarted,
      {
        kind: 'range',
        id: 'collector-area-20-1000',
        description: 'Die Bruttokollektorfläche liegt zwischen 20 und 1.000 m².',
        citation:
          'Stadt Münster, Förderübersicht progres.nrw – Klimaschutztechnik Nr. 1.1 [Sekundärquelle]',
        open: 'Größenbereich aus der Fassung 2021; in der Fassung 2026 zu prüfen.',
        fact: 'collectorAreaM2',
        min: { value: 20 },
        max: { value: 1000 },
      },
    ],
  },
  measures: [
    {
      id: 'solar-process-heat',
      label: 'Thermische Solaranlage für gewerbliche oder industrielle Prozesswärme',
      eligibleCosts: ['Bruttokollektorfläche in m²'],
    },
  ],
  amount: {
    kind: 'per-unit',
    unit: 'm² Bruttokollektorfläche',
    tiers: [{ label: 'alle Anlagen', perUnitCents: 9_000, maxCents: 9_000_000 }],
    citation: GUIDELINE,
  },
  stateAid: DE_MINIMIS_2023,
  nonCombinable: ['Andere Programme des Landes NRW für dieselbe Anlage'],
  requiredDocuments: [
    'Online-Antrag',
    'Angebot',
    'Nachweis Wärmemengenzähler (bei Verwendungsnachweis)',
  ],
  sources: [
    'Stadt Münster, Übersicht progres.nrw – Klimaschutztechnik ab 4.8.2021, Nr. 1.1: 90 €/m², höchstens 90.000 €, 20–1.000 m², Mindestertrag 525 kWh/m² [Sekundärquelle]',
    GUIDELINE,
  ],
  open: ['Alle Beträge aus der Fassung 2021; gegen die Richtlinie vom 30.01.2026 prüfen.'],
};

/**
 * "Bildungsprämie Wärmepumpe": fixed 500 € per completed training day and employee, at most
 * 1,500 € per employee, for SHK and refrigeration firms seated in NRW and members of a chamber of
 * crafts; courses per VDI 4645 for technical managers or planning staff, not for site fitters.
 */
export const PROGRES_HEAT_PUMP_TRAINING_2026: FundingProgrammeVersion = {
  programmeId: 'progres-bildungspraemie-waermepumpe',
  versionId: 'progres-bildungspraemie-waermepumpe-2026-01',
  title: 'progres.nrw – Klimaschutztechnik: Bildungsprämie Wärmepumpe',
  shortTitle: 'Bildungsprämie Wärmepumpe',
  fundingBody: BODY,
  legalBasis: LEGAL_BASIS,
  validFrom: VALID_FROM,
  applicants:
    'SHK-, Kälte- und Klimaanlagen-Betriebe mit Sitz in Nordrhein-Westfalen, die Mitglied einer Handwerkskammer sind.',
  eligibility: {
    kind: 'all',
    id: 'heat-pump-training',
    description: 'Voraussetzungen der Bildungsprämie Wärmepumpe.',
    citation: GUIDELINE,
    rules: [
      {
        kind: 'compare',
        id: 'seat-in-nrw',
        description: 'Der Betrieb hat seinen Sitz in Nordrhein-Westfalen.',
        citation: GUIDELINE,
        fact: 'seatInNrw',
        op: '=',
        than: { value: true },
      },
      {
        kind: 'compare',
        id: 'crafts-chamber-member',
        description: 'Der Betrieb ist Mitglied einer Handwerkskammer.',
        citation: GUIDELINE,
        fact: 'craftsChamberMember',
        op: '=',
        than: { value: true },
      },
      {
        kind: 'in-set',
        id: 'trade-shk-or-refrigeration',
        description: 'Der Betrieb ist ein SHK-, Kälte- oder Klimaanlagen-Betrieb.',
        citation: GUIDELINE,
        fact: 'trade',
        set: ['shk', 'kaelte-klima'],
      },
      {
        kind: 'compare',
        id: 'planning-staff',
        description:
          'Die Fortbildung ist für technische Führungskräfte oder planungsverantwortliche Beschäftigte (nicht für Monteure vor Ort).',
        citation: GUIDELINE,
        fact: 'trainingForPlanningStaff',
        op: '=',
        than: { value: true },
      },
    ],
  },
  measures: [
    {
      id: 'heat-pump-training',
      label: 'Fortbildung nach VDI 4645 oder vergleichbar (Wärmepumpen)',
      eligibleCosts: ['Festbetrag je erfolgreich absolviertem Fortbildungstag und Beschäftigtem'],
    },
  ],
  amount: {
    kind: 'per-person-day',
    perDayCents: 50_000,
    capPerPersonCents: 150_000,
    citation: `${GUIDELINE}; Programmseite Bezirksregierung Arnsberg`,
  },
  stateAid: DE_MINIMIS_2023,
  nonCombinable: [
    'Andere Bereiche von progres.nrw und andere Programme des Landes NRW für dieselbe Maßnahme',
  ],
  requiredDocuments: [
    'Online-Antrag',
    'Kostenvoranschlag oder Angebot der Fortbildung',
    'Beschäftigungsnachweis mit Angabe des Tätigkeitsfeldes je Beschäftigtem',
    'Teilnahmebescheinigung (bei Verwendungsnachweis)',
  ],
  sources: [
    'Bezirksregierung Arnsberg, Programmseite „Förderung einer Bildungsprämie Wärmepumpe“: Festbetrag höchstens 500 € je Fortbildungstag und Beschäftigtem, höchstens 1.500 € je Beschäftigtem [Sekundärquelle]',
    'energy4climate.nrw Förder-Navi, Programm 175: Kumulierungsverbot, Beschäftigungsnachweis [Sekundärquelle]',
  ],
  open: ['Beihilfegrundlage (De-minimis) am Richtlinientext 2026 zu prüfen.'],
};
