import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listRoutes } from '../../src/platform/server.ts';
import { createApiToken } from '../../src/platform/auth/auth.queries.ts';
import type { Access } from '../../src/platform/auth/policy.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { multipart, SAMPLE_PDF } from '../helpers/multipart.ts';
import { apiAs } from '../helpers/permits.ts';
import {
  createAuthorizationFixtures,
  PEOPLE,
  type AuthorizationFixtures,
  type Person,
} from './authorization-fixtures.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

/**
 * Lists every route the portal has and checks, for anonymous callers and every role, that the
 * server allows or refuses its ACCESS CLASS as declared. A new route without an entry here fails
 * this test. It does not show who may change which procedure: the made-up id gives a 404 that
 * counts as "passed the access class". The second part below does that with real procedures.
 */
const ROLES = {
  anonymous: undefined,
  applicant: 'antrag@windpark-sintfeld.example',
  case_worker: 'sachbearbeitung@kreis-paderborn.example',
  supervisor: 'aufsicht@mwike.example',
  agency_member: 'toeb@lanuk.example',
  admin: 'admin@industrieland.example',
  funding_case_worker: 'foerderung@bezreg-arnsberg.example',
  funding_supervisor: 'leitung.foerderung@bezreg-arnsberg.example',
  funding_reviewer: 'gutachten@bezreg-arnsberg.example',
} as const;
type RoleName = keyof typeof ROLES;
const USERS = [
  'applicant',
  'case_worker',
  'supervisor',
  'agency_member',
  'admin',
  'funding_case_worker',
  'funding_supervisor',
  'funding_reviewer',
] as const satisfies readonly RoleName[];

const EXPECTED: Record<Access, RoleName[]> = {
  public: [
    'anonymous',
    'applicant',
    'case_worker',
    'supervisor',
    'agency_member',
    'admin',
    'funding_case_worker',
    'funding_supervisor',
    'funding_reviewer',
  ],
  'account:view': [...USERS],
  'api-token:manage': [...USERS],
  'admin:users': ['admin'],
  'admin:organisations': ['admin'],
  'admin:outbox': ['admin'],
  'organisation:master-data': ['admin'],
  'procedures:use': [...USERS],
  'applications:create': ['applicant'],
  'work-queue:view': ['case_worker'],
  'statements:view': ['agency_member'],
  'overruns:view': ['case_worker', 'supervisor'],
  'letters:sign-off': ['supervisor', 'funding_supervisor'],
  'organisation:templates': ['admin'],
  // Admins of an authority only; none of the roles above is one (agency-directory.test.ts).
  'organisation:agencies': [],
  // Admins of an authority; the platform admin and the demo roles are none.
  'organisation:conditions': [],
  // Members of a company in the role 'applicant' (company-profile.test.ts).
  'company-profile:manage': ['applicant'],
  // Company applicants; the funding body's staff, none of the roles above (training-bonus-pages.test.ts).
  'training-bonus:claim': ['applicant'],
  'training-bonus:review': ['funding_case_worker', 'funding_supervisor'],
  'training-bonus:supervise': ['funding_supervisor'],
  // Applicants of a company keep its funding alerts (funding-finder.test.ts: per company).
  'funding-alerts:manage': ['applicant'],
  // Staff of a funding body (funding-ledger-pages.test.ts: only their own body's lines).
  'funding:budget': ['funding_case_worker', 'funding_supervisor'],
  'company:de-minimis': ['applicant'],
  // Funding procedures: company applicants apply (per company in the use case), the funding
  // body's staff work the cases, its reviewers see only cases assigned to them
  // (funding-procedure.test.ts).
  'funding:apply': ['applicant'],
  'funding:casework': ['funding_case_worker', 'funding_supervisor'],
  'funding:review': ['funding_reviewer'],
  // Site providers of a municipality; none of the roles above is one (sites.test.ts: per role and
  // for the provider of another organisation).
  'sites:manage': [],
  // The ministry's supervisor (Landesplanung) and the platform admin (wind-areas.test.ts).
  'wind-areas:import': ['supervisor', 'admin'],
  // The platform admin only (dashboard-import-form.test.ts: per role, CSRF, nothing stored).
  'monitoring:import': ['admin'],
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

type Response = Awaited<ReturnType<TestApp['app']['inject']>>;
type ProcedureKey = 'draft' | 'closed' | 'participation';
interface Refusal {
  person: Person;
  on: ProcedureKey;
  status: 400 | 403 | 404 | 409;
}
interface RouteCase {
  /** The procedure on which the route's own party could act. */
  on: ProcedureKey;
  /** People of the procedure whose role the route does not serve. */
  wrongRoles: { person: Person; status: 403 | 404 }[];
  /** The right party in states (or on procedures) the route refuses. */
  wrongState: Refusal | readonly Refusal[];
  /** Public routes serve everyone; there is no other organisation to refuse. */
  public?: boolean;
  /**
   * Who the route serves on `on`, to show that the refused requests are well-formed. `skip` names
   * why the served request is not sent here (it needs a proof of work, a scheduled hearing or a
   * second group, or it would submit the shared draft) and which tests serve the route instead;
   * the refusals of such a route are still all checked above.
   */
  served: { person: Person } | { skip: string };
}

const STAFF_ONLY: RouteCase['wrongRoles'] = [
  { person: 'applicant', status: 404 },
  { person: 'agency', status: 404 },
  { person: 'supervisor', status: 404 },
];
const NOT_APPLICANT: RouteCase['wrongRoles'] = [
  { person: 'caseWorker', status: 403 },
  { person: 'supervisor', status: 403 },
];
const LETTER_OUTSIDERS: RouteCase['wrongRoles'] = [
  { person: 'applicant', status: 403 },
  { person: 'agency', status: 404 },
  { person: 'supervisor', status: 404 },
];
/** Objects of the participation procedure named under the draft's URL: a draft has none. */
const FOREIGN_OBJECT = { person: 'caseWorker', on: 'draft', status: 404 } as const;
/**
 * Work on the participation record (catalogue, groups, redacting all) is refused before the
 * public notice and once the procedure is closed: 409, nothing written.
 */
const NO_PARTICIPATION_WORK: readonly Refusal[] = [
  { person: 'caseWorker', on: 'draft', status: 409 },
  { person: 'caseWorker', on: 'closed', status: 409 },
];

/** Parties of the procedure in other roles than the authority's case work (LANUK was asked). */
const CASE_WORK_ONLY: RouteCase['wrongRoles'] = [
  { person: 'applicant', status: 403 },
  { person: 'agency', status: 403 },
  { person: 'supervisor', status: 403 },
];
const NOT_RUNNING: readonly Refusal[] = [
  { person: 'caseWorker', on: 'draft', status: 409 },
  { person: 'caseWorker', on: 'closed', status: 409 },
];

/**
 * Every state-changing route that acts on one procedure, with the refusals its policy names:
 * parties of another organisation with the same role learn nothing (404); a party whose role the
 * route does not serve gets 403 (permit routes) or 404 (objection handling: personal data, only
 * the authority's case workers, Art. 6 Abs. 1 lit. e DSGVO); the right party in a state the route
 * does not serve gets 409 (or 404 where the state means the object does not exist).
 */
const ROUTES: Record<string, RouteCase> = {
  'PUT /api/v1/procedures/:id/application': {
    on: 'draft',
    wrongRoles: NOT_APPLICANT,
    wrongState: { person: 'applicant', on: 'closed', status: 409 },
    served: { person: 'applicant' },
  },
  'POST /verfahren/:id/antrag': {
    on: 'draft',
    wrongRoles: NOT_APPLICANT,
    wrongState: { person: 'applicant', on: 'closed', status: 409 },
    served: { person: 'applicant' },
  },
  'POST /api/v1/procedures/:id/actions/:action': {
    on: 'draft',
    wrongRoles: NOT_APPLICANT,
    wrongState: { person: 'applicant', on: 'closed', status: 409 },
    served: { skip: 'submits the draft; the permit tests walk every action' },
  },
  'POST /verfahren/:id/aktionen/:action': {
    on: 'draft',
    wrongRoles: NOT_APPLICANT,
    wrongState: { person: 'applicant', on: 'closed', status: 409 },
    served: { skip: 'submits the draft; the permit tests walk every action' },
  },
  'POST /api/v1/procedures/:id/documents': {
    on: 'participation',
    wrongRoles: [{ person: 'supervisor', status: 403 }],
    wrongState: { person: 'agency', on: 'participation', status: 409 },
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/dokumente': {
    on: 'participation',
    wrongRoles: [{ person: 'supervisor', status: 403 }],
    wrongState: { person: 'agency', on: 'participation', status: 409 },
    served: { person: 'caseWorker' },
  },
  'POST /api/v1/procedures/:id/objections': {
    on: 'participation',
    public: true,
    wrongRoles: [],
    wrongState: { person: 'applicant', on: 'draft', status: 404 },
    served: { skip: 'needs a proof of work; the intake tests submit objections' },
  },
  'POST /beteiligung/:id/einwendung': {
    on: 'participation',
    public: true,
    wrongRoles: [],
    wrongState: { person: 'applicant', on: 'draft', status: 404 },
    served: { skip: 'needs a proof of work; the intake tests submit objections' },
  },
  'POST /verfahren/:id/einwendungen/neu': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'draft', status: 404 },
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/eroerterung': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'draft', status: 409 },
    served: { skip: 'needs a scheduled hearing; the hearing tests record the minutes' },
  },
  'POST /verfahren/:id/eroerterung/punkte': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'draft', status: 409 },
    served: { skip: 'needs a scheduled hearing; participation-hearing.test.ts adds agenda items' },
  },
  'POST /verfahren/:id/eroerterung/teilnahme': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'draft', status: 409 },
    served: { skip: 'needs a scheduled hearing; participation-hearing.test.ts records attendance' },
  },
  'POST /verfahren/:id/eroerterung/aeusserungen': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'draft', status: 409 },
    served: {
      skip: 'needs an online consultation; participation-hearing.test.ts records comments',
    },
  },
  'POST /verfahren/:id/eroerterung/abschrift': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'draft', status: 409 },
    served: { skip: 'needs recorded minutes; participation-hearing.test.ts sends a copy' },
  },
  'POST /verfahren/:id/einwendungen/gruppen/berechnen': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: NO_PARTICIPATION_WORK,
    served: { person: 'caseWorker' },
  },
  // Background work (src/procedures/background/): the case workers of the authority only, like the
  // objections it works on; a draft has no objection work (404).
  'POST /verfahren/:id/einwendungen/schwaerzungsvorschlaege': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'draft', status: 404 },
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/export/auftrag': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'draft', status: 404 },
    served: { person: 'caseWorker' },
  },
  'POST /api/v1/procedures/:id/objection-groups/compute': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: NO_PARTICIPATION_WORK,
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/einwendungen/gruppen/:groupId/bestaetigen': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: FOREIGN_OBJECT,
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/einwendungen/gruppen/:groupId/vertreter': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: FOREIGN_OBJECT,
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/einwendungen/gruppen/:groupId/aufteilen': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: FOREIGN_OBJECT,
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/einwendungen/gruppen/:groupId/zusammenfuehren': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: FOREIGN_OBJECT,
    served: { skip: 'needs a second group; the group tests merge groups' },
  },
  'POST /verfahren/:id/einwendungen/:oid/beruecksichtigung': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: FOREIGN_OBJECT,
    served: { skip: 'needs a list above 50 signatures without a representative; see intake tests' },
  },
  'POST /verfahren/:id/einwendungen/gruppen/:groupId/beruecksichtigung': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: FOREIGN_OBJECT,
    served: {
      skip: 'needs a group above 50 signatures without a representative; see intake tests',
    },
  },
  'POST /verfahren/:id/einwendungen/:oid/schwaerzung': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: FOREIGN_OBJECT,
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/einwendungen/:oid/belange': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: FOREIGN_OBJECT,
    served: { person: 'caseWorker' },
  },
  // Release to the applicant (§ 12 Abs. 2 9. BImSchV); served after the redaction above, so
  // that the fixture's objection is reviewed.
  'POST /verfahren/:id/einwendungen/freigabe': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: NO_PARTICIPATION_WORK,
    served: { person: 'caseWorker' },
  },
  'POST /api/v1/procedures/:id/objection-releases': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: NO_PARTICIPATION_WORK,
    served: {
      skip: 'the form route releases the one reviewed objection; objection-release-api.test.ts',
    },
  },
  'POST /verfahren/:id/belange/vorschlaege': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: NO_PARTICIPATION_WORK,
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/belange/neu': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: NO_PARTICIPATION_WORK,
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/belange/stellungnahmen/:agencyOrgId': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'draft', status: 404 },
    served: { person: 'caseWorker' },
  },
  // Conditions: the authority's case workers only; closed cases (and signed Bescheide) refuse.
  'POST /verfahren/:id/nebenbestimmungen/katalog': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'closed', status: 409 },
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/nebenbestimmungen/neu': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'closed', status: 409 },
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/nebenbestimmungen/:conditionId/entscheidung': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'closed', status: 409 },
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/nebenbestimmungen/:conditionId/verschieben': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    wrongState: { person: 'caseWorker', on: 'closed', status: 409 },
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/belange/:concernId': {
    on: 'participation',
    wrongRoles: STAFF_ONLY,
    // The concern is named in the URL: one of another procedure is a missing page.
    wrongState: FOREIGN_OBJECT,
    served: { person: 'caseWorker' },
  },
  // Letters: the authority's case workers draft and deliver, its supervisors sign; the applicant
  // is a party but acts on none of them (403); agencies and the ministry learn nothing (404).
  // An unsubmitted application is not before the authority: its letters do not exist (404).
  'POST /verfahren/:id/schreiben': {
    on: 'participation',
    wrongRoles: LETTER_OUTSIDERS,
    wrongState: { person: 'caseWorker', on: 'draft', status: 404 },
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/schreiben/:letterId/vorlage': {
    on: 'participation',
    wrongRoles: LETTER_OUTSIDERS,
    // The fixture letter is signed: it can no longer be submitted for sign-off.
    wrongState: [
      { person: 'caseWorker', on: 'participation', status: 409 },
      { person: 'caseWorker', on: 'draft', status: 404 },
    ],
    served: { skip: 'needs signatories in the master data; letters.test.ts submits letters' },
  },
  'POST /verfahren/:id/schreiben/:letterId/zurueckgeben': {
    on: 'participation',
    wrongRoles: [...LETTER_OUTSIDERS, { person: 'caseWorker', status: 403 }],
    wrongState: FOREIGN_OBJECT,
    served: { skip: 'needs a supervisor of the authority; letters.test.ts returns letters' },
  },
  'POST /verfahren/:id/schreiben/:letterId/zeichnen': {
    on: 'participation',
    wrongRoles: [...LETTER_OUTSIDERS, { person: 'caseWorker', status: 403 }],
    wrongState: FOREIGN_OBJECT,
    served: { skip: 'needs a supervisor of the authority; letters.test.ts signs letters' },
  },
  'POST /verfahren/:id/schreiben/:letterId/zustellen': {
    on: 'participation',
    wrongRoles: LETTER_OUTSIDERS,
    wrongState: FOREIGN_OBJECT,
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/schreiben/:letterId/neue-fassung': {
    on: 'participation',
    wrongRoles: LETTER_OUTSIDERS,
    wrongState: FOREIGN_OBJECT,
    served: { skip: 'needs the procedure type’s letter builder; letters.test.ts revises letters' },
  },
  // Internal case work: only the case workers of the procedure's authority, and only while the
  // procedure runs (a draft is the applicant's, a closed case is no longer worked on).
  'POST /verfahren/:id/zustaendigkeit': {
    on: 'participation',
    wrongRoles: CASE_WORK_ONLY,
    wrongState: NOT_RUNNING,
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/vermerke': {
    on: 'participation',
    wrongRoles: CASE_WORK_ONLY,
    wrongState: NOT_RUNNING,
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/wiedervorlagen': {
    on: 'participation',
    wrongRoles: CASE_WORK_ONLY,
    wrongState: NOT_RUNNING,
    served: { person: 'caseWorker' },
  },
  'POST /verfahren/:id/wiedervorlagen/:followUpId/erledigt': {
    on: 'participation',
    wrongRoles: CASE_WORK_ONLY,
    wrongState: FOREIGN_OBJECT,
    served: { person: 'caseWorker' },
  },
};

/** The other organisation's member with the role of the route's own party. */
const OUTSIDERS: Person[] = ['otherApplicant', 'otherCaseWorker', 'otherAgency'];

/** Routes that change one procedure (or its objections): the ones the table must cover. */
function procedureRoutes(app: TestApp['app']): string[] {
  return listRoutes(app)
    .filter((r) => r.method !== 'GET' && r.method !== 'HEAD')
    .filter((r) => /^\/(api\/v1\/procedures|verfahren|beteiligung)\/:id\//.test(r.url))
    .map((r) => `${r.method} ${r.url}`);
}

describe('state-changing procedure routes on real procedures', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let f: AuthorizationFixtures;
  const api = new Map<Person, Awaited<ReturnType<typeof apiAs>>>();
  const forms = new Map<Person, { client: Client; csrf: string }>();

  before(async () => {
    t = await createTestApp({ clock });
    f = await createAuthorizationFixtures(t);
    for (const person of Object.keys(PEOPLE) as Person[]) {
      api.set(person, await apiAs(t, PEOPLE[person]));
      const client = new Client(t.app);
      await client.logIn(PEOPLE[person]);
      forms.set(person, { client, csrf: csrfTokenFrom((await client.get('/')).body) });
    }
  });
  after(async () => t.close());

  async function versionOf(id: string): Promise<string> {
    const row = await t.database.db
      .selectFrom('procedures')
      .select('event_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return String(row.event_count);
  }

  /** A request a party of the route would send, as `person` on procedure `id`. */
  async function send(route: string, person: Person, id: string): Promise<Response> {
    const [method, pattern] = route.split(' ') as [string, string];
    const url = pattern
      .replace(':id', id)
      // submit: the action an applicant could once replay on any procedure.
      .replace(':action', 'submit')
      .replace(':groupId', f.groupId)
      .replace(':oid', f.objectionId)
      .replace(':concernId', f.concernId)
      .replace(':agencyOrgId', f.lanuk)
      .replace(':letterId', f.letterId)
      .replace(':conditionId', f.conditionId)
      .replace(':followUpId', f.followUpId);
    const version = await versionOf(id);
    const fields: Record<string, string> = {
      version,
      title: 'Geänderter Titel',
      reason: 'Standort wird aufgegeben.',
      text: 'Ich erhebe Einwendung wegen des Lärms in der Nacht.',
      label: 'Neuer Belang',
      description: 'Beschreibung des Belangs.',
      name: 'Erika Beispiel',
      address: 'Dorfstraße 1, 33165 Lichtenau',
      receivedAt: '2026-11-20',
      channel: 'paper',
      minutes: 'Niederschrift.',
      [`bewertung-${f.concernId}`]: 'Die Belange wurden geprüft.',
      [`stellungnahme-${f.lanuk}`]: 'Keine Bedenken.',
      representative: f.objectionId,
      into: 'einzeln',
      memberIds: f.objectionId,
      kind: 'hearing',
      comment: 'Bitte ergänzen.',
      signatoryId: 'fixture',
      catalogueId: f.catalogueId,
      category: 'Schallschutz',
      decision: 'adopt',
      caseWorkerId: f.caseWorkerUserId,
      noteText: 'Vermerk zur Berechtigungsprüfung.',
      dueDate: '2026-12-15',
      followUpText: 'Berechtigungsprüfung',
      umfang: 'reviewed',
      art: 'csv',
    };
    if (pattern.endsWith('/documents') || pattern.endsWith('/dokumente')) {
      const body = multipart({ docType: 'site-plans' }, { name: 'plan.pdf', content: SAMPLE_PDF });
      if (pattern.startsWith('/api/')) {
        const token = api.get(person)!;
        return token.upload(url, { docType: 'site-plans' });
      }
      const { client, csrf } = forms.get(person)!;
      return t.app.inject({
        method: 'POST',
        url: `${url}?_csrf=${encodeURIComponent(csrf)}`,
        headers: { ...body.headers, cookie: client.jar.header() },
        payload: body.payload,
      });
    }
    if (pattern.startsWith('/api/')) {
      const client = api.get(person)!;
      // The JSON API takes only the fields its schema names.
      const json: Record<string, string> = pattern.endsWith('/application')
        ? { title: fields.title! }
        : pattern.endsWith('/objections')
          ? { text: fields.text! }
          : pattern.includes('/actions/')
            ? { reason: fields.reason! }
            : {};
      return method === 'PUT' ? client.put(url, json) : client.post(url, json);
    }
    const { client, csrf } = forms.get(person)!;
    return client.post(url, { _csrf: csrf, ...fields });
  }

  async function expectRefused(route: string, person: Person, on: ProcedureKey, status: number) {
    const where = `${route} als ${person} auf ${on}`;
    const rowsBefore = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const response = await send(route, person, f[on]);
    assert.equal(response.statusCode, status, `${where}: ${response.body.slice(0, 300)}`);
    const type = String(response.headers['content-type']);
    if (route.includes(' /api/')) assert.match(type, /application\/problem\+json/, where);
    else {
      assert.match(type, /text\/html/, where);
      assert.match(response.body, /<html lang="de"/, where);
    }
    assert.deepEqual(
      changedTables(rowsBefore, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
      where,
    );
  }

  it('every state-changing procedure route has an entry in the table', () => {
    const routes = procedureRoutes(t.app);
    assert.ok(routes.length >= 20, `nur ${routes.length} Routen`);
    for (const route of routes) assert.ok(ROUTES[route], `${route} fehlt in ROUTES`);
    for (const route of Object.keys(ROUTES))
      assert.ok(routes.includes(route), `${route} gibt es nicht`);
  });

  it('a user of another organisation with the same role is refused and learns nothing', async () => {
    for (const [route, c] of Object.entries(ROUTES)) {
      if (c.public) continue;
      for (const person of OUTSIDERS) await expectRefused(route, person, c.on, 404);
    }
  });

  it('a party whose role the route does not serve is refused', async () => {
    for (const [route, c] of Object.entries(ROUTES)) {
      for (const { person, status } of c.wrongRoles)
        await expectRefused(route, person, c.on, status);
    }
  });

  it('the right party in a state the route does not serve is refused', async () => {
    for (const [route, c] of Object.entries(ROUTES)) {
      const refusals = Array.isArray(c.wrongState) ? c.wrongState : [c.wrongState];
      for (const { person, on, status } of refusals) await expectRefused(route, person, on, status);
    }
  });

  // Last, because serving a request changes rows: the same requests from the right party pass.
  it('the same requests from the route’s own party in the right state are served', async () => {
    for (const [route, c] of Object.entries(ROUTES)) {
      if ('skip' in c.served) continue;
      const response = await send(route, c.served.person, f[c.on]);
      assert.ok(
        response.statusCode >= 200 && response.statusCode < 400,
        `${route} als ${c.served.person}: ${response.statusCode} ${response.body.slice(0, 300)}`,
      );
    }
  });
});
