import type { IsoDate } from '../../law/index.ts';

/** The same day `months` later (clamped to the month's last day), as an ISO date. */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "03.12.2026" or "2026-12-03" → ISO; anything else unchanged (the caller refuses it). */
export function isoFromGermanDate(value: string): string {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  if (!german) return value.trim();
  return `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
}
