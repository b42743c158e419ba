/**
 * Rechtsstand RED III (Directive (EU) 2023/2413, German implementing act 2025): § 10a BImSchG
 * (completeness 30/45 days, 6-month repowering decision, electronic-only procedure) and
 * § 6b WindBG for acceleration areas. Everything not listed here carries over from July 2024.
 */
import type { RuleVersion, WindBgRule } from './rule-version.types.ts';
import { LEGAL_REVIEW, RULES_2024_07, WINDBG_6 } from './rules-2024-07.ts';

/** § 6b WindBG: environmental screening instead of EIA in acceleration areas. */
const WINDBG_6B: WindBgRule = {
  key: 'windbg-6b',
  title: '§ 6b WindBG',
  eiaLabel: 'Keine UVP: ersetzt durch die Überprüfung der Umweltauswirkungen nach § 6b WindBG',
  areas: ['acceleration-area'],
  screening: {
    standard: { duration: 'P45D', citations: ['§ 6b WindBG'] },
    repowering: { duration: 'P30D', citations: ['§ 6b WindBG'] },
  },
  reason: {
    text: 'Im Beschleunigungsgebiet entfallen nach § 6b WindBG die Umweltverträglichkeitsprüfung, die Natura-2000-Verträglichkeitsprüfung, die artenschutzrechtliche Prüfung und die Prüfung der Bewirtschaftungsziele für Gewässer; stattdessen überprüft die Behörde die Umweltauswirkungen (Überprüfung).',
    citations: ['§ 6b WindBG', 'Art. 16a Richtlinie (EU) 2018/2001'],
  },
  notes: [
    'Die Überprüfung nach § 6b WindBG ist innerhalb von 45 Tagen abzuschließen, bei Repowering innerhalb von 30 Tagen. Ergeben sich keine eindeutigen Hinweise auf unvorhergesehene erhebliche Umweltauswirkungen, ordnet die Behörde Minderungsmaßnahmen an, Abschaltungen zum Fledermausschutz immer. Bei eindeutigen Hinweisen folgt eine Öffentlichkeitsbeteiligung ohne Erörterungstermin.',
    'Zahlung nach § 6b WindBG, insgesamt und verteilt über 20 Jahre: 7.800 € je MW bei Abschaltungen oder aufwendigen Maßnahmen, sonst 52.000 € je MW, 20.000 € je MW, wenn keine Daten vorliegen.',
    `Für Anträge, die bis zum 30. Juni 2025 gestellt wurden, gilt § 6 WindBG weiter und geht § 6b WindBG vor, außer der Antragsteller beantragt die Anwendung von § 6b WindBG. ${LEGAL_REVIEW} Der Finder behandelt den Stichtag als Tag der Antragstellung; bei einem solchen Altantrag ist § 6 WindBG zu prüfen.`,
  ],
};

/**
 * § 6a WindBG: older wind energy areas count as acceleration areas. The doc gives 19.05.2024;
 * a secondary source says 21.05.2024 [open]. After 30.06.2025 this is the way into § 6b.
 */
const WINDBG_6_AFTER_RED3: WindBgRule = {
  ...WINDBG_6,
  expiredNote: `${WINDBG_6.expiredNote ?? ''} Windenergiegebiete, die bis zum 19. Mai 2024 ausgewiesen wurden, gelten unter den Voraussetzungen des § 6a WindBG als Beschleunigungsgebiete; dann gilt § 6b WindBG (Stichtag rechtlich zu prüfen).`,
};

const repoweringScopeNote = `${LEGAL_REVIEW} Ob die Entscheidungsfrist des § 10a Abs. 6 BImSchG für Repowering nur in Beschleunigungsgebieten gilt (Art. 16c der Richtlinie (EU) 2018/2001: 6 Monate innerhalb, 12 Monate außerhalb), ist offen; der Finder wendet sie auf jedes Repowering an.`;

const redDecisionExtension =
  'In durch außergewöhnliche Umstände hinreichend begründeten Fällen einmalige Verlängerung um bis zu 3 Monate; die Verlängerung ist gegenüber dem Antragsteller zu begründen.';

export const RULES_2025_RED3: RuleVersion = {
  ...RULES_2024_07,
  key: 'bimschg-2025-red3',
  title: 'RED-III-Umsetzung: § 10a BImSchG und § 6b WindBG (2025)',
  // In force 15.08.2025 [sec: BGBl. 2025 I Nr. 189 of 14.08.2025 per secondary sources;
  // the brief asked to mark it open until confirmed against the Bundesgesetzblatt].
  validFrom: '2025-08-15',
  source: ['RED-III-Umsetzungsgesetz, BGBl. 2025 I Nr. 189', '§ 67 Abs. 4 BImSchG'],
  decision: {
    ...RULES_2024_07.decision,
    // § 10a Abs. 6: 6 months for repowering (simplified procedure stays at 3 months). Whether the
    // 6 months also cover new turbines in acceleration areas is [open]; see the note in deadlines.ts.
    repoweringFormal: {
      duration: 'P6M',
      extension: redDecisionExtension,
      citations: ['§ 10a Abs. 6 BImSchG', '§ 16b BImSchG'],
      reviewNote: repoweringScopeNote,
    },
    repoweringSimplified: {
      duration: 'P3M',
      extension: redDecisionExtension,
      citations: ['§ 10a Abs. 6 BImSchG', '§ 16b BImSchG', '§ 19 Abs. 2 BImSchG'],
    },
    // Secondary sources read § 10a Abs. 6 as 6 months for every turbine in an acceleration area;
    // the doc lists only repowering, small plants and storage [open]: keep 7 months, flag it.
    formalInAccelerationArea: {
      ...RULES_2024_07.decision.formal,
      reviewNote: `${LEGAL_REVIEW} Nach Sekundärquellen gilt § 10a Abs. 6 BImSchG (6 Monate) auch für neue Anlagen im Beschleunigungsgebiet; der Finder nennt bis zur Klärung die 7 Monate des § 10 Abs. 6a BImSchG.`,
    },
    start: {
      text: 'Die Entscheidungsfrist beginnt mit dem Ende der Frist für die Vollständigkeitsprüfung oder mit dem Eingang der ersten nachgeforderten Unterlagen, spätestens mit der Bestätigung der Vollständigkeit.',
      citations: ['§ 10 Abs. 6a BImSchG', '§ 10a Abs. 4 BImSchG', '§ 7 Abs. 1 Satz 4 9. BImSchV'],
    },
  },
  completeness: {
    insideAccelerationArea: {
      duration: 'P30D',
      extension: 'Keine Verlängerung möglich.',
      citations: ['§ 10a Abs. 4 BImSchG'],
    },
    // The doc names no extension for the 45 days [open].
    outsideAccelerationArea: {
      duration: 'P45D',
      citations: ['§ 10a Abs. 4 BImSchG'],
      reviewNote: `${LEGAL_REVIEW} Ob die Frist von 45 Tagen für die Vollständigkeitsprüfung außerhalb von Beschleunigungsgebieten verlängert werden kann, ist offen.`,
    },
  },
  windBg: [WINDBG_6B, WINDBG_6_AFTER_RED3],
  notes: [
    ...RULES_2024_07.notes,
    {
      from: '2025-11-21',
      text: 'Das Verfahren wird vollständig elektronisch geführt; für Einwendungen Dritter gilt das nicht (§ 10a Abs. 5 BImSchG).',
      before:
        'Ab dem 21. November 2025 wird das Verfahren vollständig elektronisch geführt; für Einwendungen Dritter gilt das nicht (§ 10a Abs. 5 BImSchG).',
    },
  ],
  repoweringNotes: [
    ...RULES_2024_07.repoweringNotes,
    'Kleine Typänderungen vor der Errichtung (Standort um höchstens 8 m verschoben, Gesamthöhe höchstens 20 m größer, Abstand Rotor–Boden höchstens 8 m geringer) gelten nach 3 Monaten als genehmigt, eine Leistungserhöhung ohne bauliche Änderung nach 6 Wochen (§ 16b BImSchG).',
  ],
};
