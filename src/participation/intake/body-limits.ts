import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import {
  MAX_API_ATTACHMENT_BYTES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MAX_OBJECTION_TEXT,
} from './objection-input.ts';

/**
 * The largest request body each public intake route needs, computed from the limits of its
 * fields rather than guessed: a body beyond it is refused with 413 before it is read and parsed,
 * so that no anonymous request can make the process hold more than this in memory.
 */
const KIB = 1024;
const MIB = 1024 * KIB;

/** A JSON string escapes one UTF-16 code unit in at most six bytes (\uXXXX). */
const JSON_ESCAPE = 6;
/** Name (200), address (500) and e-mail (254) characters, as objection-input.ts allows them. */
const IDENTITY_CHARACTERS = 200 + 500 + 254;
/** Keys, quotes, commas, the challenge (≤ 1000), the nonce and up to five file names (≤ 200). */
const JSON_FRAME = 64 * KIB;

/**
 * JSON API: the text, the identity fields and base64 attachments of at most
 * MAX_API_ATTACHMENT_BYTES together (base64 turns 3 bytes into 4 characters). Larger attachments
 * go through the multipart form, which streams them to disk.
 */
export const OBJECTION_JSON_BODY_LIMIT =
  Math.ceil(MAX_API_ATTACHMENT_BYTES / 3) * 4 +
  JSON_ESCAPE * (MAX_OBJECTION_TEXT + IDENTITY_CHARACTERS) +
  JSON_FRAME;

/**
 * Multipart form: five files of 10 MB and the text fields (each at most FORM_FIELD_BYTES), with
 * room for the part headers. Busboy enforces the per-file and per-field limits while reading.
 */
export const FORM_FIELD_BYTES = 4 * MAX_OBJECTION_TEXT + 16 * KIB; // UTF-8: ≤ 4 bytes a character
export const FORM_FIELD_COUNT = 20;
export const OBJECTION_FORM_BODY_LIMIT =
  MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + FORM_FIELD_COUNT * FORM_FIELD_BYTES + 64 * KIB;

const megabytes = (bytes: number) =>
  (bytes / MIB).toLocaleString('de-DE', { maximumFractionDigits: 1 });

/** What the OpenAPI document says about the JSON route's limits. */
export const OBJECTION_JSON_LIMITS_DESCRIPTION = `Grenzen: Text höchstens ${MAX_OBJECTION_TEXT.toLocaleString('de-DE')} Zeichen; höchstens ${MAX_ATTACHMENTS} Anhänge (PDF, PNG, JPEG), zusammen höchstens ${megabytes(MAX_API_ATTACHMENT_BYTES)} MB (vor der Base64-Kodierung); die ganze Anfrage höchstens ${OBJECTION_JSON_BODY_LIMIT.toLocaleString('de-DE')} Bytes (${megabytes(OBJECTION_JSON_BODY_LIMIT)} MB). Größere Anfragen werden vor dem Lesen mit 413 abgewiesen. Größere Anhänge bitte über das Formular /beteiligung/{id}/einwendung (multipart/form-data, je Datei 10 MB, zusammen ${megabytes(MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES)} MB) einreichen.`;

const TOO_LARGE_JSON = `Die Einwendung ist zu groß: Über die Schnittstelle sind höchstens ${megabytes(OBJECTION_JSON_BODY_LIMIT)} MB je Anfrage möglich (Anhänge zusammen höchstens ${megabytes(MAX_API_ATTACHMENT_BYTES)} MB). Größere Anhänge reichen Sie bitte über das Formular auf der Seite des Verfahrens ein.`;

/**
 * preParsing hook: refuses a body whose declared length exceeds the route's limit with a German
 * 413 before a byte is read. A body without a declared length (chunked) is cut off by Fastify's
 * bodyLimit while it is read, also with 413.
 */
export async function refuseOversizeJson<P>(
  request: FastifyRequest,
  _reply: unknown,
  payload: P,
): Promise<P> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > OBJECTION_JSON_BODY_LIMIT) {
    throw new AppError('payload_too_large', TOO_LARGE_JSON);
  }
  return payload;
}

/** After parsing: the attachments' decoded size together (base64 length × 3/4, exact). */
export function checkApiAttachmentTotal(items: readonly { contentBase64: string }[]): void {
  let total = 0;
  for (const item of items) total += Buffer.byteLength(item.contentBase64, 'base64');
  if (total > MAX_API_ATTACHMENT_BYTES) {
    throw new AppError('payload_too_large', TOO_LARGE_JSON, [
      {
        field: 'attachments',
        message: `Die Anhänge sind zusammen größer als ${megabytes(MAX_API_ATTACHMENT_BYTES)} MB.`,
      },
    ]);
  }
}
