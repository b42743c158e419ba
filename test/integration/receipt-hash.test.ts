/**
 * A receipt must verify from what the objector sent, by the documented algorithm
 * (docs/receipt-hash.md) and without our code: the hash is recomputed here by an independent
 * implementation of the document, never by calling the portal's hash function.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { recomputeStoredReceiptHash } from '../../src/participation/intake/receipt.queries.ts';
import { runReceiptsCli } from '../../src/participation/receipt/receipt.cli.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import { objectionMultipart } from '../helpers/multipart.ts';
import { createPublishedProcedure } from '../helpers/participation.ts';

const sha256 = (data: Buffer | string): string =>
  createHash('sha256')
    .update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    .digest('hex');

interface Sent {
  text: string;
  attachments: { name: string; bytes: Buffer }[];
}

/** docs/receipt-hash.md, version 2, written from the document. */
function documentedHash(sent: Sent): string {
  const text = sent.text.split('\r\n').join('\n').split('\r').join('\n');
  let manifest = `industrieland-einwendung-v2\ntext ${sha256(text)}\n`;
  for (const a of sent.attachments) manifest += `anhang ${sha256(a.name)} ${sha256(a.bytes)}\n`;
  return sha256(manifest);
}

// Text made of what breaks naive hashing: line endings, edge whitespace, umlauts, combining marks.
const TRICKY = [
  '\r\n',
  '\n',
  '\r',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u3000',
  '\ufeff',
  'ä',
  'ß',
  'Ä',
  'a\u0308',
  'o\u0308',
  '„Lärm“',
  '€',
  '😀',
  'Windkraft',
  ' & <b>',
];
const textArb = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', maxLength: 12 })), {
      maxLength: 12,
    }),
    fc.array(fc.constantFrom(...TRICKY), { maxLength: 12 }),
  )
  // A letter in the middle: an objection must not be empty after trimming.
  .map(([head, tail]) => `${head.join('')}Einwendung${tail.join('')}`)
  .filter((text) => !text.includes('\u0000'));

// Odd names a browser can put into a multipart header (no ", no line breaks, no backslash).
const NAME_PARTS = [
  'Gutachten',
  ' ',
  'ä',
  'ß',
  'a\u0308',
  '(1)',
  '#',
  '%',
  ';',
  "'",
  '&',
  '😀',
  '..',
  '<>',
  '|*?:',
  'Lärm – Messung',
];
const nameArb = fc
  .array(fc.constantFrom(...NAME_PARTS), { minLength: 1, maxLength: 6 })
  .map((parts) => `${parts.join('')}.pdf`);
// The JSON API takes any name; slashes and backslashes included.
const apiNameArb = fc.oneof(
  nameArb,
  nameArb.map((n) => `ordner/${n}`),
  nameArb.map((n) => `C:\\Daten\\${n}`),
  nameArb.map((n) => ` ${n} `),
);
const bytesArb = fc
  .uint8Array({ maxLength: 64 })
  .map((tail) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(tail)]));

const submissionArb = (names: fc.Arbitrary<string>) =>
  fc.record({
    text: textArb,
    attachments: fc.array(fc.record({ name: names, bytes: bytesArb }), { maxLength: 3 }),
    email: fc.boolean(),
  });

describe('receipt hash: verifiable from what was sent, by the documented algorithm', () => {
  let t: TestApp;
  let procedure: { id: string; tenantId: string };

  before(async () => {
    t = await createTestApp({
      clock: fixedClock(new Date('2026-11-24T09:00:00Z')),
      env: { OBJECTION_POW_DIFFICULTY: '0', OBJECTION_RATE_LIMIT: '0' },
    });
    procedure = await createPublishedProcedure(t);
  });
  after(async () => t.close());

  const checkStored = async (reference: string, expected: string) => {
    const receipt = await t.app.inject({ method: 'GET', url: `/api/v1/receipts/${reference}` });
    assert.equal(receipt.statusCode, 200, receipt.body);
    assert.equal(receipt.json().sha256, expected);
    assert.equal(receipt.json().hashVersion, 2);
    const row = await t.database.db
      .selectFrom('objections')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    const stored = await recomputeStoredReceiptHash(t.database.db, row.id);
    assert.equal(stored?.recomputed, expected, 'the stored objection recomputes to its receipt');
  };

  it('200 generated submissions through the JSON API verify as sent', async () => {
    await fc.assert(
      fc.asyncProperty(submissionArb(apiNameArb), async (sent) => {
        const response = await t.app.inject({
          method: 'POST',
          url: `/api/v1/procedures/${procedure.id}/objections`,
          payload: {
            text: sent.text,
            name: 'Erika Mustermann',
            address: 'Hauptstraße 1, 33165 Lichtenau',
            ...(sent.email ? { email: 'erika@example.org' } : {}),
            attachments: sent.attachments.map((a) => ({
              filename: a.name,
              contentBase64: a.bytes.toString('base64'),
            })),
          },
        });
        assert.equal(response.statusCode, 201, response.body);
        const body = response.json<{ reference: string; sha256: string; hashVersion: number }>();
        assert.equal(body.hashVersion, 2);
        assert.equal(body.sha256, documentedHash(sent));
        await checkStored(body.reference, body.sha256);
      }),
      { numRuns: 200 },
    );
  });

  it('200 generated submissions through the objection form verify as sent', async () => {
    await fc.assert(
      // preservePath: a name with a folder counts as sent, too (cleaned only for display).
      fc.asyncProperty(
        submissionArb(
          fc.oneof(
            nameArb,
            nameArb.map((n) => `ordner/${n}`),
          ),
        ),
        async (sent) => {
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
              nonce: '0',
              text: sent.text,
              name: 'Jonas Formular',
              address: 'Dorfstraße 9, 33165 Lichtenau',
              ...(sent.email ? { email: 'jonas@example.org' } : {}),
            },
            sent.attachments.map((file) => ({ name: file.name, content: file.bytes })),
          );
          const posted = await t.app.inject({
            method: 'POST',
            url: `/beteiligung/${procedure.id}/einwendung?_csrf=${encodeURIComponent(csrf)}`,
            headers: { cookie: browser.jar.header(), 'content-type': body.contentType },
            payload: body.payload,
          });
          assert.equal(posted.statusCode, 303, posted.body);
          const status = await browser.get(String(posted.headers.location));
          assert.equal(status.statusCode, 200);
          const shown = /<code class="hash">([0-9a-f ]+)<\/code>/.exec(status.body)?.[1];
          assert.equal(shown?.replaceAll(' ', ''), documentedHash(sent));
          assert.match(status.body, /Prüfverfahren Version 2/);
          assert.match(status.body, /href="\/pruefsumme"/);
          const reference = /Eingangsbestätigung (EW-\d{4}-\d{7,})/.exec(status.body)?.[1] ?? '';
          await checkStored(reference, documentedHash(sent));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('text or a file name that is not well-formed Unicode is refused: no third party could hash it', async () => {
    const count = async () =>
      (await t.database.db.selectFrom('objections').select('id').execute()).length;
    const before = await count();
    for (const payload of [
      { text: 'Einwendung \ud800 gegen Lärm' },
      {
        text: 'Einwendung',
        attachments: [
          {
            filename: 'gutachten\udc00.pdf',
            contentBase64: Buffer.from('%PDF-1.4\n').toString('base64'),
          },
        ],
      },
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/procedures/${procedure.id}/objections`,
        payload: { name: 'Erika Mustermann', address: 'Hauptstraße 1', ...payload },
      });
      assert.equal(response.statusCode, 400, response.body);
      assert.match(response.body, /ungültige Zeichen/);
    }
    assert.equal(await count(), before);
  });

  it('the receipt mail names the version, what it covers and where to check it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/${procedure.id}/objections`,
      payload: {
        text: '  Einwendung mit Mail\r\n',
        name: 'Erika Mustermann',
        address: 'Hauptstraße 1',
        email: 'pruefsumme@example.org',
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select('body_text')
      .where('to_address', '=', 'pruefsumme@example.org')
      .executeTakeFirstOrThrow();
    assert.ok(mail.body_text.includes(`Prüfverfahren Version 2): ${response.json().sha256}`));
    assert.match(mail.body_text, /genau so, wie er eingegangen ist/);
    assert.match(mail.body_text, /\/pruefsumme\b/);
    assert.doesNotMatch(mail.body_text, /Leerraum am Anfang und Ende, /);
  });

  it('the portal explains the algorithm at /pruefsumme and serves the full guide', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/pruefsumme' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /industrieland-einwendung-v2/);
    assert.match(page.body, /href="\/pruefsumme.md"/);
    const guide = await t.app.inject({ method: 'GET', url: '/pruefsumme.md' });
    assert.equal(guide.statusCode, 200);
    assert.match(String(guide.headers['content-type']), /^text\/markdown/);
    assert.match(guide.body, /5c909e0e2b671c36dc42fffbe642e9ddbe293d6f364ce98194537b8fd83eb199/);
  });

  it('a receipt issued with version 1 still verifies, by the API, the stored data and the command', async () => {
    // Written as receipts were before version 2: trimmed text, cleaned name, no version column set.
    const fileHash = sha256(Buffer.from('%PDF-1.4\n'));
    const v1 = sha256(
      `{"attachments":[{"filename":"a_b.pdf","sha256":"${fileHash}"}],"text":"Lärm\\nnachts"}`,
    );
    const row = await t.database.db
      .insertInto('objections')
      .values({
        procedure_id: procedure.id,
        tenant_id: procedure.tenantId,
        reference: sql<string>`'EW-2025-' || lpad(nextval('objection_number_seq')::text, 7, '0')`,
        received_at: new Date('2025-11-24T09:00:00Z'),
        channel: 'api',
        body: 'Lärm\nnachts',
        name: null,
        address: null,
        email: null,
        late: false,
        sha256: v1,
        submission_key: null,
        external_ref: null,
        entered_by: null,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('objection_attachments')
      .values({
        objection_id: row.id,
        position: 0,
        tenant_id: procedure.tenantId,
        filename: 'a_b.pdf',
        media_type: 'application/pdf',
        sha256: fileHash,
        size: 9,
      })
      .execute();
    const receipt = await t.app.inject({ method: 'GET', url: `/api/v1/receipts/${row.reference}` });
    assert.equal(receipt.json().hashVersion, 1);
    assert.equal(receipt.json().sha256, v1);
    assert.deepEqual(await recomputeStoredReceiptHash(t.database.db, row.id), {
      version: 1,
      receipt: v1,
      recomputed: v1,
    });

    const dir = mkdtempSync(path.join(tmpdir(), 'quittung-'));
    writeFileSync(path.join(dir, 'a.pdf'), '%PDF-1.4\n');
    writeFileSync(
      path.join(dir, 'gesendet.json'),
      JSON.stringify({
        text: '  Lärm\r\nnachts  ',
        attachments: [{ filename: 'x/a:b.pdf', datei: 'a.pdf' }],
      }),
    );
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const withDb = async (work: (db: typeof t.database.db) => Promise<void>) => work(t.database.db);
    const code = await runReceiptsCli(
      ['verify', path.join(dir, 'gesendet.json'), '--nummer', row.reference],
      withDb,
      io,
    );
    assert.equal(code, 0, lines.join('\n'));
    assert.deepEqual(lines.length, 1);
    assert.match(lines[0]!, /^Prüfsumme stimmt überein \(Prüfverfahren Version 1\)/);

    // The same through the public API, as a third party without database access would ask.
    const portalLines: string[] = [];
    const viaPortal = await runReceiptsCli(
      [
        'verify',
        path.join(dir, 'gesendet.json'),
        '--nummer',
        row.reference,
        '--portal',
        'https://portal.example/',
      ],
      async () => {
        throw new Error('no database with --portal');
      },
      {
        out: (l) => portalLines.push(l),
        err: (l) => portalLines.push(l),
        fetch: async (url) => {
          const target = url instanceof URL ? url : new URL(url instanceof Request ? url.url : url);
          const answer = await t.app.inject({ method: 'GET', url: target.pathname });
          return new Response(answer.body, { status: answer.statusCode });
        },
      },
    );
    assert.equal(viaPortal, 0, portalLines.join('\n'));
    assert.match(portalLines[0]!, /Prüfverfahren Version 1/);
  });
});

describe('receipts verify: one German line and an exit code', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'quittung-'));
  const EXAMPLE = '5c909e0e2b671c36dc42fffbe642e9ddbe293d6f364ce98194537b8fd83eb199';
  writeFileSync(path.join(dir, 'text.txt'), 'Ich erhebe Einwendungen gegen den Lärm.\r\n');
  writeFileSync(path.join(dir, 'Gutachten Lärm.pdf'), '%PDF-1.4\n% Gutachten\n%%EOF\n');
  writeFileSync(
    path.join(dir, 'api.json'),
    JSON.stringify({
      text: 'Ich erhebe Einwendungen gegen den Lärm.\r\n',
      name: 'wird nicht beachtet',
      attachments: [
        {
          filename: 'Gutachten Lärm.pdf',
          contentBase64: Buffer.from('%PDF-1.4\n% Gutachten\n%%EOF\n').toString('base64'),
        },
      ],
    }),
  );
  writeFileSync(path.join(dir, 'kaputt.json'), '{"text": ');
  const noDatabase = async () => {
    throw new Error('opened the database without --nummer');
  };
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runReceiptsCli(['verify', ...args], noDatabase, {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    return { code, lines };
  };

  it('the worked example of docs/receipt-hash.md matches, from a text file and from API JSON', async () => {
    const fromText = await run(
      path.join(dir, 'text.txt'),
      '--anhang',
      path.join(dir, 'Gutachten Lärm.pdf'),
      '--sha256',
      EXAMPLE,
    );
    assert.equal(fromText.code, 0, fromText.lines.join('\n'));
    assert.equal(fromText.lines.length, 1);
    assert.match(fromText.lines[0]!, /^Prüfsumme stimmt überein \(Prüfverfahren Version 2\)/);
    const fromJson = await run(path.join(dir, 'api.json'), '--sha256', EXAMPLE.toUpperCase());
    assert.equal(fromJson.code, 0, fromJson.lines.join('\n'));
  });

  it('a different hash is a mismatch (1); bad calls and files are refused (2), never a stack trace', async () => {
    const other = await run(path.join(dir, 'api.json'), '--sha256', 'ab'.repeat(32));
    assert.equal(other.code, 1);
    assert.match(other.lines[0]!, /^Prüfsumme stimmt NICHT überein/);
    for (const args of [
      [],
      [path.join(dir, 'api.json')],
      [path.join(dir, 'fehlt.json'), '--sha256', EXAMPLE],
      [path.join(dir, 'kaputt.json'), '--sha256', EXAMPLE],
      [path.join(dir, 'api.json'), '--sha256', 'xyz'],
      [path.join(dir, 'api.json'), '--nummer', 'keine-nummer'],
      [path.join(dir, 'api.json'), '--sha256', EXAMPLE, '--version', '3'],
    ]) {
      const result = await run(...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.lines.length, 1, result.lines.join('\n'));
      assert.match(result.lines[0]!, /^Fehler: /);
      assert.doesNotMatch(result.lines[0]!, /\n|at .*\.ts:\d+/);
    }
  });
});
