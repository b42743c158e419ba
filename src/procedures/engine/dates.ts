/**
 * Small calendar helpers for whole days. Dates are 'YYYY-MM-DD' strings, which compare
 * correctly as strings; deadlines count whole days only (§§ 187–188 BGB), so no clock is used.
 */
import type { IsoDate } from '../../law/index.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function utcOf(date: IsoDate): number {
  const match = ISO.exec(date);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** A real calendar day between 1900 and 2200 in canonical form (the law engine's range). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const time = utcOf(value);
  if (Number.isNaN(time)) return false;
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2200 && new Date(time).toISOString().slice(0, 10) === value;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
