/**
 * Validation of an objection as sent by the public (form or API). Every failure names the field
 * in German; nothing is stored before all fields pass (architecture invariant 6).
 */
import type { FieldError } from '../../platform/errors.ts';
import { isWellFormedUnicode, UNHASHABLE_TEXT } from './objection-hash.ts';

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
    },
  };
}
