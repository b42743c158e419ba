import { registryOf } from '../rules/index.ts';
import type { ParameterTable } from '../rules/index.ts';

/**
 * Figures of the electricity-cost relief instruments as dated tables. Units are chosen so that
 * all arithmetic stays in integers: prices in cents per MWh, factors in ppm, the emission factor
 * in kg CO₂ per MWh.
 */

const STROMSTG_2026 =
  'Drittes Gesetz zur Änderung des Energiesteuer- und des Stromsteuergesetzes, Bundestag 13.11.2025 (BT-Drs. 21/1866, 21/2753)';

export const electricityTaxRate: ParameterTable = {
  id: 'stromsteuer.regelsatz',
  label: 'Regelsteuersatz Strom',
  unit: 'Cent je MWh',
  citation: '§ 3 StromStG',
  versions: [{ validFrom: '2003-01-01', value: 2_050, source: '§ 3 StromStG (20,50 €/MWh)' }],
};

export const section9bRate: ParameterTable = {
  id: 'stromsteuer.9b.satz',
  label: 'Steuerentlastung für Unternehmen (§ 9b StromStG)',
  unit: 'Cent je MWh',
  citation: '§ 9b Abs. 2 StromStG',
  versions: [
    { validFrom: '2011-01-01', value: 513, source: '§ 9b Abs. 2 Satz 1 StromStG (5,13 €/MWh)' },
    {
      validFrom: '2024-01-01',
      value: 2_000,
      source:
        '§ 9b Abs. 2a StromStG i. d. F. des Haushaltsfinanzierungsgesetzes 2024 (befristet bis 31.12.2025)',
    },
    {
      validFrom: '2026-01-01',
      value: 2_000,
      source: `§ 9b Abs. 2 StromStG, dauerhaft 20 €/MWh (${STROMSTG_2026})`,
      open: 'Fundstelle im Bundesgesetzblatt und Inkrafttreten zum 01.01.2026 nach Sekundärquellen; am BGBl. zu prüfen.',
    },
  ],
};

export const section9bMinimum: ParameterTable = {
  id: 'stromsteuer.9b.mindestbetrag',
  label: 'Mindestbetrag der Entlastung je Kalenderjahr',
  unit: 'Cent',
  citation: '§ 9b Abs. 2 Satz 2 StromStG',
  versions: [
    {
      validFrom: '2011-01-01',
      value: 25_000,
      source: '§ 9b Abs. 2 Satz 2 StromStG (250 €)',
      open: 'Gelesen als Bagatellgrenze (Entlastung nur, wenn sie 250 € übersteigt, dann in voller Höhe), wie Kammern und Berater es darstellen („ab 12,5 MWh“); der Wortlaut „soweit … übersteigt“ ließe auch einen Abzug von 250 € zu.',
    },
  ],
};

export const euMinimumBusiness: ParameterTable = {
  id: 'stromsteuer.eu-mindestsatz',
  label: 'EU-Mindeststeuersatz Strom, betriebliche Verwendung',
  unit: 'Cent je MWh',
  citation: 'Anhang I Tabelle C Richtlinie 2003/96/EG',
  versions: [{ validFrom: '2004-01-01', value: 50, source: 'Richtlinie 2003/96/EG (0,50 €/MWh)' }],
};

const SPK_GUIDELINES =
  'Leitlinien der Kommission für Beihilfen im Zusammenhang mit dem EU-EHS nach 2021 (ABl. C 317 vom 25.9.2020)';
const SPK_RL = 'Förderrichtlinie Strompreiskompensation (DEHSt)';

export const spkAidIntensity: ParameterTable = {
  id: 'spk.beihilfeintensitaet',
  label: 'Beihilfeintensität',
  unit: 'ppm',
  citation: SPK_RL,
  versions: [
    {
      validFrom: '2021-01-01',
      value: 750_000,
      source: `${SPK_GUIDELINES}; ${SPK_RL} (0,75 für 2021–2030)`,
    },
  ],
};

export const spkEmissionFactor: ParameterTable = {
  id: 'spk.emissionsfaktor',
  label: 'CO₂-Emissionsfaktor Strom Deutschland',
  unit: 'kg CO₂ je MWh',
  citation: `Anhang der ${SPK_GUIDELINES} (Ergänzung vom 24.11.2021)`,
  versions: [
    {
      validFrom: '2021-01-01',
      value: 720,
      source:
        'Ergänzung der EU-EHS-Beihilfeleitlinien vom 24.11.2021: 0,72 t CO₂/MWh [Sekundärquelle]',
    },
  ],
};

export const spkFallback: ParameterTable = {
  id: 'spk.fallback',
  label: 'Fallback-Stromeffizienzbenchmark',
  unit: 'ppm',
  citation: SPK_GUIDELINES,
  versions: [
    { validFrom: '2021-01-01', value: 800_000, source: `${SPK_GUIDELINES} (0,8) [Sekundärquelle]` },
  ],
};

export const spkOwnShare: ParameterTable = {
  id: 'spk.selbstbehalt',
  label: 'Selbstbehalt (nicht kompensierter Verbrauch)',
  unit: 'MWh',
  citation: SPK_RL,
  versions: [
    {
      validFrom: '2021-01-01',
      value: 1_000,
      source: `${SPK_RL}: erste GWh nicht beihilfefähig [Sekundärquelle]`,
    },
    {
      validFrom: '2024-01-01',
      value: 0,
      source:
        'Strompreispaket der Bundesregierung vom 09.11.2023: Wegfall des Selbstbehalts [Sekundärquelle]',
      open: 'Umsetzung in der Förderrichtlinie und erstes Abrechnungsjahr ohne Selbstbehalt nicht am Text geprüft.',
    },
  ],
};

export const spkBaseShare: ParameterTable = {
  id: 'spk.sockel.anteil',
  label: 'Sockelbetrag: Anteil am Zertifikatspreis',
  unit: 'ppm',
  citation: SPK_RL,
  versions: [
    {
      validFrom: '2021-01-01',
      value: 50_000,
      source: `${SPK_RL}: 5 % des Zertifikatspreises, mindestens 5 €/t [Sekundärquelle]`,
      open: 'Ob der Sockelbetrag stets oder nur neben dem Super-Cap abgezogen wird, ist am Richtlinientext zu prüfen.',
    },
  ],
};

export const spkBaseMinimum: ParameterTable = {
  id: 'spk.sockel.mindest',
  label: 'Sockelbetrag: Mindestwert',
  unit: 'Cent je t CO₂',
  citation: SPK_RL,
  versions: [
    { validFrom: '2021-01-01', value: 500, source: `${SPK_RL}: mindestens 5 €/t [Sekundärquelle]` },
  ],
};

export const spkSuperCap: ParameterTable = {
  id: 'spk.super-cap',
  label: 'Super-Cap: verbleibende indirekte CO₂-Kosten höchstens',
  unit: 'ppm der Bruttowertschöpfung',
  citation: SPK_RL,
  versions: [
    {
      validFrom: '2021-01-01',
      value: 15_000,
      source: `${SPK_RL}: 1,5 % der Bruttowertschöpfung [Sekundärquelle]`,
      open: 'Ein Satz von 0,5 % für bestimmte Fälle wird genannt, aber nicht belegt gefunden.',
    },
  ],
};

export const planTargetPrice: ParameterTable = {
  id: 'plan.zielpreis',
  label: 'Zielpreis des Plans (Brückenstrompreis)',
  unit: 'Cent je MWh',
  citation: 'Sieben-Punkte-Plan, Punkt 1',
  versions: [
    {
      validFrom: '2023-01-01',
      value: 6_000,
      source: 'Sieben-Punkte-Plan: 6 ct/kWh [Sekundärquelle]',
    },
  ],
};

export const reliefParameterTables: readonly ParameterTable[] = [
  electricityTaxRate,
  section9bRate,
  section9bMinimum,
  euMinimumBusiness,
  spkAidIntensity,
  spkEmissionFactor,
  spkFallback,
  spkOwnShare,
  spkBaseShare,
  spkBaseMinimum,
  spkSuperCap,
  planTargetPrice,
];

export const reliefParameters = registryOf(reliefParameterTables);
