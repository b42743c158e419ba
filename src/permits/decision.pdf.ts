import PDFDocument from 'pdfkit';

/**
 * The decision (Bescheid) as a PDF generated from the case data: nothing is typed twice, and the
 * document names the audit-chain hash it was generated from, so the case file proves its origin.
 */
export type DecisionOutcome = 'grant' | 'refusal' | 'withdrawal';

export interface DecisionDocument {
  authorityName: string;
  /** Department, address, phone and e-mail from the authority's master data. */
  authorityContact?: string[];
  reference: string;
  issuedOn: string; // German date text
  applicantName: string;
  projectTitle: string;
  procedureLabel: string; // e.g. 'vereinfachtes Verfahren nach § 19 BImSchG'
  site: string;
  turbines: { type: string; totalHeightM: number; ratedPowerKw: number }[];
  outcome: DecisionOutcome;
  conditions: string[];
  reasoning: string;
  /** The catalogue's assessments (formal procedure): one text per concern, with its weight. */
  assessments?: {
    label: string;
    objections: number;
    signatures: number;
    statements: number;
    assessment: string;
  }[];
  auditHash: string | null;
}

const TITLES: Record<DecisionOutcome, string> = {
  grant: 'Genehmigungsbescheid',
  refusal: 'Ablehnungsbescheid',
  withdrawal: 'Bestätigung der Antragsrücknahme',
};

function operativePart(doc: DecisionDocument): string {
  const count = doc.turbines.length;
  const subject = `${count} Windenergieanlage${count === 1 ? '' : 'n'} (${doc.projectTitle}) am Standort ${doc.site}`;
  switch (doc.outcome) {
    case 'grant':
      return `Der Antragstellerin wird die Genehmigung nach § 4 BImSchG für die Errichtung und den Betrieb von ${subject} im ${doc.procedureLabel} erteilt, mit den unten aufgeführten Nebenbestimmungen.`;
    case 'refusal':
      return `Der Antrag auf Genehmigung nach § 4 BImSchG für die Errichtung und den Betrieb von ${subject} wird abgelehnt.`;
    case 'withdrawal':
      return `Die Antragstellerin hat ihren Antrag für ${subject} zurückgenommen. Das Verfahren ist damit beendet.`;
  }
}

// [open] Rechtsbehelfsbelehrung: for wind turbines over 50 m the Oberverwaltungsgericht decides
// at first instance (§ 48 Abs. 1 S. 1 Nr. 3a VwGO); the text needs the authority's legal sign-off.
export const REMEDIES =
  'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage beim Oberverwaltungsgericht für das Land Nordrhein-Westfalen, Aegidiikirchplatz 5, 48143 Münster, erhoben werden (§ 48 Abs. 1 Satz 1 Nr. 3a VwGO). Widerspruch und Anfechtungsklage eines Dritten haben keine aufschiebende Wirkung (§ 63 BImSchG).';

export function renderDecisionPdf(doc: DecisionDocument, now: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: {
        Title: `${TITLES[doc.outcome]} ${doc.reference}`,
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
    for (const line of doc.authorityContact ?? []) pdf.fontSize(9).text(line);
    pdf.fontSize(10);
    pdf.text(`Aktenzeichen: ${doc.reference}`);
    pdf.text(`Datum: ${doc.issuedOn}`);
    pdf.moveDown();
    pdf.text(doc.applicantName);
    pdf.moveDown(2);
    pdf.font('Helvetica-Bold').fontSize(16).text(TITLES[doc.outcome]);
    pdf.moveDown(0.5);
    pdf.font('Helvetica').fontSize(11).text(operativePart(doc));
    pdf.moveDown();
    if (doc.turbines.length > 0) {
      pdf.font('Helvetica-Bold').text('Anlagen');
      pdf.font('Helvetica');
      doc.turbines.forEach((t, i) =>
        pdf.text(
          `${i + 1}. ${t.type}, Gesamthöhe ${t.totalHeightM} m, Nennleistung ${t.ratedPowerKw} kW`,
        ),
      );
      pdf.moveDown();
    }
    if (doc.outcome === 'grant' && doc.conditions.length > 0) {
      pdf.font('Helvetica-Bold').text('Nebenbestimmungen');
      pdf.font('Helvetica');
      doc.conditions.forEach((c, i) => pdf.text(`${i + 1}. ${c}`));
      pdf.moveDown();
    }
    if (doc.outcome !== 'withdrawal') {
      pdf.font('Helvetica-Bold').text('Begründung');
      pdf.font('Helvetica').text(doc.reasoning || '–');
      pdf.moveDown();
      if (doc.assessments && doc.assessments.length > 0) {
        pdf.font('Helvetica-Bold').text('Würdigung der Einwendungen und Stellungnahmen');
        for (const a of doc.assessments) {
          pdf.font('Helvetica-Bold').text(a.label);
          pdf
            .font('Helvetica')
            .fontSize(9)
            .text(
              `${a.objections.toLocaleString('de-DE')} Einwendungen mit ${a.signatures.toLocaleString('de-DE')} Unterschriften, ${a.statements} Stellungnahmen von Behörden`,
            );
          pdf.fontSize(11).text(a.assessment);
          pdf.moveDown(0.5);
        }
        pdf.moveDown();
      }
      pdf.font('Helvetica-Bold').text('Rechtsbehelfsbelehrung');
      pdf.font('Helvetica').text(REMEDIES);
      pdf.moveDown();
    }
    pdf.fontSize(8).fillColor('#555555');
    pdf.text(
      `Erzeugt aus der elektronischen Verfahrensakte${doc.auditHash ? `; Stand der Hash-Kette: ${doc.auditHash}` : ''}.`,
    );
    pdf.end();
  });
}
