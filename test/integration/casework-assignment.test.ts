import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyCaseFile } from '../../src/procedures/audit.queries.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import {
  addColleague,
  AGENCY,
  APPLICANT,
  COLLEAGUE,
  OTHER_AUTHORITY,
  submittedProcedure,
  SUPERVISOR,
  userId,
  WORKER,
} from '../helpers/casework.ts';
import { apiAs } from '../helpers/permits.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

/**
 * Each case has an assigned case worker and a deputy, chosen among the case workers of the
 * procedure's authority; every (re)assignment is in the hash-chained case file; the work queue
 * filters "mine / my team / unassigned" (page and API).
 */
describe('assignment of a case and the work queue filters', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let assigned: string;
  let unassigned: string;
  let me: string;
  let colleague: string;
  const clients = new Map<string, Client>();

  async function as(email: string): Promise<Client> {
    let client = clients.get(email);
    if (!client) {
      client = new Client(t.app);
      await client.logIn(email);
      clients.set(email, client);
    }
    return client;
  }

  async function assign(email: string, id: string, fields: Record<string, string>) {
    const client = await as(email);
    const csrf = csrfTokenFrom((await client.get('/')).body);
    return client.post(`/verfahren/${id}/zustaendigkeit`, { _csrf: csrf, ...fields });
  }

  before(async () => {
    t = await createTestApp({ clock });
    colleague = await addColleague(t);
    me = await userId(t, WORKER);
    assigned = await submittedProcedure(t, 'Windpark Zuweisung (Beispiel)');
    unassigned = await submittedProcedure(t, 'Windpark Ohne Zuweisung (Beispiel)');
    // Logging in writes to users; the refusal checks below compare every table.
    for (const email of [WORKER, COLLEAGUE, OTHER_AUTHORITY, APPLICANT, AGENCY, SUPERVISOR])
      await as(email);
  });
  after(async () => t.close());

  it('a case worker assigns the case and a deputy; the case file records it', async () => {
    const page = await (await as(WORKER)).get(`/verfahren/${assigned}`);
    assert.match(page.body, /Noch niemand ist für dieses Verfahren zuständig/);
    const response = await assign(WORKER, assigned, { caseWorkerId: me, deputyId: colleague });
    assert.equal(response.statusCode, 303, response.body);
    const after = await (await as(WORKER)).get(`/verfahren/${assigned}`);
    assert.match(after.body, /Zuständig: Sabine Sachbearbeiterin; Vertretung: Katrin Kollegin/);
    const event = await t.database.db
      .selectFrom('procedure_events')
      .select(['type', 'data', 'actor_id'])
      .where('procedure_id', '=', assigned)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(event.type, 'case-assigned');
    assert.equal(event.actor_id, me);
    assert.deepEqual(
      { ...(event.data as object) },
      {
        caseWorkerId: me,
        caseWorkerName: 'Sabine Sachbearbeiterin',
        deputyId: colleague,
        deputyName: 'Katrin Kollegin',
        previousCaseWorkerId: null,
        previousCaseWorkerName: null,
        previousDeputyId: null,
        previousDeputyName: null,
      },
    );
    assert.equal((await verifyCaseFile(t.database.db, assigned))?.problem, undefined);
  });

  it('reassignment names who had the case before; the applicant never sees these events', async () => {
    const response = await assign(COLLEAGUE, assigned, {
      caseWorkerId: colleague,
      deputyId: me,
    });
    assert.equal(response.statusCode, 303, response.body);
    const event = await t.database.db
      .selectFrom('procedure_events')
      .select(['type', 'data'])
      .where('procedure_id', '=', assigned)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(event.type, 'case-reassigned');
    const data = event.data as Record<string, unknown>;
    assert.equal(data.previousCaseWorkerName, 'Sabine Sachbearbeiterin');
    assert.equal(data.caseWorkerName, 'Katrin Kollegin');
    assert.equal((await verifyCaseFile(t.database.db, assigned))?.problem, undefined);
    const applicantPage = await (await as(APPLICANT)).get(`/verfahren/${assigned}`);
    assert.equal(applicantPage.statusCode, 200);
    assert.doesNotMatch(applicantPage.body, /Zuständigkeit (festgelegt|geändert)|Katrin Kollegin/);
    assert.doesNotMatch(applicantPage.body, /Interne Bearbeitung/);
  });

  it('bad choices get a German message and change nothing', async () => {
    const other = await userId(t, OTHER_AUTHORITY);
    const applicant = await userId(t, APPLICANT);
    for (const [fields, message] of [
      [{ caseWorkerId: '', deputyId: '' }, /Bitte wählen Sie die zuständige Sachbearbeitung/],
      [{ caseWorkerId: me, deputyId: me }, /Vertretung muss eine andere Person/],
      [
        { caseWorkerId: other, deputyId: '' },
        /nur eine Sachbearbeiterin oder ein Sachbearbeiter Ihrer Behörde/,
      ],
      [{ caseWorkerId: applicant, deputyId: '' }, /Ihrer Behörde/],
      [{ caseWorkerId: me, deputyId: 'kein-uuid' }, /Vertretung kann nur/],
    ] as const) {
      const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
      const response = await assign(WORKER, unassigned, fields);
      assert.equal(response.statusCode, 400, JSON.stringify(fields));
      assert.match(response.body, /<title>Fehler: /);
      assert.match(response.body, message);
      assert.deepEqual(
        changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
        [],
      );
    }
  });

  it('refuses everyone but the case workers of the procedure’s authority; nothing changes', async () => {
    const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const fields = { caseWorkerId: me, deputyId: '' };
    assert.equal((await assign(OTHER_AUTHORITY, unassigned, fields)).statusCode, 404);
    assert.equal((await assign(APPLICANT, unassigned, fields)).statusCode, 403);
    assert.equal((await assign(SUPERVISOR, unassigned, fields)).statusCode, 403);
    assert.equal((await assign(AGENCY, unassigned, fields)).statusCode, 404, 'nicht beteiligt');
    const anonymous = new Client(t.app);
    const csrf = csrfTokenFrom((await anonymous.get('/anmelden')).body);
    const response = await anonymous.post(`/verfahren/${unassigned}/zustaendigkeit`, {
      _csrf: csrf,
      ...fields,
    });
    assert.ok([401, 303].includes(response.statusCode), String(response.statusCode));
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  });

  it('the work queue filters mine (also as deputy), my team and unassigned, and shows who', async () => {
    const titles = async (email: string, query: string) =>
      (await (await as(email)).get(`/arbeitskorb${query}`)).body;
    const mine = await titles(WORKER, '?zuweisung=mir');
    assert.match(mine, /Windpark Zuweisung/, 'als Vertretung');
    assert.doesNotMatch(mine, /Windpark Ohne Zuweisung/);
    const open = await titles(WORKER, '?zuweisung=keine');
    assert.match(open, /Windpark Ohne Zuweisung/);
    assert.doesNotMatch(open, /Windpark Zuweisung/);
    const team = await titles(WORKER, '?zuweisung=team');
    assert.match(team, /Windpark Zuweisung/);
    assert.match(team, /Windpark Ohne Zuweisung/);
    assert.match(team, /Katrin Kollegin/);
    assert.match(team, /Vertretung: Sabine Sachbearbeiterin/);
    assert.match(team, /nicht zugewiesen/);
    assert.match(await titles(WORKER, ''), /Windpark Ohne Zuweisung/, 'Vorgabe: das Team');
    const colleagueMine = await titles(COLLEAGUE, '?zuweisung=mir');
    assert.match(colleagueMine, /Windpark Zuweisung/);
    const otherAuthority = await titles(OTHER_AUTHORITY, '?zuweisung=keine');
    assert.doesNotMatch(otherAuthority, /Windpark (Ohne )?Zuweisung/);
    const bad = await (await as(WORKER)).get('/arbeitskorb?zuweisung=alle-anderen');
    assert.equal(bad.statusCode, 400);
  });

  it('the API work queue has the same filter', async () => {
    const api = await apiAs(t, WORKER);
    const ids = async (query: string) =>
      (await api.get(`/api/v1/work-queue${query}`)).json<{ id: string; caseWorker?: string }[]>();
    assert.deepEqual(
      (await ids('?assignment=mine')).map((p) => p.id),
      [assigned],
    );
    assert.deepEqual(
      (await ids('?assignment=unassigned')).map((p) => p.id),
      [unassigned],
    );
    const team = await ids('?assignment=team');
    assert.equal(team.length, 2);
    assert.equal(team.find((p) => p.id === assigned)?.caseWorker, 'Katrin Kollegin');
    assert.equal((await api.get('/api/v1/work-queue?assignment=x')).statusCode, 400);
    const applicant = await apiAs(t, APPLICANT);
    const own = (await applicant.get('/api/v1/procedures')).json<Record<string, unknown>[]>();
    assert.ok(own.length >= 2);
    for (const item of own) assert.ok(!('caseWorker' in item), 'keine interne Zuständigkeit');
  });

  it('a closed procedure is no longer assigned (409)', async () => {
    const applicant = await apiAs(t, APPLICANT);
    const withdrawn = await applicant.post(`/api/v1/procedures/${unassigned}/actions/withdraw`, {
      reason: 'Standort aufgegeben.',
    });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    const response = await assign(WORKER, unassigned, { caseWorkerId: me, deputyId: '' });
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /abgeschlossen/);
  });
});
