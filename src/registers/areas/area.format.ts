/** German number and date formats shared by the tracker pages and their CSV files. */
import type { Projection, TrackerRow } from './area.tracker.ts';

export function fixed(value: number, digits: number): string {
  return value.toLocaleString('de-DE', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export function projectionText(p: Projection): string {
  switch (p.kind) {
    case 'reached':
      return 'erreicht';
    case 'on':
      return germanDate(p.date);
    case 'none':
      return 'nicht absehbar';
  }
}

export function paceNeededText(row: TrackerRow): string {
  if (row.missingHa <= 0) return '–';
  if (row.deadlinePassed) return 'Frist abgelaufen';
  return fixed(row.paceNeededHaPerYear ?? 0, 1);
}

export function paceAchievedText(row: TrackerRow): string {
  return row.paceAchievedHaPerYear === null
    ? 'noch kein Vergleich'
    : fixed(row.paceAchievedHaPerYear, 1);
}
