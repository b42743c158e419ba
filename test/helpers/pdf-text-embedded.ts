import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of each page of a PDF as a reader extracts it (pdfjs), for PDFs with embedded
 * (subset, CID-keyed) fonts whose text the simple stream reader in pdf-text.ts cannot decode.
 */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const task = getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const text = await page.getTextContent();
      const lines: string[] = [];
      let line = '';
      for (const item of text.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
      pages.push(lines.join('\n'));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** All pages' text, joined, with runs of white space as one space. */
export async function pdfPlainText(pdf: Buffer): Promise<string> {
  return (await pdfPages(pdf)).join('\n').replace(/\s+/g, ' ');
}

/** Document metadata as pdfjs reads it (info dictionary and XMP packet). */
export async function pdfInfo(pdf: Buffer) {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  try {
    const meta = await doc.getMetadata();
    return { info: meta.info as Record<string, unknown>, pages: doc.numPages };
  } finally {
    await task.destroy();
  }
}
