import { inflateSync } from 'node:zlib';
import { pdfText } from '../../src/participation/notice/pdf-text.testkit.ts';

/** The text of a (compressed) pdfkit PDF: every Flate stream inflated, then the TJ text read. */
export function compressedPdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const start = raw.indexOf('stream\n', from);
    if (start < 0) break;
    const end = raw.indexOf('\nendstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start + 'stream\n'.length, end);
    try {
      parts.push(inflateSync(bytes).toString('latin1'));
    } catch {
      parts.push(bytes.toString('latin1'));
    }
    from = end + 1;
  }
  return pdfText(Buffer.from(parts.join('\n'), 'latin1'));
}
