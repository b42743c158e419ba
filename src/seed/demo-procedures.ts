import { Readable } from 'node:stream';
import type { Db } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { createApplication, saveApplication } from '../permits/application.actions.ts';
import { runDeadlineWatch } from '../permits/deadline-watch.ts';
import { uploadDocument } from '../permits/document.actions.ts';
import { performAction } from '../permits/permit.actions.ts';
import { berlinDate } from '../permits/permit.queries.ts';
import type { PermitDeps } from '../permits/permit.types.ts';
import { WIND_REQUIRED_DOCUMENTS } from '../permits/procedure-types/required-documents.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { fixedClock } from '../platform/clock.ts';
import { loadDemoWindProjects, type DemoWindProject } from '../registers/geo/demo-data.ts';

/**
 * Demo permit procedures: the demo wind projects replayed through the real use cases (no raw
 * inserts), so that audit chains, deadlines, escalations and mails are genuine. The history lies
 * in the past: a controlled clock walks day by day from about 200 days ago to yesterday, the
 * deadline watcher runs every morning as the hourly job would, and a last watch runs at the real
 * now. Deadlines relative to today are therefore really running or really overdue.
 */

type Party = 'applicant' | 'worker' | 'agency';
type Authority = 'kreis-paderborn' | 'brms';

type Step =
  | { day: number; kind: 'save' }
  | { day: number; kind: 'upload'; docType: string }
  | { day: number; kind: 'act'; party: Party; action: string; input: Record<string, unknown> };

interface Scenario {
  project: string;
  authority: Authority;
  /** § 19 Abs. 3 BImSchG: the applicant asks for the formal procedure. */
  formal?: boolean;
  /** Days before today; every step is dated on or after this day. */
  created: number;
  steps: Step[];
}

const MAX_TURBINES = 25;
const DAY_MS = 86_400_000;
const DRAFT_DOCS = ['application-form', 'site-plans', 'installation-description'];
const REPORT_DOCS = ['noise-forecast', 'shadow-flicker-forecast', 'nature-and-species'];
const FINAL_DOCS = ['building-documents', 'short-description'];

const save = (day: number): Step => ({ day, kind: 'save' });
const upload = (day: number, docTypes: readonly string[]): Step[] =>
  docTypes.map((docType) => ({ day, kind: 'upload', docType }));
const act = (
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

function docLabel(key: string): string {
  return WIND_REQUIRED_DOCUMENTS.find((d) => d.key === key)?.label ?? key;
}

/** Draft with the first documents, the rest uploaded on the day of submission (minus `missing`). */
function submitted(created: number, day: number, missing: readonly string[] = []): Step[] {
  const rest = [...REPORT_DOCS, ...FINAL_DOCS].filter((d) => !missing.includes(d));
  return [
    save(created),
    ...upload(created, DRAFT_DOCS),
    ...upload(day, rest),
    act(day, 'applicant', 'submit'),
  ];
}

const receipt = (day: number) => act(day, 'worker', 'confirm-receipt');

function requestDocuments(day: number, missing: readonly string[], period: string): Step {
  return act(day, 'worker', 'request-documents', {
    items: missing.map(docLabel),
    period,
    note: 'Bitte reichen Sie die Unterlagen vollständig und als PDF ein.',
  });
}

function answerRequest(day: number, missing: readonly string[]): Step[] {
  return [
    ...upload(day, missing),
    act(day, 'applicant', 'submit-documents', { documents: missing }),
  ];
}

/** completenessDate and the agency are filled in when the step runs (see resolveInput). */
const complete = (day: number, timetable: string) =>
  act(day, 'worker', 'confirm-completeness', { timetable });

const statement = (day: number, text: string) =>
  act(day, 'agency', 'record-agency-statement', { statement: text });

const STATEMENT_OK =
  'Aus Sicht des Natur- und Artenschutzes bestehen keine Bedenken, wenn die Anlagen zum Schutz von Fledermäusen von April bis Oktober nachts bei geringen Windgeschwindigkeiten abgeschaltet werden.';
const STATEMENT_CONCERNS =
  'Die Anlagen liegen in einem Dichtezentrum des Rotmilans; die vorgelegte Raumnutzungsanalyse reicht nicht aus. Aus artenschutzrechtlicher Sicht bestehen erhebliche Bedenken.';
const TIMETABLE_SIMPLIFIED =
  'Stellungnahmen der Fachbehörden innerhalb eines Monats, Entscheidung innerhalb von drei Monaten.';
const TIMETABLE_FORMAL =
  'Stellungnahmen der Fachbehörden innerhalb eines Monats, danach Bekanntmachung und Auslegung.';

const grant = (day: number) =>
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

const refuse = (day: number) =>
  act(day, 'worker', 'decide', {
    outcome: 'refused',
    reasons:
      'Dem Vorhaben stehen Belange des Artenschutzes entgegen (§ 44 Abs. 1 BNatSchG); die Genehmigungsvoraussetzungen des § 6 Abs. 1 Nr. 2 BImSchG liegen nicht vor.',
  });

const extend = (day: number, months: number, reason: string) =>
  act(day, 'worker', 'extend-decision-deadline', { months, reason });

const NOISE = ['noise-forecast'];
const SPECIES = ['nature-and-species'];

/**
 * One procedure per demo project, spread over every step of both procedure types. Overdue on
 * purpose: titz-nord and ruethen-nordwest (completeness check), bueren-ost (decision, even after
 * an extension), kempen-ost (documents the applicant owes).
 */
const SCENARIOS: readonly Scenario[] = [
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
    ],
  },
  {
    project: 'lichtenau-nord',
    authority: 'kreis-paderborn',
    created: 200,
    steps: [
      ...submitted(200, 198),
      receipt(197),
      complete(185, TIMETABLE_SIMPLIFIED),
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
    project: 'kalletal-suedost',
    authority: 'kreis-paderborn',
    created: 6,
    steps: [save(5), ...upload(4, DRAFT_DOCS.slice(0, 2))],
  },
  {
    project: 'marsberg-nord',
    authority: 'kreis-paderborn',
    created: 100,
    steps: [
      ...submitted(100, 98),
      receipt(97),
      complete(60, TIMETABLE_SIMPLIFIED),
      statement(40, STATEMENT_OK),
      act(35, 'worker', 'complete-agency-involvement'),
      grant(3),
    ],
  },
  {
    project: 'brilon-nordost',
    authority: 'kreis-paderborn',
    created: 8,
    steps: submitted(8, 3),
  },
  {
    project: 'ruethen-nordwest',
    authority: 'kreis-paderborn',
    created: 62,
    steps: [...submitted(62, 58), receipt(55)],
  },
  {
    project: 'wilnsdorf-ost',
    authority: 'kreis-paderborn',
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

interface Parties {
  authorities: Record<Authority, string>;
  agencyId: string;
  applicant: Actor;
  workers: Record<Authority, Actor>;
  agency: Actor;
}

async function organisationId(db: Db, nameStart: string): Promise<string> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('name', 'like', `${nameStart}%`)
    .orderBy('name')
    .executeTakeFirst();
  if (!row) throw new Error(`Demo-Organisation „${nameStart} …“ fehlt.`);
  return row.id;
}

/** The first user with the role in the organisation, as the actor of a signed-in person. */
async function memberActor(db: Db, organisation: string, role: Role): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.display_name'])
    .where('memberships.organisation_id', '=', organisation)
    .where('memberships.role', '=', role)
    .where('users.disabled', '=', false)
    .orderBy('users.email')
    .executeTakeFirst();
  if (!user) throw new Error(`Kein Demo-Zugang mit der Rolle ${role} in ${organisation}.`);
  const memberships = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.organisation_id',
      'memberships.role',
      'organisations.name',
      'organisations.kind',
    ])
    .where('memberships.user_id', '=', user.id)
    .orderBy('organisations.name')
    .execute();
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    memberships: memberships.map((m) => ({
      organisationId: m.organisation_id,
      organisationName: m.name,
      organisationKind: m.kind,
      role: m.role,
    })),
    via: 'session',
  };
}

async function loadParties(db: Db): Promise<Parties> {
  const authorities = {
    'kreis-paderborn': await organisationId(db, 'Kreis Paderborn'),
    brms: await organisationId(db, 'Bezirksregierung Münster'),
  };
  const agencyId = await organisationId(db, 'Landesamt für Natur');
  return {
    authorities,
    agencyId,
    applicant: await memberActor(db, await organisationId(db, 'Windpark Sintfeld'), 'applicant'),
    workers: {
      'kreis-paderborn': await memberActor(db, authorities['kreis-paderborn'], 'case_worker'),
      brms: await memberActor(db, authorities.brms, 'case_worker'),
    },
    agency: await memberActor(db, agencyId, 'agency_member'),
  };
}

function germanNumber(value: number): string {
  return value.toLocaleString('de-DE', { maximumFractionDigits: 1 });
}

function applicationBody(project: DemoWindProject, formal: boolean): Record<string, unknown> {
  const turbines = project.turbines.slice(0, MAX_TURBINES);
  const megawatts = turbines.reduce((sum, t) => sum + t.ratedPowerKw, 0) / 1000;
  const height = Math.max(...turbines.map((t) => t.totalHeightM));
  const count =
    turbines.length === 1 ? 'eine Windenergieanlage' : `${turbines.length} Windenergieanlagen`;
  const repowering = project.repowering
    ? ' Sie ersetzen ältere Anlagen am selben Standort (Repowering).'
    : '';
  return {
    title: project.title,
    permitWish: formal ? 'formal' : 'auto',
    repowering: project.repowering,
    site: {
      gemeinde: project.gemeinde,
      gemarkung: project.parcel.gemarkungKey,
      flur: project.parcel.flur,
      flurstueck: project.parcel.flurstueck,
    },
    turbines: turbines.map((t) => ({
      type: t.type,
      hubHeightM: t.hubHeightM,
      rotorDiameterM: t.rotorDiameterM,
      ratedPowerKw: t.ratedPowerKw,
      lon: t.lon,
      lat: t.lat,
    })),
    plannedCommissioning: project.plannedCommissioning,
    nonTechnicalSummary:
      `In der Gemeinde ${project.gemeinde} sollen ${count} mit zusammen ${germanNumber(megawatts)} MW ` +
      `Nennleistung und bis zu ${height} m Gesamthöhe errichtet werden.${repowering} ` +
      'Die Kurzbeschreibung erläutert allgemein verständlich die Lage, den Schall, den Schattenwurf, ' +
      'das Landschaftsbild sowie den Natur- und Artenschutz.',
  };
}

/** A small valid one-page PDF naming the document and the project (Helvetica, WinAnsi). */
export function demoPdf(lines: readonly string[]): Buffer {
  const text = (line: string) =>
    line
      .replace(/[–—]/g, '-')
      .replace(/[„“”]/g, '"')
      .replace(/[^\x20-\xff]/g, '?')
      .replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 12 Tf 56 780 Td 16 TL ${lines.map((l) => `(${text(l)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** 'YYYY-MM-DD' plus whole days, by the calendar (no clock, no time zone). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of a Berlin wall-clock time on a date (CET or CEST, whichever applies then). */
function berlinTime(date: string, minutes: number): Date {
  const naive = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'shortOffset' })
      .formatToParts(new Date(naive))
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+1';
  const hours = Number(/GMT([+-]\d+)/.exec(name)?.[1] ?? '1');
  return new Date(naive - hours * 3_600_000);
}

/** Action dates never go backwards within a case, and nothing happens today or later. */
function checkChronology(scenario: Scenario): void {
  let last = scenario.created;
  for (const step of scenario.steps) {
    if (step.day > last || step.day < 1)
      throw new Error(`Demoverfahren ${scenario.project}: Schritte nicht in zeitlicher Folge.`);
    last = step.day;
  }
}

interface Run {
  scenario: Scenario;
  project: DemoWindProject;
  id: string;
  /** Day the last required documents arrived (§ 7 Abs. 2 9. BImSchV), for the completeness date. */
  lastArrival: string;
}

function resolveInput(run: Run, step: Step & { kind: 'act' }, parties: Parties) {
  if (step.action !== 'confirm-completeness') return step.input;
  return { ...step.input, completenessDate: run.lastArrival, agencies: [parties.agencyId] };
}

async function runStep(deps: PermitDeps, run: Run, step: Step | null, parties: Parties) {
  const { scenario, project } = run;
  const applicant = parties.applicant;
  if (step === null) {
    run.id = await createApplication({
      deps,
      actor: applicant,
      body: { title: project.title, authorityId: parties.authorities[scenario.authority] },
    });
    return;
  }
  const today = berlinDate(deps.clock.now());
  switch (step.kind) {
    case 'save':
      await saveApplication({
        deps,
        actor: applicant,
        procedureId: run.id,
        body: applicationBody(project, scenario.formal === true),
      });
      return;
    case 'upload': {
      const label = docLabel(step.docType);
      await uploadDocument({
        deps,
        actor: applicant,
        procedureId: run.id,
        fields: { docType: step.docType, tradeSecret: false, neutralSummary: '' },
        filename: `${step.docType}-${project.key}.pdf`,
        content: Readable.from(
          demoPdf([
            label,
            project.title,
            'Beispielunterlage für die Demonstration, kein Original.',
          ]),
        ),
      });
      return;
    }
    case 'act': {
      const actor =
        step.party === 'applicant'
          ? applicant
          : step.party === 'agency'
            ? parties.agency
            : parties.workers[scenario.authority];
      await performAction({
        deps,
        actor,
        procedureId: run.id,
        action: step.action,
        input: resolveInput(run, step, parties),
      });
      if (step.action === 'submit' || step.action === 'submit-documents') run.lastArrival = today;
      return;
    }
  }
}

/**
 * Fills a fresh demo database with procedures; does nothing if any procedure exists. Must run
 * before the job worker starts: the hourly watcher would otherwise act on a half-replayed case.
 */
export async function seedDemoProcedures(deps: PermitDeps): Promise<{ created: number }> {
  const existing = await deps.db.selectFrom('procedures').select('id').limit(1).executeTakeFirst();
  if (existing) return { created: 0 };
  const parties = await loadParties(deps.db);
  const projects = new Map(loadDemoWindProjects().map((p) => [p.key, p]));
  const runs: Run[] = SCENARIOS.map((scenario) => {
    const project = projects.get(scenario.project);
    if (!project) throw new Error(`Demoprojekt ${scenario.project} fehlt.`);
    checkChronology(scenario);
    return { scenario, project, id: '', lastArrival: '' };
  });
  // One agenda over all cases, oldest day first; a case's steps keep their order within a day.
  const agenda = runs.flatMap((run, index) =>
    [null, ...run.scenario.steps].map((step, order) => ({
      run,
      step,
      day: step?.day ?? run.scenario.created,
      order: index * 1000 + order,
    })),
  );
  agenda.sort((a, b) => b.day - a.day || a.order - b.order);
  const realNow = deps.clock.now();
  const today = berlinDate(realNow);
  const clock = fixedClock(realNow);
  const replay: PermitDeps = { ...deps, clock };
  const firstDay = Math.max(...agenda.map((a) => a.day));
  for (let day = firstDay; day >= 1; day -= 1) {
    const date = addDays(today, -day);
    clock.set(berlinTime(date, 7 * 60)); // the watcher's morning run
    await runDeadlineWatch(replay);
    let minutes = 8 * 60 + 30;
    for (const { run, step } of agenda.filter((a) => a.day === day)) {
      minutes += 7;
      clock.set(berlinTime(date, minutes));
      try {
        await runStep(replay, run, step, parties);
      } catch (error) {
        const what = step === null ? 'create' : step.kind === 'act' ? step.action : step.kind;
        throw new Error(`Demoverfahren ${run.project.key}: ${what} am ${date} fehlgeschlagen.`, {
          cause: error,
        });
      }
    }
  }
  clock.set(realNow);
  await runDeadlineWatch(replay);
  return { created: runs.length };
}
