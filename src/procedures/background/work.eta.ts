/**
 * Time left and percentages for the status page: pure, from the stored progress. The estimate
 * assumes the rest goes as fast as what is done so far; it says "wird ermittelt" until there is
 * something to go by.
 */
import { formatGermanNumber } from '../../platform/german-number.ts';

export interface ProgressFacts {
  done: number;
  total: number | null;
  startedAt: Date | null;
}

export function progressPercent(facts: Pick<ProgressFacts, 'done' | 'total'>): number | null {
  if (facts.total === null) return null;
  if (facts.total === 0) return 100;
  return Math.min(100, Math.floor((facts.done / facts.total) * 100));
}

/** Milliseconds left, or null when nothing is known yet. */
export function remainingMs(facts: ProgressFacts, now: Date): number | null {
  if (facts.total === null || facts.startedAt === null || facts.done <= 0) return null;
  const elapsed = now.getTime() - facts.startedAt.getTime();
  if (elapsed <= 0) return null;
  const left = Math.max(0, facts.total - facts.done);
  return (elapsed / facts.done) * left;
}

/** "etwa 40 Sekunden", "etwa 3 Minuten", "weniger als 5 Sekunden". */
export function formatRemaining(ms: number | null): string {
  if (ms === null) return 'wird ermittelt';
  const seconds = Math.round(ms / 1000);
  if (seconds < 5) return 'weniger als 5 Sekunden';
  if (seconds < 60) return `etwa ${Math.ceil(seconds / 5) * 5} Sekunden`;
  const minutes = Math.round(seconds / 60);
  if (minutes === 1) return 'etwa 1 Minute';
  if (minutes < 120) return `etwa ${minutes} Minuten`;
  return `etwa ${formatGermanNumber(Math.round(minutes / 60))} Stunden`;
}

/** "37.512 von 100.000 (37 %)". */
export function formatProgress(facts: Pick<ProgressFacts, 'done' | 'total'>, unit: string): string {
  if (facts.total === null) return 'Umfang wird ermittelt';
  const percent = progressPercent(facts);
  return `${formatGermanNumber(facts.done)} von ${formatGermanNumber(facts.total)} ${unit} (${percent} %)`;
}
