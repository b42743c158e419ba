/**
 * A two-stage competitive call: outline, selection, full application, reviewers who declare
 * conflicts of interest and whose reviews stay hidden from each other until submitted, and an
 * assessment that waits for them. The company never learns who reviewed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTestApp,
  csrfTokenFrom,
  fixedClock,
  type Client,
  type TestApp,
} from '../helpers/app.ts';
import {
  applyFor,
  BODY,
  CONCEPT_FORM,
  FOUNDRY,
  loggedIn,
  openCall,
  REVIEWER,
  REVIEWER2,
  step,
  stepOk,
  userId,
  WINDPARK,
} from '../helpers/funding.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

describe('two-stage competitive call with reviewers', () => {
  const clock = fixedClock(new Date('2026-06-01T08:00:00Z'));
  let t: TestApp;
  let company: Client;
  let worker: Client;
  let id: string;

  before(async () => {
    t = await createTestApp({ clock });
    const lineId = await openCall(t, {
      programmeId: 'progres-klimaschutztechnik-solare-prozesswaerme',
      year: 2026,
      euros: 500_000,
      line: '1410/892 99',
      mode: 'two-stage-competitive',
    });
    company = await loggedIn(t, FOUNDRY);
    worker = await loggedIn(t, BODY);
    id = await applyFor(company, lineId, 'solar-process-heat', {
      ...CONCEPT_FORM,
      titel: 'Solare Prozesswärme Gießerei Hellweg',
      kosten_k1: '120.000,00',
      eigenmittel: '84.000,00',
      beantragt: '36.000,00',
      menge: '400',
    });
  });
  after(async () => t.close());

  const review = async (client: Client, fields: Record<string, string>) => {
    const page = await client.get(`/begutachtung/${id}`);
    assert.equal(page.statusCode, 200);
    return client.post(`/begutachtung/${id}`, { _csrf: csrfTokenFrom(page.body), ...fields });
  };

  it('runs outline → selection → application → reviews → assessment', async () => {
    await stepOk(company, id, 'submit-outline');
    const page = await worker.get(`/foerderung/antraege/${id}`);
    assert.match(page.body, /Projektskizze in Prüfung/);
    for (const email of [REVIEWER, REVIEWER2]) {
      const assigned = await worker.post(`/foerderung/antraege/${id}/gutachter`, {
        _csrf: csrfTokenFrom(page.body),
        gutachter: await userId(t.database.db, email),
      });
      assert.equal(assigned.statusCode, 303);
    }
    await stepOk(worker, id, 'accept-outline');
    await stepOk(company, id, 'submit-application');
    await stepOk(worker, id, 'confirm-receipt');
    await stepOk(worker, id, 'complete-formal-check');
    const early = await step(worker, id, 'complete-assessment', {
      note: 'Plausibel und innovativ.',
    });
    assert.equal(early.statusCode, 409);
    assert.match(early.body, /Begutachtung abzuwarten: 0 Gutachten abgegeben, 2 ausstehend/);

    const first = await loggedIn(t, REVIEWER);
    const second = await loggedIn(t, REVIEWER2);
    assert.match((await first.get('/begutachtung')).body, /Solare Prozesswärme Gießerei Hellweg/);
    const bad = await review(first, { befangen: 'nein', punkte: '101', begruendung: 'kurz' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Punkte: eine ganze Zahl von 0 bis 100/);
    assert.equal(
      (
        await review(first, {
          befangen: 'nein',
          punkte: '72',
          begruendung: 'Gutes Verhältnis von Kosten und Ertrag; Standort geeignet.',
        })
      ).statusCode,
      303,
    );
    const hidden = await second.get(`/begutachtung/${id}`);
    assert.doesNotMatch(
      hidden.body,
      /Gutes Verhältnis von Kosten und Ertrag/,
      'fremde Gutachten erst nach dem eigenen',
    );
    assert.match(hidden.body, /erst, nachdem Sie Ihr eigenes abgegeben haben/);
    assert.equal(
      (
        await review(second, {
          befangen: 'ja',
          befangen_grund: 'Früher bei der Antragstellerin beschäftigt',
        })
      ).statusCode,
      303,
    );
    const again = await review(second, {
      befangen: 'nein',
      punkte: '90',
      begruendung: 'Ich ändere meine Meinung nach der Erklärung.',
    });
    assert.equal(again.statusCode, 409, 'nach der Befangenheitserklärung kein Gutachten');

    await stepOk(worker, id, 'complete-assessment', { note: 'Plausibel; Gutachten 72 Punkte.' });
    const body = await worker.get(`/foerderung/antraege/${id}`);
    assert.match(body.body, /befangen erklärt/);
    assert.match(body.body, /Bewilligung von 36\.000,00/);
    const own = await company.get(`/foerderung/antraege/${id}`);
    assert.doesNotMatch(
      own.body,
      /Greta Gutachten|Gerd Gutachter|72 \/ 100/,
      'das Unternehmen erfährt nicht, wer begutachtet hat',
    );
  });

  it('people outside the review learn nothing and change nothing', async () => {
    const other = await loggedIn(t, WINDPARK);
    const reviewer = await loggedIn(t, REVIEWER);
    const before = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    assert.equal((await other.get(`/begutachtung/${id}`)).statusCode, 403);
    assert.equal((await worker.get(`/begutachtung/${id}`)).statusCode, 403);
    assert.equal((await reviewer.get(`/foerderung/antraege/${id}`)).statusCode, 404);
    const page = await company.get(`/foerderung/antraege/${id}`);
    const selfAssign = await company.post(`/foerderung/antraege/${id}/gutachter`, {
      _csrf: csrfTokenFrom(page.body),
      gutachter: await userId(t.database.db, REVIEWER),
    });
    assert.equal(selfAssign.statusCode, 403);
    assert.deepEqual(
      changedTables(before, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  });
});
