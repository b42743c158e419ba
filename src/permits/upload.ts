import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { AppError } from '../platform/errors.ts';
import type { UploadFields } from './document.actions.ts';

/**
 * Reads a multipart upload: the text fields must come before the file (browsers send them in
 * form order), so the file can be streamed straight into the store without buffering.
 */
export async function readUpload(
  request: FastifyRequest,
): Promise<{ fields: UploadFields; filename: string; content: Readable }> {
  if (!request.isMultipart()) {
    throw new AppError(
      'validation',
      'Bitte senden Sie die Unterlage als multipart/form-data mit dem Feld „file“.',
      [{ field: 'file', message: 'Bitte wählen Sie eine Datei aus.' }],
    );
  }
  const values: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      values[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file') {
      part.file.resume();
      continue;
    }
    return {
      fields: {
        docType: values.docType ?? '',
        tradeSecret: values.tradeSecret === 'true' || values.tradeSecret === 'on',
        neutralSummary: values.neutralSummary ?? '',
      },
      filename: part.filename,
      content: part.file,
    };
  }
  throw new AppError('validation', 'Es wurde keine Datei übertragen.', [
    { field: 'file', message: 'Bitte wählen Sie eine Datei aus.' },
  ]);
}
