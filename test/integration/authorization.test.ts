import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listRoutes } from '../../src/platform/server.ts';
import { createApiToken } from '../../src/platform/auth/auth.queries.ts';
import type { Access } from '../../src/platform/auth/policy.ts';
import { Client, createTestApp, csrfTokenFrom, type TestApp } from '../helpers/app.ts';

/**
 * Lists every route the portal has and checks, for anonymous callers and every role, that the
 * server allows or refuses it as declared. A new route without an entry here fails this test.
 */
const ROLES = {
  anonymous: undefined,
  applicant: 'antrag@windpark-sintfeld.example',
  case_worker: 'sachbearbeitung@kreis-paderborn.example',
  supervisor: 'aufsicht@mwike.example',
  agency_member: 'toeb@lanuk.example',
  admin: 'admin@industrieland.example',
} as const;
type RoleName = keyof typeof ROLES;

const EXPECTED: Record<Access, RoleName[]> = {
  public: ['anonymous', 'applicant', 'case_worker', 'supervisor', 'agency_member', 'admin'],
  'account:view': ['applicant', 'case_worker', 'supervisor', 'agency_member', 'admin'],
  'api-token:manage': ['applicant', 'case_worker', 'supervisor', 'agency_member', 'admin'],
  'admin:users': ['admin'],
  'admin:organisations': ['admin'],
  'admin:outbox': ['admin'],
  'procedures:use': ['applicant', 'case_worker', 'supervisor', 'agency_member', 'admin'],
  'applications:create': ['applicant'],
  'work-queue:view': ['case_worker'],
  'statements:view': ['agency_member'],
  'overruns:view': ['case_worker', 'supervisor'],
};

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

function concreteUrl(url: string): string {
  return url.replace(/:action/g, 'submit').replace(/:[A-Za-z]+/g, SAMPLE_ID);
}

describe('authorization of every route for every role', () => {
  let t: TestApp;
  const clients = new Map<RoleName, Client>();
  const tokens = new Map<RoleName, string>();
  before(async () => {
    t = await createTestApp();
    for (const [role, email] of Object.entries(ROLES) as [RoleName, string | undefined][]) {
      const client = new Client(t.app);
      if (email) {
        await client.logIn(email);
        const user = await t.database.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow();
        tokens.set(role, (await createApiToken(t.database.db, user.id, 'Berechtigungstest')).token);
      }
      clients.set(role, client);
    }
  });
  after(async () => t.close());

  it('every route declares its access and the table covers all of them', () => {
    const routes = listRoutes(t.app);
    assert.ok(routes.length >= 20, `nur ${routes.length} Routen gefunden`);
    for (const route of routes)
      assert.ok(EXPECTED[route.access], `${route.method} ${route.url}: ${route.access}`);
  });

  it('allows exactly the declared roles on every route and refuses all others', async () => {
    // Logging out ends the session, so that route comes last.
    const routes = [...listRoutes(t.app)].sort(
      (a, b) => Number(a.url === '/abmelden') - Number(b.url === '/abmelden'),
    );
    for (const route of routes) {
      for (const [role, client] of clients) {
        const url = concreteUrl(route.url);
        let status: number;
        if (route.method === 'GET') {
          status = (await client.get(url)).statusCode;
        } else if (url.startsWith('/api/')) {
          // The JSON API writes only with a token, never with a session cookie.
          const token = tokens.get(role);
          const headers = token ? { authorization: `Bearer ${token}` } : {};
          status = (
            await t.app.inject({ method: route.method as 'POST', url, headers, payload: {} })
          ).statusCode;
        } else {
          const page = await client.get(role === 'anonymous' ? '/anmelden' : '/');
          status = (await client.post(url, { _csrf: csrfTokenFrom(page.body) })).statusCode;
        }
        const allowed = EXPECTED[route.access].includes(role);
        const refused =
          status === 401 ||
          status === 403 ||
          (status === 303 && role === 'anonymous' && route.access !== 'public');
        if (allowed) {
          assert.ok(
            !refused || route.url === '/abmelden',
            `${role} darf ${route.method} ${route.url}, bekam ${status}`,
          );
        } else {
          assert.ok(refused, `${role} darf ${route.method} ${route.url} nicht, bekam ${status}`);
        }
      }
    }
  });

  it('an API token acts as its user and nothing more; a revoked token is refused', async () => {
    const client = new Client(t.app);
    await client.logIn(ROLES.agency_member);
    const account = await client.get('/konto');
    const created = await client.post('/konto/tokens', {
      _csrf: csrfTokenFrom(account.body),
      name: 'Fachverfahren Test',
    });
    const token = /<code class="token-value">([^<]+)<\/code>/.exec(created.body)![1]!;
    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().email, 'toeb@lanuk.example');
    const stored = await t.database.db
      .selectFrom('api_tokens')
      .select(['token_hash', 'id'])
      .where('name', '=', 'Fachverfahren Test')
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, token, 'Token wird nur als Hash gespeichert');
    // another user cannot revoke it
    const other = new Client(t.app);
    await other.logIn(ROLES.applicant);
    const otherPage = await other.get('/konto');
    const foreign = await other.post(`/konto/tokens/${stored.id}/widerrufen`, {
      _csrf: csrfTokenFrom(otherPage.body),
    });
    assert.equal(foreign.statusCode, 404);
    const page = await client.get('/konto');
    const revoke = await client.post(`/konto/tokens/${stored.id}/widerrufen`, {
      _csrf: csrfTokenFrom(page.body),
    });
    assert.equal(revoke.statusCode, 303);
    const refused = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(refused.statusCode, 401);
    assert.match(String(refused.headers['content-type']), /problem\+json/);
  });
});
