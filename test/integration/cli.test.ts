import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { withDatabaseName } from '../../src/db/database.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createPublishedProcedure, seedObjections } from '../helpers/participation.ts';
import { runCli } from '../helpers/process.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

async function run(args: string[], env: Record<string, string>) {
  const cli = runCli(args, { LOG_LEVEL: 'silent', ...env });
  const code = await cli.exited;
  return { code, output: cli.output() };
}

/** An error is one German line that starts with "Fehler:", never a stack trace. */
function assertOneGermanLine(output: string) {
  const lines = output.trim().split('\n');
  assert.equal(lines.length, 1, output);
  assert.match(lines[0]!, /^Fehler: /);
  assert.doesNotMatch(output, /\n\s+at |Error:|relation .* does not exist/);
}

describe('npx industrieland: commands without a database start none', () => {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'industrieland-cli-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '' });
  const noDatabaseStarted = () =>
    assert.deepEqual(
      readdirSync(dataDir).filter((f) => f.startsWith('postgres')),
      [],
      'kein eingebettetes PostgreSQL angelegt',
    );

  it('--help prints the commands, procedures list among them', async () => {
    const result = await run(['--help'], env());
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /procedures list/);
    noDatabaseStarted();
  });

  it('deadline computes without a database', async () => {
    const result = await run(
      ['deadline', '--start', '2026-01-31', '--duration', 'P1M', '--counting', 'event'],
      env(),
    );
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /Fristende: Montag, 2\. März 2026/);
    noDatabaseStarted();
  });

  it('an unknown command and bad arguments exit with 2 and one German line', async () => {
    const calls = [
      ['gibt-es-nicht'],
      ['objections', 'groups'],
      ['objections', 'groups', '--procedure', 'abc'],
      ['objections', 'import', '--procedure', UNKNOWN_ID],
      ['areas', 'import'],
      ['procedures', 'list', '--bogus'],
      ['verify-case', 'abc'],
      ['deadline', '--anfang', '2026-01-01'],
    ];
    for (const args of calls) {
      const result = await run(args, env());
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.output}`);
      assertOneGermanLine(result.output);
    }
    noDatabaseStarted();
  });

  it('a data directory without a database is reported, not created', async () => {
    for (const args of [
      ['objections', 'groups', '--procedure', UNKNOWN_ID],
      ['procedures', 'list'],
      ['verify-case', UNKNOWN_ID],
    ]) {
      const result = await run(args, env());
      assert.equal(result.code, 1, result.output);
      assertOneGermanLine(result.output);
      assert.match(result.output, /gibt es keine Datenbank.*DATA_DIR.*migrate/);
    }
    noDatabaseStarted();
  });
});

describe('npx industrieland with a database', () => {
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let emptyUrl: string;
  before(async () => {
    t = await createTestApp();
    procedure = await createPublishedProcedure(t);
    const letter =
      'Sehr geehrte Damen und Herren, ich erhebe Einwendung gegen den Windpark, weil der Schall und der Schattenwurf unsere Häuser treffen und der Rotmilan dort brütet.';
    await seedObjections(t, procedure, [
      { text: letter },
      { text: letter },
      { text: letter },
      { text: 'Ich bin für den Windpark.' },
    ]);
    const admin = new pg.Client({ connectionString: process.env.TEST_PG_URL });
    await admin.connect();
    const name = `empty_${Date.now()}`;
    await admin.query(`create database ${name}`);
    await admin.end();
    emptyUrl = withDatabaseName(process.env.TEST_PG_URL!, name);
  });
  after(async () => t.close());

  it('says that a database is not set up instead of failing on a missing table', async () => {
    const result = await run(['objections', 'groups', '--procedure', procedure.id], {
      DATABASE_URL: emptyUrl,
    });
    assert.equal(result.code, 1, result.output);
    assertOneGermanLine(result.output);
    assert.match(result.output, /leer \(nicht eingerichtet\).*migrate/);
  });

  it('objections groups says that groups are detected on request, and --compute finds them', async () => {
    const env = { DATABASE_URL: t.database.url };
    const before = await run(['objections', 'groups', '--procedure', procedure.id], env);
    assert.equal(before.code, 0, before.output);
    assert.match(before.output, /Keine Gruppen gespeichert \(4 Einwendungen\)/);
    assert.match(before.output, /--compute/);
    const computed = await run(
      ['objections', 'groups', '--procedure', procedure.id, '--compute'],
      env,
    );
    assert.equal(computed.code, 0, computed.output);
    assert.match(computed.output, /1 Gruppe gleichförmiger Einwendungen mit zusammen 3/);
    const unknown = await run(['objections', 'groups', '--procedure', UNKNOWN_ID], env);
    assert.equal(unknown.code, 1);
    assertOneGermanLine(unknown.output);
  });

  it('procedures list shows id, Aktenzeichen, type, state and authority', async () => {
    const env = { DATABASE_URL: t.database.url };
    const row = await t.database.db
      .selectFrom('procedures')
      .select(['reference', 'type_key', 'step'])
      .where('id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    const table = await run(['procedures', 'list'], env);
    assert.equal(table.code, 0, table.output);
    const line = table.output.split('\n').find((l) => l.startsWith(procedure.id));
    assert.ok(line, table.output);
    assert.ok(
      line.includes(row.reference ?? 'noch kein Aktenzeichen') && line.includes(row.type_key),
    );
    assert.ok(line.includes(row.step) && line.includes('Kreis Paderborn'));

    const json = await run(['procedures', 'list', '--json', '--state', row.step], env);
    assert.equal(json.code, 0, json.output);
    const listed = JSON.parse(json.output) as { id: string; state: string; reference: string }[];
    assert.ok(listed.some((p) => p.id === procedure.id && p.reference === row.reference));
    assert.ok(listed.every((p) => p.state === row.step));

    const none = await run(['procedures', 'list', '--state', 'gibt-es-nicht'], env);
    assert.equal(none.code, 0);
    assert.match(none.output, /Keine Verfahren zu diesen Angaben/);
  });

  it('an unreachable database is one German line', async () => {
    const result = await run(['procedures', 'list'], {
      DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:1/none',
    });
    assert.equal(result.code, 1, result.output);
    assertOneGermanLine(result.output);
    assert.match(result.output, /nicht erreichbar/);
  });
});
