import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { OBJECTION_JSON_BODY_LIMIT } from '../../src/participation/intake/body-limits.ts';
import { MAX_API_ATTACHMENT_BYTES } from '../../src/participation/intake/objection-input.ts';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import { SAMPLE_PDF } from '../helpers/multipart.ts';
import { createPublishedProcedure } from '../helpers/participation.ts';

const MIB = 1024 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A PDF of `bytes` bytes whose content differs by `label`. */
const pdfOf = (bytes: number, label: string) => {
  const head = Buffer.concat([SAMPLE_PDF, Buffer.from(`% ${label}\n`)]);
  return Buffer.concat([head, Buffer.alloc(bytes - head.length, 0x20)]);
};

describe('the public JSON intake takes only the body it needs', () => {
  let t: TestApp;
  let url: string;
  before(async () => {
    t = await createTestApp({
      clock: fixedClock(new Date('2026-11-24T09:00:00Z')),
      env: { OBJECTION_POW_DIFFICULTY: '0', OBJECTION_RATE_LIMIT: '0' },
    });
    url = `/api/v1/procedures/${(await createPublishedProcedure(t)).id}/objections`;
  });
  after(async () => t.close());

  it('a body above the limit gets 413 with a German problem before it is parsed', async () => {
    // Not even JSON: had it been parsed, the answer would be 400.
    const payload = `{"text": "${'a'.repeat(OBJECTION_JSON_BODY_LIMIT)}`;
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload,
    });
    assert.equal(response.statusCode, 413, response.body);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    assert.match(response.json<{ detail: string }>().detail, /zu groß.*Formular/);
    // Text and at most 15 MB of attachments in base64 (the ceiling) at the very most.
    assert.ok(OBJECTION_JSON_BODY_LIMIT < 22 * MIB, `${OBJECTION_JSON_BODY_LIMIT} bytes`);
  });

  it('attachments above their budget together are refused (413) and nothing is stored', async () => {
    const before = await t.database.db
      .selectFrom('objections')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const response = await t.app.inject({
      method: 'POST',
      url,
      payload: {
        text: 'Zu große Anhänge',
        name: 'N',
        address: 'A',
        attachments: [
          {
            filename: 'a.pdf',
            contentBase64: pdfOf(MAX_API_ATTACHMENT_BYTES / 2, 'a').toString('base64'),
          },
          {
            filename: 'b.pdf',
            contentBase64: pdfOf(MAX_API_ATTACHMENT_BYTES / 2 + 1, 'b').toString('base64'),
          },
        ],
      },
    });
    assert.equal(response.statusCode, 413, response.body);
    const after = await t.database.db
      .selectFrom('objections')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });

  it('four parallel requests at the limit grow the process by at most 100 MB', async (test) => {
    const body = (n: number) =>
      JSON.stringify({
        text: `Einwendung ${n}: ${'Lärm und Schattenwurf. '.repeat(2170)}`.slice(0, 50_000),
        name: 'Erika Mustermann',
        address: 'Hauptstraße 1, 33165 Lichtenau',
        // The whole budget, in files of at most 10 MB each.
        attachments: [0, 1, 2].map((i) => ({
          filename: `anlage-${i}.pdf`,
          contentBase64: pdfOf(Math.floor(MAX_API_ATTACHMENT_BYTES / 3), `${n}-${i}`).toString(
            'base64',
          ),
        })),
      });
    const send = (payload: string | Buffer) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload,
      });
    // Warm up the route (code, pools, buffers) so that the measurement sees the request cost.
    assert.equal((await send(body(0))).statusCode, 201);
    // As bytes, made before the baseline: the client's copies are not the server's growth.
    const payloads = [1, 2, 3, 4].map((n) => Buffer.from(body(n)));
    for (const p of payloads) assert.ok(p.length <= OBJECTION_JSON_BODY_LIMIT, `${p.length}`);
    gc();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 2);
    try {
      const responses = await Promise.all(payloads.map(send));
      for (const r of responses) assert.equal(r.statusCode, 201, r.body);
    } finally {
      clearInterval(sample);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const growth = (peak - baseline) / MIB;
    test.diagnostic(`four requests of ${payloads[0]!.length} bytes: +${growth.toFixed(0)} MB`);
    assert.ok(growth <= 100, `the process grew by ${growth.toFixed(0)} MB`);
  });
});
