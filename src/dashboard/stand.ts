/**
 * The `stand` of a figure: the day it describes. Every live query counts only what had happened
 * by the end of that day (Berlin time), so a dated link shows the same figures tomorrow as today
 * (the audit log and the ledger are append-only).
 */
import { sql, type RawBuilder } from 'kysely';

const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

export function berlinToday(now: Date): string {
  return BERLIN_DAY.format(now);
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The first instant after the stand day in Berlin: everything before it counts. */
export function cutoffOf(stand: string): RawBuilder<Date> {
  return sql<Date>`((cast(${stand} as date) + 1)::timestamp at time zone 'Europe/Berlin')`;
}

/** The Berlin calendar day of a timestamp column, as a date. */
export function berlinDateOf(column: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(${column} at time zone 'Europe/Berlin')::date`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months, 1);
  return d.toISOString().slice(0, 10);
}
