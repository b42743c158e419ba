import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { jobHandlers } from '../../src/app.ts';
import { runFundingAlerts } from '../../src/funding/finder/alert.job.ts';
import {
  fundingProgrammeVersions,
  TRANSFORMATION_CONCEPTS_2022,
} from '../../src/law/funding/index.ts';
import type { FundingProgrammeVersion } from '../../src/law/funding/index.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { enqueueJob, runDueJobs } from '../../src/platform/jobs.ts';
import {
  Client,
  createTestApp,
  csrfTokenFrom,
  DEMO_PASSWORD,
  fixedClock,
  type TestApp,
} from '../helpers/app.ts';

const APPLICANT = 'antrag@windpark-sintfeld.example';
const OTHER_APPLICANT = 'antrag@metallbau-anderswo.example';
const CASE_WORKER = 'sachbearbeitung@kreis-paderborn.example';

/** A small metalworking firm in Paderborn planning a transformation concept next spring. */
const GOOD: Record<string, string> = {
  pruefen: '1',
  naceCode: '25.11',
  staffHeadcount: '30',
  turnover: '5.000.000',
  balanceSheet: '3.000.000',
  seatAgs: '05774032',
  undertakingInDifficulty: 'nein',
  measure: 'transformation-concept',
  eligibleCosts: '80.000',
  plannedStart: '01.03.2027',
  siteInNrw: 'ja',
};
const url = (fields: Record<string, string>) => `/foerderfinder?${new URLSearchParams(fields)}`;

interface Received {
  to: string[];
  data: string;
}

/** A real SMTP server on loopback that records what it receives. */
async function startSmtp(): Promise<{
  port: number;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Mail bodies arrive quoted-printable; this undoes the soft breaks and the encoded bytes. */
function decoded(data: string): string {
  return Buffer.from(
    data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => `%${h}`),
    'latin1',
  )
    .toString('latin1')
    .replace(/(%[0-9A-F]{2})+/g, (m) => decodeURIComponent(m));
}

async function addCompanyApplicant(t: TestApp, email: string, name: string): Promise<string> {
  const db = t.database.db;
  const org = await db
    .insertInto('organisations')
    .values({ name, kind: 'company' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({ email, display_name: name, password_hash: await hashPassword(DEMO_PASSWORD) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ user_id: user.id, organisation_id: org.id, role: 'applicant' })
    .execute();
  return org.id;
}

async function alertCount(t: TestApp): Promise<number> {
  const row = await t.database.db
    .selectFrom('funding_alerts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('Förderfinder: page, API and e-mail alerts', () => {
  const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp({
      clock,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'Industrieland <noreply@industrieland.example>',
        PUBLIC_URL: 'https://portal.example/',
      },
    });
    await addCompanyApplicant(t, OTHER_APPLICANT, 'Metallbau Anderswo GmbH (Beispiel)');
  });
  after(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('is linked from the home page and the navigation and shows the empty form', async () => {
    const home = await t.app.inject({ url: '/' });
    assert.match(home.body, /href="\/foerderfinder"[^>]*>\s*Zum Förderfinder/);
    const page = await t.app.inject({ url: '/foerderfinder' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1[^>]*>Förderfinder<\/h1>/);
    assert.match(page.body, /<form method="get" action="\/foerderfinder"/);
    assert.match(page.body, /class="site-nav"[\s\S]*href="\/foerderfinder"/);
    assert.doesNotMatch(page.body, /id="ergebnis"/);
  });

  it('shows results with status, deciding reasons, citations, amount and the rule tree', async () => {
    const page = await t.app.inject({ url: url(GOOD) });
    assert.equal(page.statusCode, 200);
    const body = page.body;
    assert.match(body, /Förderung von Transformationskonzepten/);
    assert.match(body, /förderfähig/);
    assert.match(body, /52\.000,00 €/);
    assert.match(body, /Entscheidende Voraussetzungen/);
    assert.match(body, /VV Nr\. 1\.3 zu § 44 LHO NRW/);
    assert.match(body, /<details class="finder-details"><summary>Alle Voraussetzungen/);
    assert.match(body, /De-minimis-Beihilfe \(Verordnung \(EU\) 2023\/2831\)/);
    // Relief instruments ask for the consumption and link the calculator.
    assert.match(body, /Stromsteuer: Entlastung für Unternehmen/);
    assert.match(body, /href="\/stromkostenrechner"/);
    // Values are kept in the form, so the result link reproduces the page.
    assert.match(body, /name="eligibleCosts"[^>]*value="80\.000"/);
    // Anonymous visitors are told how to get alerts; no save form without a company login.
    assert.match(body, /Registrierte Unternehmen können diese Suche speichern/);
    assert.doesNotMatch(body, /action="\/foerderfinder\/benachrichtigungen"/);
  });

  it('refuses hostile values with a German error summary naming the field, values kept', async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ eligibleCosts: '-5.000' }, 'eligibleCosts', /förderfähigen Kosten darf nicht negativ/],
      [{ naceCode: '34.10' }, 'naceCode', /kein bekannter WZ-2008-\/NACE-Code/],
      [{ staffHeadcount: '0' }, 'staffHeadcount', /Beschäftigten muss zwischen 1 und/],
      [
        { turnover: 'zehn Millionen' },
        'turnover',
        /Jahresumsatz „zehn Millionen“ ist kein Eurobetrag/,
      ],
      [{ seatAgs: '5774032' }, 'seatAgs', /8 Ziffern/],
      [{ plannedStart: '31.02.2027' }, 'plannedStart', /kein gültiges Datum/],
      [{ measure: 'rakete' }, 'measure', /Maßnahme ist nicht bekannt/],
      [{ deadlineBefore: 'morgen' }, 'deadlineBefore', /kein gültiges Datum/],
      [{ sort: 'zufall' }, 'sort', /Sortierung/],
      [{ employeesToTrain: '2,5' }, 'employeesToTrain', /ganze Zahl/],
      [{ consumptionKwh: '-1' }, 'consumptionKwh', /Stromverbrauch darf nicht negativ/],
    ];
    for (const [change, field, message] of cases) {
      const page = await t.app.inject({ url: url({ ...GOOD, ...change }) });
      assert.equal(page.statusCode, 400, `${field}: ${page.statusCode}`);
      assert.match(page.body, /<title>Fehler: Förderfinder/);
      assert.match(page.body, new RegExp(`href="#feld-${field}"`), field);
      assert.match(page.body, message, field);
      // Typed values are kept (a choice that is not in a list cannot be shown as chosen).
      if (field !== 'measure' && field !== 'sort') {
        const [value] = Object.values(change);
        const shown = value!.replace(/"/g, '&quot;');
        assert.ok(page.body.includes(`value="${shown}"`), `${field}: Wert nicht erhalten`);
      }
      assert.doesNotMatch(page.body, /id="ergebnis"/);
    }
  });

  it('never answers 5xx and escapes what it echoes', async () => {
    const hostile: Record<string, string>[] = [
      { ...GOOD, naceCode: '<script>alert(1)</script>' },
      { ...GOOD, turnover: '9'.repeat(400) },
      { ...GOOD, staffHeadcount: '1e308' },
      { ...GOOD, units: 'NaN' },
      { pruefen: '1' },
    ];
    for (const fields of hostile) {
      const page = await t.app.inject({ url: url(fields) });
      assert.equal(page.statusCode, 400, JSON.stringify(fields).slice(0, 80));
      assert.doesNotMatch(page.body, /<script>alert/);
    }
    const repeated = await t.app.inject({
      url: '/foerderfinder?pruefen=1&naceCode=25&naceCode=26',
    });
    assert.ok(repeated.statusCode < 500);
    const proto = await t.app.inject({ url: '/foerderfinder?pruefen=1&__proto__=x&constructor=y' });
    assert.ok(proto.statusCode < 500);
  });

  it('API: every programme and relief entry with reasons, citations, inputs and amount', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/funding/finder',
      payload: {
        company: {
          naceCode: '43.22',
          staffHeadcount: 12,
          seatAgs: '05315000',
          craftsChamberMember: true,
          trade: 'shk',
          consumptionKwh: 150_000,
        },
        measure: {
          kind: 'heat-pump-training',
          employeesToTrain: 2,
          trainingDaysPerEmployee: 2,
          trainingForPlanningStaff: true,
        },
        date: '2026-12-03',
      },
    });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json<{
      entries: {
        id: string;
        kind: string;
        eligibility: string;
        amount: { amountCents: number; steps: { text: string }[] };
        decidingReasons: { citation: string; inputs: { fact: string; value: unknown }[] }[];
        reasons: { parameters: unknown[] }[];
      }[];
    }>();
    const bonus = result.entries.find(
      (e) => e.id === 'progres-bildungspraemie-waermepumpe-2026-01',
    )!;
    assert.equal(bonus.eligibility, 'eligible');
    assert.equal(bonus.amount.amountCents, 200_000);
    assert.ok(bonus.decidingReasons.every((r) => r.citation.length > 3));
    assert.ok(bonus.decidingReasons.some((r) => r.inputs.some((i) => i.fact === 'trade')));
    const tax = result.entries.find((e) => e.id === 'electricity-tax')!;
    assert.equal(tax.kind, 'relief');
    // With the consumption, the § 9b relief is computed with its parameter versions.
    assert.ok(tax.reasons.some((r) => r.parameters.length > 0));
    assert.ok(tax.amount.steps.length > 0);
  });

  it('API: bad input is problem+json naming the field; nothing is guessed', async () => {
    const cases: [unknown, string][] = [
      [
        { company: { naceCode: '25.11', staffHeadcount: 3 }, measure: { eligibleCostsCents: -1 } },
        'measure.eligibleCostsCents',
      ],
      [{ company: { naceCode: '00.00', staffHeadcount: 3 } }, 'company.naceCode'],
      [{ company: { naceCode: '25.11', staffHeadcount: 0 } }, 'company.staffHeadcount'],
      [
        { company: { naceCode: '25.11', staffHeadcount: 3, turnoverCents: 'viel' } },
        'turnoverCents',
      ],
      [{ company: { naceCode: '25.11', staffHeadcount: 3, rocket: true } }, 'rocket'],
      [
        { company: { naceCode: '25.11', staffHeadcount: 3 }, filters: { minAmountCents: -5 } },
        'filters.minAmountCents',
      ],
      [{ company: { naceCode: '25.11', staffHeadcount: 3 }, date: '2026-02-30' }, 'date'],
      // Before the first version of a relief parameter: refused by field, not a server error.
      [
        {
          company: { naceCode: '25.11', staffHeadcount: 3, consumptionKwh: 1000 },
          date: '2011-01-01',
        },
        'date',
      ],
    ];
    for (const [payload, field] of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/funding/finder',
        payload: payload as object,
      });
      assert.equal(response.statusCode, 400, `${field}: ${response.body}`);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      const problem = response.json<{
        detail: string;
        errors?: { field: string; message: string }[];
      }>();
      assert.ok(
        problem.errors?.some((e) => e.field.includes(field)),
        `${field}: ${JSON.stringify(problem.errors)}`,
      );
      assert.doesNotMatch(problem.detail, /undefined|TypeError/);
    }
  });

  it('API: the catalogue lists every version with validity, sources, legal basis and aid kind', async () => {
    const response = await t.app.inject({ url: '/api/v1/funding/programmes' });
    assert.equal(response.statusCode, 200);
    const { versions } = response.json<{
      versions: {
        versionId: string;
        validFrom: string;
        inForce: boolean;
        sources: string[];
        legalBasis: string[];
        stateAid: { kind: string };
        fundingBody: string;
      }[];
    }>();
    assert.equal(versions.length, fundingProgrammeVersions.length);
    for (const v of versions) {
      assert.match(v.validFrom, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(v.sources.length > 0 && v.legalBasis.length > 0 && v.fundingBody.length > 0);
      assert.equal(v.stateAid.kind, 'de-minimis');
      assert.equal(v.inForce, true);
    }
  });

  describe('e-mail alerts', () => {
    const applicant = () => {
      const c = new Client(t.app);
      return c.logIn(APPLICANT).then(() => c);
    };
    let alertId: string;

    it('only company applicants may open the alerts; others are refused', async () => {
      const anonymous = await t.app.inject({ url: '/foerderfinder/benachrichtigungen' });
      assert.ok([303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
      const worker = new Client(t.app);
      await worker.logIn(CASE_WORKER);
      assert.equal((await worker.get('/foerderfinder/benachrichtigungen')).statusCode, 403);
      const results = await worker.get(url(GOOD));
      assert.doesNotMatch(results.body, /action="\/foerderfinder\/benachrichtigungen"/);
      const page = await worker.get('/');
      const refused = await worker.post('/foerderfinder/benachrichtigungen', {
        _csrf: csrfTokenFrom(page.body),
        query: new URLSearchParams(GOOD).toString(),
      });
      assert.equal(refused.statusCode, 403);
      assert.equal(await alertCount(t), 0);
    });

    it("prefills the company answers from the applicant's company profile", async () => {
      const client = await applicant();
      const empty = await client.get('/foerderfinder');
      const link =
        /<a class="kern-link" href="([^"]+)">Angaben aus Ihrem Unternehmensprofil übernehmen/
          .exec(empty.body)?.[1]
          ?.replace(/&amp;/g, '&');
      assert.ok(link, 'Link zur Übernahme aus dem Profil fehlt');
      const filled = await client.get(link);
      assert.equal(filled.statusCode, 200, filled.body.slice(0, 500));
      // The demo company is an electricity producer (WZ 35.11) seated in Bad Wünnenberg.
      assert.match(filled.body, /name="naceCode"[^>]*value="35\.11"/);
      assert.match(filled.body, /name="seatAgs"[^>]*value="05774028"/);
      assert.match(filled.body, /id="ergebnis"/);
      // Without a company membership there is nothing to take over.
      const anonymous = await t.app.inject({ url: '/foerderfinder' });
      assert.doesNotMatch(anonymous.body, /Unternehmensprofil übernehmen/);
    });

    it('a company applicant saves the search from the results page (CSRF, PRG)', async () => {
      const client = await applicant();
      const results = await client.get(url(GOOD));
      assert.match(results.body, /Bei neuen passenden Programmen benachrichtigen/);
      const noToken = await client.post('/foerderfinder/benachrichtigungen', {
        query: new URLSearchParams(GOOD).toString(),
      });
      assert.equal(noToken.statusCode, 403);
      assert.equal(await alertCount(t), 0);
      const query = /name="query" value="([^"]*)"/.exec(results.body)![1]!.replace(/&amp;/g, '&');
      const saved = await client.post('/foerderfinder/benachrichtigungen', {
        _csrf: csrfTokenFrom(results.body),
        query,
        label: 'Konzept <Frühjahr>',
      });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, '/foerderfinder/benachrichtigungen?gespeichert=1');
      const list = await client.get('/foerderfinder/benachrichtigungen?gespeichert=1');
      assert.match(list.body, /Die Suche ist gespeichert/);
      assert.match(list.body, /Konzept &lt;Frühjahr>/);
      const row = await t.database.db
        .selectFrom('funding_alerts')
        .innerJoin('organisations', 'organisations.id', 'funding_alerts.tenant_id')
        .select(['funding_alerts.id', 'organisations.name', 'funding_alerts.answers'])
        .executeTakeFirstOrThrow();
      alertId = row.id;
      assert.match(row.name, /Windpark Sintfeld/);
      assert.equal(
        (row.answers as { measure: { eligibleCostsCents: number } }).measure.eligibleCostsCents,
        8_000_000,
      );
    });

    it('a search with bad values is refused and nothing is saved', async () => {
      const client = await applicant();
      const page = await client.get('/foerderfinder/benachrichtigungen');
      const refused = await client.post('/foerderfinder/benachrichtigungen', {
        _csrf: csrfTokenFrom(page.body),
        query: new URLSearchParams({ ...GOOD, turnover: 'viel' }).toString(),
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Jahresumsatz „viel“ ist kein Eurobetrag/);
      assert.equal(await alertCount(t), 1);
    });

    it("another company's applicant neither sees nor deletes the alert (404)", async () => {
      const other = new Client(t.app);
      await other.logIn(OTHER_APPLICANT);
      const list = await other.get('/foerderfinder/benachrichtigungen');
      assert.equal(list.statusCode, 200);
      assert.doesNotMatch(list.body, /Konzept/);
      const removed = await other.post(`/foerderfinder/benachrichtigungen/${alertId}/loeschen`, {
        _csrf: csrfTokenFrom(list.body),
      });
      assert.equal(removed.statusCode, 404);
      assert.equal(await alertCount(t), 1);
    });

    it('the job mails only programmes that match after saving, each once, also on a rerun', async () => {
      // What the results page showed when the search was saved is recorded, not mailed.
      const known = await t.database.db
        .selectFrom('funding_alert_deliveries')
        .select(['version_id', 'mail_id'])
        .where('alert_id', '=', alertId)
        .execute();
      assert.deepEqual(
        known.map((d) => [d.version_id, d.mail_id]),
        [[TRANSFORMATION_CONCEPTS_2022.versionId, null]],
      );
      await enqueueJob(t.database.db, 'funding:alerts', {});
      await runDueJobs({ connectionString: t.database.url, handlers: jobHandlers(t.deps) });
      assert.equal(smtp.received.length, 0);

      // A new guideline version comes into force: exactly that version is mailed.
      const revised: FundingProgrammeVersion = {
        ...TRANSFORMATION_CONCEPTS_2022,
        versionId: 'nrw-transformationskonzepte-2026-12',
        validFrom: '2026-12-01',
      };
      const run = () =>
        runFundingAlerts({
          db: t.database.db,
          now: clock.now(),
          catalogue: [...fundingProgrammeVersions, revised],
          publicUrl: t.deps.config.publicUrl,
        });
      assert.deepEqual(await run(), { alerts: 1, mails: 1, versions: 1 });
      await runDueJobs({ connectionString: t.database.url, handlers: jobHandlers(t.deps) });
      assert.equal(smtp.received.length, 1);
      const mail = decoded(smtp.received[0]!.data);
      assert.deepEqual(smtp.received[0]!.to, [APPLICANT]);
      assert.match(mail, /ein.neues.passendes/);
      assert.match(mail, /Förderung von Transformationskonzepten/);
      assert.match(mail, /Konzept <Frühjahr>/);
      assert.match(mail, /https:\/\/portal\.example\/foerderfinder\?pruefen=1/);
      const sent = await t.database.db
        .selectFrom('funding_alert_deliveries')
        .select(['version_id', 'mail_id'])
        .where('alert_id', '=', alertId)
        .where('version_id', '=', revised.versionId)
        .executeTakeFirstOrThrow();
      assert.ok(sent.mail_id);

      // Rerun (the next day's job, or a second worker): nothing new, nothing sent.
      assert.deepEqual(await run(), { alerts: 1, mails: 0, versions: 0 });
      await runDueJobs({ connectionString: t.database.url, handlers: jobHandlers(t.deps) });
      assert.equal(smtp.received.length, 1);
    });

    it('the applicant deletes the alert (PRG); its deliveries go with it', async () => {
      const client = await applicant();
      const list = await client.get('/foerderfinder/benachrichtigungen');
      const removed = await client.post(`/foerderfinder/benachrichtigungen/${alertId}/loeschen`, {
        _csrf: csrfTokenFrom(list.body),
      });
      assert.equal(removed.statusCode, 303);
      assert.equal(await alertCount(t), 0);
      const left = await t.database.db.selectFrom('funding_alert_deliveries').selectAll().execute();
      assert.equal(left.length, 0);
      const gone = await client.post(`/foerderfinder/benachrichtigungen/${alertId}/loeschen`, {
        _csrf: csrfTokenFrom(list.body),
      });
      assert.equal(gone.statusCode, 404);
    });
  });
});
