import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { readCaseUpload } from '../procedures/documents/case-files.ts';
import type { UploadFields } from './document.actions.ts';

/** A permit document upload: its type, the trade-secret mark and the neutral summary. */
export async function readUpload(
  request: FastifyRequest,
): Promise<{ fields: UploadFields; filename: string; content: Readable }> {
  const { values, filename, content } = await readCaseUpload(request);
  return {
    fields: {
      docType: values.docType ?? '',
      tradeSecret: values.tradeSecret === 'true' || values.tradeSecret === 'on',
      neutralSummary: values.neutralSummary ?? '',
    },
    filename,
    content,
  };
}
