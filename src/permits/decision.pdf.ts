import PDFDocument from 'pdfkit';

/**
 * The confirmation of a withdrawn application as a PDF generated from the case data. Decisions,
 * refusals and rejections are letters that a second person signs (src/procedures/letters/); a
 * withdrawal is the applicant's own act, which the authority only confirms. The document names
 * the audit-chain hash it was generated from, so the case file proves its origin.
 */
export interface WithdrawalDocument {
  authorityName: string;
  /** Department, address, phone and e-mail from the authority's master data. */
  authorityContact: string[];
  reference: string;
  issuedOn: string; // German date text
  applicantName: string;
  projectTitle: string;
  site: string;
  turbineCount: number;
  auditHash: string | null;
}

export function renderWithdrawalPdf(doc: WithdrawalDocument, now: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: {
        Title: `Bestätigung der Antragsrücknahme ${doc.reference}`,
        Author: doc.authorityName,
        CreationDate: now,
      },
      lang: 'de-DE',
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);

    pdf.font('Helvetica').fontSize(10).text(doc.authorityName);
    for (const line of doc.authorityContact) pdf.fontSize(9).text(line);
    pdf.fontSize(10);
    pdf.text(`Aktenzeichen: ${doc.reference}`);
    pdf.text(`Datum: ${doc.issuedOn}`);
    pdf.moveDown();
    pdf.text(doc.applicantName);
    pdf.moveDown(2);
    pdf.font('Helvetica-Bold').fontSize(16).text('Bestätigung der Antragsrücknahme');
    pdf.moveDown(0.5);
    const count = doc.turbineCount;
    pdf
      .font('Helvetica')
      .fontSize(11)
      .text(
        `Die Antragstellerin hat ihren Antrag für ${count} Windenergieanlage${count === 1 ? '' : 'n'} (${doc.projectTitle}) am Standort ${doc.site} zurückgenommen. Das Verfahren ist damit beendet.`,
      );
    pdf.moveDown();
    pdf.fontSize(8).fillColor('#555555');
    pdf.text(
      `Erzeugt aus der elektronischen Verfahrensakte${doc.auditHash ? `; Stand der Hash-Kette: ${doc.auditHash}` : ''}.`,
    );
    pdf.end();
  });
}
