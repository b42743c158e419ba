import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import type { FieldError } from '../../platform/errors.ts';
import { referencePatternProblem } from '../reference.ts';

/**
 * The master data form, checked field by field with German messages; pure. Empty optional fields
 * become null. Whether a document may go out with what is entered is decided elsewhere
 * (missingProfileFields); here only the form of each value.
 */
export interface ProfileInput {
  department: string | null;
  postal_street: string | null;
  postal_code: string | null;
  postal_city: string | null;
  visiting_street: string | null;
  visiting_code: string | null;
  visiting_city: string | null;
  office_hours: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  bank_holder: string | null;
  bank_name: string | null;
  bank_iban: string | null;
  bank_bic: string | null;
  reference_pattern: string;
}

export const PROFILE_FORM_FIELDS = [
  'department',
  'postal_street',
  'postal_code',
  'postal_city',
  'visiting_street',
  'visiting_code',
  'visiting_city',
  'office_hours',
  'phone',
  'email',
  'website',
  'bank_holder',
  'bank_name',
  'bank_iban',
  'bank_bic',
  'reference_pattern',
] as const satisfies readonly (keyof ProfileInput)[];

export const PROFILE_FIELD_TITLES: Record<keyof ProfileInput, string> = {
  department: 'Organisationseinheit',
  postal_street: 'Postanschrift: Straße und Hausnummer oder Postfach',
  postal_code: 'Postanschrift: Postleitzahl',
  postal_city: 'Postanschrift: Ort',
  visiting_street: 'Besucheranschrift: Straße und Hausnummer',
  visiting_code: 'Besucheranschrift: Postleitzahl',
  visiting_city: 'Besucheranschrift: Ort',
  office_hours: 'Öffnungszeiten',
  phone: 'Telefon',
  email: 'E-Mail-Adresse',
  website: 'Internetseite',
  bank_holder: 'Kontoinhaber',
  bank_name: 'Kreditinstitut',
  bank_iban: 'IBAN',
  bank_bic: 'BIC',
  reference_pattern: 'Muster des Aktenzeichens',
};

/** Letters, digits, punctuation and spaces; no control characters (NUL, escape, line breaks). */
const CONTROL = /[\p{C}\p{Zl}\p{Zp}]/u;
/** Multi-line fields (office hours) may have line breaks, nothing else invisible. */
const CONTROL_EXCEPT_NEWLINE = /[^\P{C}\n\r]|[\p{Zl}\p{Zp}]/u;

const LIMITS: Partial<Record<keyof ProfileInput, number>> = {
  department: 150,
  postal_street: 120,
  postal_city: 80,
  visiting_street: 120,
  visiting_city: 80,
  office_hours: 500,
  phone: 40,
  email: 254,
  website: 200,
  bank_holder: 120,
  bank_name: 120,
};

function raw(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '';
}

export function parseProfileForm(body: Record<string, unknown>): {
  input: ProfileInput;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const fail = (field: keyof ProfileInput, message: string) => errors.push({ field, message });
  const value = {} as Record<keyof ProfileInput, string>;
  for (const field of PROFILE_FORM_FIELDS) value[field] = raw(body, field);

  for (const field of PROFILE_FORM_FIELDS) {
    const v = value[field];
    const limit = LIMITS[field];
    if (limit !== undefined && v.length > limit) {
      fail(field, `${PROFILE_FIELD_TITLES[field]}: höchstens ${limit} Zeichen.`);
      continue;
    }
    const control = field === 'office_hours' ? CONTROL_EXCEPT_NEWLINE : CONTROL;
    if (field !== 'reference_pattern' && control.test(v))
      fail(field, `${PROFILE_FIELD_TITLES[field]}: bitte nur druckbare Zeichen verwenden.`);
  }
  const has = (field: keyof ProfileInput) => errors.some((e) => e.field === field);

  // An address is street, postal code and city together, or not at all.
  for (const [prefix, label, code] of [
    ['postal', 'Postanschrift', 'postal_code'],
    ['visiting', 'Besucheranschrift', 'visiting_code'],
  ] as const) {
    const parts = [`${prefix}_street`, code, `${prefix}_city`] as const;
    const filled = parts.filter((p) => value[p] !== '');
    if (filled.length > 0 && filled.length < 3)
      for (const p of parts)
        if (value[p] === '' && !has(p))
          fail(p, `${label}: bitte Straße, Postleitzahl und Ort vollständig angeben.`);
    if (value[code] !== '' && !/^\d{5}$/.test(value[code]) && !has(code))
      fail(code, `${label}: Die Postleitzahl hat fünf Ziffern.`);
  }

  if (value.phone !== '' && !has('phone') && !/^\+?[\d\s/()-]{5,40}$/.test(value.phone))
    fail(
      'phone',
      'Telefon: bitte nur Ziffern, Leerzeichen und + / - ( ) verwenden, z. B. 05251 308-0.',
    );
  if (
    value.email !== '' &&
    !has('email') &&
    !/^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/.test(value.email)
  )
    fail('email', 'E-Mail-Adresse: bitte eine gültige Adresse angeben, z. B. post@kreis.example.');
  if (value.website !== '' && !has('website')) {
    let ok = false;
    try {
      const url = new URL(value.website);
      ok = url.protocol === 'https:' && url.hostname.includes('.') && !url.username;
    } catch {
      ok = false;
    }
    if (!ok)
      fail('website', 'Internetseite: bitte eine vollständige Adresse mit https:// angeben.');
  }

  // Bank details: holder, bank and IBAN together; the BIC is optional within the SEPA area.
  const iban = electronicFormatIBAN(value.bank_iban) ?? '';
  const bic = value.bank_bic.replace(/\s+/g, '').toUpperCase();
  const bankParts = ['bank_holder', 'bank_name', 'bank_iban'] as const;
  const bankFilled = [...bankParts, 'bank_bic' as const].some((p) => value[p] !== '');
  if (bankFilled)
    for (const p of bankParts)
      if (value[p] === '' && !has(p))
        fail(p, 'Bankverbindung: bitte Kontoinhaber, Kreditinstitut und IBAN angeben.');
  if (value.bank_iban !== '' && !has('bank_iban') && !isValidIBAN(iban))
    fail('bank_iban', 'IBAN: Die IBAN ist ungültig (Länge oder Prüfziffer stimmen nicht).');
  if (value.bank_bic !== '' && !has('bank_bic') && !isValidBIC(bic))
    fail('bank_bic', 'BIC: Der BIC ist ungültig (8 oder 11 Zeichen, z. B. WELADED1PBN).');

  const pattern = raw(body, 'reference_pattern');
  const patternProblem = referencePatternProblem(pattern);
  if (patternProblem && !has('reference_pattern')) fail('reference_pattern', patternProblem);

  const orNull = (v: string) => (v === '' ? null : v);
  return {
    input: {
      department: orNull(value.department),
      postal_street: orNull(value.postal_street),
      postal_code: orNull(value.postal_code),
      postal_city: orNull(value.postal_city),
      visiting_street: orNull(value.visiting_street),
      visiting_code: orNull(value.visiting_code),
      visiting_city: orNull(value.visiting_city),
      office_hours: orNull(value.office_hours),
      phone: orNull(value.phone),
      email: orNull(value.email),
      website: orNull(value.website),
      bank_holder: orNull(value.bank_holder),
      bank_name: orNull(value.bank_name),
      bank_iban: orNull(iban === '' ? value.bank_iban : iban),
      bank_bic: orNull(bic),
      reference_pattern: pattern,
    },
    errors,
  };
}

export interface SignatoryInput {
  name: string;
  function: string;
  active: boolean;
}

/**
 * One signatory form; the page holds several, so each names its fields with a prefix
 * ("neu." or the signatory's id and a dot) to keep the field ids unique.
 */
export function parseSignatoryForm(
  body: Record<string, unknown>,
  prefix = '',
): {
  input: SignatoryInput;
  errors: FieldError[];
} {
  const name = raw(body, `${prefix}name`);
  const fn = raw(body, `${prefix}function`);
  const errors: FieldError[] = [];
  const nameField = `${prefix}name`;
  const functionField = `${prefix}function`;
  if (name.length < 2 || name.length > 120)
    errors.push({ field: nameField, message: 'Name: bitte 2 bis 120 Zeichen angeben.' });
  else if (CONTROL.test(name))
    errors.push({ field: nameField, message: 'Name: bitte nur druckbare Zeichen verwenden.' });
  if (fn.length < 2 || fn.length > 150)
    errors.push({ field: functionField, message: 'Funktion: bitte 2 bis 150 Zeichen angeben.' });
  else if (CONTROL.test(fn))
    errors.push({
      field: functionField,
      message: 'Funktion: bitte nur druckbare Zeichen verwenden.',
    });
  const activeValue = body[`${prefix}active`];
  const active = activeValue === undefined ? true : activeValue === 'true';
  return { input: { name, function: fn, active }, errors };
}
