/**
 * Progress of long command-line work (imports, grouping) on a terminal: one line, rewritten in
 * place, at most a few times a second. When the output is not a terminal (a pipe, a file, a cron
 * job's log) nothing is written at all: logs keep only the results, not hundreds of updates.
 */
import { formatGermanNumber } from './german-number.ts';

export interface ProgressLine {
  update(report: { done?: number; total?: number | null; phase: string }): void;
  /** Clears the line (the result follows on its own line). */
  end(): void;
}

interface TerminalStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const MIN_INTERVAL_MS = 200;

export function progressLine(stream: TerminalStream = process.stderr): ProgressLine {
  if (!stream.isTTY) return { update: () => undefined, end: () => undefined };
  let last = -Infinity;
  let shown = false;
  let lastPhase = '';
  return {
    update(report) {
      const now = performance.now();
      // A new phase is always shown; updates within a phase at most every MIN_INTERVAL_MS.
      if (report.phase === lastPhase && now - last < MIN_INTERVAL_MS) return;
      last = now;
      lastPhase = report.phase;
      const { done, total } = report;
      const count =
        done !== undefined && total !== undefined && total !== null && total > 0
          ? ` ${formatGermanNumber(done)} von ${formatGermanNumber(total)} (${Math.min(100, Math.floor((done / total) * 100))} %)`
          : '';
      // \r and "erase line": the next update overwrites this one.
      stream.write(`\r\x1b[2K${report.phase}${count ? ':' : ' …'}${count}`);
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
