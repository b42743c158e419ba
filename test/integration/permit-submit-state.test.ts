import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import {
  APPLICANT,
  createPublishedProcedure,
  seedObjections,
  WORKER,
} from '../helpers/participation.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

/**
 * `submit` is the transition out of the draft and nothing else: on a procedure that runs, is
 * decided or closed it is refused like any other action the step does not allow (§ 10 Abs. 1
 * BImSchG: an application is submitted once; later changes are a new application), and the
 * refusal changes no row.
 */
describe('submit is refused on every procedure that left the draft', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let applicant: Awaited<ReturnType<typeof apiAs>>;
  let form: Client;

  before(async () => {
    t = await createTestApp({ clock });
    applicant = await apiAs(t, APPLICANT);
    form = new Client(t.app);
    await form.logIn(APPLICANT);
  });
  after(async () => t.close());

  /** Submits through the API and the form route; both must be refused and write nothing. */
  async function expectSubmitRefused(id: string, step: string): Promise<void> {
    const rowsBefore = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const api = await applicant.post(`/api/v1/procedures/${id}/actions/submit`, {});
    assert.equal(api.statusCode, 409, `${step}: ${api.body}`);
    assert.match(String(api.headers['content-type']), /application\/problem\+json/);
    assert.match(api.json().detail, /Antrag einreichen.*nicht möglich/);
    const page = await form.get(`/verfahren/${id}`);
    // The current version, so that the refusal is about the step, not a stale form.
    const version = String((await applicant.get(`/api/v1/procedures/${id}`)).json().version);
    const posted = await form.post(`/verfahren/${id}/aktionen/submit`, {
      _csrf: csrfTokenFrom(page.body),
      version,
    });
    assert.equal(posted.statusCode, 409, `${step}: Formular`);
    assert.match(String(posted.headers['content-type']), /text\/html/);
    assert.match(posted.body, /Antrag einreichen.*nicht möglich/);
    assert.deepEqual(
      changedTables(rowsBefore, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
      step,
    );
    const row = await t.database.db
      .selectFrom('procedures')
      .select('step')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.step, step);
  }

  it('in public participation with objections: notice, record and objections stay', async () => {
    const procedure = await createPublishedProcedure(t);
    await seedObjections(
      t,
      procedure,
      Array.from({ length: 25 }, (_, i) => ({
        text: `Einwendung Nummer ${i + 1} gegen das Vorhaben.`,
      })),
    );
    await expectSubmitRefused(procedure.id, 'participation');
  });

  it('in a decided, a delivered (closed) and a withdrawn simplified procedure', async () => {
    const worker = await apiAs(t, WORKER);
    const agency = await apiAs(t, 'toeb@lanuk.example');
    const kreis = await orgId(t, 'Kreis Paderborn');
    const lanuk = await orgId(t, 'Landesamt für Natur');
    const project = DEMO_PROJECTS.find((p) => p.key === 'brilon-nordost')!;
    const create = async () => {
      const created = await applicant.post(
        '/api/v1/procedures',
        applicationBody(project, kreis, 3),
      );
      assert.equal(created.statusCode, 201, created.body);
      return created.json<{ id: string }>().id;
    };
    const id = await create();
    const steps: [typeof applicant, string, object][] = [
      [applicant, 'submit', {}],
      [worker, 'confirm-receipt', {}],
      [
        worker,
        'confirm-completeness',
        {
          completenessDate: '2026-11-24',
          agencies: [lanuk],
          timetable: 'Entscheidung im Januar.',
          missingDocumentsReason:
            'Die übrigen Unterlagen liegen der Behörde aus der Vorprüfung vor.',
        },
      ],
      [agency, 'record-agency-statement', { statement: 'Keine Bedenken.' }],
      [worker, 'complete-agency-involvement', {}],
      [
        worker,
        'decide',
        { outcome: 'granted', reasons: 'Die Voraussetzungen des § 6 BImSchG liegen vor.' },
      ],
    ];
    for (const [client, action, body] of steps) {
      const response = await client.post(`/api/v1/procedures/${id}/actions/${action}`, body);
      assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
    }
    await expectSubmitRefused(id, 'decided');
    const delivered = await worker.post(`/api/v1/procedures/${id}/actions/deliver-decision`, {});
    assert.equal(delivered.statusCode, 200, delivered.body);
    await expectSubmitRefused(id, 'delivered');

    const withdrawnId = await create();
    for (const [action, body] of [
      ['submit', {}],
      ['withdraw', { reason: 'Standort wird aufgegeben.' }],
    ] as const) {
      const response = await applicant.post(
        `/api/v1/procedures/${withdrawnId}/actions/${action}`,
        body,
      );
      assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
    }
    await expectSubmitRefused(withdrawnId, 'withdrawn');
  });
});
