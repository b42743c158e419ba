/**
 * Validation of an objection as sent by the public (form or API). Every failure names the field
 * in German; nothing is stored before all fields pass (architecture invariant 6).
 */
import type { FieldError } from '../../platform/errors.ts';
import { isWellFormedUnicode, UNHASHABLE_TEXT } from './objection-hash.ts';
import { checkSignatures, PLAUSIBLE_SIGNATURES, type NamedRepresentative } from './intake-rules.ts';

export const MAX_OBJECTION_TEXT = 50_000;
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/**
 * Attachments sent as base64 in the JSON API, decoded, together; larger ones go by the multipart
 * form. Bounded by memory, not by need: a JSON body is held about three times while it is read,
 * parsed and decoded, and four parallel requests at the limit must cost at most 100 MB
 * (body-limits.ts). 15 MB would cost about 160 MB.
 */
export const MAX_API_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export interface ObjectionFields {
  readonly text: string;
  /** The text exactly as received, untrimmed: what the receipt hash covers (objection-hash.ts). */
  readonly receivedText: string;
  readonly name: string | null;
  readonly address: string | null;
  readonly email: string | null;
  readonly redactIdentity: boolean;
  /** Number of signers (a signature list, a letter signed by several); 1 otherwise. */
  readonly signatures: number;
  /** True when a number above the plausible one was explicitly confirmed (intake-rules.ts). */
  readonly signaturesConfirmed: boolean;
  /** The signer named as representative (§ 17 Abs. 1 S. 1 VwVfG), if any. */
  readonly representative: NamedRepresentative | null;
}

/** How the confirmation is given: the form shows a checkbox, the API takes a field. */
export const CONFIRM_SIGNATURES_HINT =
  'Wenn sie stimmt, bestätigen Sie sie ausdrücklich (Formular: Kästchen „Die Zahl stimmt“; Schnittstelle: „signaturesConfirmed“: true).';

function parseSignatures(
  body: Readonly<Record<string, unknown>>,
  errors: FieldError[],
): { count: number; confirmed: boolean } {
  const raw = body.signatures;
  const confirmed = yes(body.signaturesConfirmed);
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return { count: 1, confirmed: false };
  }
  const spelled = typeof raw === 'number' || typeof raw === 'string' ? String(raw).trim() : '?';
  const digits = /^\d{1,3}(\.\d{3})+$/.test(spelled) ? spelled.replaceAll('.', '') : spelled;
  const count = /^\d{1,9}$/.test(digits) ? Number(digits) : NaN;
  const problem = checkSignatures(
    Number.isNaN(count) ? 0 : count,
    confirmed,
    CONFIRM_SIGNATURES_HINT,
  );
  if (problem) errors.push({ field: 'signatures', message: problem.message });
  return {
    count: Number.isNaN(count) ? 1 : count,
    confirmed: confirmed && count > PLAUSIBLE_SIGNATURES,
  };
}

function parseRepresentative(
  body: Readonly<Record<string, unknown>>,
  errors: FieldError[],
): NamedRepresentative | null {
  // The API sends { representative: { name, profession, address } }, the form flat fields.
  const nested =
    typeof body.representative === 'object' && body.representative !== null
      ? (body.representative as Record<string, unknown>)
      : {};
  const name = text(body.representativeName ?? nested.name);
  const profession = text(body.representativeProfession ?? nested.profession);
  const address = text(body.representativeAddress ?? nested.address);
  const limits = [
    ['representativeName', 'Der Name des Vertreters', name, 200],
    ['representativeProfession', 'Der Beruf des Vertreters', profession, 200],
    ['representativeAddress', 'Die Anschrift des Vertreters', address, 500],
  ] as const;
  for (const [field, label, value, max] of limits) {
    if (value.length > max) {
      errors.push({ field, message: `${label} ist zu lang (höchstens ${max} Zeichen).` });
    }
  }
  if (name === '' && (profession !== '' || address !== '')) {
    errors.push({
      field: 'representativeName',
      message:
        'Bitte geben Sie den Namen des Vertreters an oder lassen Sie Beruf und Anschrift des Vertreters leer.',
    });
  }
  return name === '' ? null : { name, profession: profession || null, address: address || null };
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

function text(value: unknown): string {
  return typeof value === 'string' ? value.replaceAll('\r\n', '\n').trim() : '';
}

function yes(value: unknown): boolean {
  return value === true || value === 'true' || value === 'on' || value === 'ja';
}

export function parseObjectionFields(
  body: Readonly<Record<string, unknown>>,
  identityRequired: boolean,
): { ok: true; value: ObjectionFields } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const objection = text(body.text);
  if (objection === '') {
    errors.push({ field: 'text', message: 'Bitte geben Sie den Text Ihrer Einwendung ein.' });
  } else if (objection.length > MAX_OBJECTION_TEXT) {
    errors.push({
      field: 'text',
      message: `Der Text ist zu lang (${objection.length.toLocaleString('de-DE')} Zeichen, höchstens 50.000). Längere Ausführungen können Sie als PDF anhängen.`,
    });
  } else if (!isWellFormedUnicode(objection)) {
    errors.push({ field: 'text', message: UNHASHABLE_TEXT });
  }
  const name = text(body.name);
  const address = text(body.address);
  const rule =
    '(§ 12 Abs. 2 9. BImSchV; die Behörde hat Name und Anschrift als Pflichtangabe festgelegt)';
  if (identityRequired && name === '') {
    errors.push({ field: 'name', message: `Bitte geben Sie Ihren Namen an ${rule}.` });
  }
  if (identityRequired && address === '') {
    errors.push({ field: 'address', message: `Bitte geben Sie Ihre Anschrift an ${rule}.` });
  }
  if (name.length > 200)
    errors.push({ field: 'name', message: 'Der Name ist zu lang (höchstens 200 Zeichen).' });
  if (address.length > 500) {
    errors.push({
      field: 'address',
      message: 'Die Anschrift ist zu lang (höchstens 500 Zeichen).',
    });
  }
  const email = text(body.email);
  if (email !== '' && (email.length > 254 || !EMAIL.test(email))) {
    errors.push({
      field: 'email',
      message:
        'Die E-Mail-Adresse ist ungültig. Bitte prüfen Sie sie oder lassen Sie das Feld leer.',
    });
  }
  const signatures = parseSignatures(body, errors);
  const representative = parseRepresentative(body, errors);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      text: objection,
      receivedText: typeof body.text === 'string' ? body.text : '',
      name: name || null,
      address: address || null,
      email: email || null,
      redactIdentity: yes(body.redactIdentity),
      signatures: signatures.count,
      signaturesConfirmed: signatures.confirmed,
      representative,
    },
  };
}
