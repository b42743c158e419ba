/**
 * The minutes of the hearing (Niederschrift, § 19 9. BImSchV) as an A4 PDF: place and day, the
 * chair, the subject of the procedure, and course and results per agenda item (§ 19 Abs. 1 S. 2
 * Nr. 1–4). Objectors appear by the reference of their objection only: § 19 does not ask for
 * their names, and the minutes go to the applicant (§ 19 Abs. 2). [open] Whether names of
 * objectors who did not ask for redaction may be printed.
 */
import { createPdf, finishWithPageNumbers, type PdfOptions } from '../notice/pdf-layout.ts';
import { germanDay } from '../notice/notice-text.ts';

export interface MinutesInput {
  authorityName: string;
  /** Contact lines from the authority's master data (address, phone, e-mail). */
  authorityContact: string[];
  reference: string;
  issuedOn: string; // ISO date
  format: 'in-person' | 'online';
  /** In person: the day; online: the last day of the written comment period. */
  date: string;
  place: string | null;
  chair: string;
  subject: string[];
  attendance: { heading: string; entries: string[] }[];
  publicCount: number;
  summary: string;
  items: {
    title: string;
    concern: string | null;
    minutes: string;
    comments: { author: string; receivedOn: string; body: string }[];
  }[];
}

const GREY = '#555555';

function heading(pdf: PDFKit.PDFDocument, text: string): void {
  pdf.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor('black').text(text);
  pdf.moveDown(0.2).font('Helvetica').fontSize(10);
}

export function renderMinutesPdf(
  input: MinutesInput,
  now: Date,
  options: PdfOptions = {},
): Promise<Buffer> {
  const online = input.format === 'online';
  const title = online
    ? 'Niederschrift über die Online-Konsultation'
    : 'Niederschrift über den Erörterungstermin';
  const { pdf, done } = createPdf(
    { title: `${title} (${input.reference})`, author: input.authorityName, now },
    options,
  );
  pdf.font('Helvetica').fontSize(10).fillColor('black').text(input.authorityName);
  for (const line of input.authorityContact) pdf.fontSize(9).fillColor(GREY).text(line);
  pdf.fontSize(10).fillColor('black');
  pdf.text(`Aktenzeichen: ${input.reference}`);
  pdf.text(`Datum: ${germanDay(input.issuedOn)}`);
  pdf.moveDown(1.2);
  pdf.font('Helvetica-Bold').fontSize(15).text(title);
  pdf.font('Helvetica').fontSize(9).fillColor(GREY).text('§ 19 9. BImSchV, § 10 Abs. 6 BImSchG');
  pdf.fillColor('black');

  heading(pdf, online ? 'Form und Äußerungsfrist' : 'Ort und Tag der Erörterung');
  pdf.text(
    online
      ? `Online-Konsultation mit schriftlicher Äußerungsfrist bis einschließlich ${germanDay(input.date)}.${input.place ? ` Zugang: ${input.place}.` : ''}`
      : `${germanDay(input.date)}, ${input.place ?? 'Ort laut Bekanntmachung'}`,
  );
  heading(pdf, 'Verhandlungsleitung');
  pdf.text(input.chair);
  heading(pdf, 'Gegenstand des Genehmigungsverfahrens');
  for (const line of input.subject) pdf.text(line);

  heading(pdf, online ? 'Beteiligte' : 'Teilnehmende');
  for (const group of input.attendance) {
    pdf.font('Helvetica-Bold').text(group.heading).font('Helvetica');
    pdf.text(group.entries.length > 0 ? group.entries.join('; ') : '–', { paragraphGap: 3 });
  }
  if (!online) pdf.text(`Weitere Personen aus der Öffentlichkeit: ${input.publicCount}`);

  heading(pdf, online ? 'Ergebnis der Online-Konsultation' : 'Verlauf und Ergebnisse');
  pdf.text(input.summary, { paragraphGap: 3 });
  input.items.forEach((item, index) => {
    pdf
      .moveDown(0.4)
      .font('Helvetica-Bold')
      .text(`TOP ${index + 1}: ${item.title}`);
    pdf.font('Helvetica');
    if (item.concern) pdf.fontSize(9).fillColor(GREY).text(`Belang: ${item.concern}`);
    pdf.fontSize(10).fillColor('black');
    pdf.text(item.minutes.trim() === '' ? 'Keine Niederschrift zu diesem Punkt.' : item.minutes, {
      paragraphGap: 3,
    });
    for (const comment of item.comments) {
      pdf
        .fontSize(9)
        .fillColor(GREY)
        .text(`${comment.author}, ${germanDay(comment.receivedOn)}:`);
      pdf.fontSize(10).fillColor('black').text(comment.body, { paragraphGap: 3 });
    }
  });

  pdf.moveDown(1.5);
  pdf.text(`Verhandlungsleitung: ${input.chair}`);
  pdf.text('Unterschrift: ______________________________');
  pdf
    .moveDown()
    .fontSize(8)
    .fillColor(GREY)
    .text(
      'Eine Abschrift erhält die Antragstellerin; wer rechtzeitig Einwendungen erhoben hat, erhält sie auf Anforderung (§ 19 Abs. 2 9. BImSchV).',
    );
  finishWithPageNumbers(pdf);
  return done;
}
