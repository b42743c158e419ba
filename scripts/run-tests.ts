/**
 * `npm test` after the static checks: starts one real, embedded PostgreSQL for the whole run
 * (fsync off: tests only), migrates a template database once, and runs node's test runner over
 * every *.test.ts(x) file. Each test file clones the template into its own throwaway database.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, withDatabaseName } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

const root = path.resolve(import.meta.dirname, '..');

function findTests(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) findTests(full, found);
    else if (/\.test\.tsx?$/.test(name)) found.push(path.relative(root, full));
  }
  return found;
}

const filter = process.argv.slice(2);
const files = [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))]
  .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
  .sort();

const dataDir = mkdtempSync(path.join(tmpdir(), 'industrieland-test-'));
const server = await startEmbeddedPostgres({ dataDir, fsyncOff: true });
let exitCode = 1;
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('create database industrieland_template');
  await admin.end();
  const templateUrl = withDatabaseName(server.url, 'industrieland_template');
  const db = createDb(templateUrl);
  await migrateToLatest(db, templateUrl);
  await db.destroy();

  exitCode = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...files],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          TEST_PG_URL: server.url,
          TEST_TEMPLATE_DB: 'industrieland_template',
        },
      },
    );
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
