/**
 * Field rules for one imported objection (see import-file.ts). Messages are German because staff
 * read them in the CLI; they name the field the way the file names it (e.g. „Eingang“).
 */
import type { ImportChannel, ImportRow } from './import-file.ts';

export type Field = keyof Omit<ImportRow, 'line'>;

/** One record before validation: raw values by field and the name the file used for each. */
export interface RawRecord {
  line: number;
  values: Map<Field, unknown>;
  labels: Map<Field, string>;
  problems: string[];
  /** Set when the record's structure is broken, so field messages would only be noise. */
  unreadable?: boolean;
}

export interface RowContext {
  now: number;
  maxTextLength: number;
  /** externalRef → line of its first occurrence in the file */
  seenRefs: Map<string, number>;
}

export const FIELDS: readonly Field[] = [
  'text',
  'name',
  'address',
  'receivedAt',
  'channel',
  'externalRef',
  'signatures',
];
export const REQUIRED: readonly Field[] = ['text', 'receivedAt', 'channel'];
export const FIELD_LIST = FIELDS.join(', ');

// Maps, not object literals: a value like "constructor" must not hit Object.prototype.
const CHANNELS = new Map<string, ImportChannel>([
  ['paper', 'paper'],
  ['papier', 'paper'],
  ['email', 'email'],
  ['e-mail', 'email'],
  ['mail', 'email'],
  ['signature-list', 'signature-list'],
  ['unterschriftenliste', 'signature-list'],
  ['liste', 'signature-list'],
  ['fax', 'fax'],
  ['other', 'other'],
  ['sonstiges', 'other'],
]);
const CHANNEL_LIST = 'papier, e-mail, unterschriftenliste, fax, sonstiges';
const MAX_SIGNATURES = 1_000_000;
const MAX_REF_LENGTH = 200;
const INVALID_INSTANT =
  'ist kein gültiger Zeitpunkt (erwartet ISO 8601, z. B. 2026-03-14 oder 2026-03-14T09:30:00+01:00).';

/** Echoes user input in a message without letting a huge value flood the terminal. */
export const quote = (value: string): string =>
  `„${value.length > 40 ? `${value.slice(0, 40)}…` : value}“`;
const number = (value: number): string => value.toLocaleString('de-DE');

// --- Dates: a bare date means the start of that day in Germany, where the letter arrived. ---

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const BERLIN = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Berlin',
  timeZoneName: 'longOffset',
});
/** 2000-01-01T00:00 in Berlin: earlier dates are typos, the platform has no older procedures. */
const EARLIEST = Date.UTC(1999, 11, 31, 23);

/** Offset of Berlin from UTC at an instant, from the runtime's time zone data (ICU). */
function berlinOffsetMs(at: number): number {
  const name = BERLIN.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0; // plain "GMT"
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

export function parseInstant(value: string): Date | null {
  const parts = DATE.exec(value) ?? TIMESTAMP.exec(value);
  if (!parts) return null;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = parts
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const day = Date.UTC(y, mo - 1, d);
  const check = new Date(day);
  // Date.UTC silently rolls 2026-02-30 over to March; reject instead.
  const exists = check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1;
  if (!exists || check.getUTCDate() !== d) return null;
  if (parts.length === 4) {
    // Local midnight is never skipped or repeated (Berlin switches at 01:00 UTC). The first lookup
    // guesses the offset, the second takes the one valid at the guessed local midnight itself.
    return new Date(day - berlinOffsetMs(day - berlinOffsetMs(day)));
  }
  const zone = parts[8] ?? 'Z';
  const [oh, om] = zone === 'Z' ? [0, 0] : [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
  if (h > 23 || mi > 59 || s > 59 || oh > 23 || om > 59) return null;
  const ms = Math.floor(Number(`0.${parts[7] ?? '0'}`) * 1000);
  const offset = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om) * 60_000;
  return new Date(day + ((h * 60 + mi) * 60 + s) * 1000 + ms - offset);
}

/** Checks one record; adds German messages to record.problems and returns a row only if clean. */
export function validateRecord(record: RawRecord, context: RowContext): ImportRow | null {
  const { problems, values } = record;
  const report = (field: Field, message: string) =>
    problems.push(`„${record.labels.get(field) ?? field}“ ${message}`);
  /** undefined: invalid and already reported; null: absent or empty. */
  const string = (field: Field): string | null | undefined => {
    const value = values.get(field);
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
    report(field, 'muss ein Text sein.');
    return undefined;
  };
  const strings = ['text', 'name', 'address', 'receivedAt', 'channel', 'externalRef'] as const;
  const [text, name, address, rawInstant, rawChannel, externalRef] = strings.map(string);
  if (text === null) report('text', 'fehlt oder ist leer.');
  if (rawInstant === null) report('receivedAt', 'fehlt.');
  if (rawChannel === null) report('channel', `fehlt (erlaubt: ${CHANNEL_LIST}).`);

  if (text && text.length > context.maxTextLength) {
    const limit = number(context.maxTextLength);
    report('text', `ist zu lang (${number(text.length)} Zeichen, höchstens ${limit}).`);
  }

  const receivedAt = rawInstant ? parseInstant(rawInstant) : null;
  const time = receivedAt?.getTime() ?? NaN;
  if (rawInstant && !receivedAt) report('receivedAt', INVALID_INSTANT);
  if (time > context.now) report('receivedAt', 'liegt in der Zukunft.');
  if (time < EARLIEST) report('receivedAt', 'liegt vor dem Jahr 2000.');

  const channel = rawChannel ? CHANNELS.get(rawChannel.toLowerCase()) : undefined;
  if (rawChannel && !channel) {
    report('channel', `hat den unbekannten Wert ${quote(rawChannel)} (erlaubt: ${CHANNEL_LIST}).`);
  }

  if (externalRef && externalRef.length > MAX_REF_LENGTH) {
    report('externalRef', `ist zu lang (höchstens ${MAX_REF_LENGTH} Zeichen).`);
  } else if (externalRef) {
    const first = context.seenRefs.get(externalRef);
    if (first === undefined) context.seenRefs.set(externalRef, record.line);
    else report('externalRef', `${quote(externalRef)} kommt bereits in Zeile ${first} vor.`);
  }

  const raw = values.get('signatures');
  // JSON may carry a number, CSV always a string; both must spell a plain positive integer.
  const spelled = typeof raw === 'number' || typeof raw === 'string' ? String(raw).trim() : '?';
  const signatures = /^\d{1,7}$/.test(spelled) ? Number(spelled) : NaN;
  if (raw === undefined || raw === null || spelled === '') {
    if (channel === 'signature-list') {
      report(
        'signatures',
        'fehlt; bei Unterschriftenlisten ist die Zahl der Unterzeichnenden nötig.',
      );
    }
  } else if (!(signatures >= 1 && signatures <= MAX_SIGNATURES)) {
    report('signatures', `muss eine ganze Zahl von 1 bis ${number(MAX_SIGNATURES)} sein.`);
  }

  if (problems.length > 0 || !text || !receivedAt || !channel) return null;
  // Narrowing only: an undefined optional field has already been reported above.
  if (name === undefined || address === undefined || externalRef === undefined) return null;
  const count = Number.isNaN(signatures) ? 1 : signatures;
  const { line } = record;
  return { line, text, name, address, receivedAt, channel, externalRef, signatures: count };
}
