import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { solveChallenge } from '../../src/participation/intake/proof-of-work.ts';
import { Client, createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import { createPublishedProcedure } from '../helpers/participation.ts';

/** A multipart form body in browser order (no files). */
function formBody(fields: Record<string, string>) {
  const boundary = `----idem${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('one idempotency rule for API and form, and a proof of work without bypass', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let procedureId: string;
  let url: string;
  const stored = async () =>
    t.database.db
      .selectFrom('objections')
      .select(['reference', 'body', 'name', 'address', 'email'])
      .where('procedure_id', '=', procedureId)
      .orderBy('reference')
      .execute();
  const solved = async () => {
    const { challenge, difficulty } = (
      await t.app.inject({ method: 'GET', url: `${url}/challenge` })
    ).json<{ challenge: string; difficulty: number }>();
    return { challenge, nonce: solveChallenge(challenge, difficulty) };
  };
  const post = async (payload: object, key?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: key === undefined ? {} : { 'idempotency-key': key },
      payload,
    });

  before(async () => {
    t = await createTestApp({
      clock,
      env: { OBJECTION_POW_DIFFICULTY: '8', OBJECTION_RATE_LIMIT: '0' },
    });
    procedureId = (await createPublishedProcedure(t)).id;
    url = `/api/v1/procedures/${procedureId}/objections`;
  });
  after(async () => t.close());

  it('API: the same Idempotency-Key with fresh challenges is one objection; changed content is 409 and stores nothing', async () => {
    const objection = { text: 'Lärm in der Nacht.', name: 'Erika M.', address: 'Weg 1' };
    const before = await stored();
    const first = await post({ ...objection, ...(await solved()) }, 'einwendung-1');
    const second = await post({ ...objection, ...(await solved()) }, 'einwendung-1');
    const third = await post({ ...objection, ...(await solved()) }, 'einwendung-1');
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(second.statusCode, 200, second.body);
    assert.equal(third.statusCode, 200, third.body);
    assert.equal(second.json().reference, first.json().reference);
    assert.equal(third.json().reference, first.json().reference);
    assert.equal((await stored()).length, before.length + 1);

    for (const changed of [
      { ...objection, text: 'Lärm am Tag.' },
      { ...objection, name: 'Erika Mustermann' },
      { ...objection, email: 'erika@example.org' },
    ]) {
      const replay = await post({ ...changed, ...(await solved()) }, 'einwendung-1');
      assert.equal(replay.statusCode, 409, replay.body);
      assert.match(String(replay.headers['content-type']), /^application\/problem\+json/);
      assert.match(replay.json<{ detail: string }>().detail, /bereits eine andere Einwendung/);
    }
    const after = await stored();
    assert.equal(after.length, before.length + 1);
    const original = after.find((o) => o.reference === first.json().reference);
    assert.deepEqual(
      { body: original?.body, name: original?.name, email: original?.email },
      { body: objection.text, name: objection.name, email: null },
    );
  });

  it('API: a solved challenge buys one objection, also under another Idempotency-Key', async () => {
    const work = await solved();
    const first = await post({ text: 'Erste', name: 'A', address: 'B', ...work }, 'k-a');
    assert.equal(first.statusCode, 201, first.body);
    const count = (await stored()).length;
    const again = await post({ text: 'Zweite', name: 'A', address: 'B', ...work }, 'k-b');
    assert.equal(again.statusCode, 409, again.body);
    assert.match(again.json<{ detail: string }>().detail, /Sicherheitsprüfung/);
    const withoutKey = await post({ text: 'Dritte', name: 'A', address: 'B', ...work });
    assert.equal(withoutKey.statusCode, 409, withoutKey.body);
    assert.equal((await stored()).length, count);
  });

  it('API: an empty nonce is no proof of work, however long the client waited', async () => {
    const { challenge } = await solved();
    clock.advance(60_000);
    const count = (await stored()).length;
    const response = await post({
      text: 'Ohne Arbeit',
      name: 'A',
      address: 'B',
      challenge,
      nonce: '',
    });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal((await stored()).length, count);
  });

  it('form: without script after the waiting time only; a wrong nonce is refused; a changed resend is 409 with the values kept', async () => {
    const browser = new Client(t.app);
    const page = await browser.get(`/beteiligung/${procedureId}/einwendung`);
    const csrf = /_csrf=([^"&]+)"/.exec(page.body)?.[1] ?? '';
    const challenge = /name="challenge" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const send = (fields: Record<string, string>) => {
      const body = formBody({ challenge, ...fields });
      return t.app.inject({
        method: 'POST',
        url: `/beteiligung/${procedureId}/einwendung?_csrf=${csrf}`,
        headers: { cookie: browser.jar.header(), 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const objection = { text: 'Schattenwurf', name: 'Jonas F.', address: 'Dorfstraße 9' };
    const count = (await stored()).length;

    const tooSoon = await send({ nonce: '', ...objection });
    assert.equal(tooSoon.statusCode, 400);
    assert.match(tooSoon.body, /sehr schnell/);
    clock.advance(11_000);
    const wrongNonce = await send({ nonce: '1', ...objection });
    assert.equal(wrongNonce.statusCode, 400, 'a wrong nonce passed as "no script"');
    assert.equal((await stored()).length, count);

    const accepted = await send({ nonce: '', ...objection });
    assert.equal(accepted.statusCode, 303, accepted.body);
    const same = await send({ nonce: '', ...objection });
    assert.equal(same.statusCode, 303);
    assert.match(String(same.headers.location), /wiederholt=1/);

    const changed = await send({ nonce: '', ...objection, name: 'Jonas Formular' });
    assert.equal(changed.statusCode, 409);
    assert.match(changed.body, /<title>Fehler: /);
    assert.match(changed.body, /bereits eine andere Einwendung/);
    assert.match(changed.body, /Jonas Formular/);
    const after = await stored();
    assert.equal(after.length, count + 1);
    assert.equal(after.filter((o) => o.name === 'Jonas F.').length, 1);
    assert.equal(after.filter((o) => o.name === 'Jonas Formular').length, 0);
  });
});
