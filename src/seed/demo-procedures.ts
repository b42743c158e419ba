import { Readable } from 'node:stream';
import type { Db } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { createApplication, saveApplication } from '../permits/application.actions.ts';
import { runDeadlineWatch } from '../permits/deadline-watch.ts';
import { uploadDocument } from '../permits/document.actions.ts';
import { performAction } from '../permits/permit.actions.ts';
import { berlinDate } from '../procedures/case/case.queries.ts';
import type { PermitDeps } from '../permits/permit.types.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { userActor } from '../platform/auth/auth.queries.ts';
import { fixedClock } from '../platform/clock.ts';
import { loadDemoWindProjects, type DemoWindProject } from '../registers/geo/demo-data.ts';
import { DEMO_ORGANISATIONS, DEMO_USERS } from './demo.ts';
import { sortDemoObjections } from './demo-assessments.ts';
import { DEMO_PARTICIPATION_PROJECT, seedDemoObjections } from './demo-objections.ts';
import { releaseDemoObjections } from './demo-releases.ts';
import { letterForAction, signDemoLetter } from './demo-letters.ts';
import {
  DAY_MS,
  docLabel,
  MAX_TURBINES,
  type AgencyKey,
  type Authority,
  type Party,
  type Scenario,
  type Step,
} from './demo-scenarios.ts';
import { FORMAL_SCENARIOS } from './demo-scenarios-formal.ts';
import { SCENARIOS } from './demo-scenarios-projects.ts';

/** Every demo procedure: the simplified and early formal ones, then the formal ones to the end. */
export const DEMO_SCENARIOS: readonly Scenario[] = [...SCENARIOS, ...FORMAL_SCENARIOS];

/**
 * Demo permit procedures: the demo wind projects replayed through the real use cases (no raw
 * inserts), so that audit chains, deadlines, escalations and mails are genuine. The history lies
 * in the past: a controlled clock walks day by day from about 200 days ago to yesterday, the
 * deadline watcher runs every morning as the hourly job would, and a last watch runs at the real
 * now. Deadlines relative to today are therefore really running or really overdue.
 */

interface Parties {
  authorities: Record<Authority, string>;
  applicant: Actor;
  workers: Record<Authority, Actor>;
  deputies: Record<Authority, Actor>;
  agencies: Record<AgencyKey, { id: string; actor: Actor }>;
}

const AGENCY_KEYS: readonly AgencyKey[] = [
  'lanuk',
  'gemeinde',
  'naturschutz',
  'wasser',
  'denkmal',
  'luftfahrt',
  'bundeswehr',
  'wetterdienst',
  'strasse',
];

/** The demo organisation by its key (names are exact, so no prefix can match another). */
async function organisationId(db: Db, key: string): Promise<string> {
  const name = DEMO_ORGANISATIONS.find((o) => o.key === key)?.name;
  const row = name
    ? await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst()
    : undefined;
  if (!row) throw new Error(`Demo-Organisation „${name ?? key}“ fehlt.`);
  return row.id;
}

/** The first demo login of the organisation in the role (the order of DEMO_USERS), as an actor. */
async function memberActor(db: Db, org: string, role: Role, nth = 0): Promise<Actor> {
  const email = DEMO_USERS.filter((u) => u.org === org && u.role === role)[nth]?.email;
  const user = email
    ? await db
        .selectFrom('users')
        .select(['id', 'email', 'display_name'])
        .where('email', '=', email)
        .where('disabled', '=', false)
        .executeTakeFirst()
    : undefined;
  if (!user) throw new Error(`Kein Demo-Zugang mit der Rolle ${role} in ${org}.`);
  return userActor(db, user, 'session');
}

async function loadParties(db: Db): Promise<Parties> {
  const agencies = {} as Parties['agencies'];
  for (const key of AGENCY_KEYS) {
    agencies[key] = {
      id: await organisationId(db, key),
      actor: await memberActor(db, key, 'agency_member'),
    };
  }
  return {
    authorities: {
      'kreis-paderborn': await organisationId(db, 'kreis-paderborn'),
      brms: await organisationId(db, 'brms'),
    },
    applicant: await memberActor(db, 'windpark', 'applicant'),
    workers: {
      'kreis-paderborn': await memberActor(db, 'kreis-paderborn', 'case_worker'),
      brms: await memberActor(db, 'brms', 'case_worker'),
    },
    deputies: {
      'kreis-paderborn': await memberActor(db, 'kreis-paderborn', 'case_worker', 1),
      brms: await memberActor(db, 'brms', 'case_worker', 1),
    },
    agencies,
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

const BERLIN_OFFSET = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Berlin',
  timeZoneName: 'shortOffset',
});

/** The instant of a Berlin wall-clock time on a date (CET or CEST, whichever applies then). */
function berlinTime(date: string, minutes: number): Date {
  const naive = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const name =
    BERLIN_OFFSET.formatToParts(new Date(naive)).find((part) => part.type === 'timeZoneName')
      ?.value ?? 'GMT+1';
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

interface Context {
  parties: Parties;
  /** The real today (Berlin): steps name days relative to it, the replay clock walks towards it. */
  realToday: string;
}

function resolveInput(run: Run, step: Step & { kind: 'act' }, ctx: Context, today: string) {
  // The display starts a number of days after the notice (at least one week, § 10 Abs. 3 BImSchG).
  if (step.action === 'publish-notice') {
    const { leadDays, ...rest } = step.input;
    return { ...rest, displayStart: addDays(today, Number(leadDays ?? 8)) };
  }
  if (step.action === 'schedule-hearing') {
    const { hearingDay, ...rest } = step.input;
    return { ...rest, date: addDays(ctx.realToday, -Number(hearingDay)) };
  }
  if (step.action !== 'confirm-completeness') return step.input;
  const agencies = (run.scenario.agencies ?? ['lanuk']).map((key) => ctx.parties.agencies[key].id);
  return { ...step.input, completenessDate: run.lastArrival, agencies };
}

function actorOf(party: Party, authority: Authority, parties: Parties): Actor {
  if (party === 'applicant') return parties.applicant;
  if (party === 'worker') return parties.workers[authority];
  if (party === 'deputy') return parties.deputies[authority];
  return parties.agencies[party].actor;
}

async function runStep(deps: PermitDeps, run: Run, step: Step | null, ctx: Context) {
  const { scenario, project } = run;
  const { parties } = ctx;
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
    case 'objections':
      await seedDemoObjections(deps, run.id, project.gemeinde, [14, 8, 5]);
      return;
    case 'sort-objections':
      await sortDemoObjections(deps, parties.workers[scenario.authority], run.id);
      return;
    case 'release-objections':
      await releaseDemoObjections(deps, parties.workers[scenario.authority], run.id, step.part);
      return;
    case 'submit-decision-letter':
      await signDemoLetter(deps, run.id, 'decision', parties.workers[scenario.authority], {
        sign: false,
      });
      return;
    case 'act': {
      const letter = await letterForAction(deps.db, run.id, step.action);
      if (letter) await signDemoLetter(deps, run.id, letter, parties.workers[scenario.authority]);
      await performAction({
        deps,
        actor: actorOf(step.party, scenario.authority, parties),
        procedureId: run.id,
        action: step.action,
        input: resolveInput(run, step, ctx, today),
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
  const runs: Run[] = DEMO_SCENARIOS.map((scenario) => {
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
  const ctx: Context = { parties, realToday: today };
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
        await runStep(replay, run, step, ctx);
      } catch (error) {
        const what = step === null ? 'create' : step.kind === 'act' ? step.action : step.kind;
        const reason = error instanceof Error ? `: ${error.message}` : '';
        throw new Error(
          `Demoverfahren ${run.project.key}: ${what} am ${date} fehlgeschlagen${reason}`,
          {
            cause: error,
          },
        );
      }
    }
  }
  clock.set(realNow);
  await runDeadlineWatch(replay);
  const participating = runs.find((r) => r.scenario.project === DEMO_PARTICIPATION_PROJECT);
  if (participating)
    await seedDemoObjections(deps, participating.id, participating.project.gemeinde);
  return { created: runs.length };
}
