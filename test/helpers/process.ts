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

export async function waitFor(
  check: () => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`Zeitüberschreitung beim Warten auf: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
  await waitFor(
    () => started.output().includes('Industrieland läuft') || started.child.exitCode !== null,
    'Start',
  );
  assert.match(started.output(), /Industrieland läuft: http:\/\/localhost:\d+\//, started.output());
  return started;
}
