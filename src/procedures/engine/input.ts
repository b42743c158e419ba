/**
 * Validation of action input. Input arrives from forms or JSON, so it is `unknown`; every
 * failure returns a German message that names the field (architecture invariant 6).
 */
import { isIsoDate } from './dates.ts';
import type { IsoDate } from '../../law/index.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const MAX_TEXT = 10_000;
const MAX_LIST = 100;

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

export type InputRecord = Readonly<Record<string, unknown>>;

/** Missing input counts as an empty object: actions without fields need none. */
export function asRecord(input: unknown): Parsed<InputRecord> {
  if (input === undefined || input === null) return ok({});
  if (typeof input !== 'object' || Array.isArray(input)) {
    return fail('Die Eingaben fehlen oder haben ein ungültiges Format.');
  }
  return ok(input as InputRecord);
}

/** Own properties only: keys such as '__proto__' must not reach Object.prototype. */
function field(record: InputRecord, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

export function requiredText(record: InputRecord, name: string, label: string): Parsed<string> {
  const value = field(record, name);
  if (typeof value !== 'string' || value.trim() === '') return fail(`${label} fehlt.`);
  if (value.length > MAX_TEXT) return fail(`${label} ist zu lang (höchstens 10.000 Zeichen).`);
  return ok(value.trim());
}

export function optionalText(record: InputRecord, name: string, label: string): Parsed<string> {
  const value = field(record, name);
  if (value === undefined || value === null || value === '') return ok('');
  return requiredText(record, name, label);
}

/** A list of distinct, non-empty texts; `min` 0 makes the field optional. */
export function textList(
  record: InputRecord,
  name: string,
  label: string,
  min: number,
): Parsed<string[]> {
  const value = field(record, name) ?? [];
  if (!Array.isArray(value)) return fail(`${label}: erwartet wird eine Liste.`);
  if (value.length < min) return fail(`${label}: mindestens ${min} Angabe erforderlich.`);
  if (value.length > MAX_LIST) return fail(`${label}: höchstens ${MAX_LIST} Angaben.`);
  const items: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || item.trim() === '' || item.length > MAX_TEXT) {
      return fail(`${label}: jede Angabe muss ein nicht leerer Text sein.`);
    }
    const trimmed = item.trim();
    if (items.includes(trimmed)) return fail(`${label}: „${trimmed}“ ist doppelt angegeben.`);
    items.push(trimmed);
  }
  return ok(items);
}

export function isoDateField(record: InputRecord, name: string, label: string): Parsed<IsoDate> {
  const value = field(record, name);
  const text = typeof value === 'string' ? value.trim() : value;
  if (text === undefined || text === '') return fail(`${label} fehlt (Format JJJJ-MM-TT).`);
  if (!isIsoDate(text)) return fail(`${label} ist kein gültiges Datum (Format JJJJ-MM-TT).`);
  return ok(text);
}

/** Whole number in [min, max]; digit strings from HTML forms are accepted. */
export function integerField(
  record: InputRecord,
  name: string,
  label: string,
  min: number,
  max: number,
): Parsed<number> {
  const raw = field(record, name);
  const value = typeof raw === 'string' && /^\d{1,3}$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return fail(`${label} muss eine ganze Zahl von ${min} bis ${max} sein.`);
  }
  return ok(value);
}

/** A record of yes/no values, e.g. procedure facts. */
export function booleanRecord(
  record: InputRecord,
  name: string,
): Parsed<Readonly<Record<string, boolean>>> {
  const value = field(record, name) ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('Die Angaben zum Vorhaben haben ein ungültiges Format.');
  }
  const result: Record<string, boolean> = {};
  for (const [key, entry] of Object.entries(value)) {
    // Plain identifiers only: this also keeps '__proto__' out of the result.
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) return fail(`Die Angabe „${key}“ ist unbekannt.`);
    if (typeof entry !== 'boolean') return fail(`Die Angabe „${key}“ muss ja oder nein sein.`);
    result[key] = entry;
  }
  return ok(result);
}

export function oneOf<T extends string>(
  record: InputRecord,
  name: string,
  label: string,
  allowed: readonly T[],
): Parsed<T> {
  const value = field(record, name);
  const match = allowed.find((candidate) => candidate === value);
  return match === undefined ? fail(`${label} fehlt oder ist ungültig.`) : ok(match);
}
