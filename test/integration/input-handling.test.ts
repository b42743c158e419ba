import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/platform/auth/auth.queries.ts';
import { localRedirectTarget } from '../../src/platform/http.ts';
import {
  Client,
  createTestApp,
  csrfTokenFrom,
  DEMO_PASSWORD,
  fixedClock,
  type TestApp,
} from '../helpers/app.ts';
import { multipart, SAMPLE_PDF } from '../helpers/multipart.ts';
import { APPLICANT, createPublishedProcedure, WORKER } from '../helpers/participation.ts';
import { apiAs } from '../helpers/permits.ts';
import { snapshotTables, snapshotFiles } from '../helpers/snapshot.ts';

const ORIGIN = 'https://portal.invalid';
const NUL = '\u0000';

/**
 * Every redirect must stay on this site: no scheme, no host, no characters a browser strips or
 * rewrites (tab, CR, LF, NUL, backslash) and no path that a browser reads as a host ("//…").
 */
function assertOnSite(location: unknown, context: string): void {
  assert.equal(typeof location, 'string', `${context}: kein Location-Kopf`);
  const value = location as string;
  assert.ok(value.startsWith('/') && !value.startsWith('//'), `${context}: ${value}`);
  // Only printable ASCII without backslash: browsers drop or rewrite everything else.
  assert.match(value, /^[\x21-\x5b\x5d-\x7e]+$/, `${context}: ${value}`);
  assert.equal(new URL(value, ORIGIN).origin, ORIGIN, `${context}: ${value}`);
}

/** Return targets an attacker would try, as the decoded value the route sees. */
export const HOSTILE_TARGETS = [
  '//evil.example',
  '//evil.example/',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\t/evil.example/',
  '/\n/evil.example/',
  '/\r/evil.example/',
  '/\0/evil.example/',
  '/ /evil.example',
  ' //evil.example',
  '/..//evil.example',
  '/.//evil.example',
  '/%2e%2e//evil.example',
  '/a/../..//evil.example',
  'https:evil.example',
  'https://evil.example/',
  'http:/evil.example',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'evil.example',
  '/konto\r\nSet-Cookie: il_session=gestohlen',
  '/konto\n',
  '/konto\0',
  '/\u2028evil',
  '/ü?x=ä',
  '/%0d%0aSet-Cookie:x=y',
  `/${'a'.repeat(2000)}`,
];

describe('one function decides where a user-supplied redirect may go', () => {
  it('accepts local paths and keeps path and query', () => {
    assert.equal(localRedirectTarget('/konto'), '/konto');
    assert.equal(
      localRedirectTarget('/verfahren/abc/einwendungen?seite=2'),
      '/verfahren/abc/einwendungen?seite=2',
    );
    assert.equal(localRedirectTarget('/a/./b/../c'), '/a/c');
  });

  it('refuses every hostile target or turns it into a path on this site', () => {
    for (const target of HOSTILE_TARGETS) {
      const result = localRedirectTarget(target);
      if (result !== undefined) assertOnSite(result, JSON.stringify(target));
    }
    for (const refused of ['//evil.example', '/\\evil.example', '/\t/evil.example/', '/..//evil']) {
      assert.equal(localRedirectTarget(refused), undefined, refused);
    }
  });
});

describe('hostile input gets a 4xx with a German message and changes nothing', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let procedure: { id: string; tenantId: string };

  before(async () => {
    t = await createTestApp({
      clock,
      env: { OBJECTION_POW_DIFFICULTY: '0', OBJECTION_RATE_LIMIT: '0' },
    });
    procedure = await createPublishedProcedure(t, { leadDays: 7 });
    // The display (and with it the objection form) opens seven days after the notice.
    clock.advance(8 * 86_400_000);
  });
  after(async () => t.close());

  /** No row written; the file store is checked by the upload tests (temporary files). */
  async function rowsUnchanged<T>(action: () => Promise<T>): Promise<T> {
    const rowsBefore = await snapshotTables(t.database.db);
    const result = await action();
    assert.deepEqual(await snapshotTables(t.database.db), rowsBefore, 'keine Zeile geschrieben');
    return result;
  }

  async function unchanged<T>(action: () => Promise<T>): Promise<T> {
    const rowsBefore = await snapshotTables(t.database.db);
    const filesBefore = await snapshotFiles(t.deps.config.filesDir);
    const result = await action();
    assert.deepEqual(await snapshotTables(t.database.db), rowsBefore, 'keine Zeile geschrieben');
    assert.deepEqual(await snapshotFiles(t.deps.config.filesDir), filesBefore, 'keine Datei');
    return result;
  }

  it('search boxes with a NUL byte answer 400 with a German page', async () => {
    for (const url of ['/beteiligung?q=%00', '/bekanntmachungen?q=%00', '/beteiligung?q=a%00b']) {
      const response = await t.app.inject(url);
      assert.equal(response.statusCode, 400, `${url}: ${response.body.slice(0, 200)}`);
      assert.match(response.body, /<html lang="de">/);
      assert.match(response.body, /Steuerzeichen/);
    }
  });

  it('a NUL byte in a path segment answers 400, not 500', async () => {
    for (const url of [`/beteiligung/a%00b`, `/api/v1/procedures/x%00/objections/challenge`]) {
      const response = await t.app.inject(url);
      assert.ok(response.statusCode < 500 && response.statusCode >= 400, url);
    }
  });

  it('malformed %-escapes and over-long path segments get German answers from the router', async () => {
    const long = 'x'.repeat(400);
    for (const url of ['/verfahren/%FF%FE', `/beteiligung/${long}`, '/eingang/%E0%A4%A']) {
      const response = await t.app.inject(url);
      assert.ok([400, 414].includes(response.statusCode), `${url}: ${response.statusCode}`);
      assert.match(String(response.headers['content-type']), /text\/html/, url);
      assert.match(response.body, /<html lang="de">/, url);
    }
    for (const url of ['/api/v1/procedures/%FF%FE', `/api/v1/procedures/${long}`]) {
      const response = await t.app.inject(url);
      assert.ok([400, 414].includes(response.statusCode), `${url}: ${response.statusCode}`);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/, url);
      assert.match(response.json<{ detail: string }>().detail, /[äöü]|Adresse|Anfrage/, url);
    }
  });

  it('the login form refuses a NUL byte in the e-mail address', async () => {
    const client = new Client(t.app);
    const response = await unchanged(() =>
      client.submit('/anmelden', '/anmelden', { email: `a${NUL}@b.example`, password: 'x' }),
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Steuerzeichen/);
  });

  it('the JSON API refuses a NUL byte anywhere in the body with problem+json naming the field', async () => {
    const response = await unchanged(() =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/procedures/${procedure.id}/objections`,
        payload: { text: `Lärm in der Nacht${NUL} und am Tag.`, name: 'Erika Mustermann' },
      }),
    );
    assert.equal(response.statusCode, 400, response.body);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    const problem = response.json<{ errors: { field: string; message: string }[] }>();
    assert.equal(problem.errors[0]?.field, 'text');
    assert.match(problem.errors[0].message, /Steuerzeichen/);

    const applicant = await apiAs(t, APPLICANT);
    const created = await applicant.post('/api/v1/procedures', {
      title: 'Windpark Test',
      authorityId: procedure.tenantId,
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: string }>().id;
    const put = await unchanged(() =>
      applicant.put(`/api/v1/procedures/${id}/application`, {
        site: { gemarkung: `Lichtenau${NUL}` },
      }),
    );
    assert.equal(put.statusCode, 400, put.body);
    assert.equal(put.json<{ errors: { field: string }[] }>().errors[0]?.field, 'site.gemarkung');
  });

  it('a case worker cannot store a concern label with a NUL byte', async () => {
    const worker = new Client(t.app);
    await worker.logIn(WORKER);
    const response = await unchanged(() =>
      worker.submit(
        `/verfahren/${procedure.id}/belange`,
        `/verfahren/${procedure.id}/belange/neu`,
        {
          label: `Lärm${NUL}`,
          description: 'Schall',
        },
      ),
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Steuerzeichen/);
  });

  it('multipart fields and file names with a NUL byte are refused and leave no file', async () => {
    const page = await t.app.inject(`/beteiligung/${procedure.id}/einwendung`);
    assert.equal(page.statusCode, 200, page.body.slice(0, 300));
    // Multipart forms carry their CSRF token in the action URL.
    const match = /action="([^"]+)"[^>]*enctype="multipart/.exec(page.body);
    assert.ok(match, 'Formularziel');
    const action: string = match[1]!.replaceAll('&amp;', '&');
    const cases = [
      multipart({ text: `Einwendung${NUL}` }, { name: 'a.pdf', content: SAMPLE_PDF }),
      multipart(
        { text: 'Einwendung gegen den Lärm.' },
        { name: `a${NUL}.pdf`, content: SAMPLE_PDF },
      ),
      multipart({ [`te${NUL}xt`]: 'Einwendung' }, { name: 'a.pdf', content: SAMPLE_PDF }),
    ];
    for (const body of cases) {
      const payload = Buffer.from(
        body.payload.toString('latin1').replace('name="file"', 'name="attachments"'),
        'latin1',
      );
      const response = await unchanged(() =>
        t.app.inject({
          method: 'POST',
          url: action,
          headers: { ...body.headers, cookie: String(page.headers['set-cookie']).split(';')[0]! },
          payload,
        }),
      );
      assert.equal(response.statusCode, 400, response.body.slice(0, 300));
      assert.match(response.body, /Steuerzeichen/);
    }
  });

  it('truncated multipart bodies and missing boundaries answer 400 in German', async () => {
    const applicant = await apiAs(t, APPLICANT);
    const body = multipart({ docType: 'site-plans' }, { name: 'plan.pdf', content: SAMPLE_PDF });
    const created = await applicant.post('/api/v1/procedures', {
      title: 'Windpark Upload',
      authorityId: procedure.tenantId,
    });
    const id = created.json<{ id: string }>().id;
    const authorization = await bearer(t, APPLICANT);
    const variants: { name: string; contentType: string; payload: Buffer }[] = [
      {
        name: 'truncated in the file',
        contentType: body.headers['content-type'],
        payload: body.payload.subarray(0, body.payload.length - 30),
      },
      {
        name: 'truncated in a header',
        contentType: body.headers['content-type'],
        payload: body.payload.subarray(0, 60),
      },
      {
        name: 'empty boundary',
        contentType: 'multipart/form-data; boundary=',
        payload: body.payload,
      },
      { name: 'no boundary', contentType: 'multipart/form-data', payload: body.payload },
      { name: 'empty body', contentType: body.headers['content-type'], payload: Buffer.alloc(0) },
    ];
    for (const variant of variants) {
      for (const url of [
        `/api/v1/procedures/${id}/documents`,
        `/beteiligung/${procedure.id}/einwendung`,
      ]) {
        const response = await rowsUnchanged(() =>
          t.app.inject({
            method: 'POST',
            url,
            headers: {
              'content-type': variant.contentType,
              ...(url.startsWith('/api/') ? authorization : {}),
            },
            payload: variant.payload,
          }),
        );
        assert.ok(
          response.statusCode >= 400 && response.statusCode < 500,
          `${variant.name} ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`,
        );
        assert.match(response.body, /[äöüß]|Formular|Anfrage|Datei/, variant.name);
      }
    }
  });

  it('GET /api/v1/holidays with an empty or odd year answers 400 problem+json', async () => {
    for (const year of ['', '%20', 'abc', '1e3', '0x7e9', '99999', '-1', '2026.5']) {
      const response = await t.app.inject(`/api/v1/holidays?year=${year}`);
      assert.equal(response.statusCode, 400, `year=${year}: ${response.body}`);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      assert.match(response.json<{ detail: string }>().detail, /Jahr/);
    }
    const ok = await t.app.inject('/api/v1/holidays?year=2026');
    assert.equal(ok.statusCode, 200);
  });

  it('login redirects stay on this site for every hostile return target', async () => {
    const client = new Client(t.app);
    const login = await client.get('/anmelden');
    const loggedIn = await client.post('/anmelden', {
      _csrf: csrfTokenFrom(login.body),
      email: APPLICANT,
      password: DEMO_PASSWORD,
    });
    assert.equal(loggedIn.statusCode, 303);
    for (const target of HOSTILE_TARGETS) {
      const get = await client.get(`/anmelden?weiter=${encodeURIComponent(target)}`);
      // A NUL byte is refused with every other input that carries one.
      const expected = target.includes(NUL) ? 400 : 303;
      assert.equal(get.statusCode, expected, `${JSON.stringify(target)}: ${get.statusCode}`);
      if (expected === 400) continue;
      assertOnSite(get.headers.location, `GET ${JSON.stringify(target)}`);
    }
    const anonymous = new Client(t.app);
    for (const target of HOSTILE_TARGETS) {
      if (target.includes(NUL)) continue;
      const page = await anonymous.get(`/anmelden?weiter=${encodeURIComponent(target)}`);
      assert.equal(page.statusCode, 200, JSON.stringify(target));
      const response = await anonymous.post('/anmelden', {
        _csrf: csrfTokenFrom(page.body),
        weiter: target,
        email: 'nicht-da@example.invalid',
        password: 'falsch',
      });
      assert.ok(response.statusCode < 500, `${JSON.stringify(target)}: ${response.statusCode}`);
      if (response.statusCode === 303) assertOnSite(response.headers.location, target);
    }
  });

  it('raw %-encoded return targets (tab, CR, LF, NUL) never break the Location header', async () => {
    const client = new Client(t.app);
    await client.logIn(APPLICANT);
    for (const raw of ['%2F%09%2Fevil.example%2F', '%2Fkonto%0A', '%2Fkonto%0D', '%2Fkonto%00']) {
      const response = await client.get(`/anmelden?weiter=${raw}`);
      assert.ok(response.statusCode === 303 || response.statusCode === 400, raw);
      if (response.statusCode === 303) assertOnSite(response.headers.location, raw);
    }
  });

  it('the JSON API refuses unknown fields and wrong types instead of dropping or coercing them', async () => {
    const url = `/api/v1/procedures/${procedure.id}/objections`;
    const identity = { name: 'Erika Mustermann', address: 'Hauptstraße 1, 33165 Lichtenau' };
    const unknown = await unchanged(() =>
      t.app.inject({
        method: 'POST',
        url,
        payload: { ...identity, text: 'Einwendung wegen Lärm.', emial: 'erika@example.org' },
      }),
    );
    assert.equal(unknown.statusCode, 400, unknown.body);
    assert.match(String(unknown.headers['content-type']), /application\/problem\+json/);
    const unknownProblem = unknown.json<{ errors: { field: string; message: string }[] }>();
    assert.equal(unknownProblem.errors[0]?.field, 'emial');
    assert.match(unknownProblem.errors[0].message, /nicht vorgesehen/);

    const coerced = await unchanged(() =>
      t.app.inject({ method: 'POST', url, payload: { ...identity, text: 123 } }),
    );
    assert.equal(coerced.statusCode, 400, coerced.body);
    const coercedProblem = coerced.json<{ errors: { field: string; message: string }[] }>();
    assert.equal(coercedProblem.errors[0]?.field, 'text');
    assert.match(coercedProblem.errors[0].message, /Typ/);

    const classify = await t.app.inject({
      method: 'POST',
      url: '/api/v1/permits/classify',
      payload: { turbineCount: '3', maxTotalHeightM: 200 },
    });
    assert.equal(classify.statusCode, 400, classify.body);

    // Query strings still read numbers and flags from text.
    const query = await t.app.inject(
      '/api/v1/deadlines?start=2026-03-09&duration=P1M&counting=event',
    );
    assert.equal(query.statusCode, 200, query.body);
  });
});

async function bearer(t: TestApp, email: string): Promise<Record<string, string>> {
  const user = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const { token } = await createApiToken(t.database.db, user.id, 'Eingabetest');
  return { authorization: `Bearer ${token}` };
}
