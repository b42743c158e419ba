/**
 * Reading the one file of a multipart form (no script needed): the named file part is read up to
 * its limit, other file parts are drained, fields are skipped. Past the limit the rest is read and
 * dropped, so the browser gets the form back instead of a broken connection. Every refusal is a
 * German validation error on the file's field; nothing is kept.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export interface UploadRule {
  /** The form's file field. */
  field: string;
  limitBytes: number;
  /** Summary and field message when no (or an empty) file came. */
  missing: { summary: string; field: string };
  tooLarge: string;
}

function fieldError(field: string, message: string): AppError {
  return new AppError('validation', message, [{ field, message }]);
}

export async function readUploadedFile(
  request: FastifyRequest,
  rule: UploadRule,
): Promise<{ filename: string; content: Buffer }> {
  const missing = new AppError('validation', rule.missing.summary, [
    { field: rule.field, message: rule.missing.field },
  ]);
  if (!request.isMultipart()) throw missing;
  for await (const part of request.parts()) {
    if (part.type === 'field') continue;
    if (part.fieldname !== rule.field) {
      part.file.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= rule.limitBytes) chunks.push(chunk);
    }
    if (size > rule.limitBytes) throw fieldError(rule.field, rule.tooLarge);
    if (size === 0) throw missing;
    return { filename: part.filename, content: Buffer.concat(chunks) };
  }
  throw missing;
}

/** The file's text; `message` when it is not UTF-8. */
export function decodeUtf8(content: Buffer, field: string, message: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw fieldError(field, message);
  }
}
