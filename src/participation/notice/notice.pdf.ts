import { createPdf, finishWithPageNumbers } from './pdf-layout.ts';
import type { PdfOptions } from './pdf-layout.ts';
import { germanDay } from './notice-text.ts';
import type { NoticeContent } from './notice.types.ts';

export interface NoticePdfMeta {
  authorityName: string;
  reference: string;
  noticeDate: string; // ISO date
  url: string; // where the notice is published online
  /** The authority's contact lines from its master data (address, phone, e-mail). */
  contact?: string[];
}

const GREY = '#555555';

/** The notice as an A4 PDF for the official gazette and the case file. */
export function renderNoticePdf(
  content: NoticeContent,
  meta: NoticePdfMeta,
  now: Date,
  options: PdfOptions = {},
): Promise<Buffer> {
  const { pdf, done } = createPdf(
    { title: `${content.title} (${meta.reference})`, author: meta.authorityName, now },
    options,
  );
  pdf.font('Helvetica').fontSize(10).fillColor('black').text(meta.authorityName);
  for (const line of meta.contact ?? []) pdf.fontSize(9).fillColor(GREY).text(line);
  pdf.fontSize(10).fillColor('black');
  pdf.text(`Aktenzeichen: ${meta.reference}`);
  pdf.text(`Datum: ${germanDay(meta.noticeDate)}`);
  pdf.moveDown(1.5);
  pdf.font('Helvetica-Bold').fontSize(15).text(content.title);
  pdf.moveDown(0.5);
  pdf.font('Helvetica').fontSize(11).text(content.summary);
  pdf.moveDown();

  for (const section of content.sections) {
    pdf.font('Helvetica-Bold').fontSize(12).fillColor('black').text(section.heading);
    pdf.moveDown(0.25);
    pdf.font('Helvetica').fontSize(10);
    for (const paragraph of section.paragraphs) {
      pdf.text(paragraph, { paragraphGap: 3 });
    }
    if (section.citations.length > 0) {
      pdf
        .fontSize(8)
        .fillColor(GREY)
        .text(`Rechtsgrundlage: ${section.citations.join('; ')}`);
    }
    pdf.fillColor('black').moveDown(0.75);
  }

  pdf.fontSize(8).fillColor(GREY).text(`Diese Bekanntmachung im Internet: ${meta.url}`);
  finishWithPageNumbers(pdf);
  return done;
}
