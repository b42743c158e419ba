import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { applyRedaction } from '../../src/participation/redaction/index.ts';
import { proposeRedaction } from '../../src/participation/review/redaction.actions.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.ts';
import {
  APPLICANT,
  createPublishedProcedure,
  seedObjections,
  WORKER,
} from '../helpers/participation.ts';
import { apiAs } from '../helpers/permits.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

/**
 * The release through the API (§ 12 Abs. 2 9. BImSchV): the authority's case worker releases,
 * the applicant reads the batches as passed on; everybody else learns nothing; bad input and
 * refused releases answer in German problem+json and change nothing.
 */
const OPEN = {
  name: 'Friedhelm Ackerwinde',
  address: 'Sauerampferweg 3, 33165 Lichtenau',
  text: 'Mein Name ist Friedhelm Ackerwinde. Meine Frau Ludmilla ist Asthmatikerin. Der Feldhamsterbau am Kapellenweg wird zerstört.',
};
const HIDDEN = {
  name: 'Kunigunde Wiesenraute',
  address: 'Bärlauchgasse 9, 33165 Lichtenau',
  text: 'Ich, Kunigunde Wiesenraute, erreiche Sie unter 05292 661203. Die Quelle am Ellerbach versiegt.',
};

type Api = Awaited<ReturnType<typeof apiAs>>;

/** The review as the review page stores it when the case worker accepts every proposal. */
async function confirmProposals(t: TestApp, objector: typeof OPEN) {
  const spans = proposeRedaction({ ...objector, body: objector.text, email: null });
  await t.database.db
    .updateTable('objections')
    .set({
      redacted_body: applyRedaction(objector.text, spans),
      redaction_spans: JSON.stringify(spans),
      redaction_confirmed_at: new Date(),
    })
    .where('name', '=', objector.name)
    .execute();
}

describe('release API: objections to the applicant in batches', () => {
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let worker: Api;
  let applicant: Api;
  const url = () => `/api/v1/procedures/${procedure.id}/objection-releases`;
  const problem = (response: Awaited<ReturnType<Api['get']>>, status: number) => {
    assert.equal(response.statusCode, status, response.body);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    return response.json<{ detail: string; errors?: { field: string }[] }>();
  };

  before(async () => {
    t = await createTestApp();
    procedure = await createPublishedProcedure(t);
    await seedObjections(t, procedure, [
      { ...OPEN, redactIdentity: false },
      { ...HIDDEN, redactIdentity: true },
    ]);
    worker = await apiAs(t, WORKER);
    applicant = await apiAs(t, APPLICANT);
    await confirmProposals(t, OPEN);
  });
  after(async () => t.close());

  it('refuses bad input and a release with unreviewed objections in German, changing nothing', async () => {
    const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const wrong = problem(await worker.post(url(), { scope: 'alles' }), 400);
    assert.match(wrong.detail, /Feld „scope“ muss einer dieser Werte sein/);
    problem(await worker.post(url(), { scope: 'all', extra: true }), 400);
    problem(await worker.post(url(), { scope: 1 }), 400);
    const open = problem(await worker.post(url(), {}), 409);
    assert.match(open.detail, /Schwärzung dieser Einwendungen ist noch nicht geprüft/);
    assert.match(open.detail, /Es wurde nichts freigegeben/);
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  });

  it('only the authority releases; others learn nothing and change nothing', async () => {
    const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    for (const email of [
      APPLICANT,
      'toeb@lanuk.example',
      'aufsicht@mwike.example',
      'sachbearbeitung@brms.example',
    ]) {
      const other = await apiAs(t, email);
      problem(await other.post(url(), { scope: 'reviewed' }), 404);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: url(), payload: {} });
    assert.equal(anonymous.statusCode, 401);
    // A session cookie does not write through the JSON API.
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  });

  it('releases the reviewed one; the applicant reads it redacted, with the name it may see', async () => {
    const empty = await applicant.get(url());
    assert.equal(empty.statusCode, 200);
    assert.deepEqual(empty.json(), []);
    const released = await worker.post(url(), { scope: 'reviewed' });
    assert.equal(released.statusCode, 201, released.body);
    assert.deepEqual(released.json(), {
      number: 1,
      count: 1,
      heldBack: 1,
      url: `${url()}/1`,
    });
    const list = await applicant.get(url());
    const [batch] =
      list.json<{ number: number; count: number; url: string; releasedAt: string }[]>();
    assert.equal(batch!.number, 1);
    assert.equal(batch!.count, 1);
    assert.match(batch!.releasedAt, /^\d{4}-\d{2}-\d{2}T/);
    const page = await applicant.get(batch!.url);
    assert.equal(page.statusCode, 200, page.body);
    const body = page.json<{ objections: { name: string | null; text: string }[]; next: null }>();
    assert.equal(body.objections.length, 1);
    assert.equal(body.objections[0]!.name, OPEN.name);
    assert.match(body.objections[0]!.text, /Feldhamsterbau am Kapellenweg/);
    for (const secret of ['Ludmilla', 'Asthmatikerin', 'Wiesenraute', 'Ellerbach', '661203'])
      assert.ok(!page.body.includes(secret), secret);
    assert.equal(body.next, null);
    // The authority reads the same batch.
    assert.equal((await worker.get(batch!.url)).body, page.body);
    const audit = await t.database.db
      .selectFrom('procedure_events')
      .select('type')
      .where('procedure_id', '=', procedure.id)
      .where('type', '=', 'objections-released')
      .execute();
    assert.equal(audit.length, 1);
  });

  it('the second batch keeps the objector who asked unrecognisable', async () => {
    await confirmProposals(t, HIDDEN);
    const released = await worker.post(url(), { scope: 'all' });
    assert.equal(released.statusCode, 201, released.body);
    const page = await applicant.get(`${url()}/2`);
    const body = page.json<{ objections: { name: string | null; address: string | null }[] }>();
    assert.equal(body.objections[0]!.name, null);
    assert.equal(body.objections[0]!.address, null);
    assert.match(page.body, /Ellerbach/);
    for (const secret of ['Wiesenraute', 'Bärlauchgasse', '661203'])
      assert.ok(!page.body.includes(secret), secret);
    problem(await worker.post(url(), {}), 409);
  });

  it('reading: unknown batch, bad number and outsiders get problem+json', async () => {
    const unknown = problem(await applicant.get(`${url()}/9`), 404);
    assert.match(unknown.detail, /Freigabe Nr\. 9 gibt es in diesem Verfahren nicht/);
    problem(await applicant.get(`${url()}/eins`), 400);
    problem(await applicant.get(`${url()}/1?page=0`), 400);
    const beyond = await applicant.get(`${url()}/1?page=2`);
    assert.equal(beyond.json<{ objections: unknown[] }>().objections.length, 0);
    await addOtherApplicant(t);
    for (const email of [
      'toeb@lanuk.example',
      'aufsicht@mwike.example',
      'sachbearbeitung@brms.example',
      'antrag@windkraft-eggegebirge.example',
    ]) {
      const other = await apiAs(t, email);
      for (const path of [url(), `${url()}/1`]) {
        const refused = problem(await other.get(path), 404);
        assert.doesNotMatch(JSON.stringify(refused), /Ackerwinde|Feldhamster/);
      }
    }
    const anonymous = await t.app.inject({ method: 'GET', url: `${url()}/1` });
    assert.equal(anonymous.statusCode, 401);
    assert.doesNotMatch(anonymous.body, /Feldhamster/);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { operationId: string }>>;
    }>();
    const list = doc.paths['/api/v1/procedures/{id}/objection-releases'];
    assert.equal(list?.get?.operationId, 'listObjectionReleases');
    assert.equal(list?.post?.operationId, 'releaseObjections');
    assert.equal(
      doc.paths['/api/v1/procedures/{id}/objection-releases/{number}']?.get?.operationId,
      'getObjectionRelease',
    );
  });
});

async function addOtherApplicant(t: TestApp) {
  const db = t.database.db;
  const organisation = await db
    .insertInto('organisations')
    .values({ name: 'Windkraft Eggegebirge GmbH (Beispiel)', kind: 'company' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({
      email: 'antrag@windkraft-eggegebirge.example',
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
