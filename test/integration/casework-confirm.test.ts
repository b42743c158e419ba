import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { APPLICANT, OTHER_AUTHORITY, submittedProcedure, WORKER } from '../helpers/casework.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

/**
 * The case page leads with "Als Nächstes" and one primary action; steps that end the procedure
 * are secondary links to a confirmation page with a required checkbox (no JavaScript needed).
 */
describe('case page: next step, one primary action, confirmed destructive steps', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let id: string;
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

  const step = async () =>
    (
      await t.database.db
        .selectFrom('procedures')
        .select(['step', 'event_count'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).step;

  before(async () => {
    t = await createTestApp({ clock });
    id = await submittedProcedure(t);
    for (const email of [WORKER, APPLICANT, OTHER_AUTHORITY]) await as(email);
  });
  after(async () => t.close());

  it('the case worker sees what is due, by whom, by when with its rationale, and ONE primary button', async () => {
    const page = (await (await as(WORKER)).get(`/verfahren/${id}`)).body;
    const next = page.slice(page.indexOf('id="als-naechstes"'), page.indexOf('id="fristen"'));
    assert.match(next, /Prüfung der Vollständigkeit/);
    assert.match(next, /die Genehmigungsbehörde \(Kreis Paderborn/);
    assert.match(next, /8\. Januar 2027/);
    assert.match(next, /Begründung und Rechtsgrundlagen/);
    assert.match(next, /§ 10a Abs\. 4 BImSchG/);
    // Eight documents missing: requesting them leads; confirming stays a secondary step.
    assert.match(next, /Ihr nächster Schritt: Unterlagen nachfordern/);
    assert.equal(page.match(/kern-btn--primary/g)?.length, 1, 'genau eine Hauptaktion');
    assert.ok(page.indexOf('id="als-naechstes"') < page.indexOf('id="fristen"'), 'steht oben');
    assert.match(page, /Vollständigkeit bestätigen/);
    // Rejection is not possible yet (no missed document deadline) and never a button here.
    assert.doesNotMatch(page, /action="[^"]*\/aktionen\/reject-incomplete"/);
  });

  it('the applicant sees the authority’s deadline, nothing to do, and withdrawal only behind a link', async () => {
    const page = (await (await as(APPLICANT)).get(`/verfahren/${id}`)).body;
    assert.match(page, /die Genehmigungsbehörde/);
    const next = page.slice(page.indexOf('id="als-naechstes"'), page.indexOf('id="fristen"'));
    assert.doesNotMatch(next, /zurücknehmen/, 'Rücknahme ist nie die Hauptaktion');
    assert.match(page, new RegExp(`/verfahren/${id}/aktionen/withdraw/bestaetigen`));
    assert.doesNotMatch(page, /action="[^"]*\/aktionen\/withdraw"/);
  });

  it('the confirmation page needs the checkbox; without it nothing changes', async () => {
    const client = await as(APPLICANT);
    const confirmPage = await client.get(`/verfahren/${id}/aktionen/withdraw/bestaetigen`);
    assert.equal(confirmPage.statusCode, 200);
    assert.match(confirmPage.body, /Dieser Schritt beendet das Verfahren endgültig/);
    assert.match(confirmPage.body, /name="bestaetigt"/);
    const version = /name="version" value="(\d+)"/.exec(confirmPage.body)![1]!;
    const fields = {
      _csrf: csrfTokenFrom(confirmPage.body),
      version,
      bestaetigungsseite: 'ja',
      'withdraw.reason': 'Standort wird aufgegeben.',
    };
    const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const refused = await client.post(`/verfahren/${id}/aktionen/withdraw`, fields);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /<title>Fehler: /);
    assert.match(refused.body, /Bitte bestätigen Sie/);
    assert.match(refused.body, /Standort wird aufgegeben\./, 'Begründung bleibt erhalten');
    assert.match(refused.body, /name="bestaetigt"/, 'wieder die Bestätigungsseite');
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
    // Someone else cannot even open the confirmation: the worker may not withdraw (409),
    // another authority learns nothing (404).
    const worker = await (await as(WORKER)).get(`/verfahren/${id}/aktionen/withdraw/bestaetigen`);
    assert.equal(worker.statusCode, 409);
    const stranger = await (
      await as(OTHER_AUTHORITY)
    ).get(`/verfahren/${id}/aktionen/withdraw/bestaetigen`);
    assert.equal(stranger.statusCode, 404);
    const done = await client.post(`/verfahren/${id}/aktionen/withdraw`, {
      ...fields,
      bestaetigt: 'ja',
    });
    assert.equal(done.statusCode, 303, done.body);
    assert.equal(await step(), 'withdrawn');
  });
});
