/**
 * Field rules for one imported objection (see import-file.ts). Messages are German because staff
 * read them in the CLI; they name the field the way the file names it (e.g. „Eingang“).
 */
import type { ImportChannel, ImportRow } from './import-file.ts';
import { checkSignatures, PLAUSIBLE_SIGNATURES } from './intake-rules.ts';

export type Field = keyof Omit<ImportRow, 'line' | 'representative'> | RepresentativeField;
type RepresentativeField =
  'representativeName' | 'representativeProfession' | 'representativeAddress';

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

/** Every field with the German name messages use for it (staff never see the code's key). */
export const LABELS = new Map<Field, string>([
  ['text', 'Text'],
  ['name', 'Name'],
  ['address', 'Anschrift'],
  ['receivedAt', 'Eingangsdatum'],
  ['channel', 'Eingangsweg'],
  ['externalRef', 'Aktenzeichen'],
  ['signatures', 'Unterschriften'],
  ['signaturesConfirmed', 'Unterschriften bestätigt'],
  ['representativeName', 'Vertreter'],
  ['representativeProfession', 'Beruf des Vertreters'],
  ['representativeAddress', 'Anschrift des Vertreters'],
  ['redactIdentity', 'Schwärzung erbeten'],
]);
export const FIELDS: readonly Field[] = [...LABELS.keys()];
export const REQUIRED: readonly Field[] = ['text', 'receivedAt', 'channel'];
export const FIELD_LIST = [...LABELS.values()].join(', ');

/**
 * Column names (CSV header, JSONL key) → field, lower-cased. German as written in offices, and
 * the code's keys for files made by other software. Map, not object literal: a header like
 * "constructor" must not hit Object.prototype.
 */
export const HEADERS = new Map<string, Field>([
  ...FIELDS.map((field): [string, Field] => [field.toLowerCase(), field]),
  ...[...LABELS].map(([field, label]): [string, Field] => [label.toLowerCase(), field]),
  ['einwendung', 'text'],
  ['text der einwendung', 'text'],
  ['einwendungstext', 'text'],
  ['name des einwenders', 'name'],
  ['adresse', 'address'],
  ['eingang', 'receivedAt'],
  ['eingangstag', 'receivedAt'],
  ['datum', 'receivedAt'],
  ['kanal', 'channel'],
  ['referenz', 'externalRef'],
  ['posteingangsnummer', 'externalRef'],
  ['anzahl der unterschriften', 'signatures'],
  ['unterschriftenzahl', 'signatures'],
  ['name des vertreters', 'representativeName'],
  ['vertreter name', 'representativeName'],
  ['vertreterin', 'representativeName'],
  ['beruf', 'representativeProfession'],
  ['adresse des vertreters', 'representativeAddress'],
  ['schwärzung', 'redactIdentity'],
  ['schwaerzung', 'redactIdentity'],
  ['schwärzung erbeten', 'redactIdentity'],
  ['name und anschrift schwärzen', 'redactIdentity'],
]);

export const labelOf = (field: Field): string => LABELS.get(field) ?? field;

// Maps, not object literals: a value like "constructor" must not hit Object.prototype.
const CHANNELS = new Map<string, ImportChannel>([
  ['paper', 'paper'],
  ['papier', 'paper'],
  ['brief', 'paper'],
  ['post', 'paper'],
  ['email', 'email'],
  ['e-mail', 'email'],
  ['mail', 'email'],
  ['signature-list', 'signature-list'],
  ['unterschriftenliste', 'signature-list'],
  ['unterschriftsliste', 'signature-list'],
  ['liste', 'signature-list'],
  ['fax', 'fax'],
  ['telefax', 'fax'],
  ['other', 'other'],
  ['sonstiges', 'other'],
]);
const CHANNEL_LIST = 'Papier, E-Mail, Unterschriftenliste, Fax, Sonstiges';
const MAX_REF_LENGTH = 200;
const INVALID_INSTANT =
  'ist kein gültiges Datum (erwartet wie 03.12.2026, 3.12.26 oder 03.12.2026 14:30; auch 2026-12-03).';
const CONFIRM_HINT =
  'Wenn sie stimmt, tragen Sie in der Spalte „Unterschriften bestätigt“ „ja“ ein.';

/** Echoes user input in a message without letting a huge value flood the terminal. */
export const quote = (value: string): string =>
  `„${value.length > 40 ? `${value.slice(0, 40)}…` : value}“`;
const number = (value: number): string => value.toLocaleString('de-DE');

// --- Dates: a bare date means the start of that day in Germany, where the letter arrived. ---

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
/** ISO date and time without a zone ("2026-12-03 14:30"): Berlin local time. */
const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
/** As German offices write it: 03.12.2026, 3.12.26, 03.12.2026 14:30, 3.12.2026, 14:30 Uhr. */
const GERMAN =
  /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:,?\s+(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*Uhr)?)?$/i;
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

/** The UTC day of a calendar date, or NaN when the date does not exist (31.02.). */
function calendarDay(y: number, mo: number, d: number): number {
  const day = Date.UTC(y, mo - 1, d);
  const check = new Date(day);
  // Date.UTC silently rolls 2026-02-30 over to March; reject instead.
  const exists =
    check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d;
  return exists ? day : NaN;
}

/**
 * A Berlin wall-clock time as an instant. The first lookup guesses the offset, the second takes
 * the one valid at the guessed local time itself. In the hour repeated in autumn the earlier
 * (summer time) instant is taken; a time skipped in spring maps to the hour after.
 */
function berlinLocal(y: number, mo: number, d: number, h: number, mi: number, s: number) {
  const day = calendarDay(y, mo, d);
  if (Number.isNaN(day) || h > 23 || mi > 59 || s > 59) return null;
  const wall = day + ((h * 60 + mi) * 60 + s) * 1000;
  return new Date(wall - berlinOffsetMs(wall - berlinOffsetMs(wall)));
}

export function parseInstant(raw: string): Date | null {
  const value = raw.trim();
  const german = GERMAN.exec(value);
  if (german) {
    const [d = 0, mo = 0, y = 0, h = 0, mi = 0, s = 0] = german
      .slice(1, 7)
      .map((part) => Number(part ?? 0));
    // Two-digit years are this century: an office writes "26" for 2026.
    return berlinLocal(german[3]!.length === 2 ? 2000 + y : y, mo, d, h, mi, s);
  }
  const local = LOCAL_ISO.exec(value);
  if (local) {
    const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = local
      .slice(1, 7)
      .map((p) => Number(p ?? 0));
    return berlinLocal(y, mo, d, h, mi, s);
  }
  const parts = DATE.exec(value) ?? TIMESTAMP.exec(value);
  if (!parts) return null;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = parts
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  if (parts.length === 4) return berlinLocal(y, mo, d, 0, 0, 0);
  const day = calendarDay(y, mo, d);
  if (Number.isNaN(day)) return null;
  const zone = parts[8] ?? 'Z';
  const [oh, om] = zone === 'Z' ? [0, 0] : [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
  if (h > 23 || mi > 59 || s > 59 || oh > 23 || om > 59) return null;
  const ms = Math.floor(Number(`0.${parts[7] ?? '0'}`) * 1000);
  const offset = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om) * 60_000;
  return new Date(day + ((h * 60 + mi) * 60 + s) * 1000 + ms - offset);
}

const YES = new Set(['ja', 'j', 'x', 'yes', 'true', '1', 'bestätigt']);
const NO = new Set(['', 'nein', 'n', 'no', 'false', '0']);

/** Checks one record; adds German messages to record.problems and returns a row only if clean. */
export function validateRecord(record: RawRecord, context: RowContext): ImportRow | null {
  const { problems, values } = record;
  // Always the German name of the field: staff read these, not the code's keys.
  const report = (field: Field, message: string) => problems.push(`„${labelOf(field)}“ ${message}`);
  /** undefined: invalid and already reported; null: absent or empty. */
  const string = (field: Field): string | null | undefined => {
    const value = values.get(field);
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
    report(field, 'muss ein Text sein.');
    return undefined;
  };
  const strings = [
    'text',
    'name',
    'address',
    'receivedAt',
    'channel',
    'externalRef',
    'representativeName',
    'representativeProfession',
    'representativeAddress',
  ] as const;
  const [text, name, address, rawInstant, rawChannel, externalRef, repName, repJob, repAddress] =
    strings.map(string);
  if (text === null) report('text', 'fehlt oder ist leer.');
  if (rawInstant === null) report('receivedAt', 'fehlt.');
  if (rawChannel === null) report('channel', `fehlt (erlaubt: ${CHANNEL_LIST}).`);

  if (text && text.length > context.maxTextLength) {
    const limit = number(context.maxTextLength);
    report('text', `ist zu lang (${number(text.length)} Zeichen, höchstens ${limit}).`);
  }
  for (const [field, value, max] of [
    ['name', name, 200],
    ['address', address, 500],
    ['representativeName', repName, 200],
    ['representativeProfession', repJob, 200],
    ['representativeAddress', repAddress, 500],
  ] as const) {
    if (value && value.length > max) report(field, `ist zu lang (höchstens ${max} Zeichen).`);
  }
  if (!repName && (repJob || repAddress)) {
    report(
      'representativeName',
      'fehlt: Beruf oder Anschrift eines Vertreters sind angegeben, sein Name nicht.',
    );
  }

  const receivedAt = rawInstant ? parseInstant(rawInstant) : null;
  const time = receivedAt?.getTime() ?? NaN;
  if (rawInstant && !receivedAt) report('receivedAt', `${quote(rawInstant)} ${INVALID_INSTANT}`);
  // A letter cannot have arrived in the future: a typo (year, day and month swapped) is refused
  // rather than stored with a date that would make it look timely (docs/law/objection-intake.md).
  if (time > context.now) {
    report(
      'receivedAt',
      'liegt in der Zukunft. Ein Eingang kann nicht später als heute sein; bitte prüfen Sie Tag, Monat und Jahr.',
    );
  }
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

  /** "ja"/"nein" (also true/false, x, leer); anything else is reported, not guessed. */
  const yesNo = (field: Field): boolean => {
    const value = values.get(field);
    const spelled =
      typeof value === 'boolean' ? String(value) : typeof value === 'string' ? value : '';
    const said = spelled.trim().toLowerCase();
    if (YES.has(said)) return true;
    if (value !== undefined && value !== null && !NO.has(said)) {
      report(field, `hat den unbekannten Wert ${quote(spelled)} (erlaubt: ja, nein).`);
    }
    return false;
  };
  const confirmed = yesNo('signaturesConfirmed');
  const redactIdentity = yesNo('redactIdentity');

  const raw = values.get('signatures');
  // JSON may carry a number, CSV always a string; both must spell a plain positive integer,
  // German thousands separators allowed ("1.234").
  const spelled = typeof raw === 'number' || typeof raw === 'string' ? String(raw).trim() : '?';
  const digits = /^\d{1,3}(\.\d{3})+$/.test(spelled) ? spelled.replaceAll('.', '') : spelled;
  const signatures = /^\d{1,9}$/.test(digits) ? Number(digits) : NaN;
  if (raw === undefined || raw === null || spelled === '') {
    if (channel === 'signature-list') {
      report(
        'signatures',
        'fehlt; bei Unterschriftenlisten ist die Zahl der Unterzeichnenden nötig.',
      );
    }
  } else if (Number.isNaN(signatures) || signatures < 1) {
    report('signatures', `muss eine ganze Zahl ab 1 sein (${quote(spelled)}).`);
  } else {
    const problem = checkSignatures(signatures, confirmed, CONFIRM_HINT);
    if (problem) problems.push(`„${labelOf('signatures')}“: ${problem.message}`);
  }

  if (problems.length > 0 || !text || !receivedAt || !channel) return null;
  // Narrowing only: an undefined optional field has already been reported above.
  if (name === undefined || address === undefined || externalRef === undefined) return null;
  if (repName === undefined || repJob === undefined || repAddress === undefined) return null;
  const count = Number.isNaN(signatures) ? 1 : signatures;
  const representative = repName
    ? { name: repName, profession: repJob, address: repAddress }
    : null;
  const { line } = record;
  return {
    line,
    text,
    name,
    address,
    receivedAt,
    channel,
    externalRef,
    signatures: count,
    signaturesConfirmed: confirmed && count > PLAUSIBLE_SIGNATURES,
    representative,
    redactIdentity,
  };
}
