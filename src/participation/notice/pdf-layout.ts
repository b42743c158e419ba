import PDFDocument from 'pdfkit';

/**
 * Shared pdfkit set-up for the participation documents: A4, German language tag, built-in
 * Helvetica, CreationDate from the caller (reproducible output) and "Seite X von Y" footers.
 */
export interface PdfOptions {
  /** Uncompressed content streams, so tests can read the text; production keeps the default. */
  compress?: boolean;
}

export const MARGIN = 56;

export function createPdf(
  info: { title: string; author: string; now: Date },
  options: PdfOptions = {},
): { pdf: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true, // page count is known only at the end, for the footers
    compress: options.compress ?? true,
    info: { Title: info.title, Author: info.author, CreationDate: info.now, ModDate: info.now },
    lang: 'de-DE',
    displayTitle: true,
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return { pdf, done };
}

/** Writes "Seite X von Y" on every buffered page, then ends the document. */
export function finishWithPageNumbers(pdf: PDFKit.PDFDocument): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page; lift the margin first.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#555555')
      .text(`Seite ${i - range.start + 1} von ${range.count}`, MARGIN, pdf.page.height - 36, {
        width: pdf.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
}
