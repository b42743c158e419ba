import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { participationTransitions } from '../../src/permits/procedure-types/transitions-participation.ts';
import { RED_III_2025 } from '../../src/permits/procedure-types/rule-sets.ts';
import { runDeadlineWatch } from '../../src/permits/deadline-watch.ts';
import { proposeRedaction } from '../../src/participation/review/redaction.actions.ts';
import { findObjection } from '../../src/participation/review/review.queries.ts';
import { spanValue } from '../../src/participation/review/objection.views.tsx';
import {
  Client,
  createTestApp,
  csrfTokenFrom,
  DEMO_PASSWORD,
  fixedClock,
  type TestApp,
} from '../helpers/app.ts';
import { signLetter } from '../helpers/letters.ts';
import { objectionMultipart } from '../helpers/multipart.ts';
import { APPLICANT, createPublishedProcedure, WORKER } from '../helpers/participation.ts';
import { apiAs } from '../helpers/permits.ts';
import { contains, crawl, enumerateUrls, type Fetch } from '../helpers/privacy-scan.ts';

/**
 * Invariant 5 and § 12 Abs. 2 9. BImSchV, proven on a whole formal procedure. Objectors with
 * personal data that appears nowhere else – in the fields and in the text: names, addresses,
 * e-mails, phones, IBANs, dates of birth, licence plates, third persons, health – reach the
 * authority by form, API, paper and a signature list; some ask for their name and address to be
 * blacked out, some do not. At every step of the procedure everything the applicant (session and
 * API token), an agency, the supervisory ministry, an anonymous visitor and users of other
 * organisations can reach is read: every GET route with real parameters and every link found.
 * The applicant may read only the released, redacted batches (name and address only of those
 * who did not object to passing them on); special categories and third persons never; all
 * others nothing at all.
 */
interface Objector {
  key: string;
  via: 'form' | 'api' | 'paper' | 'signature-list';
  redactIdentity: boolean;
  name: string;
  address: string;
  email?: string;
  text: string;
  /** Name and address tokens: to the applicant only if the objector did not ask. */
  identity: string[];
  /** Never to the applicant: contact, bank, birth, plate, third persons, health. */
  secret: string[];
  /** The argument itself: to the applicant once released, never to the public. */
  marker: string;
}

const OBJECTORS: Objector[] = [
  {
    key: 'form',
    via: 'form',
    redactIdentity: true,
    name: 'Wendelin Sturmkrähe',
    address: 'Holunderstieg 23, 33165 Lichtenau',
    email: 'w.sturmkraehe@example.org',
    text: 'Ich, Wendelin Sturmkrähe, geboren am 14.03.1958, wohne im Holunderstieg 23. Telefon 05292 417093, E-Mail w.sturmkraehe@example.org. Mein Wagen mit dem Kennzeichen PB-WS 582 steht am Feldweg. Meine Schwägerin Adelgunde Pfefferkorn leidet an Tinnitus; jeder Dauerton verschlimmert das. Erstattung bitte auf DE44 5001 0517 5407 3249 31. Der Kiebitzacker am Sintfeld verliert seine Brutpaare.',
    identity: ['Sturmkrähe', 'Holunderstieg'],
    secret: [
      'sturmkraehe@',
      '417093',
      '14.03.1958',
      'PB-WS 582',
      'Pfefferkorn',
      'Adelgunde',
      'Tinnitus',
      'DE44 5001',
      '3249 31',
    ],
    marker: 'Kiebitzacker am Sintfeld',
  },
  {
    key: 'api',
    via: 'api',
    redactIdentity: false,
    name: 'Ottokar Brennesselmann',
    address: 'Mispelgasse 8, 33165 Lichtenau',
    email: 'ottokar.bn@example.net',
    text: 'Mein Name ist Ottokar Brennesselmann, Mispelgasse 8. Sie erreichen mich unter 0151 73829164 oder ottokar.bn@example.net, geboren 02.11.1971. Meine Nachbarin Roswitha Haselmaier ist Asthmatikerin. Das Kennzeichen meines Traktors ist HX-OB 77. IBAN DE75 4726 0307 0011 2233 44. Die Wegekapelle Sankt Lambertus liegt im Schlagschatten.',
    identity: ['Brennesselmann', 'Mispelgasse'],
    secret: [
      'ottokar.bn@',
      '73829164',
      '02.11.1971',
      'HX-OB 77',
      'Haselmaier',
      'Roswitha',
      'Asthmatikerin',
      'DE75 4726',
      '2233 44',
    ],
    marker: 'Wegekapelle Sankt Lambertus',
  },
  {
    key: 'paper',
    via: 'paper',
    redactIdentity: false,
    name: 'Gerlinde Zaunkönig',
    address: 'Am Mühlenteich 5, 33165 Lichtenau',
    text: 'Gerlinde Zaunkönig, Am Mühlenteich 5, Tel. 05292 884127, gerlinde.zk@example.com. Ich bin Diabetikerin und auf ruhige Nächte angewiesen. Mein Enkel Florian Dachsberger wohnt bei mir. Bankverbindung DE12 3705 0198 1234 5678 90. Die Streuobstwiese am Eschenbach wird zerschnitten.',
    identity: ['Zaunkönig', 'Mühlenteich'],
    secret: ['gerlinde.zk@', '884127', 'Diabetikerin', 'Dachsberger', 'DE12 3705', '5678 90'],
    marker: 'Streuobstwiese am Eschenbach',
  },
  {
    key: 'list',
    via: 'signature-list',
    redactIdentity: false,
    name: 'Ilse Mondscheinwald',
    address: 'Kastanienplatz 2, 33165 Lichtenau',
    text: 'Unterschriftenliste gegen den Windpark. Vertreterin der Unterzeichnenden: Ilse Mondscheinwald, Lehrerin, Kastanienplatz 2, 33165 Lichtenau. Unterzeichnet haben unter anderem Hubertus Kreuzkümmel und Anneliese Rabenschwarz. Das Hochmoor am Sauerbrunnen trocknet durch die Fundamente aus.',
    identity: ['Mondscheinwald', 'Kastanienplatz'],
    secret: ['Kreuzkümmel', 'Rabenschwarz'],
    marker: 'Hochmoor am Sauerbrunnen',
  },
];

/** Uniform submissions of several people, each with a unique name: the group step has work. */
const UNIFORM = [1, 2, 3].map((n) => ({
  name: `Balduin Quendelhof${n}`,
  address: `Wiesenknopfweg ${n}, 33165 Lichtenau`,
  redactIdentity: n !== 2,
  text: `Ich erhebe Einwendung gegen den Windpark. Der Lärm der Anlagen in der Nacht überschreitet die Richtwerte, der Schattenwurf trifft unsere Häuser, und der Rotmilan brütet im Wald nebenan. Die Zuwegung zerstört alte Hecken, der Infraschall ist nicht untersucht, und der Wert unserer Grundstücke sinkt. Wir fordern, den Antrag abzulehnen oder die Anlagen weiter vom Ort abzurücken. Mit freundlichen Grüßen Balduin Quendelhof${n}`,
}));

const APPLICANT_OTHER = 'antrag@windkraft-eggegebirge.example';
const VIEWERS = {
  Antragstellerin: APPLICANT,
  Fachbehörde: 'toeb@lanuk.example',
  Aufsicht: 'aufsicht@mwike.example',
  'andere Behörde': 'sachbearbeitung@brms.example',
  'andere Antragstellerin': APPLICANT_OTHER,
} as const;
type Viewer = keyof typeof VIEWERS | 'Antragstellerin (API)' | 'Fachbehörde (API)' | 'anonym';

describe('personal data of objectors through a whole formal procedure (invariant 5, § 12 Abs. 2 9. BImSchV)', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let worker: Client;
  let workerApi: Awaited<ReturnType<typeof apiAs>>;
  const fetchers = new Map<Viewer, Fetch>();
  let dates: { displayStart: string; objectionEnd: string };
  /** Objectors whose redacted objection the applicant has received. */
  const released = new Set<string>();
  const base = () => `/verfahren/${procedure.id}`;
  const day = (date: string, offset: number) =>
    new Date(Date.parse(`${date}T09:00:00Z`) + offset * 86_400_000);

  before(async () => {
    t = await createTestApp({
      clock,
      env: { OBJECTION_POW_DIFFICULTY: '0', OBJECTION_RATE_LIMIT: '0' },
    });
    await addApplicantElsewhere(t);
    procedure = await createPublishedProcedure(t, { documents: true, eiaRequired: false });
    workerApi = await apiAs(t, WORKER);
    const row = await t.database.db
      .selectFrom('procedures')
      .select('state')
      .where('id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    dates = (row.state as { participation: typeof dates }).participation;
  });
  after(async () => t.close());

  /**
   * Fresh sessions for everybody: the clock jumps by weeks between the steps, and an expired
   * session would turn the scan into an anonymous one.
   */
  async function logInAll() {
    worker = new Client(t.app);
    await worker.logIn(WORKER);
    fetchers.clear();
    for (const [viewer, email] of Object.entries(VIEWERS) as [Viewer, string][]) {
      const client = new Client(t.app);
      await client.logIn(email);
      assert.equal((await client.get('/konto')).statusCode, 200, viewer);
      fetchers.set(viewer, (url) => client.get(url));
    }
    for (const [viewer, email] of [
      ['Antragstellerin (API)', APPLICANT],
      ['Fachbehörde (API)', 'toeb@lanuk.example'],
    ] as const) {
      const token = await apiAs(t, email);
      assert.equal((await token.get('/api/v1/me')).statusCode, 200, viewer);
      fetchers.set(viewer, (url) => token.get(url));
    }
    const anonymous = new Client(t.app);
    fetchers.set('anonym', (url) => anonymous.get(url));
  }

  async function urls(): Promise<string[]> {
    const db = t.database.db;
    const ids = async (table: 'objections' | 'objection_groups' | 'concerns' | 'letters') =>
      (
        await db.selectFrom(table).select('id').where('procedure_id', '=', procedure.id).execute()
      ).map((r) => r.id);
    const notices = await db
      .selectFrom('notices')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .execute();
    const documents = await db
      .selectFrom('documents')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .execute();
    const references = await db
      .selectFrom('objections')
      .select('reference')
      .where('procedure_id', '=', procedure.id)
      .execute();
    const releases = await db
      .selectFrom('objection_releases')
      .select('number')
      .where('procedure_id', '=', procedure.id)
      .execute();
    const list = enumerateUrls(t, {
      byName: {
        id: [procedure.id],
        oid: await ids('objections'),
        groupId: await ids('objection_groups'),
        concernId: await ids('concerns'),
        letterId: await ids('letters'),
        docId: documents.map((d) => d.id),
        reference: references.map((r) => r.reference),
        number: ['1', '2', '3'],
        action: [...new Set(participationTransitions(RED_III_2025).map((a) => a.action))],
      },
      byPrefix: [['/bekanntmachungen/', 'id', notices.map((n) => n.id)]],
    });
    for (const n of releases.map((r) => r.number))
      list.push(`${base()}/einwendungen-antragstellerin?freigabe=${n}`);
    return list;
  }

  /**
   * Reads everything each viewer can reach and fails on any value it must not see. Returns the
   * texts the applicant was served, for the checks that the scan finds what it should.
   */
  async function scan(step: string): Promise<string> {
    await logInAll();
    const served = new Set<string>();
    const start = await urls();
    let applicantText = '';
    for (const [viewer, fetch] of fetchers) {
      const applicant = viewer.startsWith('Antragstellerin');
      const forbidden: string[] = [];
      for (const o of [...OBJECTORS]) {
        forbidden.push(...o.secret);
        const mayRead = applicant && released.has(o.key);
        if (!mayRead) forbidden.push(o.marker);
        if (!mayRead || o.redactIdentity) forbidden.push(...o.identity, o.name);
      }
      for (const u of UNIFORM) {
        const mayRead = applicant && released.has(u.name);
        if (!mayRead || u.redactIdentity) forbidden.push(u.name, u.address.split(',')[0]!);
      }
      const read = await crawl(fetch, start, (url, status, text, type) => {
        assert.ok(status < 500, `${step}: ${viewer} ${url} ${status}`);
        if (status === 200) served.add(type.split(';')[0]!);
        for (const secret of forbidden)
          assert.ok(!contains(text, secret), `${step}: ${viewer} sieht „${secret}“ unter ${url}`);
        if (applicant) applicantText += `\n${text}`;
      });
      assert.ok(read >= start.length, `${step}: ${viewer} hat nur ${read} Antworten gelesen`);
    }
    // The scan reads pages, JSON, PDFs and the feed, not only error pages.
    for (const type of ['text/html', 'application/json', 'application/pdf', 'application/atom+xml'])
      assert.ok(served.has(type), `${step}: nichts vom Typ ${type} gelesen`);
    return applicantText;
  }

  /** The authority's own pages show every value: the scan above looks for values that exist. */
  async function authoritySeesEverything() {
    const objections = await t.database.db
      .selectFrom('objections')
      .select(['id', 'name'])
      .where('procedure_id', '=', procedure.id)
      .execute();
    for (const o of OBJECTORS) {
      const row = objections.find((r) => r.name === o.name);
      assert.ok(row, `${o.key}: nicht gespeichert`);
      const page = await worker.get(`${base()}/einwendungen/${row.id}`);
      assert.equal(page.statusCode, 200);
      for (const value of [...o.secret, ...o.identity, o.marker, o.name])
        assert.ok(contains(page.body, value), `${o.key}: Prüfseite ohne „${value}“`);
    }
  }

  async function setClock(at: Date) {
    clock.set(at);
    await logInAll();
  }

  async function act(action: string, body: object = {}) {
    const response = await workerApi.post(
      `/api/v1/procedures/${procedure.id}/actions/${action}`,
      body,
    );
    assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
  }

  async function submit(o: Objector) {
    if (o.via === 'api') {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/procedures/${procedure.id}/objections`,
        payload: {
          text: o.text,
          name: o.name,
          address: o.address,
          email: o.email,
          redactIdentity: o.redactIdentity,
        },
      });
      assert.equal(response.statusCode, 201, response.body);
    } else if (o.via === 'form') {
      const browser = new Client(t.app);
      const form = await browser.get(`/beteiligung/${procedure.id}/einwendung`);
      const csrf = /_csrf=([^"&]+)/.exec(form.body)?.[1] ?? '';
      const challenge = /name="challenge" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const body = objectionMultipart(
        {
          challenge,
          nonce: '',
          text: o.text,
          name: o.name,
          address: o.address,
          email: o.email ?? '',
          ...(o.redactIdentity ? { redactIdentity: 'true' } : {}),
        },
        [],
      );
      const response = await t.app.inject({
        method: 'POST',
        url: `/beteiligung/${procedure.id}/einwendung?_csrf=${csrf}`,
        headers: { cookie: browser.jar.header(), 'content-type': body.contentType },
        payload: body.payload,
      });
      assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    } else {
      const page = await worker.get(`${base()}/einwendungen/neu`);
      const response = await worker.post(`${base()}/einwendungen/neu`, {
        _csrf: csrfTokenFrom(page.body),
        text: o.text,
        name: o.name,
        address: o.address,
        receivedAt: dates.displayStart,
        channel: o.via,
        externalRef: `PE-${o.key}`,
        signatures: o.via === 'signature-list' ? '120' : '1',
      });
      assert.equal(response.statusCode, 303, response.body.slice(0, 800));
    }
  }

  /** The case worker accepts every proposal of the detector, as the review page offers them. */
  async function review(name: string) {
    const row = await t.database.db
      .selectFrom('objections')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    const objection = (await findObjection(t.database.db, procedure.id, row.id))!;
    const page = await worker.get(`${base()}/einwendungen/${row.id}`);
    const form = new URLSearchParams({ _csrf: csrfTokenFrom(page.body) });
    for (const span of proposeRedaction(objection)) form.append('spans', spanValue(span));
    const response = await t.app.inject({
      method: 'POST',
      url: `${base()}/einwendungen/${row.id}/schwaerzung`,
      headers: {
        cookie: worker.jar.header(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: form.toString(),
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  }

  async function release(umfang: 'all' | 'reviewed') {
    const page = await worker.get(`${base()}/einwendungen/freigabe`);
    const response = await worker.post(`${base()}/einwendungen/freigabe`, {
      _csrf: csrfTokenFrom(page.body),
      umfang,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 800));
  }

  async function step(): Promise<string> {
    const row = await t.database.db
      .selectFrom('procedures')
      .select('step')
      .where('id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    return row.step;
  }

  it('notice published, display not begun: nothing personal exists yet to leak', async () => {
    assert.equal(await step(), 'participation');
    await scan('Bekanntmachung');
  });

  it('objections by form, API, paper and signature list during the display', async () => {
    await setClock(day(dates.displayStart, 2));
    for (const o of OBJECTORS) await submit(o);
    for (const u of UNIFORM) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/procedures/${procedure.id}/objections`,
        payload: u,
      });
      assert.equal(response.statusCode, 201, response.body);
    }
    await authoritySeesEverything();
    await scan('Einwendungsfrist');
  });

  it('after the objection period', async () => {
    await setClock(day(dates.objectionEnd, 1));
    await scan('nach der Einwendungsfrist');
  });

  it('uniform submissions grouped', async () => {
    const computed = await workerApi.post(
      `/api/v1/procedures/${procedure.id}/objection-groups/compute`,
    );
    assert.equal(computed.statusCode, 200, computed.body);
    const groups = await workerApi.get(`/api/v1/procedures/${procedure.id}/objection-groups`);
    assert.ok(
      groups.json<unknown[]>().length >= 1,
      'die gleichförmigen Einwendungen bilden eine Gruppe',
    );
    await scan('gruppiert');
  });

  it('two batches released to the applicant: redacted, identity only where not objected to', async () => {
    await review(OBJECTORS[1]!.name);
    await review(OBJECTORS[2]!.name);
    await release('reviewed');
    released.add('api').add('paper');
    const first = await scan('Freigabe 1');
    for (const o of [OBJECTORS[1]!, OBJECTORS[2]!]) {
      assert.ok(contains(first, o.marker), `Antragstellerin ohne „${o.marker}“`);
      assert.ok(contains(first, o.identity[0]!), `Antragstellerin ohne „${o.identity[0]}“`);
    }
    for (const o of [OBJECTORS[0]!, OBJECTORS[3]!]) await review(o.name);
    for (const u of UNIFORM) await review(u.name);
    await release('all');
    for (const key of ['form', 'list', ...UNIFORM.map((u) => u.name)]) released.add(key);
    const second = await scan('Freigabe 2');
    assert.ok(contains(second, OBJECTORS[0]!.marker));
    assert.ok(contains(second, OBJECTORS[3]!.identity[0]!), 'Vertreterin der Liste fehlt');
    assert.ok(contains(second, UNIFORM[1]!.name), 'Name ohne Wunsch nach Schwärzung fehlt');
  });

  it('hearing scheduled', async () => {
    const hearingDate = day(dates.objectionEnd, 20).toISOString().slice(0, 10);
    // For onshore wind only on the applicant's request (§ 10 Abs. 6 BImSchG), here by letter.
    await act('request-hearing', { receivedOn: dates.objectionEnd });
    await act('schedule-hearing', {
      format: 'in-person',
      date: hearingDate,
      place: 'Rathaus Lichtenau, Ratssaal',
    });
    assert.equal(await step(), 'hearing');
    await scan('Erörterungstermin angesetzt');
    await setClock(day(dates.objectionEnd, 20));
  });

  it('hearing held, minutes recorded', async () => {
    const form = await worker.get(`${base()}/eroerterung`);
    assert.equal(form.statusCode, 200);
    const field = /name="(note\.[0-9a-f-]{36})"/.exec(form.body)?.[1];
    if (field) {
      const saved = await worker.post(`${base()}/eroerterung`, {
        _csrf: csrfTokenFrom(form.body),
        [field]: 'Die Schallprognose wurde erläutert; Nachtbetrieb schallreduziert.',
      });
      assert.ok(saved.statusCode < 400, saved.body.slice(0, 500));
    }
    await act('record-hearing', {
      minutes: 'Erörtert wurden Lärm, Artenschutz und Landschaftsbild; Niederschrift je Belang.',
    });
    assert.equal(await step(), 'decision-drafting');
    await scan('Erörterung durchgeführt');
  });

  it('decided', async () => {
    await act('decide', {
      outcome: 'granted',
      conditions: ['Nächtliche Abschaltung bei Überschreitung von 40 dB(A).'],
      reasons:
        'Die Genehmigungsvoraussetzungen des § 6 BImSchG liegen vor; die Einwendungen wurden gewürdigt.',
    });
    assert.equal(await step(), 'decided');
    await scan('entschieden');
  });

  it('decision published and on display', async () => {
    await signLetter(t, procedure.id, 'decision');
    await act('publish-decision');
    assert.equal(await step(), 'decision-published');
    await scan('Bescheid bekannt gemacht');
    await setClock(new Date(clock.now().getTime() + 2 * 86_400_000));
    await scan('Bescheid ausgelegt');
  });

  it('closed after the display: deemed delivered', async () => {
    await setClock(new Date(clock.now().getTime() + 20 * 86_400_000));
    await runDeadlineWatch(t.deps);
    assert.equal(await step(), 'delivered');
    const closed = await scan('abgeschlossen');
    assert.ok(contains(closed, OBJECTORS[1]!.marker), 'freigegebene Einwendungen bleiben lesbar');
    await authoritySeesEverything();
  });
});

/** An applicant company that takes no part in this procedure. */
async function addApplicantElsewhere(t: TestApp) {
  const db = t.database.db;
  const organisation = await db
    .insertInto('organisations')
    .values({ name: 'Windkraft Eggegebirge GmbH (Beispiel)', kind: 'company' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({
      email: APPLICANT_OTHER,
      display_name: 'Windkraft Eggegebirge',
      password_hash: await hashPassword(DEMO_PASSWORD),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ user_id: user.id, organisation_id: organisation.id, role: 'applicant' })
    .execute();
}
