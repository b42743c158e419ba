/**
 * Documents as files in a funding case: the company and the funding body's case worker upload,
 * both parties download, reviewers see them unless they declared a conflict of interest; another
 * company, a supervisor, a stranger and a finished case are refused, and a refused upload leaves
 * neither a row nor a file behind.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, fixedClock, type Client, type TestApp } from '../helpers/app.ts';
import {
  applyFor,
  BODY,
  CONCEPT_FORM,
  FOUNDRY,
  HEAD,
  loggedIn,
  openCall,
  orgId,
  REVIEWER,
  REVIEWER2,
  stepOk,
  userId,
  WINDPARK,
} from '../helpers/funding.ts';
import { multipart, SAMPLE_PDF } from '../helpers/multipart.ts';

/** Every file below the store with its size: a refused upload must leave this unchanged. */
function storeListing(root: string): string[] {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else lines.push(`${path.relative(root, full)} ${stat.size}`);
    }
  };
  walk(root);
  return lines;
}

const pdf = (text: string) => Buffer.concat([SAMPLE_PDF, Buffer.from(`\n% ${text}\n`)]);

describe('documents as files in a funding case', () => {
  const clock = fixedClock(new Date('2026-06-01T08:00:00Z'));
  let t: TestApp;
  let caseId: string;
  let company: Client;
  let worker: Client;

  /** Posts the case page's upload form as a browser would: CSRF token in the form's action. */
  async function upload(
    client: Client,
    id: string,
    docType: string,
    file: { name: string; content: Buffer; type?: string },
    options: { csrf?: boolean } = {},
  ) {
    const page = await client.get(`/foerderung/antraege/${id}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? 'kein-token';
    const body = multipart({ docType }, file);
    const response = await t.app.inject({
      method: 'POST',
      url:
        options.csrf === false
          ? `/foerderung/antraege/${id}/unterlagen`
          : `/foerderung/antraege/${id}/unterlagen?_csrf=${encodeURIComponent(token)}`,
      headers: { cookie: client.jar.header(), ...body.headers },
      payload: body.payload,
    });
    client.jar.store(response.headers['set-cookie']);
    return response;
  }

  const documentRows = async (id: string) =>
    t.database.db
      .selectFrom('documents')
      .select(['id', 'doc_type', 'filename', 'sha256'])
      .where('procedure_id', '=', id)
      .orderBy('uploaded_at')
      .execute();

  before(async () => {
    t = await createTestApp({ clock });
    const lineId = await openCall(t, {
      programmeId: 'nrw-transformationskonzepte',
      year: 2026,
      euros: 1_000_000,
      line: '1410/686 98',
    });
    company = await loggedIn(t, FOUNDRY);
    worker = await loggedIn(t, BODY);
    caseId = await applyFor(company, lineId, 'transformation-concept', {
      ...CONCEPT_FORM,
      titel: 'Konzept mit Unterlagen',
    });
  });
  after(async () => t.close());

  it('the company uploads an offer to its draft; both parties download the same bytes', async () => {
    const content = pdf('Angebot Beratung');
    const response = await upload(company, caseId, 'offer', {
      name: 'Angebot Beratung.pdf',
      content,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 800));
    assert.equal(
      response.headers.location,
      `/foerderung/antraege/${caseId}?ok=hochgeladen#unterlagen`,
    );
    const [doc] = await documentRows(caseId);
    assert.ok(doc);
    assert.equal(doc.doc_type, 'offer');
    assert.equal(doc.sha256, createHash('sha256').update(content).digest('hex'));
    const page = await company.get(`/foerderung/antraege/${caseId}?ok=hochgeladen`);
    assert.match(page.body, /Die Unterlage ist gespeichert/);
    assert.match(page.body, /Angebot Beratung\.pdf/);
    assert.match(page.body, /Angebot oder Kostenschätzung/);

    await stepOk(company, caseId, 'submit-application');
    for (const client of [company, worker]) {
      const download = await client.get(`/foerderung/antraege/${caseId}/unterlagen/${doc.id}`);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.equal(download.headers['x-content-sha256'], doc.sha256);
      assert.match(
        String(download.headers['content-disposition']),
        /^attachment; filename\*=UTF-8''Angebot%20Beratung\.pdf$/,
      );
      assert.deepEqual(download.rawPayload, content);
    }
    const events = await t.database.db
      .selectFrom('procedure_events')
      .select(['type', 'actor_role'])
      .where('procedure_id', '=', caseId)
      .where('type', '=', 'document-uploaded')
      .execute();
    assert.deepEqual(events, [{ type: 'document-uploaded', actor_role: 'applicant' }]);
  });

  it('the case worker files a record the company sees as well', async () => {
    const response = await upload(worker, caseId, 'body-record', {
      name: 'Vermerk Vor-Ort-Termin.png',
      content: Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(64, 1),
      ]),
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 800));
    const page = await company.get(`/foerderung/antraege/${caseId}`);
    assert.match(page.body, /Vermerk Vor-Ort-Termin\.png/);
    assert.match(page.body, /Vermerk der Förderstelle/);
    // The company's form does not offer the body's kind of document.
    assert.doesNotMatch(
      /<form[^>]*unterlagen[^]*?<\/form>/.exec(page.body)?.[0] ?? '',
      /body-record/,
    );
  });

  it('refused uploads store nothing: wrong type, empty, unknown kind, no CSRF, other company, supervisor, company posing as the body', async () => {
    const root = t.deps.config.filesDir;
    const filesBefore = storeListing(root);
    const rowsBefore = await documentRows(caseId);
    const other = await loggedIn(t, WINDPARK);
    const head = await loggedIn(t, HEAD);
    const cases: [string, () => Promise<{ statusCode: number; body: string }>, number, RegExp?][] =
      [
        [
          'not a PDF, PNG or JPEG',
          () =>
            upload(company, caseId, 'offer', {
              name: 'virus.exe',
              content: Buffer.from('MZ\x90\x00 not a pdf'),
            }),
          400,
          /ist kein PDF, PNG oder JPEG/,
        ],
        [
          'a ZIP disguised as PDF',
          () =>
            upload(company, caseId, 'offer', {
              name: 'archiv.pdf',
              content: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]),
            }),
          400,
          /ist kein PDF, PNG oder JPEG/,
        ],
        [
          'empty file',
          () => upload(company, caseId, 'offer', { name: 'leer.pdf', content: Buffer.alloc(0) }),
          400,
          /Bitte wählen Sie eine Datei aus/,
        ],
        [
          'unknown kind of document',
          () =>
            upload(company, caseId, '<script>alert(1)</script>', {
              name: 'a.pdf',
              content: pdf('x'),
            }),
          400,
          /Bitte wählen Sie die Art der Unterlage/,
        ],
        [
          'the company files a record of the body',
          () => upload(company, caseId, 'body-record', { name: 'a.pdf', content: pdf('y') }),
          400,
          /Bitte wählen Sie die Art der Unterlage/,
        ],
        [
          'no CSRF token',
          () =>
            upload(company, caseId, 'offer', { name: 'a.pdf', content: pdf('z') }, { csrf: false }),
          403,
        ],
        [
          'another company',
          () => upload(other, caseId, 'offer', { name: 'a.pdf', content: pdf('fremd') }),
          404,
        ],
        [
          'the supervisor (signs, does not file)',
          () => upload(head, caseId, 'offer', { name: 'a.pdf', content: pdf('leitung') }),
          403,
          /Unterlagen laden das antragstellende Unternehmen und die Sachbearbeitung/,
        ],
      ];
    for (const [label, send, status, message] of cases) {
      const response = await send();
      assert.equal(response.statusCode, status, `${label}: ${response.body.slice(0, 400)}`);
      if (message) assert.match(response.body, message, label);
      assert.doesNotMatch(response.body, /<script>alert/, `${label}: escaped`);
      assert.deepEqual(storeListing(root), filesBefore, `${label}: the file store changed`);
      assert.deepEqual(await documentRows(caseId), rowsBefore, `${label}: a row was written`);
    }
    // A refused upload re-shows the page with the message at the file field.
    const refused = await upload(company, caseId, 'offer', {
      name: 'x.txt',
      content: Buffer.from('Hallo'),
    });
    assert.match(refused.body, /href="#feld-file"/);
    assert.match(refused.body, /id="feld-file"/);
  });

  it('downloads are for the parties only: another company, a stranger and anonymous learn nothing', async () => {
    const [doc] = await documentRows(caseId);
    assert.ok(doc);
    const url = `/foerderung/antraege/${caseId}/unterlagen/${doc.id}`;
    const other = await loggedIn(t, WINDPARK);
    assert.equal((await other.get(url)).statusCode, 404);
    const reviewer = await loggedIn(t, REVIEWER);
    assert.equal(
      (await reviewer.get(url)).statusCode,
      404,
      'a reviewer reads through the review page',
    );
    const anonymous = await t.app.inject({ method: 'GET', url });
    assert.ok([302, 303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
    assert.equal(anonymous.headers['x-content-sha256'], undefined);
    // A document of another case through this case's address.
    assert.equal(
      (
        await company.get(
          `/foerderung/antraege/${caseId}/unterlagen/00000000-0000-4000-8000-000000000000`,
        )
      ).statusCode,
      404,
    );
  });

  it('reviewers see the documents unless they declared a conflict of interest', async () => {
    const db = t.database.db;
    const [doc] = await documentRows(caseId);
    assert.ok(doc);
    const tenant = await orgId(db, 'Bezirksregierung Arnsberg – Dezernat 33');
    const clear = await userId(db, REVIEWER);
    const conflicted = await userId(db, REVIEWER2);
    await db
      .insertInto('funding_reviews')
      .values([
        {
          procedure_id: caseId,
          tenant_id: tenant,
          reviewer_id: clear,
          assigned_by: null,
          conflict: null,
          conflict_note: null,
          score: null,
          comment: null,
          submitted_at: null,
        },
        {
          procedure_id: caseId,
          tenant_id: tenant,
          reviewer_id: conflicted,
          assigned_by: null,
          conflict: true,
          conflict_note: 'Früher bei der Antragstellerin beschäftigt',
          score: null,
          comment: null,
          submitted_at: null,
        },
      ])
      .execute();
    const url = `/begutachtung/${caseId}/unterlagen/${doc.id}`;
    const reviewer = await loggedIn(t, REVIEWER);
    const page = await reviewer.get(`/begutachtung/${caseId}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`href="${url}"`));
    const download = await reviewer.get(url);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['x-content-sha256'], doc.sha256);

    const excluded = await loggedIn(t, REVIEWER2);
    const excludedPage = await excluded.get(`/begutachtung/${caseId}`);
    assert.doesNotMatch(excludedPage.body, /unterlagen\//);
    assert.match(excludedPage.body, /die Unterlagen sind für Sie gesperrt/);
    assert.equal((await excluded.get(url)).statusCode, 403);
    // The company and the body's case worker are no reviewers: the reviewers' address is closed.
    assert.equal((await company.get(url)).statusCode, 403);
  });

  it('a finished case takes no more documents', async () => {
    await stepOk(company, caseId, 'withdraw', { bestaetigt: 'ja' });
    const before = await documentRows(caseId);
    const response = await upload(company, caseId, 'other', {
      name: 'spaet.pdf',
      content: pdf('zu spät'),
    });
    assert.equal(response.statusCode, 409, response.body.slice(0, 300));
    assert.match(response.body, /Das Verfahren ist beendet/);
    assert.deepEqual(await documentRows(caseId), before);
    const page = await company.get(`/foerderung/antraege/${caseId}`);
    assert.doesNotMatch(page.body, /Unterlage hochladen/);
    // Still readable after the end.
    const [doc] = before;
    assert.ok(doc);
    assert.equal(
      (await company.get(`/foerderung/antraege/${caseId}/unterlagen/${doc.id}`)).statusCode,
      200,
    );
  });
});
