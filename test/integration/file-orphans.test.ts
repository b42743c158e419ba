import assert from 'node:assert/strict';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { jobHandlers } from '../../src/app.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { SAMPLE_PDF } from '../helpers/multipart.ts';
import { APPLICANT } from '../helpers/participation.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';

const HOUR = 3_600_000;

describe('the orphan job removes what no row refers to, and nothing else', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const age = (file: string, hours: number) => {
    const then = new Date(Date.now() - hours * HOUR);
    utimesSync(file, then, then);
  };
  const storedPath = (sha256: string) =>
    path.join(t.deps.config.filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  it('temporary files of aborted uploads after hours, unreferenced stored files after a day', async () => {
    const root = t.deps.config.filesDir;
    const oldTemp = path.join(root, 'tmp', 'a'.repeat(24));
    const freshTemp = path.join(root, 'tmp', 'b'.repeat(24));
    writeFileSync(oldTemp, 'abgebrochen');
    writeFileSync(freshTemp, 'läuft noch');
    age(oldTemp, 7);

    const orphan = await t.deps.store.put(Readable.from([Buffer.from('%PDF-1.4 verwaist')]), {
      maxBytes: 1024,
    });
    age(storedPath(orphan.sha256), 25);
    const recent = await t.deps.store.put(Readable.from([Buffer.from('%PDF-1.4 gerade eben')]), {
      maxBytes: 1024,
    });

    const applicant = await apiAs(t, APPLICANT);
    const created = await applicant.post(
      '/api/v1/procedures',
      applicationBody(
        DEMO_PROJECTS.find((p) => p.key === 'lichtenau-nord')!,
        await orgId(t, 'Kreis Paderborn'),
      ),
    );
    const content = Buffer.concat([SAMPLE_PDF, Buffer.from('% referenziert\n')]);
    const upload = await applicant.upload(
      `/api/v1/procedures/${created.json<{ id: string }>().id}/documents`,
      { docType: 'site-plans' },
      { name: 'lageplan.pdf', content },
    );
    assert.equal(upload.statusCode, 201, upload.body);
    const document = await t.database.db
      .selectFrom('documents')
      .select('sha256')
      .where('id', '=', upload.json<{ id: string }>().id)
      .executeTakeFirstOrThrow();
    age(storedPath(document.sha256), 24 * 30);

    await jobHandlers(t.deps)['files:sweep']({});

    assert.equal(existsSync(oldTemp), false, 'an old temporary file stays');
    assert.equal(existsSync(freshTemp), true, 'an upload in progress was removed');
    assert.equal(existsSync(storedPath(orphan.sha256)), false, 'an unreferenced file stays');
    assert.equal(existsSync(storedPath(recent.sha256)), true, 'a file within its grace period');
    assert.equal(existsSync(storedPath(document.sha256)), true, 'a referenced file was removed');
  });
});
