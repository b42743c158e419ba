import { WIND_REQUIRED_DOCUMENTS } from '../permits/procedure-types/required-documents.ts';

/**
 * The demo procedures as data: for each demo wind project, who does what on which day (counted
 * backwards from today). Replayed by demo-procedures.ts through the real use cases. This file
 * holds the vocabulary (parties, steps, step builders, texts); the procedures themselves are in
 * demo-scenarios-projects.ts and demo-scenarios-formal.ts.
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
