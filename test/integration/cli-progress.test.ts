import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { progressLine } from '../../src/platform/terminal-progress.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createPublishedProcedure, seedObjections } from '../helpers/participation.ts';
import { runCli } from '../helpers/process.ts';

/**
 * Command-line imports and grouping show their progress on a terminal and print none into a
 * pipe or a log. The terminal is a real pseudo-terminal from util-linux `script`; where that is
 * missing the terminal half is skipped (the pipe half always runs).
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const hasScript = spawnSync('script', ['--version']).status === 0;
const PROGRESS_MARK = '\x1b[2K';

/** Runs the CLI with stdin, stdout and stderr on a pseudo-terminal; resolves with all it wrote. */
function runOnTerminal(args: string[], env: Record<string, string>): Promise<string> {
  const command = [process.execPath, '--import', 'tsx', 'src/cli.ts', ...args]
    .map((part) => `'${part.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      cwd: root,
      env: { ...process.env, TEST_PG_URL: '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(output));
  });
}

async function runInPipe(args: string[], env: Record<string, string>) {
  const started = runCli(args, { LOG_LEVEL: 'silent', ...env });
  const code = await started.exited;
  return { code, output: started.output() };
}

describe('progress of command-line work on a terminal', () => {
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let importFile: string;
  const env = () => ({ DATABASE_URL: t.database.url });

  before(async () => {
    t = await createTestApp();
    procedure = await createPublishedProcedure(t);
    const letter =
      'Gegen die geplanten Windenergieanlagen erhebe ich Einwendungen, weil der Lärm in der Nacht mein Haus erreicht und das Gutachten die Vorbelastung zu niedrig ansetzt.';
    await seedObjections(
      t,
      procedure,
      Array.from({ length: 30 }, (_, i) => ({ text: `${letter} Gruß ${i % 3}` })),
    );
    importFile = path.join(mkdtempSync(path.join(tmpdir(), 'import-')), 'post.jsonl');
    writeFileSync(
      importFile,
      [1, 2, 3]
        .map((n) =>
          JSON.stringify({ text: `Einwendung Nummer ${n} gegen den Lärm.`, channel: 'paper' }),
        )
        .join('\n'),
    );
  });
  after(async () => t.close());

  it('prints no progress into a pipe', async () => {
    const grouped = await runInPipe(
      ['objections', 'groups', '--procedure', procedure.id, '--compute'],
      env(),
    );
    assert.equal(grouped.code, 0, grouped.output);
    assert.match(grouped.output, /Neu berechnet in/);
    assert.ok(!grouped.output.includes(PROGRESS_MARK), grouped.output);
    assert.doesNotMatch(grouped.output, /Texte vergleichen|Einwendungen laden/);

    const imported = await runInPipe(
      ['objections', 'import', '--procedure', procedure.id, importFile],
      env(),
    );
    assert.ok(!imported.output.includes(PROGRESS_MARK), imported.output);
    assert.doesNotMatch(imported.output, /Zeilen prüfen/);
  });

  // Needs util-linux `script` to give the CLI a terminal; it is part of Debian's base system, so
  // the test runs on CI and is skipped only where `script` is missing.
  it('shows the steps on a terminal', { skip: hasScript ? false : 'kein `script`' }, async () => {
    const grouped = await runOnTerminal(
      ['objections', 'groups', '--procedure', procedure.id, '--compute'],
      env(),
    );
    assert.match(grouped, /Texte vergleichen/);
    assert.ok(grouped.includes(PROGRESS_MARK), 'the line is rewritten in place');
    assert.match(grouped, /Neu berechnet in/);

    const imported = await runOnTerminal(
      ['objections', 'import', '--procedure', procedure.id, importFile],
      env(),
    );
    assert.match(imported, /post\.jsonl: Zeilen prüfen/);
    assert.match(imported, /\d+ Einwendungen speichern/);
  });

  it('counts within a step and stays silent off a terminal', () => {
    const written: string[] = [];
    const terminal = progressLine({ isTTY: true, write: (text) => written.push(text) });
    terminal.update({ phase: 'Texte vergleichen', done: 2_000, total: 100_000 });
    terminal.update({ phase: 'Gruppen speichern', done: 90_000, total: 100_000 });
    terminal.end();
    assert.match(written[0]!, /Texte vergleichen: 2\.000 von 100\.000 \(2 %\)/);
    assert.match(written[1]!, /Gruppen speichern: 90\.000 von 100\.000 \(90 %\)/);
    assert.equal(written.at(-1), `\r${PROGRESS_MARK}`);
    const piped: string[] = [];
    const pipe = progressLine({ isTTY: false, write: (text) => piped.push(text) });
    pipe.update({ phase: 'Texte vergleichen', done: 1, total: 2 });
    pipe.end();
    assert.deepEqual(piped, []);
  });
});
