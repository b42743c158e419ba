import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';

/**
 * The Aktenzeichen is given at submission from the authority's pattern and its counter for the
 * year: unique per authority (a database constraint), counted per authority, none for a draft,
 * and a draft is not in the authority's work queue.
 */
describe('Aktenzeichen at submission', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let applicant: Awaited<ReturnType<typeof apiAs>>;
  let kreis: string;
  let brms: string;
  const project = DEMO_PROJECTS.find((p) => p.key === 'bueren-ost')!;

  before(async () => {
    t = await createTestApp({ clock });
    applicant = await apiAs(t, 'antrag@windpark-sintfeld.example');
    kreis = await orgId(t, 'Kreis Paderborn');
    brms = await orgId(t, 'Bezirksregierung Münster');
  });
  after(async () => t.close());

  async function draft(authority: string): Promise<string> {
    const created = await applicant.post(
      '/api/v1/procedures',
      applicationBody(project, authority, 2),
    );
    assert.equal(created.statusCode, 201, created.body);
    return created.json().id as string;
  }

  const reference = async (id: string) =>
    (
      await t.database.db
        .selectFrom('procedures')
        .select('reference')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).reference;

  it('a draft has no Aktenzeichen, is not in the queue and shows "noch kein Aktenzeichen"', async () => {
    const id = await draft(kreis);
    assert.equal(await reference(id), null);
    const api = (await applicant.get(`/api/v1/procedures/${id}`)).json();
    assert.equal(api.reference, null);
    const browser = new Client(t.app);
    await browser.logIn('antrag@windpark-sintfeld.example');
    const page = await browser.get(`/verfahren/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /noch kein Aktenzeichen/);
    assert.doesNotMatch(page.body, />null</);
    const worker = await apiAs(t, 'sachbearbeitung@kreis-paderborn.example');
    const queue = (await worker.get('/api/v1/work-queue')).json() as { id: string }[];
    assert.ok(!queue.some((p) => p.id === id), 'Entwurf in der Arbeitsliste der Behörde');
    // The applicant still sees its own draft in its list.
    const own = (await applicant.get('/api/v1/procedures')).json() as { id: string }[];
    assert.ok(own.some((p) => p.id === id));
    const submitted = await applicant.post(`/api/v1/procedures/${id}/actions/submit`, {});
    assert.equal(submitted.statusCode, 200, submitted.body);
    const queueAfter = (await worker.get('/api/v1/work-queue')).json() as { id: string }[];
    assert.ok(
      queueAfter.some((p) => p.id === id),
      'eingereicht, aber nicht in der Arbeitsliste',
    );
  });

  it('20 concurrent submissions to one authority get 20 distinct numbers', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => draft(kreis)));
    const results = await Promise.all(
      ids.map((id) => applicant.post(`/api/v1/procedures/${id}/actions/submit`, {})),
    );
    for (const r of results) assert.equal(r.statusCode, 200, r.body);
    const references = await Promise.all(ids.map(reference));
    assert.ok(references.every((r) => r !== null && /^BImSchG-2026-\d{4}$/.test(r)));
    assert.equal(new Set(references).size, 20);
  });

  it('two authorities count separately, each from its own pattern', async () => {
    await t.database.db
      .insertInto('authority_profiles')
      .values({ organisation_id: brms, reference_pattern: '53.{NR}/{JJ}' })
      .onConflict((oc) =>
        oc.column('organisation_id').doUpdateSet({ reference_pattern: '53.{NR}/{JJ}' }),
      )
      .execute();
    const before = await t.database.db
      .selectFrom('reference_counters')
      .select('last_number')
      .where('tenant_id', '=', brms)
      .where('year', '=', 2026)
      .executeTakeFirst();
    const first = await draft(brms);
    const second = await draft(brms);
    for (const id of [first, second])
      assert.equal(
        (await applicant.post(`/api/v1/procedures/${id}/actions/submit`, {})).statusCode,
        200,
      );
    const n = (before?.last_number ?? 0) + 1;
    assert.equal(await reference(first), `53.${String(n).padStart(4, '0')}/26`);
    assert.equal(await reference(second), `53.${String(n + 1).padStart(4, '0')}/26`);
    const kreisCounter = await t.database.db
      .selectFrom('reference_counters')
      .select('last_number')
      .where('tenant_id', '=', kreis)
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    assert.ok(kreisCounter.last_number >= 21, 'Kreis zählt unabhängig weiter');
  });

  it('the database refuses a second procedure with the same Aktenzeichen at one authority', async () => {
    const [a, b] = [await draft(kreis), await draft(kreis)];
    await t.database.db
      .updateTable('procedures')
      .set({ reference: 'DOPPELT-1' })
      .where('id', '=', a)
      .execute();
    await assert.rejects(
      t.database.db
        .updateTable('procedures')
        .set({ reference: 'DOPPELT-1' })
        .where('id', '=', b)
        .execute(),
      /procedures_reference_key/,
    );
  });
});
