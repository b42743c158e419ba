import { Readable } from 'node:stream';
import { AppError } from '../../platform/errors.ts';
import {
  FileTooLargeError,
  sniffFileType,
  type FileStore,
  type StagedFile,
} from '../../platform/storage.ts';
import { isWellFormedUnicode, receiptFileNameV1, UNHASHABLE_TEXT } from './objection-hash.ts';
import { MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from './objection-input.ts';
import type { ReceivedAttachment } from './objection.actions.ts';

const MEDIA_TYPES = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' } as const;

/**
 * A file name that is safe to show and to put into a download header. Uploads clean names by the
 * receipt hash's version 1 rule, so that a receipt can be checked against the names as sent; a
 * different upload rule would replace this body and leave the frozen version 1 rule unchanged.
 */
export function cleanFilename(name: string): string {
  return receiptFileNameV1(name);
}

/** An attachment received and checked, waiting in the staging area for its objection's commit. */
export interface StagedAttachment extends ReceivedAttachment {
  readonly file: StagedFile;
}

/**
 * Receives one attachment of an objection into the staging area: PDF, PNG or JPEG by their first
 * bytes (not by name), at most 10 MB. Nothing is stored here; the objection's transaction
 * promotes the file, and withStaging discards it when the objection is refused.
 */
export async function stageAttachment(
  stage: FileStore['stage'],
  filename: string,
  content: Readable,
  index: number,
): Promise<StagedAttachment> {
  if (index >= MAX_ATTACHMENTS) {
    content.resume();
    throw new AppError('validation', `Höchstens ${MAX_ATTACHMENTS} Anhänge sind möglich.`, [
      {
        field: 'attachments',
        message: `Bitte hängen Sie höchstens ${MAX_ATTACHMENTS} Dateien an.`,
      },
    ]);
  }
  let file: StagedFile;
  try {
    file = await stage(content, { maxBytes: MAX_ATTACHMENT_BYTES });
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      throw new AppError(
        'payload_too_large',
        `Der Anhang „${cleanFilename(filename)}“ ist größer als 10 MB.`,
        [{ field: 'attachments', message: `„${cleanFilename(filename)}“ ist größer als 10 MB.` }],
      );
    }
    throw error;
  }
  if (file.size === 0) {
    throw new AppError('validation', `Der Anhang „${cleanFilename(filename)}“ ist leer.`, [
      { field: 'attachments', message: `„${cleanFilename(filename)}“ ist leer.` },
    ]);
  }
  const kind = sniffFileType(file.head);
  const mediaType = kind === 'pdf' || kind === 'png' || kind === 'jpeg' ? MEDIA_TYPES[kind] : null;
  if (!mediaType) {
    throw new AppError(
      'validation',
      `Der Anhang „${cleanFilename(filename)}“ ist kein PDF-, PNG- oder JPEG-Dokument.`,
      [{ field: 'attachments', message: 'Erlaubt sind PDF, PNG und JPEG.' }],
    );
  }
  return {
    filename: cleanFilename(filename),
    nameAsSent: filename,
    mediaType,
    sha256: file.sha256,
    size: file.size,
    file,
  };
}

/** Attachments sent as base64 in the JSON API. */
export async function stageBase64Attachments(
  stage: FileStore['stage'],
  items: readonly { filename: string; contentBase64: string }[],
): Promise<StagedAttachment[]> {
  const result: StagedAttachment[] = [];
  for (const [index, item] of items.entries()) {
    if (!isWellFormedUnicode(item.filename)) {
      throw new AppError('validation', UNHASHABLE_TEXT, [
        { field: `attachments.${index}.filename`, message: UNHASHABLE_TEXT },
      ]);
    }
    if (!/^[A-Za-z0-9+/=\s]*$/.test(item.contentBase64)) {
      throw new AppError(
        'validation',
        `Der Anhang „${cleanFilename(item.filename)}“ ist kein gültiges Base64.`,
        [{ field: `attachments.${index}.contentBase64`, message: 'Kein gültiges Base64.' }],
      );
    }
    const bytes = Buffer.from(item.contentBase64, 'base64');
    result.push(await stageAttachment(stage, item.filename, Readable.from([bytes]), index));
  }
  return result;
}
