import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildApp, jobHandlers } from '../../src/app.ts';
import { runDeadlineWatch } from '../../src/permits/deadline-watch.ts';
import { berlinDate } from '../../src/procedures/case/case.queries.ts';
import { configuredClock } from '../../src/platform/clock.ts';
import { runDueJobs } from '../../src/platform/jobs.ts';
import { createMailer } from '../../src/platform/mail.ts';
import type { App, Deps } from '../../src/platform/server.ts';
import { createDirectoryStore } from '../../src/platform/storage.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { DEMO_PASSWORD, runningClock, testConfig, type TestApp } from '../helpers/app.ts';
import {
  browserSkipReason,
  describeViolations,
  launchBrowser,
  type AxeViolation,
} from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { actOnToday } from '../helpers/participation.ts';
import { compressedPdfText } from '../helpers/pdf-text.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
// Skipped only on a machine without Chromium, with the reason; under CI=true a missing Chromium fails.
const skip = browserSkipReason();
const DAY_MS = 86_400_000;
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const APPLICANT = 'antrag@windpark-sintfeld.example';
const WORKER = 'sachbearbeitung@kreis-paderborn.example';
const HEAD = 'leitung@kreis-paderborn.example';
const AGENCY = 'toeb@lanuk.example';
const TITLE = 'Windpark Lichtenau-Nordost (Beispiel)';
const TITLE_RE = TITLE.replace(/[()]/g, '\\$&');

/** An objector who asks for her name and address to be withheld, and what she writes. */
const PRIVATE = {
  name: 'Hiltrud Quaderwald',
  address: 'Ginsterweg 17, 33165 Lichtenau',
  email: 'h.quaderwald@example.org',
  text: [
    'Ich wohne seit 1998 am Ginsterweg, 600 Meter von der geplanten Anlage entfernt.',
    'Meine Tochter Amalia Quaderwald leidet an Asthma und schläft schon jetzt schlecht; der nächtliche Lärm der Anlagen wird das verschlimmern.',
    'Sie erreichen mich unter 05292 987654 oder per E-Mail an h.quaderwald@example.org.',
    'Für eine Entschädigung nenne ich mein Konto: IBAN DE02 1001 0010 0006 8201 01.',
  ].join('\n\n'),
};
/** What of that objection neither the applicant nor the public may ever read. */
const PRIVATE_VALUES = [
  'Quaderwald',
  'Ginsterweg',
  'Amalia',
  'Asthma',
  '05292 987654',
  'h.quaderwald@example.org',
  'DE02 1001 0010 0006 8201 01',
];
/** The citizens' initiative's form letter: by form, by API and as a signature list. */
const FORM_LETTER =
  'Wir erheben Einwendungen gegen den Windpark Lichtenau-Nordost. Im Wald am Hasselberg brütet seit Jahren der Rotmilan, die Prüfung des Artenschutzes in den Unterlagen ist unvollständig. Der Schattenwurf trifft die Häuser am Ortsrand am Nachmittag, und der Lärm in der Nacht überschreitet die Richtwerte. Wir bitten, den Antrag abzulehnen.';
/** Objectors who did not ask for redaction: the applicant reads their names, the public never. */
const NAMED = {
  form: { name: 'Konrad Feldmesser', address: 'Am Kalkofen 4, 33165 Lichtenau' },
  api: { name: 'Wilma Kornblume', address: 'Lindenstraße 9, 33165 Lichtenau' },
  paper: { name: 'Erika Posteingang', address: 'Feldweg 2, 33165 Lichtenau' },
};
/** The signer named as representative on the signature list (§ 17 Abs. 1 VwVfG). */
const REPRESENTATIVE = {
  name: 'Gerlinde Sprecherin',
  profession: 'Lehrerin',
  address: 'Kirchplatz 1, 33165 Lichtenau',
};
const SIGNATURES = 60;
const PAPER_LETTER =
  'Brief an die Genehmigungsbehörde: Die Zufahrt über den Feldweg am Hof Brinkmann ist für Schwertransporte zu schmal; die Bankette werden zerstört.';
const HEARING_PLACE = 'Bürgerhaus Lichtenau, Lange Straße 1, 33165 Lichtenau';
/** Personal data that no public page may show at any step (architecture invariant 5). */
const NEVER_PUBLIC = [
  ...PRIVATE_VALUES,
  ...Object.values(NAMED).flatMap((p) => [p.name, p.address]),
  REPRESENTATIVE.name,
  REPRESENTATIVE.address,
];

const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];
/** '14. Januar 2027' → '2027-01-14' (dates as the pages write them). */
function isoDate(german: string): string {
  const [, day, month, year] = /^(\d+)\. (\S+) (\d{4})$/.exec(german)!;
  return `${year}-${String(MONTHS.indexOf(month!) + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`;
}
/** 'YYYY-MM-DD' plus whole calendar days. */
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Proof of work as any API client computes it: SHA-256(challenge:nonce) with leading zero bits. */
function solve(challenge: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) {
    const hash = createHash('sha256').update(`${challenge}:${nonce}`, 'utf8').digest();
    let bits = 0;
    for (const byte of hash) {
      bits += byte === 0 ? 8 : Math.clz32(byte) - 24;
      if (byte !== 0) break;
    }
    if (bits >= difficulty) return String(nonce);
  }
}

/**
 * A demo instance as an operator runs it: one database and data directory, the clock
 * DEMO_CLOCK_OFFSET_DAYS ahead of the day the demo started. Advancing the demo clock restarts the
 * portal with a larger offset, as the operator does; sessions survive (they live in PostgreSQL,
 * the cookie secret in the data directory). Every answer with an error status is recorded.
 */
class DemoInstance {
  offsetDays = 0;
  app: App | undefined;
  deps: Deps | undefined;
  base = '';
  readonly errors: string[] = [];
  private readonly dataDir = mkdtempSync(path.join(tmpdir(), 'industrieland-demo-'));

  constructor(
    readonly database: TestDatabase,
    /** The day the demo started, running on in real time (a walk never meets Berlin midnight). */
    private readonly start: Date,
  ) {}

  async boot(offsetDays: number): Promise<void> {
    await this.stop();
    this.offsetDays = offsetDays;
    const config = testConfig({
      DATA_DIR: this.dataDir,
      DEMO_INSTANCE: 'true',
      DEMO_CLOCK_OFFSET_DAYS: String(offsetDays),
      // The form without script is accepted after this waiting time; the API does the work.
      OBJECTION_FORM_MIN_SECONDS: '1',
      OBJECTION_POW_DIFFICULTY: '8',
      OBJECTION_RATE_LIMIT: '0',
    });
    this.deps = {
      config,
      db: this.database.db,
      clock: configuredClock(config, runningClock(this.start)),
      mailer: createMailer(config.smtpUrl, config.mailFrom),
      store: createDirectoryStore(config.filesDir),
    };
    const app = await buildApp(this.deps);
    app.addHook('onResponse', async (request, reply) => {
      if (reply.statusCode >= 400)
        this.errors.push(`${reply.statusCode} ${request.method} ${request.url.split('?')[0]}`);
    });
    await app.ready();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    this.base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    this.app = app;
  }

  /** The operator sets the clock `days` further ahead; the hourly deadline watcher runs once. */
  async advance(days: number): Promise<void> {
    await this.boot(this.offsetDays + days);
    await runDeadlineWatch(this.deps!);
  }

  /** One pass of the job worker over what is due (as the portal's worker process does). */
  async runJobs(): Promise<void> {
    await runDueJobs({ connectionString: this.database.url, handlers: jobHandlers(this.deps!) });
  }

  today(): string {
    return berlinDate(this.deps!.clock.now());
  }

  /** The handle the shared API helpers expect. */
  asTestApp(): TestApp {
    return { app: this.app!, deps: this.deps!, database: this.database, close: this.stop };
  }

  /** Like a stopped process: open connections (the browser keeps some alive) end too. */
  readonly stop = async (): Promise<void> => {
    const app = this.app;
    this.app = undefined;
    if (!app) return;
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
  };

  async close(): Promise<void> {
    await this.stop();
    await this.database.drop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * axe on what a user sees, without slowing the walk: the page as shown (also an error state after
 * a POST) is copied into one scripted probe page and checked there while the walk goes on. The
 * probe loads the portal's origin once per start of the portal, so that its style sheets apply.
 */
class AxeChecks {
  readonly problems: string[] = [];
  readonly checked = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private probe: Page | undefined;
  private origin = '';

  constructor(private readonly context: () => Promise<BrowserContext>) {}

  /** Once per page type (the label names the type and its state). */
  async check(page: Page, label: string): Promise<void> {
    if (this.checked.has(label)) return;
    this.checked.add(label);
    const [html, url] = [await page.content(), page.url()];
    this.queue = this.queue.then(() => this.run(html, url, label));
  }

  private async run(html: string, url: string, label: string): Promise<void> {
    try {
      const origin = new URL(url).origin;
      if (!this.probe || origin !== this.origin) {
        await this.probe?.close();
        this.probe = await (await this.context()).newPage();
        await this.probe.goto(url);
        this.origin = origin;
      }
      await this.probe.setContent(html, { waitUntil: 'load' });
      if (!(await this.probe.evaluate(() => 'axe' in window))) await this.probe.evaluate(axeSource);
      const violations = await this.probe.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
          }
        ).axe;
        const result = await axe.run(document, {
          runOnly: {
            type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
          },
        });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target })),
        }));
      });
      if (violations.length > 0) this.problems.push(describeViolations(label, violations));
    } catch (error) {
      this.problems.push(`${label}: axe lief nicht (${String(error)})`);
    }
  }

  /** Waits for the checks still running. */
  async done(): Promise<string[]> {
    await this.queue;
    return this.problems;
  }
}

/**
 * A formal procedure (§ 10 BImSchG) of Kreis Paderborn brought through the API up to the
 * preparation of the public participation, with three documents; the nature agency is asked and
 * has not answered yet.
 */
async function seedUpToParticipation(t: TestApp): Promise<string> {
  const applicant = await apiAs(t, APPLICANT);
  const worker = await apiAs(t, WORKER);
  const kreis = await orgId(t, 'Kreis Paderborn');
  const lanuk = await orgId(t, 'Landesamt für Natur');
  // Three turbines, formal on the applicant's request (§ 19 Abs. 3 BImSchG): the pages stay short.
  const demoProject = DEMO_PROJECTS.find((p) => p.key === 'lichtenau-nordost')!;
  const project = { ...demoProject, turbines: demoProject.turbines.slice(0, 3) };
  const created = await applicant.post('/api/v1/procedures', {
    ...applicationBody(project, kreis),
    permitWish: 'formal',
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const id = created.json<{ id: string }>().id;
  for (const docType of ['site-plans', 'installation-description', 'noise-forecast']) {
    const uploaded = await applicant.upload(`/api/v1/procedures/${id}/documents`, { docType });
    if (uploaded.statusCode !== 201) throw new Error(uploaded.body);
  }
  const steps: [typeof applicant, string, (today: string) => object][] = [
    [applicant, 'submit', () => ({})],
    [worker, 'confirm-receipt', () => ({})],
    [
      worker,
      'confirm-completeness',
      (today) => ({
        completenessDate: today,
        agencies: [lanuk],
        timetable: 'Bekanntmachung in Kürze, danach Auslegung und Einwendungen.',
        missingDocumentsReason: 'Die übrigen Unterlagen liegen der Behörde aus der Vorprüfung vor.',
      }),
    ],
    [worker, 'prepare-participation', () => ({})],
  ];
  for (const [client, action, body] of steps) {
    const response = await actOnToday(t, (today) =>
      client.post(`/api/v1/procedures/${id}/actions/${action}`, body(today)),
    );
    if (response.statusCode !== 200) throw new Error(`${action}: ${response.body}`);
  }
  return id;
}

/**
 * The walk of a formal procedure (§ 10 BImSchG) in Chromium with JavaScript off, each step by the
 * role whose step it is, each role in its own session, on a demo instance whose clock the
 * operator moves on: public notice → display and objections (public form, API, a paper letter, a
 * signature list naming its representative) → uniform groups → review of each redaction proposal
 * → release of redacted objections to the applicant in two batches → hearing announced, held,
 * minutes per concern → decision drafted, signed off by the head of the authority, published →
 * two weeks' display → the closed case. axe runs on every page type met; no page answers with an
 * error status other than the refusals provoked on purpose; no public page shows an objector.
 */
describe(
  'formal procedure from the public notice to the closed case, without JavaScript',
  {
    skip,
  },
  () => {
    let browser: Browser;
    let demo: DemoInstance;
    let procedureId = '';
    let displayStart = '';
    let objectionEnd = '';
    let hearingDate = '';
    let signatureList = '';
    const contexts = new Map<string, BrowserContext>();
    const pages = new Map<string, Page>();

    async function contextOf(key: string, javaScriptEnabled = false): Promise<BrowserContext> {
      let context = contexts.get(key);
      if (!context) {
        context = await browser.newContext({ javaScriptEnabled, locale: 'de-DE' });
        // Drafting a Bescheid renders PDFs; on a machine shared by many jobs that takes a while.
        context.setDefaultTimeout(90_000);
        contexts.set(key, context);
      }
      return context;
    }
    const axe = new AxeChecks(() => contextOf('\0axe', true));
    const check = (page: Page, label: string) => axe.check(page, label);
    /** The checks still running finish on the portal as it was, then the clock moves on. */
    async function advance(days: number): Promise<void> {
      await axe.done();
      await demo.advance(days);
    }

    /**
     * The page of a demo user's session, kept for the whole walk. Moving the demo clock on ends
     * idle sessions as that much time passing would: the user then logs in again.
     */
    const loggedInAt = new Map<string, number>();
    async function as(email: string): Promise<Page> {
      let page = pages.get(email);
      if (!page) {
        page = await (await contextOf(email)).newPage();
        pages.set(email, page);
      }
      if (loggedInAt.get(email) !== demo.offsetDays) {
        await page.goto(url('/anmelden'));
        if (page.url().endsWith('/anmelden')) {
          await page.getByLabel('E-Mail-Adresse').fill(email);
          await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
          await page.getByRole('button', { name: 'Anmelden' }).click();
          await page.waitForURL(/\/konto$/);
        }
        loggedInAt.set(email, demo.offsetDays);
      }
      return page;
    }
    /** A citizen: no account, a browser of her own. */
    async function citizen(key: string): Promise<Page> {
      let page = pages.get(key);
      if (!page) {
        page = await (await contextOf(key)).newPage();
        pages.set(key, page);
      }
      return page;
    }

    const main = (page: Page) => page.locator('main').innerText();
    const url = (p: string) => `${demo.base}${p}`;
    const caseUrl = () => url(`/verfahren/${procedureId}`);
    /** Pages the public reaches: none of them shows an objector's data, at any step. */
    async function assertNothingPersonal(page: Page) {
      const html = await page.content();
      for (const value of NEVER_PUBLIC)
        assert.ok(!html.includes(value), `${value} auf der öffentlichen Seite ${page.url()}`);
    }
    /** What the applicant may read: no withheld name and address, no Art. 9 data, no third person. */
    async function assertRedactedForApplicant(page: Page) {
      const html = await page.content();
      for (const value of PRIVATE_VALUES)
        assert.ok(!html.includes(value), `${value} bei der Antragstellerin (${page.url()})`);
    }

    before(async () => {
      // A Tuesday morning in Berlin; the walk's dates follow from it and the demo clock.
      demo = new DemoInstance(await createTestDatabase(), new Date('2026-11-24T09:00:00Z'));
      await seedDemo(demo.database.db);
      await demo.boot(0);
      procedureId = await seedUpToParticipation(demo.asTestApp());
      browser = await launchBrowser();
    });
    after(async () => {
      for (const context of contexts.values()) await context.close();
      await browser?.close();
      await demo?.close();
    });

    it('day 0: the agency answers, the case worker publishes the notice, the public reads it', async () => {
      const agency = await as(AGENCY);
      await agency.goto(url('/stellungnahmen'));
      await check(agency, '/stellungnahmen');
      await agency.getByRole('link', { name: TITLE }).click();
      await check(agency, '/verfahren/:id (Fachbehörde)');
      await agency.getByLabel('Keine Bedenken', { exact: true }).check();
      await agency
        .getByLabel('Begründung und Hinweise')
        .fill('Aus Sicht des Artenschutzes bestehen keine Bedenken.');
      await agency.getByRole('button', { name: /Stellungnahme/ }).click();
      await agency.waitForURL(/ok=record-agency-statement/);

      const worker = await as(WORKER);
      await worker.goto(caseUrl());
      await check(worker, '/verfahren/:id (Sachbearbeitung)');
      // A display less than a week after the notice is refused; the form keeps what was typed.
      const tooEarly = addDays(demo.today(), 3);
      await worker.getByLabel('Erster Tag der Auslegung').fill(tooEarly);
      await worker
        .getByLabel('Wird eine Umweltverträglichkeitsprüfung durchgeführt?')
        .selectOption('nein');
      await worker.locator('#feld-publish-notice button[type=submit]').click();
      await worker.locator('.error-summary').waitFor();
      assert.match(await worker.locator('.error-summary').innerText(), /frühestens 7 Tage/);
      assert.equal(await worker.getByLabel('Erster Tag der Auslegung').inputValue(), tooEarly);
      await check(worker, '/verfahren/:id (Fehler)');
      displayStart = addDays(demo.today(), 7);
      await worker.getByLabel('Erster Tag der Auslegung').fill(displayStart);
      await worker.locator('#feld-publish-notice button[type=submit]').click();
      await worker.waitForURL(/ok=publish-notice/);
      assert.match(await main(worker), /Öffentlichkeitsbeteiligung \(Bekanntmachung, Auslegung/);

      const reader = await citizen('Leserin');
      await reader.goto(url('/bekanntmachungen'));
      await check(reader, '/bekanntmachungen');
      await reader.getByRole('link', { name: new RegExp(`Antrag .*${TITLE_RE}`) }).click();
      await check(reader, '/bekanntmachungen/:id');
      const notice = await main(reader);
      const ends =
        /Die Einwendungsfrist beginnt am \w+, [^.]+\. \w+ \d{4} und endet am \w+, (\d+\. \w+ \d{4})/.exec(
          notice,
        );
      assert.ok(ends, 'Einwendungsfrist in der Bekanntmachung');
      objectionEnd = isoDate(ends[1]!);
      await reader.getByRole('link', { name: /Zur Auslegung/ }).click();
      await check(reader, '/beteiligung/:id');
      assert.match(await main(reader), /Bekannt gemacht; Auslegung ab/);
    });

    it('display: citizens object by form, a client by the API, the case worker enters paper and a signature list; a first release', async () => {
      await advance(daysBetween(demo.today(), displayStart) + 2);
      const first = await citizen('Einwenderin');
      await first.goto(url(`/beteiligung/${procedureId}`));
      // The demo clock is named on every page, with the day it stands for.
      assert.match(
        await first.getByRole('note', { name: 'Demo-Uhr' }).innerText(),
        /Die Uhr ist um 9 Tage vorgestellt \(heute gilt als Donnerstag, 3\. Dezember 2026\)/,
      );
      await first.getByRole('link', { name: 'Einwendung erheben' }).click();
      await check(first, '/beteiligung/:id/einwendung');
      await first.getByRole('button', { name: 'Einwendung absenden' }).click();
      await first.locator('.error-summary').waitFor();
      await check(first, '/beteiligung/:id/einwendung (Fehler)');
      await first.getByLabel('Ihre Einwendung').fill(PRIVATE.text);
      await first.getByLabel('Vor- und Nachname').fill(PRIVATE.name);
      await first.getByLabel('Anschrift', { exact: true }).fill(PRIVATE.address);
      await first.getByLabel(/meinen Namen und meine Anschrift unkenntlich/).check();
      await first.getByLabel('E-Mail-Adresse für die Eingangsbestätigung').fill(PRIVATE.email);
      await first.waitForTimeout(1_100); // the waiting-time rule of the form without script
      await first.getByRole('button', { name: 'Einwendung absenden' }).click();
      await first.waitForURL(/\/eingang\/[A-Za-z0-9_-]+\?neu=1$/);
      await check(first, '/eingang/:token');
      const privateRef = /Eingangsbestätigung (EW-\d{4}-\d{7})/.exec(await main(first))![1]!;

      const second = await citizen('Einwender');
      await second.goto(url(`/beteiligung/${procedureId}/einwendung`));
      await second.getByLabel('Ihre Einwendung').fill(FORM_LETTER);
      await second.getByLabel('Vor- und Nachname').fill(NAMED.form.name);
      await second.getByLabel('Anschrift', { exact: true }).fill(NAMED.form.address);
      await second.waitForTimeout(1_100);
      await second.getByRole('button', { name: 'Einwendung absenden' }).click();
      await second.waitForURL(/\/eingang\/[A-Za-z0-9_-]+\?neu=1$/);

      // The initiative's software sends the same letter through the API, with the proof of work.
      const challenge = (await (
        await fetch(url(`/api/v1/procedures/${procedureId}/objections/challenge`))
      ).json()) as { challenge: string; difficulty: number };
      const response = await fetch(url(`/api/v1/procedures/${procedureId}/objections`), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'initiative-0001' },
        body: JSON.stringify({
          text: FORM_LETTER,
          ...NAMED.api,
          challenge: challenge.challenge,
          nonce: solve(challenge.challenge, challenge.difficulty),
        }),
      });
      const receipt = (await response.json()) as { reference: string };
      assert.equal(response.status, 201, JSON.stringify(receipt));
      assert.match(receipt.reference, /^EW-\d{4}-\d{7}$/);

      // Paper: a letter and the initiative's signature list, entered by the case worker.
      const worker = await as(WORKER);
      await worker.goto(caseUrl());
      await worker.getByRole('link', { name: /^Einwendung erfassen/ }).click();
      await check(worker, '/verfahren/:id/einwendungen/neu');
      await worker.getByLabel('Text der Einwendung').fill(PAPER_LETTER);
      await worker.locator('[name="name"]').fill(NAMED.paper.name);
      await worker.locator('[name="address"]').fill(NAMED.paper.address);
      await worker.getByLabel('Eingangsdatum').fill(demo.today());
      await worker.getByRole('button', { name: 'Einwendung speichern' }).click();
      await worker.waitForURL(/\/einwendungen\?erfasst=1$/);
      await worker.goto(url(`/verfahren/${procedureId}/einwendungen/neu`));
      await worker.getByLabel('Text der Einwendung').fill(FORM_LETTER);
      await worker.getByLabel('Eingangsdatum').fill(demo.today());
      await worker.getByLabel('Eingangsweg').selectOption({ label: 'Unterschriftenliste' });
      await worker.getByLabel('Anzahl der Unterschriften').fill(String(SIGNATURES));
      // The list names one signer as representative with name, profession and address.
      await worker.getByLabel('Name des Vertreters').fill(REPRESENTATIVE.name);
      await worker.getByLabel('Beruf des Vertreters').fill(REPRESENTATIVE.profession);
      await worker.getByLabel('Anschrift des Vertreters').fill(REPRESENTATIVE.address);
      await worker.getByRole('button', { name: 'Einwendung speichern' }).click();
      await worker.waitForURL(/\/einwendungen\?erfasst=1$/);
      await check(worker, '/verfahren/:id/einwendungen');
      assert.match(await main(worker), /5 Einwendungen/);
      const listRow = worker.getByRole('row', { name: /Unterschriftenliste/ });
      signatureList = (await listRow.getByRole('link').innerText()).trim();

      // The objection with personal data is reviewed at once: every proposal is shown and kept,
      // her street as she named it in the text is added; then a first batch goes to the applicant.
      await worker.getByRole('link', { name: privateRef, exact: true }).click();
      await check(worker, '/verfahren/:id/einwendungen/:oid');
      for (const proposal of [
        'Name: „Amalia Quaderwald“',
        'Gesundheitsdaten: „Asthma“',
        'Telefon: „05292 987654“',
        'E-Mail: „h.quaderwald@example.org“',
        'IBAN: „DE02 1001 0010 0006 8201 01“',
      ])
        assert.ok(await worker.getByLabel(proposal).isChecked(), proposal);
      await worker.getByLabel('Weitere Stellen schwärzen').fill('Ginsterweg');
      await worker.getByLabel('Art der weiteren Stellen').selectOption({ label: 'Anschrift' });
      await worker.getByRole('button', { name: 'Schwärzung bestätigen' }).click();
      await worker.waitForURL(/ok=schwaerzung/);
      await worker.getByRole('link', { name: 'Freigabe an die Antragstellerin' }).first().click();
      await check(worker, '/verfahren/:id/einwendungen/freigabe');
      // Four objections are not reviewed yet: "all" is refused, with the reason.
      await worker.getByRole('button', { name: 'Freigeben' }).click();
      await worker.locator('.error-summary').waitFor();
      assert.match(await worker.locator('.error-summary').innerText(), /noch nicht geprüft/);
      await check(worker, '/verfahren/:id/einwendungen/freigabe (Fehler)');
      await worker.getByLabel(/nur die mit geprüfter Schwärzung/).check();
      await worker.getByRole('button', { name: 'Freigeben' }).click();
      await worker.waitForURL(/nummer=1/);
      assert.match(await main(worker), /Freigabe 1 mit 1 Einwendung/);

      const applicant = await as(APPLICANT);
      await applicant.goto(caseUrl());
      await check(applicant, '/verfahren/:id (Antragstellerin)');
      await applicant.getByRole('link', { name: 'Einwendungen (§ 12 Abs. 2 9. BImSchV)' }).click();
      await check(applicant, '/verfahren/:id/einwendungen-antragstellerin');
      const batch = await main(applicant);
      assert.match(batch, /Freigabe 1 vom 03\.12\.2026, \d\d:\d\d: 1 Einwendung\b/);
      assert.match(batch, /Name und Anschrift sind unkenntlich gemacht/);
      assert.match(
        batch,
        /Meine Tochter \[geschwärzt: Name\] leidet an \[geschwärzt: Gesundheitsdaten\]/,
      );
      assert.doesNotMatch(batch, /Rotmilan|Zufahrt/, 'nur die freigegebene Einwendung');
      await assertRedactedForApplicant(applicant);

      await first.goto(url(`/beteiligung/${procedureId}`));
      await assertNothingPersonal(first);
    });

    it('after the objection period: groups, review of every proposal, concerns, the second release', async () => {
      await advance(daysBetween(demo.today(), objectionEnd) + 1);
      const worker = await as(WORKER);
      await worker.goto(caseUrl());
      await worker.getByRole('link', { name: 'Gleichförmige Einwendungen' }).click();
      await check(worker, '/verfahren/:id/einwendungen/gruppen');
      await worker.getByRole('button', { name: 'Gleichförmige Einwendungen erkennen' }).click();
      // Detection runs as a background job; the case worker follows its status page by reloading.
      await worker.waitForURL(/\/auftraege\/[0-9a-f-]{36}$/);
      await check(worker, '/verfahren/:id/auftraege/:jobId (wartet)');
      for (let round = 0; !/Der Auftrag ist fertig/.test(await main(worker)); round++) {
        assert.ok(round < 10, `Auftrag nicht fertig: ${await main(worker)}`);
        await demo.runJobs();
        await worker.getByRole('link', { name: 'Aktualisieren', exact: true }).click();
      }
      await check(worker, '/verfahren/:id/auftraege/:jobId (fertig)');
      await worker.getByRole('link', { name: 'Zu den gleichförmigen Einwendungen' }).click();
      await worker.getByRole('link', { name: /^Gruppe 1 / }).click();
      await check(worker, '/verfahren/:id/einwendungen/gruppen/:gid');
      const group = await main(worker);
      assert.match(group, /Einwendungen\s+3\b/);
      assert.match(group, new RegExp(`Unterschriften\\s+${SIGNATURES + 2}\\b`));
      // The representative is the signer the list names (§ 17 Abs. 1 VwVfG).
      assert.match(
        group,
        new RegExp(
          `Vertreter \\(§ 17 Abs\\. 1 VwVfG\\)\\s+${REPRESENTATIVE.name}, ${REPRESENTATIVE.profession}, ${REPRESENTATIVE.address} \\(benannt in ${signatureList}\\)`,
        ),
      );
      await worker.getByRole('button', { name: 'Gruppe bestätigen' }).click();
      await worker.waitForURL(/ok=/);
      assert.match(await main(worker), /Bestätigt\s+ja/);

      await worker.goto(caseUrl());
      await worker.getByRole('link', { name: 'Belange und Würdigung' }).click();
      await check(worker, '/verfahren/:id/belange');
      await worker.getByRole('button', { name: 'Vorschläge berechnen' }).click();
      await worker.waitForURL(/ok=vorschlaege/);
      // Each remaining objection: its proposals reviewed one by one, its concerns confirmed.
      await worker.getByRole('link', { name: 'Einwendungen mit offener Schwärzung' }).click();
      const open = worker.locator('table a[href*="/einwendungen/"]');
      for (let round = 0; (await open.count()) > 0; round++) {
        assert.ok(round < 4, 'jede Einwendung wird einmal geprüft');
        await open.first().click();
        // The objector's town in the project's name is no personal data: the proposal is declined.
        const town = worker.getByLabel('PLZ/Ort: „Lichtenau“');
        if ((await town.count()) > 0 && (await main(worker)).includes('Windpark Lichtenau-Nordost'))
          await town.uncheck();
        await worker.getByRole('button', { name: 'Schwärzung bestätigen' }).click();
        await worker.waitForURL(/ok=schwaerzung/);
        const wholeGroup = worker.getByLabel(/auf alle Einwendungen der Gruppe anwenden/);
        if ((await wholeGroup.count()) > 0) await wholeGroup.check();
        await worker.getByRole('button', { name: 'Belange bestätigen' }).click();
        await worker.waitForURL(/ok=/);
        await worker.goto(url(`/verfahren/${procedureId}/einwendungen?schwaerzungOffen=ja`));
      }
      // The case worker's assessment of each concern raised; the Bescheid's reasons quote it.
      await worker.goto(url(`/verfahren/${procedureId}/belange`));
      const raised = await worker
        .getByRole('table', { name: 'Übersicht der Belange' })
        .getByRole('row')
        .filter({ hasNot: worker.locator('th[scope=col]') })
        .allInnerTexts();
      const concerns = raised
        .map((row) => row.split('\t'))
        .filter((cells) => Number(cells[1]) > 0)
        .map((cells) => cells[0]!.trim());
      assert.ok(concerns.includes('Lärm') && concerns.includes('Bau und Verkehr'), concerns.join());
      for (const concern of concerns) {
        const form = worker.locator('form', {
          has: worker.getByLabel(`Bewertung der Behörde zu „${concern}“`),
        });
        await form
          .getByRole('textbox')
          .fill(`Zu „${concern}“: geprüft; die Nebenbestimmungen sichern die Anforderungen.`);
        await form.getByRole('button', { name: 'Bewertung speichern' }).click();
        await worker.waitForURL(/ok=/);
      }

      await worker.getByRole('link', { name: 'Freigabe an die Antragstellerin' }).first().click();
      await worker.getByRole('button', { name: 'Freigeben' }).click();
      await worker.waitForURL(/nummer=2/);
      await check(worker, '/verfahren/:id/einwendungen/freigabe (erfolgt)');
      assert.match(await main(worker), /Freigabe 2 mit 4 Einwendungen/);

      const applicant = await as(APPLICANT);
      await applicant.goto(url(`/verfahren/${procedureId}/einwendungen-antragstellerin`));
      const batches = await main(applicant);
      assert.match(batches, /Freigabe 1\s+03\.12\.2026, \d\d:\d\d\s+1\b/);
      assert.match(batches, /Freigabe 2\s+15\.01\.2027, \d\d:\d\d\s+4\b/);
      // The form letter reads as written; those who did not ask are named (§ 12 Abs. 2 9. BImSchV).
      assert.ok(batches.includes(FORM_LETTER), 'Formbrief ungeschwärzt');
      for (const person of [NAMED.form, NAMED.api, NAMED.paper])
        assert.ok(batches.includes(person.name), person.name);
      await assertRedactedForApplicant(applicant);
    });

    it('the hearing: requested, announced, held on its day, minutes per concern', async () => {
      const worker = await as(WORKER);
      await worker.goto(caseUrl());
      // For wind turbines on land a hearing takes place only on the applicant's request
      // (§ 10 Abs. 6 BImSchG): without it the case worker cannot schedule one, and is told why.
      assert.equal(await worker.locator('#feld-schedule-hearing').count(), 0);
      assert.match(await main(worker), /nur auf Antrag der Antragstellerin/);
      const applicant = await as(APPLICANT);
      await applicant.goto(caseUrl());
      await applicant.locator('#feld-request-hearing button[type=submit]').click();
      await applicant.waitForURL(/ok=request-hearing/);
      await check(applicant, '/verfahren/:id (Antragstellerin, Erörterung beantragt)');
      await worker.goto(caseUrl());
      hearingDate = addDays(demo.today(), 21);
      const form = worker.locator('#feld-schedule-hearing');
      await form
        .getByLabel('Form der Erörterung')
        .selectOption({ label: 'Erörterungstermin vor Ort' });
      await form.getByLabel('Tag des Termins bzw. Ende der Äußerungsfrist').fill(hearingDate);
      await form.getByLabel('Ort oder Internetadresse').fill(HEARING_PLACE);
      await form
        .getByLabel('Begründung (optional)')
        .fill('Die Antragstellerin hat den Erörterungstermin beantragt (§ 10 Abs. 6 BImSchG).');
      await form.locator('button[type=submit]').click();
      await worker.waitForURL(/ok=schedule-hearing/);
      assert.match(await main(worker), /Verfahrensschritt\s+Erörterung/);

      const reader = await citizen('Leserin');
      await reader.goto(url('/bekanntmachungen'));
      await reader.getByRole('link', { name: /Erörterungstermin/ }).click();
      await check(reader, '/bekanntmachungen/:id (Erörterungstermin)');
      const notice = await main(reader);
      assert.match(notice, /Freitag, 5\. Februar 2027/);
      assert.ok(notice.includes(HEARING_PLACE), 'Ort in der Bekanntmachung');
      await assertNothingPersonal(reader);

      await advance(daysBetween(demo.today(), hearingDate));
      await as(WORKER); // the session ended with the time that passed
      await worker.goto(caseUrl());
      await worker.getByRole('link', { name: /^Erörterung: Tagesordnung/ }).click();
      await check(worker, '/verfahren/:id/eroerterung');
      const notes = worker.locator('textarea[name^="minutes."]');
      const items = await notes.count();
      assert.ok(items >= 3, `${items} Punkte der Tagesordnung`);
      for (let n = 0; n < items; n++)
        await notes
          .nth(n)
          .fill(`Erörtert; die Antragstellerin hat zu Punkt ${n + 1} Stellung genommen.`);
      // Staff type a protected objector's name: the minutes the applicant receives must not.
      await notes
        .last()
        .fill(`${PRIVATE.name} trug ihre Einwendung vor; die Antragstellerin hat erwidert.`);
      await worker
        .getByRole('button', { name: 'Tagesordnung und Niederschrift speichern' })
        .click();
      await worker.waitForURL(/gespeichert=tagesordnung/);
      await check(worker, '/verfahren/:id/eroerterung (gespeichert)');
      assert.equal(
        await notes.first().inputValue(),
        'Erörtert; die Antragstellerin hat zu Punkt 1 Stellung genommen.',
      );
      await worker.goto(caseUrl());
      await worker.getByLabel('Verhandlungsleitung (optional)').fill('Dr. Hanna Leitner');
      await worker
        .locator('#feld-record-hearing textarea')
        .fill(
          'Erörterungstermin im Bürgerhaus Lichtenau von 10:00 bis 13:30 Uhr; die Einwendungen wurden nach der Tagesordnung erörtert.',
        );
      await worker.locator('#feld-record-hearing button[type=submit]').click();
      await worker.waitForURL(/ok=record-hearing/);
      assert.match(await main(worker), /Verfahrensschritt\s+Vorbereitung der Entscheidung/);

      // The minutes reach the applicant as a PDF (§ 19 Abs. 2 9. BImSchV), without the objector
      // who asked to stay unrecognisable.
      await as(APPLICANT); // her session, too, ended with the time that passed
      await applicant.goto(caseUrl());
      const minutesLink = applicant
        .getByRole('row', { name: /Niederschrift der Erörterung/ })
        .getByRole('link');
      const minutes = await applicant.request.get(url((await minutesLink.getAttribute('href'))!));
      assert.equal(minutes.status(), 200);
      assert.equal(minutes.headers()['content-type'], 'application/pdf');
      const text = compressedPdfText(await minutes.body()).replace(/\s+/g, ' ');
      assert.match(text, /Verhandlungsleitung: Dr\. Hanna Leitner/);
      assert.match(text, /zu Punkt 1 Stellung genommen/);
      assert.match(text, /trug ihre Einwendung vor/);
      for (const value of PRIVATE_VALUES)
        assert.ok(!text.includes(value), `${value} in der Niederschrift`);
    });

    it('the decision: drafted, signed off by the head of the authority, published and displayed', async () => {
      const worker = await as(WORKER);
      await worker.locator('#feld-decide select[name="decide.outcome"]').selectOption('granted');
      await worker
        .locator('#feld-decide textarea[name="decide.reasons"]')
        .fill('Die Voraussetzungen des § 6 BImSchG liegen vor; die Einwendungen wurden gewürdigt.');
      await worker.locator('#feld-decide button[type=submit]').click();
      await worker.waitForURL(/ok=decide/);
      await worker
        .getByRole('link', { name: 'Alle Schreiben und neues Schreiben entwerfen' })
        .click();
      await check(worker, '/verfahren/:id/schreiben');
      await worker.getByLabel('Art des Schreibens').selectOption({ label: 'Bescheid' });
      await worker.getByRole('button', { name: 'Entwurf erzeugen' }).click();
      await worker.waitForURL(/\/schreiben\/[0-9a-f-]+\?ok=entworfen/);
      const letterUrl = worker.url().split('?')[0]!;
      await check(worker, '/verfahren/:id/schreiben/:letterId');
      const draft = await main(worker);
      // The reasons name the hearing and the assessment of each concern raised (§ 21 9. BImSchV).
      assert.match(draft, /Der Erörterungstermin wurde auf den 5\. Februar 2027 angesetzt/);
      assert.match(draft, /Zu „Lärm“: geprüft/);
      assert.match(draft, /Innerhalb der Einwendungsfrist sind 5 Einwendungen erhoben worden/);
      for (const value of NEVER_PUBLIC) assert.ok(!draft.includes(value), `${value} im Bescheid`);
      await worker.getByLabel('Unterzeichnung durch').selectOption({
        label: 'Dr. Petra Beispiel – Leiterin der Unteren Immissionsschutzbehörde',
      });
      await worker.getByRole('button', { name: 'Zur Zeichnung vorlegen' }).click();
      await worker.waitForURL(/ok=vorgelegt/);

      const head = await as(HEAD);
      await head.goto(url('/zeichnung'));
      await check(head, '/zeichnung');
      await head
        .getByRole('row', { name: new RegExp(TITLE_RE) })
        .getByRole('link', { name: 'Bescheid (Fassung 1)' })
        .click();
      await head.waitForURL(letterUrl);
      await check(head, '/verfahren/:id/schreiben/:letterId (zur Zeichnung)');
      await head.getByRole('button', { name: 'Schreiben zeichnen' }).click();
      await head.waitForURL(/ok=gezeichnet/);
      assert.match(await main(head), /Gezeichnet\s+Lena Leitung/);

      await worker.goto(caseUrl());
      await worker.locator('#feld-publish-decision button[type=submit]').click();
      await worker.waitForURL(/ok=publish-decision/);
      await check(worker, '/verfahren/:id (Bescheid bekannt gemacht)');
      const timeline = await worker.locator('#verlauf ~ ol').innerText();
      assert.match(timeline, /Schreiben gezeichnet: Bescheid – Lena Leitung/);
      assert.doesNotMatch(await main(worker), /– ended|letter-/);
      // From the publication on, the delivery page shows who receives the Bescheid how.
      await worker.goto(url(`/verfahren/${procedureId}/zustellung`));
      await check(worker, '/verfahren/:id/zustellung (bekannt gemacht)');
      assert.match(
        await worker.getByRole('table', { name: 'Zustellungen' }).innerText(),
        /Antragstellerin/,
      );

      const reader = await citizen('Leserin');
      await reader.goto(url('/bekanntmachungen'));
      await reader.getByRole('link', { name: /Bekanntmachung des Genehmigungsbescheids/ }).click();
      await check(reader, '/bekanntmachungen/:id (Bescheid)');
      assert.match(await main(reader), /gilt der Bescheid .* als zugestellt/);
      await assertNothingPersonal(reader);

      // From the next day the full Bescheid is displayed for two weeks (§ 10 Abs. 8 S. 3 BImSchG).
      await advance(1);
      await reader.goto(url(`/beteiligung/${procedureId}`));
      await check(reader, '/beteiligung/:id (Bescheid ausgelegt)');
      const pdfLink = reader.getByRole('link', { name: 'Bescheid mit Begründung (PDF)' });
      const pdf = await reader.request.get(url((await pdfLink.getAttribute('href'))!));
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      await assertNothingPersonal(reader);
    });

    it('at the end of the display the decision counts as delivered and the case is closed', async () => {
      await advance(14);
      const worker = await as(WORKER);
      await worker.goto(caseUrl());
      const closed = await main(worker);
      assert.match(closed, /Verfahrensschritt\s+Bescheid zugestellt, Verfahren abgeschlossen/);
      assert.match(closed, /Bescheid gilt als zugestellt; Verfahren abgeschlossen – automatisch/);
      await check(worker, '/verfahren/:id (abgeschlossen)');
      // Who received the Bescheid how: the applicant, the objectors by the public notice.
      await worker.getByRole('link', { name: 'Zustellung des Bescheids und Briefliste' }).click();
      await check(worker, '/verfahren/:id/zustellung');
      const deliveries = worker.getByRole('table', { name: 'Zustellungen' });
      assert.match(await deliveries.innerText(), /Antragstellerin/);
      assert.match(
        await deliveries.innerText(),
        /gilt mit Ablauf des 19\.02\.2027 als zugestellt|gilt mit Ablauf des \w+, 19\. Februar 2027 als zugestellt/,
      );

      const applicant = await as(APPLICANT);
      await applicant.goto(caseUrl());
      const own = await main(applicant);
      assert.match(own, /Bescheid zugestellt, Verfahren abgeschlossen/);
      // The authority's internal letter work stays internal.
      assert.doesNotMatch(own, /Schreiben entworfen|zur Zeichnung vorgelegt/);
      await applicant.getByRole('link', { name: 'Bescheid', exact: true }).click();
      await check(applicant, '/verfahren/:id/schreiben/:letterId (Antragstellerin)');

      const reader = await citizen('Leserin');
      await reader.goto(url(`/beteiligung/${procedureId}`));
      assert.match(await main(reader), /Das Verfahren ist abgeschlossen\./);
      await assertNothingPersonal(reader);

      // Only the refusals provoked on purpose answered with an error status.
      assert.deepEqual(demo.errors, [
        `400 POST /verfahren/${procedureId}/aktionen/publish-notice`,
        `400 POST /beteiligung/${procedureId}/einwendung`,
        `409 POST /verfahren/${procedureId}/einwendungen/freigabe`,
      ]);
      const problems = await axe.done();
      assert.deepEqual(problems, [], problems.join('\n\n'));
    });
  },
);
