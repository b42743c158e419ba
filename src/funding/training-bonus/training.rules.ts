import { createHash } from 'node:crypto';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { PROGRES_HEAT_PUMP_TRAINING_2026 } from '../../law/funding/index.ts';
import type { TrainingRole } from '../../db/schema.ts';
import type { FieldError } from '../../platform/errors.ts';

/**
 * The rules of a training-bonus claim that need no database: amounts from the programme version
 * (law layer), the pseudonymous person key, and the validation of one claim as a firm states it.
 */
const AMOUNT = PROGRES_HEAT_PUMP_TRAINING_2026.amount;
if (AMOUNT.kind !== 'per-person-day') throw new Error('Bildungsprämie: Betragsregel erwartet');

/** Fixed amount per training day and employee, and the cap per employee (programme version). */
export const PER_DAY_CENTS = AMOUNT.perDayCents;
export const CAP_PER_PERSON_CENTS = AMOUNT.capPerPersonCents;
export const AMOUNT_CITATION = AMOUNT.citation;
export const PROGRAMME_VERSION_ID = PROGRES_HEAT_PUMP_TRAINING_2026.versionId;

/** The fixed amount a claim asks for: days × rate, never more than the cap per employee. */
export function requestedCents(days: number): number {
  return Math.min(days * PER_DAY_CENTS, CAP_PER_PERSON_CENTS);
}

export const ROLE_LABELS: Readonly<Record<TrainingRole, string>> = {
  'technical-manager': 'Technische Führungskraft',
  planner: 'Planungsverantwortliche/r',
  fitter: 'Monteur/in vor Ort',
  other: 'andere Tätigkeit',
};

/** The guideline funds technical managers and planning staff, not site fitters. */
export const ELIGIBLE_ROLES: readonly TrainingRole[] = ['technical-manager', 'planner'];

const ROLE_INPUTS: Readonly<Record<string, TrainingRole>> = {
  'technical-manager': 'technical-manager',
  fuehrungskraft: 'technical-manager',
  führungskraft: 'technical-manager',
  planner: 'planner',
  planung: 'planner',
  fitter: 'fitter',
  monteur: 'fitter',
  other: 'other',
  andere: 'other',
};

function normalise(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
}

/**
 * The employee's pseudonymous key: a hash of normalised family name, given name and date of
 * birth. The same person has the same key at every employer, so the cap per employee holds across
 * firms without storing the date of birth (Art. 5 Abs. 1 lit. c DSGVO, data minimisation).
 * [open] A keyed hash (secret of the funding body) would resist guessing of names and birthdays
 * better; the key must then be the same for every instance of the portal.
 */
export function personKey(familyName: string, givenName: string, birthDate: string): string {
  return createHash('sha256')
    .update(
      `bildungspraemie-waermepumpe\u0000${normalise(familyName)}\u0000${normalise(givenName)}\u0000${birthDate}`,
    )
    .digest('hex');
}

/** One claim as stated (form field or CSV column → text). */
export interface ClaimDraft {
  familyName: string;
  givenName: string;
  birthDate: string;
  role: string;
  courseCode: string;
  courseStart: string;
  courseEnd: string;
  trainingDays: string;
  iban: string;
  bic: string;
  accountHolder: string;
}

export const CLAIM_FIELDS: readonly (keyof ClaimDraft)[] = [
  'familyName',
  'givenName',
  'birthDate',
  'role',
  'courseCode',
  'courseStart',
  'courseEnd',
  'trainingDays',
  'iban',
  'bic',
  'accountHolder',
];

export const FIELD_LABELS: Readonly<Record<keyof ClaimDraft, string>> = {
  familyName: 'Familienname',
  givenName: 'Vorname',
  birthDate: 'Geburtsdatum',
  role: 'Tätigkeit',
  courseCode: 'Kurs',
  courseStart: 'Kursbeginn',
  courseEnd: 'Kursende',
  trainingDays: 'Fortbildungstage',
  iban: 'IBAN',
  bic: 'BIC',
  accountHolder: 'Kontoinhaber',
};

/** A claim that passed validation; the course is still named by its code. */
export interface ValidClaim {
  personKey: string;
  employeeName: string;
  role: TrainingRole;
  courseCode: string;
  courseStart: string;
  courseEnd: string;
  trainingDays: number;
  iban: string;
  bic: string | null;
  accountHolder: string;
}

function realDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Accepts 2026-03-01 and 01.03.2026; returns ISO or undefined. */
export function isoDate(value: string): string | undefined {
  const text = value.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = german
    ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`
    : text;
  return realDate(iso) ? iso : undefined;
}

const NAME = /^[\p{L}][\p{L}\p{M} .'-]*$/u;
// Control characters and markup delimiters have no place in a name or a SEPA text field.
const UNSAFE = /[\p{Cc}<>]/u;

/** Validates one claim; German messages per field (the caller adds a line number for CSV). */
export function validateClaim(
  draft: ClaimDraft,
  today: string,
): { claim: ValidClaim } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: keyof ClaimDraft, message: string) =>
    errors.push({ field, message: `${FIELD_LABELS[field]}: ${message}` });
  const v = Object.fromEntries(
    CLAIM_FIELDS.map((f) => [f, String(draft[f] ?? '').trim()]),
  ) as unknown as ClaimDraft;

  for (const field of ['familyName', 'givenName'] as const) {
    if (v[field] === '') fail(field, 'Bitte angeben.');
    else if (v[field].length > 60 || !NAME.test(v[field]) || UNSAFE.test(v[field]))
      fail(field, 'Bitte nur Buchstaben, Leerzeichen, Bindestrich und Apostroph (höchstens 60).');
  }
  const birth = isoDate(v.birthDate);
  if (!birth) fail('birthDate', 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).');
  else if (birth < '1930-01-01' || birth > today)
    fail('birthDate', 'Das Datum ist nicht plausibel.');

  const role = ROLE_INPUTS[normalise(v.role)];
  if (!role)
    fail(
      'role',
      'Bitte „technical-manager“ (Führungskraft), „planner“ (Planung), „fitter“ (Monteur) oder „other“ angeben.',
    );

  const code = v.courseCode.toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9-]{1,39}$/.test(code))
    fail('courseCode', 'Bitte den Kurs aus der Kursliste der Förderstelle angeben.');

  const start = isoDate(v.courseStart);
  const end = isoDate(v.courseEnd);
  if (!start) fail('courseStart', 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).');
  if (!end) fail('courseEnd', 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).');
  if (start && end && end < start) fail('courseEnd', 'Das Kursende liegt vor dem Kursbeginn.');
  // Claims are for completed training (the bonus is paid per completed day).
  if (end && end > today) fail('courseEnd', 'Der Kurs ist noch nicht abgeschlossen.');
  if (start && start < '2020-01-01') fail('courseStart', 'Das Datum ist nicht plausibel.');

  const days = /^\d{1,2}$/.test(v.trainingDays) ? Number(v.trainingDays) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > 30)
    fail('trainingDays', 'Bitte eine ganze Zahl von 1 bis 30 angeben.');
  else if (start && end) {
    const span = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000;
    if (days > span + 1) fail('trainingDays', 'Mehr Fortbildungstage als Kalendertage im Kurs.');
  }

  const iban = electronicFormatIBAN(v.iban) ?? '';
  if (v.iban === '') fail('iban', 'Bitte angeben.');
  else if (!isValidIBAN(iban))
    fail('iban', 'Die IBAN ist ungültig (Länge oder Prüfziffer stimmen nicht).');
  const bic = v.bic.replace(/\s+/g, '').toUpperCase();
  if (bic !== '' && !isValidBIC(bic))
    fail('bic', 'Der BIC ist ungültig (8 oder 11 Zeichen, z. B. WELADED1PBN).');
  else if (bic !== '' && isValidIBAN(iban) && bic.slice(4, 6) !== iban.slice(0, 2))
    fail('bic', 'Der BIC gehört zu einem anderen Land als die IBAN.');
  if (v.accountHolder.length < 2 || v.accountHolder.length > 70 || UNSAFE.test(v.accountHolder))
    fail('accountHolder', 'Bitte den Namen des Kontoinhabers angeben (2 bis 70 Zeichen).');

  if (errors.length > 0 || !birth || !role || !start || !end) return { errors };
  return {
    claim: {
      personKey: personKey(v.familyName, v.givenName, birth),
      employeeName: `${v.givenName} ${v.familyName}`,
      role,
      courseCode: code,
      courseStart: start,
      courseEnd: end,
      trainingDays: days,
      iban,
      bic: bic === '' ? null : bic,
      accountHolder: v.accountHolder,
    },
  };
}
