import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { fonts } from './letter.fonts.ts';
import type { AuthorityProfile, PostalAddress } from '../authority/authority.types.ts';
import type { LetterContent } from './letter.types.ts';
import {
  BlockWriter,
  BODY_SIZE,
  CONTENT_WIDTH,
  GREY,
  MARGIN,
  MM,
  PAGE,
  SMALL,
  type Doc,
} from './letter.pdf.writer.ts';

/**
 * Renders a letter as PDF/A-2b with the authority's letterhead, laid out after DIN 5008 (form B)
 * as far as a generated letter sensibly can: letterhead, address field with return line, info
 * block, subject, body, signature block, and a footer with the authority's addresses and bank
 * details on every page.
 *
 * PDF/A-2b (ISO 19005-2, level b): archivable, all fonts embedded (DejaVu Sans), sRGB output
 * intent, XMP metadata; level 2 rather than 1 because it permits PNG logos with transparency.
 * The structure is tagged (paragraphs, headings, lists, tables), the running header and footer
 * are marked as artifacts. [open] Full PDF/UA conformance (table cells as TH/TD) is not claimed.
 *
 * Deterministic: the same content, date and signatory give the same bytes (dates and document ID
 * are derived from the input, nothing from the clock), so the hash filed in the case's chain can
 * be reproduced from the stored content.
 */
export interface LetterRenderInput {
  content: LetterContent;
  profile: AuthorityProfile;
  /** Aktenzeichen of the case */
  reference: string;
  /** The letter's date, YYYY-MM-DD (the sign-off date; today for a preview) */
  date: string;
  signatory: { name: string; function: string } | null;
  /** Contact person of the info block (the case worker) */
  contact: { name: string; phone: string | null; email: string | null } | null;
  /** The logo's bytes from the file store; SVG is not drawn (see drawLetterhead) */
  logo: { bytes: Buffer; mediaType: 'image/png' | 'image/svg+xml' } | null;
}

/** ISO date at noon UTC: the same letter date gives the same PDF dates in every time zone. */
function pdfDate(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

function germanDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * pdfkit copies Title and Author into the XMP packet without escaping; the metadata must stay
 * well-formed XML and equal to the document info (PDF/A), so both get text without markup signs.
 */
function metadataText(text: string): string {
  return text.replace(/&/g, 'und').replace(/[<>"]/g, '').replace(/\s+/g, ' ').trim();
}

function addressLines(address: PostalAddress | null): string[] {
  return address ? [address.street, `${address.postalCode} ${address.city}`] : [];
}

function formatIban(iban: string): string {
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

export function renderLetterPdf(input: LetterRenderInput): Promise<Buffer> {
  const { content, profile } = input;
  const date = pdfDate(input.date);
  const title = metadataText(`${content.subject} – ${input.reference}`);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    // No standard font is ever set up (PDF/A forbids unembedded fonts): the default is DejaVu.
    font: fonts().regular as unknown as string,
    subset: 'PDF/A-2b',
    pdfVersion: '1.7',
    tagged: true,
    lang: 'de-DE',
    displayTitle: true,
    info: {
      Title: title,
      Author: metadataText(profile.name),
      Subject: metadataText(content.subject),
      Creator: 'Industrieland',
      Producer: 'Industrieland (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  // pdfkit derives the file ID from the info dictionary; the content hash makes it name this
  // letter's content, so two different letters of the same day never share an ID.
  const contentHash = createHash('sha256')
    .update(JSON.stringify([input.content, input.reference, input.date, input.signatory]))
    .digest();
  (pdf as unknown as { _id: Buffer })._id = contentHash.subarray(0, 16);
  // The XMP packet must state the modification date the info dictionary states (PDF/A).
  pdf.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${date.toISOString().split('.')[0]}Z</xmp:ModifyDate>
        </rdf:Description>
        `);
  pdf.registerFont('regular', fonts().regular);
  pdf.registerFont('bold', fonts().bold);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const writer = new BlockWriter(pdf, root);
  drawFirstPage(pdf, writer, input);
  for (const block of content.blocks) writer.block(block);
  drawClosing(pdf, writer, input);
  root.end();
  drawRunningParts(pdf, input);
  pdf.end();
  return done;
}

/** Letterhead, address field, info block, subject and salutation of page 1. */
function drawFirstPage(pdf: Doc, writer: BlockWriter, input: LetterRenderInput): void {
  const { profile, content } = input;
  drawLetterhead(pdf, writer, input);
  // Address field (form B): 20 mm from the left, 45 mm from the top, 85 mm wide; its first
  // lines hold the return address in small type, the addressee follows.
  const fieldX = 20 * MM;
  const fieldWidth = 85 * MM;
  const returnLine = [profile.name, ...addressLines(profile.postalAddress)].join(' · ');
  writer.tagged('P', () => {
    pdf
      .font('regular')
      .fontSize(SMALL)
      .fillColor(GREY)
      .text(returnLine, fieldX + 5 * MM, 50 * MM, {
        width: fieldWidth - 5 * MM,
        lineBreak: false,
        ellipsis: true,
      });
  });
  pdf
    .moveTo(fieldX + 5 * MM, 50 * MM + SMALL + 2)
    .lineTo(fieldX + fieldWidth, 50 * MM + SMALL + 2)
    .lineWidth(0.3)
    .strokeColor(GREY)
    .stroke();
  writer.tagged('P', () => {
    pdf
      .font('regular')
      .fontSize(BODY_SIZE)
      .fillColor('black')
      .text(
        [content.addressee.name, ...content.addressee.lines].join('\n'),
        fieldX + 5 * MM,
        63 * MM,
        {
          width: fieldWidth - 5 * MM,
          height: 27 * MM,
          ellipsis: true,
        },
      );
  });
  // Info block: from 125 mm, 50 mm from the top (DIN 5008 form B).
  const infoX = 125 * MM;
  const infoWidth = PAGE.width - infoX - MARGIN.right;
  const info: [string, string][] = [['Aktenzeichen', input.reference]];
  if (input.contact) {
    info.push(['Auskunft erteilt', input.contact.name]);
    const phone = input.contact.phone ?? profile.phone;
    const email = input.contact.email ?? profile.email;
    if (phone) info.push(['Telefon', phone]);
    if (email) info.push(['E-Mail', email]);
  } else {
    if (profile.phone) info.push(['Telefon', profile.phone]);
    if (profile.email) info.push(['E-Mail', profile.email]);
  }
  info.push(['Datum', germanDate(input.date)]);
  let y = 50 * MM;
  writer.tagged('Div', () => {
    for (const [label, value] of info) {
      pdf
        .font('regular')
        .fontSize(SMALL)
        .fillColor(GREY)
        .text(label, infoX, y, { width: infoWidth });
      y = pdf.y;
      pdf.fontSize(9).fillColor('black').text(value, infoX, y, { width: infoWidth });
      y = pdf.y + 3;
    }
  });
  // Subject two lines below the address field (ends at 90 mm), or below a long info block.
  pdf.x = MARGIN.left;
  pdf.y = Math.max(98.5 * MM, y + 12);
  writer.tagged('H1', () => {
    pdf.font('bold').fontSize(11).fillColor('black').text(content.subject, MARGIN.left, pdf.y, {
      width: CONTENT_WIDTH,
    });
  });
  if (content.references.length > 0) {
    pdf.moveDown(0.3);
    writer.tagged('P', () => {
      pdf.font('regular').fontSize(9);
      for (const ref of content.references) {
        pdf.text(`${ref.label}: ${ref.value}`, MARGIN.left, pdf.y, { width: CONTENT_WIDTH });
      }
    });
  }
  pdf.moveDown(1.5);
  writer.paragraph(content.salutation);
}

/**
 * The authority's name and department top left (with the logo top right). A PNG logo is drawn;
 * an SVG logo cannot be drawn by pdfkit without an SVG renderer, so the letter then shows the
 * authority's name only, which the letterhead states anyway.
 */
function drawLetterhead(pdf: Doc, writer: BlockWriter, input: LetterRenderInput): void {
  const { profile } = input;
  if (input.logo?.mediaType === 'image/png') {
    const box = { width: 45 * MM, height: 22 * MM };
    const x = PAGE.width - MARGIN.right - box.width;
    pdf.markContent('Artifact', { type: 'Layout' });
    pdf.image(input.logo.bytes, x, 12 * MM, { fit: [box.width, box.height], align: 'right' });
    pdf.endMarkedContent();
  }
  writer.tagged('P', () => {
    pdf
      .font('bold')
      .fontSize(14)
      .fillColor('black')
      .text(profile.name, MARGIN.left, 15 * MM, {
        width: 110 * MM,
      });
    if (profile.department) {
      pdf
        .font('regular')
        .fontSize(10)
        .text(profile.department, MARGIN.left, pdf.y + 2, {
          width: 110 * MM,
        });
    }
  });
}

function drawClosing(pdf: Doc, writer: BlockWriter, input: LetterRenderInput): void {
  writer.ensureSpace(BODY_SIZE * 9);
  pdf.moveDown(0.5);
  writer.paragraph(input.content.closing);
  writer.tagged('P', () => {
    pdf.font('regular').fontSize(BODY_SIZE).fillColor('black');
    pdf.text('Im Auftrag', MARGIN.left, pdf.y, { width: CONTENT_WIDTH });
    pdf.moveDown(2.2);
    if (input.signatory) {
      pdf.text(input.signatory.name, { width: CONTENT_WIDTH });
      pdf.fontSize(9).text(input.signatory.function, { width: CONTENT_WIDTH });
    } else {
      pdf.fillColor(GREY).text('(Zeichnungsberechtigte Person noch nicht gewählt)');
    }
  });
}

/** Header line of the following pages, fold marks, footer and page numbers on every page. */
function drawRunningParts(pdf: Doc, input: LetterRenderInput): void {
  const { profile } = input;
  const range = pdf.bufferedPageRange();
  const columns = footerColumns(profile);
  const columnWidth = CONTENT_WIDTH / Math.max(columns.length, 1);
  const footerTop = PAGE.height - MARGIN.bottom + 6 * MM;
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    pdf.markContent('Artifact', { type: 'Pagination' });
    // Margins are set to zero while drawing outside the text area: pdfkit would otherwise
    // start a new page for text below the bottom margin.
    const saved = pdf.page.margins;
    pdf.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    pdf.lineWidth(0.3).strokeColor(GREY);
    // Fold marks at 105 and 210 mm, punch mark at 148.5 mm (DIN 5008).
    for (const at of [105, 210])
      pdf
        .moveTo(4 * MM, at * MM)
        .lineTo(8 * MM, at * MM)
        .stroke();
    pdf
      .moveTo(4 * MM, 148.5 * MM)
      .lineTo(10 * MM, 148.5 * MM)
      .stroke();
    if (i > range.start) {
      pdf
        .font('regular')
        .fontSize(SMALL)
        .fillColor(GREY)
        .text(
          `${profile.name} · Az. ${input.reference} · ${germanDate(input.date)}`,
          MARGIN.left,
          12 * MM,
          {
            width: CONTENT_WIDTH,
            lineBreak: false,
            ellipsis: true,
          },
        );
    }
    pdf
      .font('regular')
      .fontSize(8)
      .fillColor('black')
      .text(`Seite ${i - range.start + 1} von ${range.count}`, MARGIN.left, footerTop - 5 * MM, {
        width: CONTENT_WIDTH,
        align: 'right',
        lineBreak: false,
      });
    pdf
      .moveTo(MARGIN.left, footerTop - 1.5 * MM)
      .lineTo(PAGE.width - MARGIN.right, footerTop - 1.5 * MM)
      .stroke();
    columns.forEach((lines, c) => {
      pdf
        .font('regular')
        .fontSize(6.5)
        .fillColor(GREY)
        .text(lines.join('\n'), MARGIN.left + c * columnWidth, footerTop, {
          width: columnWidth - 3 * MM,
          height: MARGIN.bottom - 8 * MM,
          ellipsis: true,
        });
    });
    pdf.page.margins = saved;
    pdf.endMarkedContent();
  }
}

function footerColumns(profile: AuthorityProfile): string[][] {
  const columns: string[][] = [];
  const postal = addressLines(profile.postalAddress);
  columns.push(['Postanschrift', profile.name, ...postal]);
  const visiting = addressLines(profile.visitingAddress);
  if (visiting.length > 0 || profile.officeHours) {
    columns.push([
      'Besucheranschrift',
      ...visiting,
      ...(profile.officeHours ? ['Sprechzeiten:', ...profile.officeHours.split('\n')] : []),
    ]);
  }
  const contact = [
    profile.phone ? `Telefon ${profile.phone}` : '',
    profile.email ?? '',
    profile.website ?? '',
  ].filter(Boolean);
  if (contact.length > 0) columns.push(['Kontakt', ...contact]);
  if (profile.bankAccount) {
    const bank = profile.bankAccount;
    columns.push([
      'Bankverbindung',
      bank.holder,
      bank.bankName,
      `IBAN ${formatIban(bank.iban)}`,
      ...(bank.bic ? [`BIC ${bank.bic}`] : []),
    ]);
  }
  return columns;
}
