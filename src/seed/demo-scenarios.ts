import { WIND_REQUIRED_DOCUMENTS } from '../permits/procedure-types/required-documents.ts';

/**
 * The demo procedures as data: for each demo wind project, who does what on which day (counted
 * backwards from today). Replayed by demo-procedures.ts through the real use cases.
 */
/** The demo agencies (keys of DEMO_ORGANISATIONS); each has one login that speaks for it. */
export type AgencyKey =
  | 'lanuk'
  | 'gemeinde'
  | 'naturschutz'
  | 'wasser'
  | 'denkmal'
  | 'luftfahrt'
  | 'bundeswehr'
  | 'wetterdienst'
  | 'strasse';
/** 'worker' is the case's case worker, 'deputy' the second case worker of the authority. */
export type Party = 'applicant' | 'worker' | 'deputy' | AgencyKey;
export type Authority = 'kreis-paderborn' | 'brms';

export type Step =
  | { day: number; kind: 'save' }
  | { day: number; kind: 'upload'; docType: string }
  | { day: number; kind: 'act'; party: Party; action: string; input: Record<string, unknown> }
  /** Objections received in the display (paper, e-mail, a signature list, online). */
  | { day: number; kind: 'objections' }
  /** After the objection period: group uniform objections, confirm concerns, assess them. */
  | { day: number; kind: 'sort-objections' }
  /** Redactions reviewed and a batch released to the applicant (§ 12 Abs. 2 9. BImSchV). */
  | { day: number; kind: 'release-objections'; part: 'first' | 'rest' }
  /** The case worker drafts the decision letter and submits it; it waits for sign-off. */
  | { day: number; kind: 'submit-decision-letter' };

export interface Scenario {
  project: string;
  authority: Authority;
  /** § 19 Abs. 3 BImSchG: the applicant asks for the formal procedure. */
  formal?: boolean;
  /** Agencies asked with the confirmation of completeness (default: the Landesamt only). */
  agencies?: readonly AgencyKey[];
  /** Days before today; every step is dated on or after this day. */
  created: number;
  steps: Step[];
}

export const MAX_TURBINES = 25;
export const DAY_MS = 86_400_000;
export const DRAFT_DOCS = ['application-form', 'site-plans', 'installation-description'];
export const REPORT_DOCS = ['noise-forecast', 'shadow-flicker-forecast', 'nature-and-species'];
export const FINAL_DOCS = ['building-documents', 'short-description'];

export const save = (day: number): Step => ({ day, kind: 'save' });
export const upload = (day: number, docTypes: readonly string[]): Step[] =>
  docTypes.map((docType) => ({ day, kind: 'upload', docType }));
export const act = (
  day: number,
  party: Party,
  action: string,
  input: Record<string, unknown> = {},
): Step => ({
  day,
  kind: 'act',
  party,
  action,
  input,
});

export function docLabel(key: string): string {
  return WIND_REQUIRED_DOCUMENTS.find((d) => d.key === key)?.label ?? key;
}

/** Draft with the first documents, the rest uploaded on the day of submission (minus `missing`). */
export function submitted(created: number, day: number, missing: readonly string[] = []): Step[] {
  const rest = [...REPORT_DOCS, ...FINAL_DOCS].filter((d) => !missing.includes(d));
  return [
    save(created),
    ...upload(created, DRAFT_DOCS),
    ...upload(day, rest),
    act(day, 'applicant', 'submit'),
  ];
}

export const receipt = (day: number) => act(day, 'worker', 'confirm-receipt');

export function requestDocuments(day: number, missing: readonly string[], period: string): Step {
  return act(day, 'worker', 'request-documents', {
    items: missing.map(docLabel),
    period,
    note: 'Bitte reichen Sie die Unterlagen vollständig und als PDF ein.',
  });
}

export function answerRequest(day: number, missing: readonly string[]): Step[] {
  return [
    ...upload(day, missing),
    act(day, 'applicant', 'submit-documents', { documents: missing }),
  ];
}

/**
 * completenessDate and the agencies are filled in when the step runs (see resolveInput). The demo
 * applications hold no trade secrets, so their marking (§ 10 Abs. 2 BImSchG) is not needed; the
 * reason is recorded only where that document is missing.
 */
export const complete = (day: number, timetable: string) =>
  act(day, 'worker', 'confirm-completeness', {
    timetable,
    missingDocumentsReason:
      'Die Antragsunterlagen enthalten keine Betriebs- und Geschäftsgeheimnisse; eine Kennzeichnung ist entbehrlich.',
  });

/** An agency's statement; the verdict follows the text (concerns are an objection). */
export const statement = (day: number, text: string, agency: AgencyKey = 'lanuk') =>
  act(day, agency, 'record-agency-statement', {
    ...(text === STATEMENT_CONCERNS
      ? { verdict: 'objection', statement: text }
      : {
          verdict: 'no-objection-with-conditions',
          statement: text,
          conditions: [BAT_CONDITION],
        }),
  });

/** The condition the species agency proposes with its statement (STATEMENT_OK). */
export const BAT_CONDITION =
  'Die Anlagen sind von April bis Oktober von einer Stunde vor Sonnenuntergang bis Sonnenaufgang bei Windgeschwindigkeiten unter 6 m/s in Gondelhöhe abzuschalten (Fledermausschutz).';

export const STATEMENT_OK =
  'Aus Sicht des Natur- und Artenschutzes bestehen keine Bedenken, wenn die Anlagen zum Schutz von Fledermäusen von April bis Oktober nachts bei geringen Windgeschwindigkeiten abgeschaltet werden.';
export const STATEMENT_CONCERNS =
  'Die Anlagen liegen in einem Dichtezentrum des Rotmilans; die vorgelegte Raumnutzungsanalyse reicht nicht aus. Aus artenschutzrechtlicher Sicht bestehen erhebliche Bedenken.';
export const TIMETABLE_SIMPLIFIED =
  'Stellungnahmen der Fachbehörden innerhalb eines Monats, Entscheidung innerhalb von drei Monaten.';
export const TIMETABLE_FORMAL =
  'Stellungnahmen der Fachbehörden innerhalb eines Monats, danach Bekanntmachung und Auslegung.';

export const grant = (day: number) =>
  act(day, 'worker', 'decide', {
    outcome: 'granted',
    conditions: [
      'Abschaltung bei Schattenwurf über 30 Minuten am Tag und 8 Stunden im Jahr.',
      'Fledermausabschaltung von April bis Oktober nach dem artenschutzrechtlichen Gutachten.',
      'Abnahmemessung der Schallleistung innerhalb eines Jahres nach Inbetriebnahme.',
    ],
    reasons:
      'Die Genehmigungsvoraussetzungen des § 6 BImSchG liegen vor; die Nebenbestimmungen stellen sie sicher (§ 12 BImSchG).',
  });

export const refuse = (day: number) =>
  act(day, 'worker', 'decide', {
    outcome: 'refused',
    reasons:
      'Dem Vorhaben stehen Belange des Artenschutzes entgegen (§ 44 Abs. 1 BNatSchG); die Genehmigungsvoraussetzungen des § 6 Abs. 1 Nr. 2 BImSchG liegen nicht vor.',
  });

export const extend = (day: number, months: number, reason: string) =>
  act(day, 'worker', 'extend-decision-deadline', { months, reason });

export const NOISE = ['noise-forecast'];
export const SPECIES = ['nature-and-species'];

/**
 * One procedure per demo project, spread over every step of both procedure types. Overdue on
 * purpose: titz-nord and ruethen-nordwest (completeness check), bueren-ost (decision, even after
 * an extension), kempen-ost (documents the applicant owes).
 */
export const SCENARIOS: readonly Scenario[] = [
  // Kreis Paderborn
  {
    project: 'lichtenau-nordost',
    authority: 'kreis-paderborn',
    created: 175,
    steps: [
      ...submitted(175, 170, NOISE),
      receipt(168),
      requestDocuments(160, NOISE, 'P1M'),
      ...answerRequest(140, NOISE),
      complete(135, TIMETABLE_FORMAL),
      statement(110, STATEMENT_OK),
      act(100, 'worker', 'prepare-participation'),
      act(20, 'worker', 'publish-notice', {
        leadDays: 8,
        eiaRequired: 'ja',
        hearingNote:
          'Ein Erörterungstermin ist nicht vorgesehen; er findet nur statt, wenn die Antragstellerin ihn beantragt.',
      }),
    ],
  },
  {
    project: 'lichtenau-nord',
    authority: 'kreis-paderborn',
    // The site municipality is asked too: it comments but leaves its Einvernehmen unanswered,
    // so the watcher records it as given two months after the request (§ 36 Abs. 2 S. 2 BauGB),
    // before the permit is granted.
    agencies: ['lanuk', 'gemeinde'],
    created: 200,
    steps: [
      ...submitted(200, 198),
      receipt(197),
      complete(185, TIMETABLE_SIMPLIFIED),
      act(175, 'gemeinde', 'record-agency-statement', {
        verdict: 'no-objection',
        statement:
          'Aus Sicht der Bauleitplanung bestehen keine Bedenken; der Standort liegt in der Konzentrationszone für Windenergie des Flächennutzungsplans.',
      }),
      statement(165, STATEMENT_OK),
      act(160, 'worker', 'complete-agency-involvement'),
      grant(120),
      act(118, 'worker', 'deliver-decision'),
    ],
  },
  {
    project: 'bueren-ost',
    authority: 'kreis-paderborn',
    created: 190,
    steps: [
      ...submitted(190, 188),
      receipt(186),
      complete(170, TIMETABLE_SIMPLIFIED),
      statement(150, STATEMENT_OK),
      act(148, 'worker', 'complete-agency-involvement'),
      extend(85, 2, 'Das Gutachten zur Fledermausabschaltung wird noch abgestimmt.'),
    ],
  },
  {
    project: 'bad-wuennenberg-nord',
    authority: 'kreis-paderborn',
    created: 60,
    steps: [
      ...submitted(60, 58, SPECIES),
      receipt(56),
      requestDocuments(50, SPECIES, 'P1M'),
      ...answerRequest(35, SPECIES),
      complete(12, TIMETABLE_SIMPLIFIED),
    ],
  },
  {
    project: 'paderborn-ost',
    authority: 'kreis-paderborn',
    created: 6,
    steps: [save(5), ...upload(4, DRAFT_DOCS.slice(0, 2))],
  },
  {
    project: 'borchen-ost',
    authority: 'kreis-paderborn',
    created: 100,
    steps: [
      ...submitted(100, 98),
      receipt(97),
      complete(60, TIMETABLE_SIMPLIFIED),
      statement(40, STATEMENT_OK),
      act(35, 'worker', 'complete-agency-involvement'),
      grant(3),
      // The Bescheid lies in the head of authority's queue "Zur Zeichnung".
      { day: 2, kind: 'submit-decision-letter' },
    ],
  },
  {
    project: 'altenbeken-suedwest',
    authority: 'kreis-paderborn',
    created: 8,
    steps: submitted(8, 3),
  },
  {
    project: 'sassenberg-nord',
    authority: 'brms',
    created: 62,
    steps: [...submitted(62, 58), receipt(55)],
  },
  {
    project: 'laer-nordost',
    authority: 'brms',
    created: 120,
    steps: [
      ...submitted(120, 118, NOISE),
      receipt(116),
      requestDocuments(110, NOISE, 'P2M'),
      act(80, 'applicant', 'withdraw', {
        reason: 'Nach der Netzanschlusszusage ist das Vorhaben nicht mehr wirtschaftlich.',
      }),
    ],
  },
  // Bezirksregierung Münster
  {
    project: 'ahlen-nord',
    authority: 'brms',
    created: 195,
    steps: [
      ...submitted(195, 192, SPECIES),
      receipt(190),
      requestDocuments(180, SPECIES, 'P1M'),
      ...answerRequest(165, SPECIES),
      complete(160, TIMETABLE_SIMPLIFIED),
      statement(140, STATEMENT_CONCERNS),
      act(138, 'worker', 'complete-agency-involvement'),
      refuse(95),
      act(93, 'worker', 'deliver-decision'),
    ],
  },
  {
    project: 'saerbeck-nord',
    authority: 'brms',
    created: 90,
    // No statement: the watcher records the agency's silence as "no comment".
    steps: [...submitted(90, 88), receipt(86), complete(70, TIMETABLE_SIMPLIFIED)],
  },
  {
    project: 'emsdetten-nordost',
    authority: 'brms',
    created: 20,
    steps: [...submitted(20, 18, NOISE), receipt(16), requestDocuments(14, NOISE, 'P1M')],
  },
  {
    project: 'steinfurt-nord',
    authority: 'brms',
    created: 140,
    steps: [
      ...submitted(140, 138),
      receipt(136),
      complete(110, TIMETABLE_SIMPLIFIED),
      statement(85, STATEMENT_OK),
      act(80, 'worker', 'complete-agency-involvement'),
      extend(30, 2, 'Die Stellungnahme der Flugsicherung zur Befeuerung steht noch aus.'),
    ],
  },
  {
    project: 'rheurdt-west',
    authority: 'brms',
    created: 45,
    steps: [
      ...submitted(45, 43),
      receipt(42),
      complete(25, TIMETABLE_SIMPLIFIED),
      statement(8, STATEMENT_OK),
    ],
  },
  {
    project: 'kempen-ost',
    authority: 'brms',
    created: 80,
    steps: [...submitted(80, 78, NOISE), receipt(76), requestDocuments(70, NOISE, 'P1M')],
  },
  {
    project: 'wesel-suedwest',
    authority: 'brms',
    created: 160,
    steps: [
      ...submitted(160, 158, NOISE),
      receipt(156),
      requestDocuments(150, NOISE, 'P1M'),
      act(110, 'worker', 'reject-incomplete', {
        reasons:
          'Die nachgeforderte Schallimmissionsprognose ist innerhalb der gesetzten Frist nicht eingegangen (§ 20 Abs. 2 Satz 2 9. BImSchV).',
      }),
    ],
  },
  { project: 'juechen-ost', authority: 'brms', created: 2, steps: [save(2)] },
  {
    project: 'uedem-nord',
    authority: 'brms',
    created: 185,
    steps: [
      ...submitted(185, 183),
      receipt(182),
      complete(165, TIMETABLE_SIMPLIFIED),
      statement(150, STATEMENT_OK),
      act(145, 'worker', 'complete-agency-involvement'),
      grant(110),
      act(108, 'worker', 'deliver-decision'),
    ],
  },
  {
    project: 'bedburg-nordwest',
    authority: 'brms',
    created: 40,
    steps: [...submitted(40, 37), receipt(35), complete(9, TIMETABLE_FORMAL)],
  },
  {
    project: 'schleiden-west',
    authority: 'brms',
    formal: true,
    created: 35,
    steps: [...submitted(35, 30, SPECIES), receipt(28), requestDocuments(25, SPECIES, 'P2M')],
  },
  {
    project: 'titz-nord',
    authority: 'brms',
    formal: true,
    created: 55,
    steps: submitted(55, 50),
  },
  {
    project: 'linnich-nordost',
    authority: 'brms',
    created: 198,
    steps: [
      ...submitted(198, 196, NOISE),
      receipt(195),
      requestDocuments(188, NOISE, 'P1M'),
      ...answerRequest(175, NOISE),
      complete(172, TIMETABLE_SIMPLIFIED),
      statement(150, STATEMENT_OK),
      act(145, 'worker', 'complete-agency-involvement'),
      extend(100, 2, 'Die Abstimmung mit der Denkmalbehörde dauert an.'),
      act(80, 'applicant', 'record-applicant-consent', {
        statement: 'Wir stimmen einer weiteren Verlängerung um einen Monat zu.',
      }),
      extend(75, 1, 'Die Nebenbestimmungen zum Denkmalschutz werden noch abgestimmt.'),
      grant(40),
      act(38, 'worker', 'deliver-decision'),
    ],
  },
];
