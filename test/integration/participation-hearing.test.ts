import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { apiAs } from '../helpers/permits.ts';
import { createPublishedProcedure, seedObjections, WORKER } from '../helpers/participation.ts';

/** A hearing that takes place: announced with its agenda, invitations, minutes per concern. */
describe('hearing (Erörterungstermin) with agenda from the catalogue', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let worker: Awaited<ReturnType<typeof apiAs>>;

  before(async () => {
    t = await createTestApp({ clock, env: { OBJECTION_POW_DIFFICULTY: '0' } });
    procedure = await createPublishedProcedure(t, { eiaRequired: false });
    worker = await apiAs(t, WORKER);
    const ids = await seedObjections(t, procedure, [
      { text: 'Lärm in der Nacht.', name: 'A', address: 'B', email: 'a@example.org' },
      { text: 'Der Rotmilan brütet nebenan.', name: 'C', address: 'D', email: 'c@example.org' },
      { text: 'Lärm und Schatten.', name: 'E', address: 'F' },
    ]);
    const concerns = await t.database.db
      .selectFrom('concerns')
      .select(['id', 'key'])
      .where('procedure_id', '=', procedure.id)
      .execute();
    const noise = concerns.find((c) => c.key === 'noise')!;
    await t.database.db
      .insertInto('objection_concerns')
      .values(
        [ids[0]!, ids[2]!].map((objection_id) => ({
          objection_id,
          concern_id: noise.id,
          procedure_id: procedure.id,
          tenant_id: procedure.tenantId,
          source: 'confirmed' as const,
        })),
      )
      .execute();
  });
  after(async () => t.close());

  it('the catalogue exists from the notice on', async () => {
    const count = await t.database.db
      .selectFrom('concerns')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('procedure_id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    assert.ok(Number(count.n) >= 10);
  });

  it('scheduled after the objection period: notice with agenda, invitations, minutes per concern', async () => {
    const row = await t.database.db
      .selectFrom('procedures')
      .select('state')
      .where('id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    const end = (row.state as { participation: { objectionEnd: string } }).participation
      .objectionEnd;
    const day = (offset: number) => new Date(Date.parse(`${end}T09:00:00Z`) + offset * 86_400_000);
    clock.set(day(1));
    const hearingDate = day(14).toISOString().slice(0, 10);
    const scheduled = await worker.post(
      `/api/v1/procedures/${procedure.id}/actions/schedule-hearing`,
      {
        format: 'in-person',
        date: hearingDate,
        place: 'Rathaus Lichtenau, Ratssaal',
      },
    );
    assert.equal(scheduled.statusCode, 200, scheduled.body);
    const notice = await t.database.db
      .selectFrom('notices')
      .select(['body_text', 'kind'])
      .where('procedure_id', '=', procedure.id)
      .where('kind', '=', 'hearing')
      .executeTakeFirstOrThrow();
    assert.match(notice.body_text, /Lärm/);
    assert.match(notice.body_text, /Ratssaal/);
    const invitations = await t.database.db
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('subject', 'like', 'Einladung zur Erörterung%')
      .execute();
    assert.deepEqual(invitations.map((m) => m.to_address).sort(), [
      'a@example.org',
      'c@example.org',
    ]);

    const page = new Client(t.app);
    await page.logIn(WORKER);
    const form = await page.get(`/verfahren/${procedure.id}/eroerterung`);
    assert.equal(form.statusCode, 200);
    const field = /name="(note\.[0-9a-f-]{36})"/.exec(form.body)?.[1];
    assert.ok(field, 'the agenda lists the concern with objections');
    const saved = await page.post(`/verfahren/${procedure.id}/eroerterung`, {
      _csrf: csrfTokenFrom(form.body),
      [field]: 'Die Schallprognose wurde erläutert; Nachtbetrieb schallreduziert.',
    });
    assert.equal(saved.statusCode, 303);
    const notes = await t.database.db
      .selectFrom('hearing_notes')
      .select('note')
      .where('procedure_id', '=', procedure.id)
      .execute();
    assert.equal(notes.length, 1);
    const outsider = new Client(t.app);
    await outsider.logIn('antrag@windpark-sintfeld.example');
    assert.equal((await outsider.get(`/verfahren/${procedure.id}/eroerterung`)).statusCode, 404);

    const early = await worker.post(`/api/v1/procedures/${procedure.id}/actions/record-hearing`, {
      minutes: 'Niederschrift',
    });
    assert.equal(early.statusCode, 409);
    clock.set(day(14));
    const held = await worker.post(`/api/v1/procedures/${procedure.id}/actions/record-hearing`, {
      minutes: 'Erörtert wurden Lärm und Artenschutz; Niederschrift je Belang liegt bei.',
    });
    assert.equal(held.statusCode, 200, held.body);
    const after = await t.database.db
      .selectFrom('procedures')
      .select('step')
      .where('id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.step, 'decision-drafting');
  });
});
