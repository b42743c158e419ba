import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { solveChallenge } from '../../src/participation/intake/proof-of-work.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { objectionMultipart, SAMPLE_PDF } from '../helpers/multipart.ts';
import { createPublishedProcedure } from '../helpers/participation.ts';

describe('objection intake: form without script, API, receipts, late objections, abuse limits', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('objections')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    t = await createTestApp({
      clock,
      env: { OBJECTION_POW_DIFFICULTY: '0', OBJECTION_RATE_LIMIT: '0' },
    });
    procedure = await createPublishedProcedure(t, { documents: true });
  });
  after(async () => t.close());

  it('the API takes an objection and returns reference, time and the hash of text and files', async () => {
    const text = 'Ich erhebe Einwendungen wegen des Lärms in der Nacht.';
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/${procedure.id}/objections`,
      payload: {
        text,
        name: 'Erika Mustermann',
        address: 'Hauptstraße 1, 33165 Lichtenau',
        attachments: [{ filename: 'gutachten.pdf', contentBase64: SAMPLE_PDF.toString('base64') }],
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json();
    assert.match(body.reference, /^EW-2026-\d{7}$/);
    assert.equal(body.receivedAt, '2026-11-24T09:00:00.000Z');
    assert.equal(body.late, false);
    const fileHash = createHash('sha256').update(SAMPLE_PDF).digest('hex');
    // docs/receipt-hash.md, version 2: a manifest of the text's and each file's hashes.
    const hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
    const expected = hex(
      `industrieland-einwendung-v2\ntext ${hex(text)}\nanhang ${hex('gutachten.pdf')} ${fileHash}\n`,
    );
    assert.equal(body.sha256, expected);
    const receipt = await t.app.inject({
      method: 'GET',
      url: `/api/v1/receipts/${body.reference}`,
    });
    assert.equal(receipt.statusCode, 200);
    assert.deepEqual(
      { ...receipt.json<object>(), procedure: undefined },
      {
        reference: body.reference,
        receivedAt: body.receivedAt,
        sha256: expected,
        hashVersion: 2,
        late: false,
        procedure: undefined,
      },
    );
    assert.doesNotMatch(receipt.body, /Mustermann|Hauptstraße/);
  });

  it('a retried API submission with the same Idempotency-Key creates nothing new', async () => {
    const before = await count();
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/procedures/${procedure.id}/objections`,
        headers: { 'idempotency-key': 'retry-1' },
        payload: { text: 'Schattenwurf auf mein Grundstück.', name: 'A. B.', address: 'Weg 2' },
      });
    const first = await send();
    const second = await send();
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 200);
    assert.equal(second.json().reference, first.json().reference);
    assert.equal(await count(), before + 1);
  });

  it('bad input gets German messages per field and stores nothing', async () => {
    const before = await count();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/${procedure.id}/objections`,
      payload: { text: '   ', email: 'kein-mail' },
    });
    assert.equal(response.statusCode, 400);
    const fields = response
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    assert.deepEqual(fields, ['address', 'email', 'name', 'text']);
    const exe = await t.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/${procedure.id}/objections`,
      payload: {
        text: 'Mit Anhang',
        name: 'X',
        address: 'Y',
        attachments: [
          {
            filename: 'virus.exe',
            contentBase64: Buffer.from('MZ\x90\x00 this is not a pdf').toString('base64'),
          },
        ],
      },
    });
    assert.equal(exe.statusCode, 400);
    assert.match(exe.json().detail ?? exe.body, /PDF/);
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/00000000-0000-4000-8000-000000000000/objections`,
      payload: { text: 'x', name: 'x', address: 'y' },
    });
    assert.equal(unknown.statusCode, 404);
    assert.equal(await count(), before);
  });

  it('the form works without script: receipt page, PDF, mail with the personal link; a retry is recognised', async () => {
    const browser = new Client(t.app);
    const form = await browser.get(`/beteiligung/${procedure.id}/einwendung`);
    assert.equal(form.statusCode, 200);
    const csrf = csrfTokenFrom(
      form.body.replace(/action="[^"]*_csrf=([^"&]+)"/, 'name="_csrf" value="$1"'),
    );
    const challenge = /name="challenge" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const body = objectionMultipart(
      {
        challenge,
        nonce: '',
        text: 'Die Anlagen bedrängen unser Dorf optisch. <script>alert(1)</script>',
        name: 'Jonas Formular',
        address: 'Dorfstraße 9, 33165 Lichtenau',
        redactIdentity: 'true',
        email: 'jonas@example.org',
      },
      [{ name: 'foto.pdf', content: SAMPLE_PDF }],
    );
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: `/beteiligung/${procedure.id}/einwendung?_csrf=${encodeURIComponent(csrf)}`,
        headers: { cookie: browser.jar.header(), 'content-type': body.contentType },
        payload: body.payload,
      });
    const sent = await post();
    assert.equal(sent.statusCode, 303, sent.body);
    const location = String(sent.headers.location);
    assert.match(location, /^\/eingang\/[A-Za-z0-9_-]+\?neu=1$/);
    const status = await browser.get(location);
    assert.equal(status.statusCode, 200);
    assert.match(status.body, /Eingangsbestätigung EW-2026-/);
    assert.match(status.body, /Eingegangen \(aktueller Stand\)/);
    const token = location.split('/')[2]!.split('?')[0]!;
    const pdf = await browser.get(`/eingang/${token}/quittung.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select(['body_text', 'to_address'])
      .where('to_address', '=', 'jonas@example.org')
      .executeTakeFirstOrThrow();
    assert.ok(mail.body_text.includes(`/eingang/${token}`));
    const again = await post();
    assert.equal(again.statusCode, 303);
    assert.match(String(again.headers.location), new RegExp(`/eingang/${token}\\?wiederholt=1`));
    const stored = await t.database.db
      .selectFrom('objections')
      .selectAll()
      .where('name', '=', 'Jonas Formular')
      .execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.redact_identity, true);
    assert.equal(stored[0]!.channel, 'web');
    const forged = await t.app.inject({ method: 'GET', url: `/eingang/${token.slice(0, -2)}xx` });
    assert.equal(forged.statusCode, 404);
  });

  it('a form with errors comes back with status 400, the values kept and the summary on top', async () => {
    const browser = new Client(t.app);
    const form = await browser.get(`/beteiligung/${procedure.id}/einwendung`);
    const csrf = /_csrf=([^"&]+)"/.exec(form.body)?.[1] ?? '';
    const challenge = /name="challenge" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const body = objectionMultipart(
      { challenge, nonce: '', text: 'Nur Text, kein Name', name: '', address: '' },
      [],
    );
    const response = await t.app.inject({
      method: 'POST',
      url: `/beteiligung/${procedure.id}/einwendung?_csrf=${csrf}`,
      headers: { cookie: browser.jar.header(), 'content-type': body.contentType },
      payload: body.payload,
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Fehler: /);
    assert.match(response.body, /Bitte geben Sie Ihren Namen an/);
    assert.match(response.body, /Nur Text, kein Name/);
  });

  it('objections after the period are stored and marked late, not refused', async () => {
    const row = await t.database.db
      .selectFrom('procedures')
      .select('state')
      .where('id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    const end = (row.state as { participation: { objectionEnd: string } }).participation
      .objectionEnd;
    clock.set(new Date(`${end}T22:59:00Z`)); // 23:59 in Berlin (CET): still in time
    const inTime = await t.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/${procedure.id}/objections`,
      payload: { text: 'Gerade noch rechtzeitig.', name: 'R', address: 'S' },
    });
    assert.equal(inTime.json().late, false);
    clock.advance(2 * 60_000); // 00:01 the next day
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/${procedure.id}/objections`,
      payload: { text: 'Zu spät.', name: 'R', address: 'S' },
    });
    assert.equal(late.statusCode, 201);
    assert.equal(late.json().late, true);
    clock.set(new Date('2026-11-24T09:00:00Z'));
  });
});

describe('objection intake: proof of work and rate limit', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  before(async () => {
    t = await createTestApp({
      clock,
      env: { OBJECTION_POW_DIFFICULTY: '10', OBJECTION_RATE_LIMIT: '2' },
    });
    procedure = await createPublishedProcedure(t);
  });
  after(async () => t.close());

  it('the API needs a solved challenge, and one address gets only so many per hour', async () => {
    const url = `/api/v1/procedures/${procedure.id}/objections`;
    const payload = { text: 'Einwendung', name: 'N', address: 'A' };
    const missing = await t.app.inject({ method: 'POST', url, payload });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Sicherheitsprüfung/);
    const solved = async () => {
      const { challenge, difficulty } = (
        await t.app.inject({ method: 'GET', url: `${url}/challenge` })
      ).json();
      assert.equal(difficulty, 10);
      return { challenge, nonce: solveChallenge(challenge, difficulty) };
    };
    const wrong = await t.app.inject({
      method: 'POST',
      url,
      payload: { ...payload, ...(await solved()), nonce: 'x' },
    });
    assert.equal(wrong.statusCode, 400);
    for (let i = 0; i < 2; i++) {
      const ok = await t.app.inject({
        method: 'POST',
        url,
        payload: { ...payload, ...(await solved()) },
      });
      assert.equal(ok.statusCode, 201, ok.body);
    }
    const limited = await t.app.inject({
      method: 'POST',
      url,
      payload: { ...payload, ...(await solved()) },
    });
    assert.equal(limited.statusCode, 429);
    assert.match(limited.json().detail ?? limited.body, /in dieser Stunde/);
  });

  it('without script the form is accepted only after the waiting time', async () => {
    const browser = new Client(t.app);
    const form = await browser.get(`/beteiligung/${procedure.id}/einwendung`);
    assert.match(form.body, /data-difficulty="10"/);
    assert.match(form.body, /<script src="\/static\/proof-of-work.js" defer/);
    const csrf = /_csrf=([^"&]+)"/.exec(form.body)?.[1] ?? '';
    const challenge = /name="challenge" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const body = objectionMultipart(
      { challenge, nonce: '', text: 'Ohne Skript', name: 'N', address: 'A' },
      [],
    );
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: `/beteiligung/${procedure.id}/einwendung?_csrf=${csrf}`,
        headers: {
          cookie: browser.jar.header(),
          'content-type': body.contentType,
          'x-forwarded-for': '10.0.0.9',
        },
        payload: body.payload,
      });
    const tooFast = await send();
    assert.equal(tooFast.statusCode, 400);
    assert.match(tooFast.body, /sehr schnell/);
    assert.match(tooFast.body, /Ohne Skript/);
    clock.advance(11_000);
    clock.advance(3_600_000); // next rate-limit window
    const accepted = await send();
    assert.equal(accepted.statusCode, 303, accepted.body);
  });
});

describe('objection intake in one statement: rate limit, unknown and closed procedures', () => {
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  before(async () => {
    t = await createTestApp({
      clock: fixedClock(new Date('2026-11-24T09:00:00Z')),
      env: { OBJECTION_POW_DIFFICULTY: '0', OBJECTION_RATE_LIMIT: '2' },
    });
    procedure = await createPublishedProcedure(t);
  });
  after(async () => t.close());

  const post = (procedureId: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/v1/procedures/${procedureId}/objections`, payload });
  const stored = async (procedureId: string) =>
    Number(
      (
        await t.database.db
          .selectFrom('objections')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('procedure_id', '=', procedureId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const buckets = async () =>
    (await t.database.db.selectFrom('intake_rate').select(['bucket', 'count']).execute()).map(
      (r) => `${r.bucket}:${r.count}`,
    );
  const objection = { text: 'Der Schall stört meine Nachtruhe.', name: 'N. N.', address: 'Weg 1' };

  it('counts per address and refuses above the limit without storing', async () => {
    assert.equal((await post(procedure.id, objection)).statusCode, 201);
    assert.equal((await post(procedure.id, objection)).statusCode, 201);
    const limited = await post(procedure.id, objection);
    assert.equal(limited.statusCode, 429);
    assert.match(limited.json().detail ?? limited.body, /in dieser Stunde bereits 2/);
    assert.equal(await stored(procedure.id), 2);
    const [bucket] = await buckets();
    // A keyed hash: neither the address nor its plain SHA-256 is stored.
    assert.doesNotMatch(bucket ?? '', /127\.0\.0\.1/);
    assert.equal(bucket?.split(':')[1], '3');
  });

  it('an unknown procedure is 404, also with bad input, and is not counted', async () => {
    const before = await buckets();
    const unknown = '00000000-0000-4000-8000-000000000001';
    assert.equal((await post(unknown, objection)).statusCode, 404);
    assert.equal((await post(unknown, { text: '' })).statusCode, 404);
    assert.equal((await post('kein-verfahren', objection)).statusCode, 404);
    assert.deepEqual(await buckets(), before);
  });

  it('a closed procedure takes no objection (409)', async () => {
    const closed = await createPublishedProcedure(t);
    await t.database.db
      .updateTable('procedures')
      .set({ closed_at: new Date('2026-11-24T08:00:00Z') })
      .where('id', '=', closed.id)
      .execute();
    const response = await post(closed.id, objection);
    assert.equal(response.statusCode, 409);
    assert.match(response.json().detail ?? response.body, /abgeschlossen/);
    assert.equal(await stored(closed.id), 0);
  });
});
