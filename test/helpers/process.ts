import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs `industrieland <args>` as a real process, the way `npm start` does. */
export function runCli(args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, TEST_PG_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * How long a portal may take to start: migrations, the embedded PostgreSQL's initdb and the job
 * worker. About 10 s on an idle machine; 35 s were seen with the whole suite running on two
 * cores, so 60 s left too little room. A start that takes longer than this is a defect to look
 * at, and the message says what the process printed until then.
 */
export const START_BUDGET_MS = 150_000;

export async function waitFor(
  check: () => boolean,
  what: string,
  options: { timeoutMs?: number; seen?: () => string } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? START_BUDGET_MS;
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) {
      const seen = options.seen?.();
      throw new Error(
        `Zeitüberschreitung nach ${((Date.now() - started) / 1000).toFixed(1)} s beim Warten auf: ${what}` +
          (seen ? `\n${seen}` : ''),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What a started process has shown so far: its state and the end of its output. */
export function describeProcess(started: Started): string {
  const { exitCode, signalCode } = started.child;
  const state =
    exitCode !== null
      ? `beendet mit Code ${exitCode}`
      : signalCode !== null
        ? `beendet durch ${signalCode}`
        : 'läuft noch';
  const output = started.output();
  const tail = output.length > 4000 ? `…${output.slice(-4000)}` : output;
  return `Prozess ${state}; Ausgabe bisher:\n${tail || '(keine)'}`;
}

/**
 * `industrieland start` on a data dir and port; resolves once the portal says it is running. The
 * process is added to `running` at once, so that the caller stops it even when the start fails.
 */
export async function startPortal(
  running: Started[],
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<Started> {
  const started = runCli(['start'], {
    DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    ...env,
  });
  running.push(started);
  const startedAt = Date.now();
  await waitFor(
    () => started.output().includes('Industrieland läuft') || started.child.exitCode !== null,
    `Start des Portals auf Port ${port}`,
    { seen: () => describeProcess(started) },
  );
  assert.match(
    started.output(),
    /Industrieland läuft: http:\/\/localhost:\d+\//,
    `Portal nach ${((Date.now() - startedAt) / 1000).toFixed(1)} s nicht gestartet. ${describeProcess(started)}`,
  );
  return started;
}
