import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/platform/auth/auth.queries.ts';
import { rateBucket } from '../../src/participation/intake/rate-limit.ts';
import { solveChallenge } from '../../src/participation/intake/proof-of-work.ts';
import { Client, createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import { multipart, SAMPLE_PDF } from '../helpers/multipart.ts';
import { createPublishedProcedure, APPLICANT } from '../helpers/participation.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';

/** Every entry below the file store with its size and content hash: "byte-for-byte" made checkable. */
function snapshot(root: string): string[] {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = statSync(full);
      const relative = path.relative(root, full);
      if (stat.isDirectory()) {
        lines.push(`${relative}/`);
        walk(full);
      } else {
        const hash = createHash('sha256').update(readFileSync(full)).digest('hex');
        lines.push(`${relative} ${stat.size} ${hash}`);
      }
    }
  };
  walk(root);
  return lines;
}

interface Part {
  name: string;
  value?: string;
  file?: { filename: string; content: Buffer };
}

/** A multipart body with the parts in the given order (files may come before fields). */
function body(parts: Part[], options: { truncate?: number } = {}) {
  const boundary = `----refusal${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (part.file) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.file.filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        part.file.content,
        Buffer.from('\r\n'),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value ?? ''}\r\n`,
        ),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  let payload = Buffer.concat(chunks);
  if (options.truncate !== undefined) payload = payload.subarray(0, options.truncate);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Not a document, different in each use: content addressing must not hide a stored file. */
const notPdf = (label: string) =>
  Buffer.from(`MZ\x90\x00 ein Programm (${label}), kein Dokument `.repeat(2000));
/** A real PDF header and 11 MB of content: above the 10 MB per attachment. */
const HUGE_PDF = Buffer.concat([SAMPLE_PDF, Buffer.alloc(11 * 1024 * 1024, 0x20)]);
/** Bytes that a valid PDF would have, but distinct from every other file in these tests. */
const pdf = (label: string) => Buffer.concat([SAMPLE_PDF, Buffer.from(`% ${label}\n`)]);

describe('refused uploads leave the file store unchanged and write no row', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let open: { id: string; tenantId: string };
  let limited: { id: string; tenantId: string };
  let closed: { id: string; tenantId: string };
  let draftId: string;

  const rows = async () => {
    const count = async (table: 'objections' | 'objection_attachments' | 'documents') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      objections: await count('objections'),
      attachments: await count('objection_attachments'),
      documents: await count('documents'),
    };
  };

  /** Loads the form like a browser and returns what a post needs (CSRF, cookie, challenge). */
  const formFor = async (procedureId: string) => {
    const browser = new Client(t.app);
    const page = await browser.get(`/beteiligung/${procedureId}/einwendung`);
    assert.equal(page.statusCode, 200, page.body);
    const csrf = /_csrf=([^"&]+)"/.exec(page.body)?.[1] ?? '';
    const challenge = /name="challenge" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const difficulty = Number(/data-difficulty="(\d+)"/.exec(page.body)?.[1] ?? '0');
    return { browser, csrf, challenge, nonce: solveChallenge(challenge, difficulty) };
  };

  const postForm = async (
    procedureId: string,
    build: (form: { challenge: string; nonce: string }) => ReturnType<typeof body>,
    form?: Awaited<ReturnType<typeof formFor>>,
  ) => {
    const f = form ?? (await formFor(procedureId));
    const b = build(f);
    return t.app.inject({
      method: 'POST',
      url: `/beteiligung/${procedureId}/einwendung?_csrf=${f.csrf}`,
      headers: { cookie: f.browser.jar.header(), 'content-type': b.contentType },
      payload: b.payload,
    });
  };

  const fields = (f: { challenge: string; nonce: string }, text = 'Einwendung mit Anhang') => [
    { name: 'challenge', value: f.challenge },
    { name: 'nonce', value: f.nonce },
    { name: 'text', value: text },
    { name: 'name', value: 'Erika Mustermann' },
    { name: 'address', value: 'Hauptstraße 1, 33165 Lichtenau' },
  ];
  const attachment = (content: Buffer, filename = 'anlage.pdf'): Part => ({
    name: 'attachments',
    file: { filename, content },
  });

  before(async () => {
    t = await createTestApp({
      clock,
      env: { OBJECTION_POW_DIFFICULTY: '8', OBJECTION_RATE_LIMIT: '100' },
    });
    open = await createPublishedProcedure(t);
    limited = await createPublishedProcedure(t);
    closed = await createPublishedProcedure(t);
    await t.database.db
      .updateTable('procedures')
      .set({ closed_at: new Date('2026-11-24T08:00:00Z') })
      .where('id', '=', closed.id)
      .execute();
    const applicant = await apiAs(t, APPLICANT);
    const kreis = await orgId(t, 'Kreis Paderborn');
    const created = await applicant.post(
      '/api/v1/procedures',
      applicationBody(
        DEMO_PROJECTS.find((p) => p.key === 'lichtenau-nord')!,
        kreis,
      ),
    );
    assert.equal(created.statusCode, 201, created.body);
    draftId = created.json<{ id: string }>().id;
    // This address has used up its hourly limit for `limited` (counted as the intake counts).
    const rate = rateBucket(t.deps, { clientAddress: '127.0.0.1', procedureId: limited.id })!;
    await t.database.db
      .insertInto('intake_rate')
      .values({ bucket: rate.bucket, window_start: rate.window, count: rate.perHour })
      .execute();
  });
  after(async () => t.close());

  it('the form: wrong type, failed proof of work, rate limit, closed procedure, truncated, oversize, fields after files', async () => {
    const root = t.deps.config.filesDir;
    const before = snapshot(root);
    const rowsBefore = await rows();
    const refusals: [string, () => Promise<{ statusCode: number }>][] = [
      [
        'wrong type',
        () => postForm(open.id, (f) => body([...fields(f), attachment(notPdf('Formular'))])),
      ],
      [
        'wrong type after an accepted file',
        () =>
          postForm(open.id, (f) =>
            body([...fields(f), attachment(pdf('gut')), attachment(notPdf('Formular 2'), 'b.exe')]),
          ),
      ],
      [
        'failed proof of work',
        () =>
          postForm(open.id, (f) =>
            body([...fields({ ...f, nonce: '1' }), attachment(pdf('ohne Arbeit'))]),
          ),
      ],
      [
        'forged challenge, fields after the file',
        () =>
          postForm(open.id, (f) =>
            body([attachment(pdf('gefälscht')), ...fields({ ...f, challenge: `x${f.challenge}` })]),
          ),
      ],
      [
        'no text, fields after the file',
        () => postForm(open.id, (f) => body([attachment(pdf('ohne Text')), ...fields(f, '')])),
      ],
      [
        'rate limited',
        () => postForm(limited.id, (f) => body([...fields(f), attachment(pdf('zu viele'))])),
      ],
      [
        'closed procedure',
        async () => {
          // The form page of a closed procedure is refused; a form kept open from before is too.
          const form = await formFor(open.id);
          return postForm(
            closed.id,
            (f) => body([...fields(f), attachment(pdf('geschlossen'))]),
            form,
          );
        },
      ],
      [
        'truncated body',
        () =>
          postForm(open.id, (f) => {
            const full = body([...fields(f), attachment(pdf('abgeschnitten'.repeat(5000)))]);
            return { ...full, payload: full.payload.subarray(0, full.payload.length - 3000) };
          }),
      ],
      ['oversize', () => postForm(open.id, (f) => body([...fields(f), attachment(HUGE_PDF)]))],
    ];
    for (const [label, send] of refusals) {
      const response = await send();
      assert.ok(
        response.statusCode >= 400 && response.statusCode < 500,
        `${label}: ${response.statusCode}`,
      );
      assert.deepEqual(snapshot(root), before, `${label}: the file store changed`);
    }
    assert.deepEqual(await rows(), rowsBefore);
  });

  it('the JSON API: wrong type, failed proof of work, closed procedure, oversize', async () => {
    const root = t.deps.config.filesDir;
    const before = snapshot(root);
    const rowsBefore = await rows();
    const url = (id: string) => `/api/v1/procedures/${id}/objections`;
    const solved = async (id: string) => {
      const { challenge, difficulty } = (
        await t.app.inject({ method: 'GET', url: `${url(id)}/challenge` })
      ).json<{ challenge: string; difficulty: number }>();
      return { challenge, nonce: solveChallenge(challenge, difficulty) };
    };
    const objection = (content: Buffer) => ({
      text: 'Einwendung über die Schnittstelle',
      name: 'Erika Mustermann',
      address: 'Hauptstraße 1',
      attachments: [{ filename: 'a.pdf', contentBase64: content.toString('base64') }],
    });
    const refusals: [string, () => Promise<{ statusCode: number }>][] = [
      [
        'wrong type',
        async () =>
          t.app.inject({
            method: 'POST',
            url: url(open.id),
            payload: { ...objection(notPdf('API')), ...(await solved(open.id)) },
          }),
      ],
      [
        'failed proof of work',
        async () =>
          t.app.inject({
            method: 'POST',
            url: url(open.id),
            payload: {
              ...objection(pdf('api ohne Arbeit')),
              ...(await solved(open.id)),
              nonce: '',
            },
          }),
      ],
      [
        'closed procedure',
        async () =>
          t.app.inject({
            method: 'POST',
            url: url(closed.id),
            payload: { ...objection(pdf('api geschlossen')), ...(await solved(open.id)) },
          }),
      ],
      [
        'oversize attachment',
        async () =>
          t.app.inject({
            method: 'POST',
            url: url(open.id),
            payload: { ...objection(HUGE_PDF), ...(await solved(open.id)) },
          }),
      ],
    ];
    for (const [label, send] of refusals) {
      const response = await send();
      assert.ok(
        response.statusCode >= 400 && response.statusCode < 500,
        `${label}: ${response.statusCode}`,
      );
      assert.deepEqual(snapshot(root), before, `${label}: the file store changed`);
    }
    assert.deepEqual(await rows(), rowsBefore);
  });

  it('the document upload: wrong type, missing fields, truncated, oversize, no right to upload', async () => {
    const root = t.deps.config.filesDir;
    const before = snapshot(root);
    const rowsBefore = await rows();
    const applicant = await apiAs(t, APPLICANT);
    // A case worker of another authority: not a party to the procedure.
    const stranger = await apiAs(t, 'sachbearbeitung@brms.example');
    const url = `/api/v1/procedures/${draftId}/documents`;
    const { authorization } = await tokenHeader(t);
    const raw = (payload: Buffer, contentType: string) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { authorization, 'content-type': contentType },
        payload,
      });
    const refusals: [string, () => Promise<{ statusCode: number }>][] = [
      [
        'wrong type',
        () =>
          applicant.upload(
            url,
            { docType: 'site-plans' },
            { name: 'x.pdf', content: notPdf('Unterlage') },
          ),
      ],
      [
        'fields after the file, missing document type',
        () => {
          const b = body([
            { name: 'file', file: { filename: 'a.pdf', content: pdf('dok spät') } },
            { name: 'docType', value: 'keine-art' },
          ]);
          return raw(b.payload, b.contentType);
        },
      ],
      [
        'truncated body',
        () => {
          const b = multipart(
            { docType: 'site-plans' },
            { name: 'a.pdf', content: pdf('dok abgeschnitten'.repeat(5000)) },
          );
          return raw(b.payload.subarray(0, b.payload.length - 3000), b.headers['content-type']);
        },
      ],
      [
        'oversize',
        () =>
          applicant.upload(
            url,
            { docType: 'site-plans' },
            {
              name: 'gross.pdf',
              content: Buffer.concat([SAMPLE_PDF, Buffer.alloc(26 * 1024 * 1024, 0x20)]),
            },
          ),
      ],
      [
        'not a party to the procedure',
        () =>
          stranger.upload(
            `/api/v1/procedures/${open.id}/documents`,
            { docType: 'site-plans' },
            { name: 'a.pdf', content: pdf('fremd') },
          ),
      ],
    ];
    for (const [label, send] of refusals) {
      const response = await send();
      assert.ok(
        response.statusCode >= 400 && response.statusCode < 500,
        `${label}: ${response.statusCode}`,
      );
      assert.deepEqual(snapshot(root), before, `${label}: the file store changed`);
    }
    assert.deepEqual(await rows(), rowsBefore);
  });

  it('an accepted file is readable by the service only (no permissions for others)', async () => {
    const form = await formFor(open.id);
    const content = pdf('angenommen');
    const response = await postForm(
      open.id,
      (f) => body([...fields(f), attachment(content)]),
      form,
    );
    assert.equal(response.statusCode, 303, response.body);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const root = t.deps.config.filesDir;
    const file = path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    assert.equal(statSync(file).mode & 0o777 & 0o037, 0, 'file mode allows group write or others');
    for (const dir of [root, path.dirname(path.dirname(file)), path.dirname(file)]) {
      assert.equal(statSync(dir).mode & 0o027, 0, `${dir}: directory mode too open`);
    }
  });
});

async function tokenHeader(t: TestApp) {
  const user = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', APPLICANT)
    .executeTakeFirstOrThrow();
  const { token } = await createApiToken(t.database.db, user.id, 'roh');
  return { authorization: `Bearer ${token}` };
}
