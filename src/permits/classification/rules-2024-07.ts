/**
 * Rechtsstand July 2024: the BImSchG/9. BImSchV amendment for faster procedures (single 3-month
 * extension of the decision deadline, strict 1-month completeness check, 1-month agency deadline
 * without extension for renewables, hearing for wind only on request) plus § 6 WindBG.
 */
import type { RuleVersion, WindBgRule } from './rule-version.types.ts';

/** Prefix for every German hint that a lawyer still has to confirm ([open] in the law doc). */
export const LEGAL_REVIEW = 'Rechtlich zu prüfen:';

/**
 * § 6 WindBG (EU emergency regulation 2022/2577): only for applications filed by 30.06.2025.
 * The classifier compares onDate with that day, i.e. it reads onDate as the filing date.
 */
export const WINDBG_6: WindBgRule = {
  key: 'windbg-6',
  title: '§ 6 WindBG',
  eiaLabel: 'Keine UVP: entfällt im Windenergiegebiet nach § 6 WindBG',
  areas: ['wind-energy-area'],
  applicationsFiledUntil: '2025-06-30',
  reason: {
    text: 'Im ausgewiesenen Windenergiegebiet entfallen nach § 6 WindBG die Umweltverträglichkeitsprüfung und die artenschutzrechtliche Prüfung; an ihre Stelle treten Minderungsmaßnahmen auf Grundlage vorhandener Daten oder eine Zahlung.',
    citations: ['§ 6 WindBG', 'Verordnung (EU) 2022/2577'],
  },
  notes: [
    '§ 6 WindBG setzt voraus, dass bei der Ausweisung des Gebiets eine Strategische Umweltprüfung durchgeführt wurde und der Standort nicht in einem Natura-2000-Gebiet, Naturschutzgebiet oder Nationalpark liegt. Die Minderungsmaßnahmen stützen sich auf vorhandene Daten, die höchstens 5 Jahre alt sind.',
    'Zahlung nach § 6 WindBG, wenn Minderungsmaßnahmen nicht verfügbar sind: 450 € je MW und Jahr bei Abschaltungen oder Maßnahmen über 17.000 € je MW, sonst 3.000 € je MW und Jahr.',
  ],
  expiredNote: `§ 6 WindBG gilt nur für Anträge, die bis zum 30. Juni 2025 gestellt wurden; der Finder behandelt den Stichtag als Tag der Antragstellung. Für später gestellte Anträge gelten die allgemeinen UVP-Regeln, außer im Beschleunigungsgebiet (§ 6b WindBG). ${LEGAL_REVIEW} Wurde der Antrag bis zum 30. Juni 2025 gestellt, gilt § 6 WindBG weiter.`,
};

const decisionExtension =
  'Einmalige Verlängerung um bis zu 3 Monate möglich; die Verlängerung ist zu begründen. Weitere Verlängerungen nur mit Zustimmung des Antragstellers.';

export const RULES_2024_07: RuleVersion = {
  key: 'bimschg-2024-07',
  title: 'BImSchG und 9. BImSchV in der Fassung der Novelle vom Juli 2024',
  // In force 09.07.2024 [sec: secondary sources agree; confirm against BGBl. 2024 I Nr. 225].
  validFrom: '2024-07-09',
  source: ['Gesetz vom 3. Juli 2024, BGBl. 2024 I Nr. 225', '§ 67 Abs. 4 BImSchG'],
  permitHeightThresholdM: 50,
  formalMinTurbines: 20,
  repoweringSimplifiedMaxTurbines: 19,
  eiaBands: [
    {
      minTurbines: 20,
      eia: 'required',
      reason: {
        text: 'Eine Windfarm mit 20 oder mehr Anlagen ist stets UVP-pflichtig.',
        citations: ['UVPG Anlage 1 Nr. 1.6.1', '§ 6 UVPG'],
      },
    },
    {
      minTurbines: 6,
      eia: 'general-screening',
      reason: {
        text: 'Für eine Windfarm mit 6 bis 19 Anlagen ist eine allgemeine Vorprüfung des Einzelfalls durchzuführen.',
        citations: ['UVPG Anlage 1 Nr. 1.6.2', '§ 7 Abs. 1 UVPG'],
      },
    },
    {
      minTurbines: 3,
      eia: 'site-screening',
      reason: {
        text: 'Für eine Windfarm mit 3 bis 5 Anlagen ist eine standortbezogene Vorprüfung des Einzelfalls durchzuführen.',
        citations: ['UVPG Anlage 1 Nr. 1.6.3', '§ 7 Abs. 2 UVPG'],
      },
    },
    {
      minTurbines: 1,
      eia: 'none',
      reason: {
        text: 'Eine oder zwei Anlagen bilden keine Windfarm; eine UVP oder Vorprüfung ist nicht vorgesehen.',
        citations: ['§ 2 Abs. 5 UVPG', 'UVPG Anlage 1 Nr. 1.6'],
      },
    },
  ],
  decision: {
    formal: { duration: 'P7M', extension: decisionExtension, citations: ['§ 10 Abs. 6a BImSchG'] },
    simplified: {
      duration: 'P3M',
      extension: decisionExtension,
      citations: ['§ 10 Abs. 6a BImSchG', '§ 19 Abs. 2 BImSchG'],
    },
    repoweringFormal: {
      duration: 'P7M',
      extension: decisionExtension,
      citations: ['§ 10 Abs. 6a BImSchG', '§ 16b BImSchG'],
    },
    repoweringSimplified: {
      duration: 'P3M',
      extension: decisionExtension,
      citations: ['§ 10 Abs. 6a BImSchG', '§ 16b BImSchG', '§ 19 Abs. 2 BImSchG'],
    },
    start: {
      text: 'Die Entscheidungsfrist beginnt mit dem Ende der Frist für die Vollständigkeitsprüfung oder, wenn Unterlagen nachgefordert wurden, mit dem Eingang der ersten nachgeforderten Unterlagen.',
      citations: ['§ 10 Abs. 6a BImSchG', '§ 7 Abs. 1 Satz 4 9. BImSchV'],
    },
  },
  completeness: {
    insideAccelerationArea: {
      duration: 'P1M',
      extension: 'Einmalige Verlängerung um 2 Wochen möglich.',
      citations: ['§ 7 Abs. 1 9. BImSchV'],
    },
    outsideAccelerationArea: {
      duration: 'P1M',
      extension: 'Einmalige Verlängerung um 2 Wochen möglich.',
      citations: ['§ 7 Abs. 1 9. BImSchV'],
    },
  },
  agencyStatement: {
    duration: 'P1M',
    extension:
      'Keine Verlängerung: Die sonst auf Antrag mögliche Verlängerung um 1 Monat gilt nicht für Vorhaben der erneuerbaren Energien. Äußert sich eine Behörde nicht fristgerecht, gilt dies als Verzicht auf eine Stellungnahme.',
    citations: ['§ 10 Abs. 5 BImSchG', '§ 11 9. BImSchV'],
  },
  // Acceleration areas lie within wind energy areas, so § 6 covers both before RED III.
  windBg: [WINDBG_6],
  notes: [
    {
      text: 'Ergänzt der Antragsteller nachgeforderte Unterlagen nicht innerhalb der gesetzten Frist (höchstens 3 Monate, auch bei Verlängerung), soll der Antrag abgelehnt werden (§ 20 Abs. 2 9. BImSchV).',
    },
    {
      text: 'Laufende Verfahren werden nach neuem Recht fortgesetzt; bereits durchgeführte Verfahrensschritte müssen nicht wiederholt werden (§ 67 Abs. 4 BImSchG, § 25 Abs. 1 9. BImSchV).',
    },
  ],
  formalNotes: [
    'Bekanntmachung im Amtsblatt und auf der Internetseite der Behörde, Auslegung 1 Monat; Einwendungen bis 2 Wochen nach Ende der Auslegung, bei UVP-pflichtigen Vorhaben bis 1 Monat danach (§ 10 Abs. 3, 4 BImSchG).',
    'Ein Erörterungstermin soll bei Windenergieanlagen an Land entfallen, wenn der Antragsteller ihn nicht beantragt (§ 10 Abs. 6 BImSchG).',
  ],
  repoweringNotes: [
    'Repowering setzt bei vollständigem Austausch voraus, dass die neue Anlage innerhalb von 48 Monaten nach dem Rückbau errichtet wird und höchstens das Fünffache ihrer Gesamthöhe von der Bestandsanlage entfernt steht (§ 16b Abs. 2 BImSchG).',
  ],
};
