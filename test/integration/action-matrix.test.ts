import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { userActor } from '../../src/platform/auth/auth.queries.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import { AppError, type ErrorCode } from '../../src/platform/errors.ts';
import { performAction } from '../../src/permits/permit.actions.ts';
import { expectedOutcome } from '../../src/permits/procedure-types/reachable.ts';
import type { Role } from '../../src/procedures/engine/index.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { apiAs } from '../helpers/permits.ts';
import {
  AGENCY,
  APPLICANT,
  createMatrixProcedures,
  SUPERVISOR,
  WORKER,
  type MatrixProcedure,
} from './matrix-procedures.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

/** The ministry's supervision: it reads every case, acts on none. */
const MINISTRY = 'aufsicht@mwike.example';

/** The parties of every matrix procedure, each with the one role it holds there. */
const PARTIES: { email: string; role: Role }[] = [
  { email: APPLICANT, role: 'applicant' },
  { email: WORKER, role: 'case_worker' },
  { email: AGENCY, role: 'agency_member' },
  { email: SUPERVISOR, role: 'supervisor' },
];

const STATUS: Partial<Record<ErrorCode, number>> = {
  conflict: 409,
  forbidden: 403,
  not_found: 404,
};

/**
 * What the service must answer: not a party → not_found (nobody learns that it exists); an action
 * the step does not have → conflict; a role the step's transition does not name → forbidden.
 */
function expectedError(
  p: MatrixProcedure,
  action: string,
  party: { role: Role },
): ErrorCode | null {
  if (party.role === 'agency_member' && !p.agencyAsked) return 'not_found';
  const outcome = expectedOutcome(p.type, p.step, action, party.role);
  if (outcome === 'allowed') return null;
  return outcome === 'not-allowed' ? 'conflict' : 'forbidden';
}

function actionsOf(p: MatrixProcedure): string[] {
  return [...new Set(p.type.transitions.map((t) => t.action)), 'unknown-action'];
}

interface Probe {
  p: MatrixProcedure;
  action: string;
  party: { email: string; role: Role };
  expected: ErrorCode;
  where: string;
}

/**
 * The calls the matrix makes: every action in every step by the party the type names for it (so
 * a refusal can only come from the state), every role the step's transition does not name, and
 * the agency before it was asked (not a party). The engine test covers every role on its own.
 */
function probesOf(p: MatrixProcedure): Probe[] {
  const probes: Probe[] = [];
  const add = (action: string, party: (typeof PARTIES)[number]) => {
    const expected = expectedError(p, action, party);
    if (expected === null) return;
    const where = `${p.type.key} ${p.type.version} ${p.step}: ${action} by ${party.role}`;
    probes.push({ p, action, party, expected, where });
  };
  for (const action of actionsOf(p)) {
    const named = p.type.transitions.find((t) => t.action === action)?.roles ?? ['applicant'];
    const natural = PARTIES.find((party) => named.includes(party.role)) ?? PARTIES[1]!;
    const allowed = PARTIES.some((party) => expectedError(p, action, party) === null);
    if (!allowed) add(action, natural);
    else for (const party of PARTIES) add(action, party);
  }
  if (!p.agencyAsked) add('withdraw', PARTIES[2]!);
  return probes;
}

/** Runs the probes of several procedures side by side; one procedure's probes in order. */
async function runProbes(
  procedures: readonly MatrixProcedure[],
  select: (p: MatrixProcedure) => Probe[],
  run: (probe: Probe) => Promise<void>,
): Promise<number> {
  const queue = [...procedures];
  let count = 0;
  const worker = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      for (const probe of select(p)) {
        await run(probe);
        count += 1;
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return count;
}

/**
 * The state × action matrix at the service (performAction) and the HTTP level (API and form
 * route), for every step of every procedure type version: each action the type does not allow
 * in the procedure's real state — `submit` on every step after the draft included — is refused
 * with the error the policy names, and no row anywhere changes (procedure, audit events,
 * deadlines, jobs, mails).
 */
describe('every refused action in every reachable state, through the service and HTTP', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let procedures: MatrixProcedure[];
  const actors = new Map<string, Actor>();

  before(async () => {
    t = await createTestApp({ clock });
    procedures = await createMatrixProcedures(t);
    for (const { email } of PARTIES) {
      const user = await t.database.db
        .selectFrom('users')
        .select(['id', 'email', 'display_name'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      actors.set(email, await userActor(t.database.db, user, 'token'));
    }
  });
  after(async () => t.close());

  it('covers every step of every type version, submit outside the draft included', () => {
    const steps = new Set(procedures.map((p) => `${p.type.key}/${p.type.version}/${p.step}`));
    assert.equal(steps.size, procedures.length);
    const refusedSubmits = procedures.filter(
      (p) => expectedError(p, 'submit', { role: 'applicant' }) === 'conflict',
    );
    assert.equal(refusedSubmits.length, procedures.length - 4, 'submit only in the 4 drafts');
  });

  it('performAction throws the AppError the type implies and writes no row', async () => {
    const rowsBefore = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const count = await runProbes(procedures, probesOf, async (probe) => {
      await assert.rejects(
        performAction({
          deps: t.deps,
          actor: actors.get(probe.party.email)!,
          procedureId: probe.p.id,
          action: probe.action,
          input: {},
        }),
        (error: unknown) => {
          assert.ok(error instanceof AppError, probe.where);
          assert.equal(error.code, probe.expected, `${probe.where}: ${error.message}`);
          assert.ok(error.message.length > 10, probe.where);
          return true;
        },
        probe.where,
      );
    });
    assert.ok(count > 900, `${count} Aufrufe`);
    assert.deepEqual(
      changedTables(rowsBefore, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  });

  it('the ministry supervises but takes none of the authority head’s steps (403, no row)', async () => {
    const user = await t.database.db
      .selectFrom('users')
      .select(['id', 'email', 'display_name'])
      .where('email', '=', MINISTRY)
      .executeTakeFirstOrThrow();
    const ministry = await userActor(t.database.db, user, 'token');
    const rowsBefore = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    let tried = 0;
    for (const p of procedures) {
      for (const action of actionsOf(p)) {
        if (expectedOutcome(p.type, p.step, action, 'supervisor') !== 'allowed') continue;
        tried += 1;
        await assert.rejects(
          performAction({ deps: t.deps, actor: ministry, procedureId: p.id, action, input: {} }),
          (error: unknown) =>
            error instanceof AppError && error.code === 'forbidden' && error.message.length > 10,
          `${p.type.key} ${p.step}: ${action}`,
        );
      }
    }
    assert.ok(tried >= 4, `${tried} Schritte der Leitung geprüft`);
    assert.deepEqual(
      changedTables(rowsBefore, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  });

  it('the API answers 4xx problem+json, never 5xx, and writes no row', async () => {
    const clients = new Map<string, Awaited<ReturnType<typeof apiAs>>>();
    for (const { email } of PARTIES) clients.set(email, await apiAs(t, email));
    const rowsBefore = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    await runProbes(procedures, probesOf, async ({ p, action, party, expected, where }) => {
      const response = await clients
        .get(party.email)!
        .post(`/api/v1/procedures/${p.id}/actions/${action}`, {});
      assert.equal(response.statusCode, STATUS[expected], `${where}: ${response.body}`);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      assert.ok(String(response.json().detail).length > 10, where);
    });
    assert.deepEqual(
      changedTables(rowsBefore, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  });

  it('the form route answers with a German error page, never 5xx, and writes no row', async () => {
    const clients = new Map<string, { client: Client; csrf: string }>();
    for (const { email } of PARTIES) {
      const client = new Client(t.app);
      await client.logIn(email);
      clients.set(email, { client, csrf: csrfTokenFrom((await client.get('/')).body) });
    }
    const versions = new Map(
      (await t.database.db.selectFrom('procedures').select(['id', 'event_count']).execute()).map(
        (r) => [r.id, r.event_count],
      ),
    );
    // A page render per refusal is slow: per step submit, each refused role, the outsider, and
    // a rotating share of the other actions, so that every action is posted in some step.
    const chosen = new Map<MatrixProcedure, Probe[]>();
    const covered = new Set<string>();
    for (const p of procedures) {
      const picked = probesOf(p).filter(
        (probe, index) =>
          probe.action === 'submit' ||
          probe.expected !== 'conflict' ||
          index % 6 === procedures.indexOf(p) % 6,
      );
      for (const probe of picked) covered.add(`${p.type.key}/${probe.action}`);
      chosen.set(p, picked);
    }
    // The rotation depends on how many actions a type has: each action it missed is added once.
    for (const p of procedures)
      for (const probe of probesOf(p)) {
        const key = `${p.type.key}/${probe.action}`;
        if (covered.has(key)) continue;
        covered.add(key);
        chosen.get(p)!.push(probe);
      }
    const sample = (p: MatrixProcedure) => chosen.get(p) ?? [];
    const rowsBefore = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const posted = new Set<string>();
    await runProbes(procedures, sample, async ({ p, action, party, expected, where }) => {
      const { client, csrf } = clients.get(party.email)!;
      const response = await client.post(`/verfahren/${p.id}/aktionen/${action}`, {
        _csrf: csrf,
        version: String(versions.get(p.id)),
      });
      assert.equal(response.statusCode, STATUS[expected], where);
      assert.match(String(response.headers['content-type']), /text\/html/, where);
      assert.match(response.body, /<html lang="de"/, where);
      assert.match(
        response.body,
        /<title>(Fehler: |Konflikt|Zugriff verweigert|Seite nicht gefunden)/,
        where,
      );
      posted.add(`${p.type.key}/${action}`);
    });
    for (const p of procedures)
      for (const action of actionsOf(p))
        if (action !== 'submit' || p.step !== 'draft')
          assert.ok(posted.has(`${p.type.key}/${action}`), `${p.type.key}: ${action} nie gepostet`);
    assert.deepEqual(
      changedTables(rowsBefore, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  });
});
