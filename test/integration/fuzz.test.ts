import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import { createApiToken } from '../../src/platform/auth/auth.queries.ts';
import { listRoutes } from '../../src/platform/server.ts';
import { statusToken } from '../../src/participation/intake/status-token.ts';
import { jobHandlers } from '../../src/app.ts';
import { runDueJobs } from '../../src/platform/jobs.ts';
import { purposeKey } from '../../src/participation/participation.types.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { SAMPLE_PDF } from '../helpers/multipart.ts';
import {
  APPLICANT,
  createPublishedProcedure,
  seedObjections,
  WORKER,
} from '../helpers/participation.ts';
import { orgId } from '../helpers/permits.ts';
import { nextTransactionId, snapshotFiles, snapshotTables } from '../helpers/snapshot.ts';

/**
 * Every route the app registers and every operation its OpenAPI document names, called with real
 * ids and with hostile values in path, query and body, anonymously and as a logged-in case worker
 * (session and CSRF token for pages, API token for the JSON API). Whatever comes back:
 * - never a 5xx;
 * - an error is problem+json in the API and a German HTML page elsewhere;
 * - a redirect stays on this site;
 * - a refused request (4xx) writes no row and no file, and a GET writes nothing at all;
 * - any input with a NUL character is refused with 400 (unless access was refused first).
 * Inputs are drawn from a fixed table and from fast-check with a fixed seed, so a failure repeats.
 */

const SEED = 20_261_202;
const ADMIN = 'admin@industrieland.example';
const NUL = '\u0000';

interface Route {
  method: string;
  url: string;
}

type Actor = 'anonymous' | 'worker' | 'admin';

interface Fixture {
  procedureId: string;
  noticeId: string;
  docId: string;
  objectionId: string;
  reference: string;
  token: string;
  concernId: string;
  groupId: string;
  agencyOrgId: string;
  userId: string;
  apiTokenId: string;
}

/** Path values that have broken routes elsewhere, already %-encoded for the URL. */
const HOSTILE_SEGMENTS = [
  '%00',
  'a%00b',
  '..%2F..%2Fetc%2Fpasswd',
  "'%20or%201%3D1--",
  '%0D%0ALocation:%20%2F%2Fevil.example',
  '%2F%2Fevil.example',
  'x'.repeat(400),
  '00000000-0000-0000-0000-000000000000',
  '%FF%FE',
  '%E2%80%AE',
  '-1',
  '9'.repeat(40),
];

const HOSTILE_QUERIES = [
  '?q=%00',
  '?weiter=%2F%09%2Fevil.example%2F&ok=%0D%0A&anzahl=-1',
  '?year=&jahr=&start=%00&duration=P99999999999999999999D&counting=x',
  '?x[]=1&x[]=2&q=a&q=b',
  '?__proto__[x]=1&constructor[prototype][x]=1',
  '?personal=vielleicht&personenbezogen=2&overdue=ja&alle=%00',
  `?q=${'%C3%A4'.repeat(300)}`,
  '?%FF=%FE',
];

/** Strings with control characters, surrogates, markup and very long runs (seeded). */
function hostileStrings(count: number): string[] {
  const arbitrary = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '<script>alert(1)</script>',
      "'; drop table objections; --",
      '\r\n\r\n',
      '\uD800',
      '\u202E',
      ' '.repeat(12),
      'ä'.repeat(60_000),
      '{{7*7}}',
      '../../etc/passwd',
    ),
  );
  return fc.sample(arbitrary, { seed: SEED, numRuns: count });
}

function jsonBodies(): unknown[] {
  let deep: unknown = 'tief';
  for (let i = 0; i < 2000; i += 1) deep = [deep];
  const generated = fc.sample(
    fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
    { seed: SEED + 1, numRuns: 4 },
  );
  return [
    {},
    [],
    'text',
    123,
    { text: `Einwendung${NUL}`, name: 'Erika', address: 'Hauptstraße 1' },
    { text: 123, emial: 'erika@example.org', version: 'eins' },
    JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
    { title: 'x'.repeat(100_000), authorityId: '00000000-0000-0000-0000-000000000000' },
    { attachments: [{ filename: `a${NUL}.pdf`, contentBase64: '!!!' }], text: 'Lärm' },
    { deep },
    ...generated,
  ];
}

function formBodies(strings: string[]): Record<string, string>[] {
  const fields = ['text', 'label', 'description', 'email', 'password', 'name', 'address', 'title'];
  const rows = strings.map((value, i) => ({
    [fields[i % fields.length]!]: value,
    version: value,
    weiter: '/\t/evil.example/',
  }));
  return [{}, { label: `Lärm${NUL}`, text: `a${NUL}` }, ...rows];
}

function multipartBody(options: { boundary?: string; filename?: string; truncate?: boolean }) {
  const boundary = options.boundary ?? 'fuzzgrenze';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\nEinwendung gegen Lärm\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="docType"\r\n\r\nsite-plans\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.filename ?? 'a.pdf'}"\r\nContent-Type: application/pdf\r\n\r\n`,
      'latin1',
    ),
    SAMPLE_PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    payload: options.truncate ? body.subarray(0, body.length - 40) : body,
    contentType: `multipart/form-data; boundary=${options.boundary ?? boundary}`,
  };
}

const MULTIPART_BODIES = [
  { ...multipartBody({ truncate: true }), nul: false },
  { ...multipartBody({}), contentType: 'multipart/form-data; boundary=', nul: false },
  { ...multipartBody({}), contentType: 'multipart/form-data', nul: false },
  { ...multipartBody({ filename: `a${NUL}.pdf` }), nul: true },
];

/** Machine interfaces answer errors as problem+json; the OGC API does so unless HTML is asked for. */
function isApi(url: string): boolean {
  return (
    url.startsWith('/api/v1') ||
    url.startsWith('/healthz') ||
    url.startsWith('/openapi.json') ||
    url === '/ogc' ||
    url.startsWith('/ogc/') ||
    url.startsWith('/ogc?')
  );
}

/** The real value for a path parameter, chosen by its name and the route. */
function realValue(fixture: Fixture, url: string, name: string): string {
  switch (name) {
    case 'id':
      if (url.startsWith('/admin/benutzer')) return fixture.userId;
      if (url.startsWith('/konto/tokens')) return fixture.apiTokenId;
      if (url.startsWith('/bekanntmachungen')) return fixture.noticeId;
      return fixture.procedureId;
    case 'docId':
      return fixture.docId;
    case 'oid':
      return fixture.objectionId;
    case 'token':
      return fixture.token;
    case 'reference':
      return fixture.reference;
    case 'groupId':
      return fixture.groupId;
    case 'concernId':
      return fixture.concernId;
    case 'agencyOrgId':
      return fixture.agencyOrgId;
    case 'action':
      return 'confirm-receipt';
    default:
      return 'unbekannt';
  }
}

function paramNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
}

function fillPath(url: string, values: Record<string, string>): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => values[name]!);
}

/** Takes `count` items of `list`, continuing where the previous call stopped (deterministic). */
function rotate<T>(list: readonly T[], count: number, cursor: { at: number }): T[] {
  const taken: T[] = [];
  for (let i = 0; i < Math.min(count, list.length); i += 1) {
    taken.push(list[cursor.at % list.length]!);
    cursor.at += 1;
  }
  return taken;
}

interface Inputs {
  segments: string[];
  jsonBodies: unknown[];
  formBodies: Record<string, string>[];
}

interface Case {
  actor: Actor;
  options: InjectOptions & { method: string; url: string };
  /** The input carries a NUL character: it must be refused with 400. */
  nul: boolean;
}

const FORM = 'application/x-www-form-urlencoded';

describe('fuzzing every route: no 5xx, German errors, refused requests change nothing', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let fixture: Fixture;
  let routes: Route[];
  const sessions = new Map<Actor, { cookie: string; csrf: string; bearer?: string }>();
  const failures: string[] = [];
  const publicRoutes = new Set<string>();
  const cursors = { segment: { at: 0 }, query: { at: 0 }, json: { at: 0 }, form: { at: 0 } };

  before(async () => {
    t = await createTestApp({ clock });
    const procedure = await createPublishedProcedure(t, { documents: true });
    clock.advance(8 * 86_400_000);
    const db = t.database.db;
    const [objectionId] = await seedObjections(t, procedure, [
      { text: 'Ich erhebe Einwendungen wegen des Lärms in der Nacht.', name: 'Erika Muster' },
      { text: 'Ich erhebe Einwendungen wegen des Lärms in der Nacht!', name: 'Max Muster' },
    ]);
    const objection = await db
      .selectFrom('objections')
      .select(['reference'])
      .where('id', '=', objectionId!)
      .executeTakeFirstOrThrow();
    const doc = await db
      .selectFrom('documents')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    const notice = await db.selectFrom('notices').select('id').executeTakeFirstOrThrow();
    const user = (email: string) =>
      db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const worker = new Client(t.app);
    await worker.logIn(WORKER);
    const concern = await worker.submit(
      `/verfahren/${procedure.id}/belange`,
      `/verfahren/${procedure.id}/belange/neu`,
      { label: 'Prüfbelang Fuzz', description: 'Schall in der Nacht' },
    );
    assert.equal(concern.statusCode, 303, concern.body.slice(0, 300));
    const concernRow = await db.selectFrom('concerns').select('id').executeTakeFirstOrThrow();
    const groups = await worker.submit(
      `/verfahren/${procedure.id}/einwendungen/gruppen`,
      `/verfahren/${procedure.id}/einwendungen/gruppen/berechnen`,
      {},
    );
    assert.ok(groups.statusCode < 400, groups.body.slice(0, 300));
    // Detection runs as a background job; the queue runs it here.
    await runDueJobs({ connectionString: t.database.url, handlers: jobHandlers(t.deps) });
    const group = await db.selectFrom('objection_groups').select('id').executeTakeFirst();
    const workerUser = await user(WORKER);
    // A token the fuzzer may revoke; the worker's API calls use another one.
    const spare = await createApiToken(db, workerUser.id, 'Fuzz: darf widerrufen werden');
    const api = await createApiToken(db, workerUser.id, 'Fuzz');
    fixture = {
      procedureId: procedure.id,
      noticeId: notice.id,
      docId: doc.id,
      objectionId: objectionId!,
      reference: objection.reference,
      token: statusToken(purposeKey(t.deps, 'objection-status'), objectionId!),
      concernId: concernRow.id,
      groupId: group?.id ?? '00000000-0000-0000-0000-000000000001',
      agencyOrgId: await orgId(t, 'Landesamt für Natur'),
      userId: (await user(APPLICANT)).id,
      apiTokenId: spare.id,
    };
    for (const [actor, email] of [
      ['anonymous', undefined],
      ['worker', WORKER],
      ['admin', ADMIN],
    ] as const) {
      // Anonymous visitors hold a CSRF token too: the public forms need it.
      const client = new Client(t.app);
      if (email) await client.logIn(email);
      const page = await client.get(email ? '/konto' : '/anmelden');
      sessions.set(actor, {
        cookie: client.jar.header(),
        csrf: csrfTokenFrom(page.body),
        bearer: actor === 'worker' ? `Bearer ${api.token}` : undefined,
      });
    }

    const table = new Map<string, Route>();
    for (const route of listRoutes(t.app)) {
      table.set(`${route.method} ${route.url}`, route);
      if (route.access === 'public') publicRoutes.add(`${route.method} ${route.url}`);
    }
    const openapi = (await t.app.inject('/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    for (const [path, operations] of Object.entries(openapi.paths)) {
      for (const method of Object.keys(operations)) {
        const url = path.replace(/\{([A-Za-z]+)\}/g, ':$1');
        table.set(`${method.toUpperCase()} ${url}`, { method: method.toUpperCase(), url });
      }
    }
    routes = [...table.values()];
  });
  after(async () => t.close());

  function headersFor(actor: Actor, url: string): Record<string, string> {
    const session = sessions.get(actor);
    if (!session) return {};
    if (isApi(url)) return session.bearer ? { authorization: session.bearer } : {};
    return { cookie: session.cookie };
  }

  /** The last full snapshot and the transaction id it belongs to (see nextTransactionId). */
  let known: { xid: string; rows: Record<string, string> } | undefined;

  async function tablesNow(): Promise<{ xid: string; rows: Record<string, string> }> {
    const xid = await nextTransactionId(t.database.db);
    if (known?.xid !== xid) known = { xid, rows: await snapshotTables(t.database.db) };
    return known;
  }

  async function send({ actor, options, nul }: Case): Promise<void> {
    const before = await tablesNow();
    // Only writing methods can store a file; a GET is checked for rows.
    const reads = options.method === 'GET';
    const files = reads ? undefined : await snapshotFiles(t.deps.config.filesDir);
    let response: Response;
    try {
      response = await t.app.inject(options);
    } catch (error) {
      failures.push(`${actor} ${options.method} ${options.url}: inject warf ${String(error)}`);
      return;
    }
    const where = `${actor} ${options.method} ${options.url.slice(0, 160)} → ${response.statusCode}`;
    const problems = checkResponse(options.url, response, { nul });
    // A GET never writes; anything else writes nothing when it is refused.
    if (reads || response.statusCode >= 400) {
      const after = await tablesNow();
      const changed = Object.keys(after.rows).filter((k) => after.rows[k] !== before.rows[k]);
      if (changed.length > 0) problems.push(`Zeilen geändert: ${changed.join(', ')}`);
      if (!reads) {
        const filesAfter = await snapshotFiles(t.deps.config.filesDir);
        if (JSON.stringify(filesAfter) !== JSON.stringify(files)) {
          problems.push('Dateispeicher geändert');
        }
      }
    }
    for (const problem of problems) failures.push(`${where}: ${problem}`);
  }

  function checkResponse(url: string, response: Response, expectation: { nul: boolean }) {
    const problems: string[] = [];
    const status = response.statusCode;
    const type = String(response.headers['content-type'] ?? '');
    if (status >= 500) problems.push(`5xx: ${response.body.slice(0, 200)}`);
    // Access is decided first: a caller without it is turned away (401/403, or to the login page).
    const accessRefused =
      status === 401 ||
      status === 403 ||
      (status === 303 && String(response.headers.location).startsWith('/anmelden'));
    if (expectation.nul && status !== 400 && !accessRefused) {
      problems.push('NUL-Zeichen nicht mit 400 abgelehnt');
    }
    if (status >= 300 && status < 400) {
      const location = String(response.headers.location ?? '');
      const onSite =
        /^\/(?!\/)[\x21-\x5b\x5d-\x7e]*$/.test(location) &&
        new URL(location, 'https://portal.invalid').origin === 'https://portal.invalid';
      if (!onSite) problems.push(`Weiterleitung verlässt die Seite: ${JSON.stringify(location)}`);
    }
    if (status >= 400) {
      if (isApi(url)) {
        if (!type.startsWith('application/problem+json'))
          problems.push(`kein problem+json: ${type}`);
        else {
          const body = response.json<{ status?: number; detail?: string }>();
          if (body.status !== status || !body.detail) problems.push('problem+json unvollständig');
        }
      } else if (!type.startsWith('text/html') || !response.body.includes('<html lang="de">')) {
        problems.push(`keine deutsche Fehlerseite: ${type} ${response.body.slice(0, 120)}`);
      }
    }
    return problems;
  }

  /**
   * The requests for one route and actor: the real path, each path parameter replaced by a NUL
   * and by further hostile segments, hostile query strings, and for writes hostile JSON, form and
   * multipart bodies. Each table is walked in turn across routes, so that every entry is used
   * while the run stays short.
   */
  function casesFor(route: Route, actor: Actor, inputs: Inputs): Case[] {
    const api = isApi(route.url);
    const session = sessions.get(actor);
    const headers = headersFor(actor, route.url);
    const csrf = session?.csrf;
    const names = paramNames(route.url);
    const real = Object.fromEntries(names.map((n) => [n, realValue(fixture, route.url, n)]));
    const base = fillPath(route.url, real);
    const withCsrf = (fields: Record<string, string>) =>
      new URLSearchParams({ ...fields, ...(csrf ? { _csrf: csrf } : {}) }).toString();
    const request = (url: string): Case['options'] => {
      if (route.method === 'GET') return { method: 'GET', url, headers };
      if (api) return { method: route.method, url, headers, payload: {} };
      return {
        method: route.method,
        url,
        headers: { ...headers, 'content-type': FORM },
        payload: withCsrf({}),
      };
    };
    const cases: Case[] = [{ actor, options: request(base), nul: false }];
    // Anonymous callers of protected routes are turned away before any input is read.
    const protectedRoute = !publicRoutes.has(`${route.method} ${route.url}`);
    const breadth = actor === 'anonymous' && protectedRoute ? 0 : 1;
    for (const name of names) {
      for (const segment of ['a%00b', ...rotate(inputs.segments, breadth, cursors.segment)]) {
        const url = fillPath(route.url, { ...real, [name]: segment });
        cases.push({ actor, options: request(url), nul: segment.includes('%00') });
      }
    }
    for (const query of rotate(HOSTILE_QUERIES, 1, cursors.query)) {
      cases.push({ actor, options: request(base + query), nul: query.includes('%00') });
    }
    if (route.method === 'GET' || (actor === 'anonymous' && protectedRoute)) return cases;
    const json = (body: unknown): Case => ({
      actor,
      options: {
        method: route.method,
        url: base,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      },
      nul: JSON.stringify(body).includes('\\u0000'),
    });
    const form = (fields: Record<string, string>): Case => ({
      actor,
      options: {
        method: route.method,
        url: base,
        headers: { ...headers, 'content-type': FORM },
        payload: withCsrf(fields),
      },
      nul: Object.values(fields).some((v) => v.includes(NUL)),
    });
    if (api) {
      cases.push(json(inputs.jsonBodies[0]), json('{"text": "abgeschnitten'));
      for (const body of rotate(inputs.jsonBodies.slice(1), 2, cursors.json))
        cases.push(json(body));
    } else {
      cases.push(form(inputs.formBodies[0]!));
      for (const body of rotate(inputs.formBodies.slice(1), 2, cursors.form))
        cases.push(form(body));
    }
    if (/dokumente|documents|einwendung$/.test(route.url)) {
      const url = csrf && !api ? `${base}?_csrf=${encodeURIComponent(csrf)}` : base;
      for (const body of MULTIPART_BODIES) {
        cases.push({
          actor,
          options: {
            method: route.method,
            url,
            headers: { ...headers, 'content-type': body.contentType },
            payload: body.payload,
          },
          nul: body.nul,
        });
      }
    }
    return cases;
  }

  it('answers every hostile request without 5xx, in German, and changes nothing it refused', async (context) => {
    const started = Date.now();
    const strings = hostileStrings(12);
    const inputs: Inputs = {
      segments: [
        ...HOSTILE_SEGMENTS,
        ...strings.slice(0, 4).map((v) => encodeURIComponent(v.slice(0, 60))),
      ],
      jsonBodies: jsonBodies(),
      formBodies: formBodies(strings),
    };
    let requests = 0;
    for (const route of routes) {
      for (const actor of ['anonymous', 'worker', 'admin'] as Actor[]) {
        // The admin's session is only used where an admin is the expected caller.
        if (actor === 'admin' && !route.url.startsWith('/admin')) continue;
        // Logging out would end the session the rest of the run uses.
        if (actor !== 'anonymous' && route.url === '/abmelden') continue;
        for (const testCase of casesFor(route, actor, inputs)) {
          requests += 1;
          await send(testCase);
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    context.diagnostic(`${requests} Anfragen über ${routes.length} Routen in ${seconds} s`);
    assert.ok(routes.length > 50, `nur ${routes.length} Routen gefunden`);
    const serverErrors = failures.filter((f) => f.includes(': 5xx')).length;
    assert.deepEqual(
      failures.slice(0, 40),
      [],
      `${failures.length} Befunde (davon ${serverErrors} × 5xx) in ${requests} Anfragen über ${routes.length} Routen`,
    );
  });
});
