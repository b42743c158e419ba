import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { reliefStatusLabel } from '../../law/relief/index.ts';
import { formatEuro } from '../../law/fees/money.ts';
import { formatGermanDateShort } from '../../law/german-format.ts';
import { factLabel } from '../../law/funding/index.ts';
import { formatParameterUse, formatTrace } from '../../law/rules/index.ts';
import { FONT_BOLD, FONT_REGULAR } from '../../procedures/letters/letter.fonts.ts';
import type { ReliefComputation } from './relief.request.ts';
import { formatCentsPerKwh, gapText, inputRows, priceRows, schemeRows } from './relief.present.ts';

/**
 * The "Berechnungsnachweis" of the electricity-cost calculator as PDF: inputs, the scheme's
 * figures, every step with its norm and the parameter versions used, drafts marked as such, the
 * price comparison and the checksum of the canonical JSON of inputs and result.
 *
 * Deterministic: the creation date in the metadata is the computation date and the document ID
 * is taken from that checksum, nothing comes from the clock, so the same computation gives the
 * same bytes and the same SHA-256 of the file. Fonts: DejaVu Sans, embedded as in the letters.
 */
const MM = 72 / 25.4;
const MARGIN = 20 * MM;
const GREY = '#444444';

type Doc = InstanceType<typeof PDFDocument>;

/** The PDF date of the computation: noon UTC, so every time zone writes the same date. */
function pdfDate(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

export interface RenderedProof {
  bytes: Buffer;
  /** SHA-256 (hex) of the PDF file itself. */
  sha256: string;
}

export function renderReliefProof(computation: ReliefComputation): Promise<RenderedProof> {
  const { request, result, scheme } = computation;
  const date = pdfDate(request.computedOn);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    font: FONT_REGULAR,
    lang: 'de-DE',
    displayTitle: true,
    info: {
      Title: 'Berechnungsnachweis Stromkosten-Entlastung',
      Subject: `Stichtag ${request.input.date}, Prüfsumme ${computation.sha256}`,
      Creator: 'Industrieland',
      Producer: 'Industrieland (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  // pdfkit derives the file ID from the info dictionary and the clock; the computation's own
  // checksum names it instead, so the bytes depend on the computation alone.
  (pdf as unknown as { _id: Buffer })._id = Buffer.from(computation.sha256, 'hex').subarray(0, 16);
  pdf.registerFont('regular', FONT_REGULAR);
  pdf.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  const done = new Promise<RenderedProof>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => {
      const bytes = Buffer.concat(chunks);
      resolve({ bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
    });
    pdf.on('error', reject);
  });

  const width = pdf.page.width - 2 * MARGIN;
  const heading = (text: string, size = 12) => {
    if (pdf.y > pdf.page.height - MARGIN - 60) pdf.addPage();
    pdf.moveDown(0.6).font('bold').fontSize(size).fillColor('black').text(text, MARGIN, pdf.y, {
      width,
    });
    pdf.moveDown(0.2);
  };
  const para = (text: string, options: { size?: number; grey?: boolean; indent?: number } = {}) =>
    pdf
      .font('regular')
      .fontSize(options.size ?? 9.5)
      .fillColor(options.grey ? GREY : 'black')
      .text(text, MARGIN + (options.indent ?? 0), pdf.y, { width: width - (options.indent ?? 0) });
  const rows = (pairs: [string, string][]) => {
    for (const [label, value] of pairs) {
      pdf.font('bold').fontSize(9.5).fillColor('black').text(`${label}: `, MARGIN, pdf.y, {
        width,
        continued: true,
      });
      pdf.font('regular').text(value);
    }
  };

  pdf.font('bold').fontSize(16).text('Berechnungsnachweis Stromkosten-Entlastung', { width });
  pdf.moveDown(0.3);
  para(
    `Berechnet am ${formatGermanDateShort(request.computedOn)} für das Abrechnungsjahr ${request.input.date.slice(0, 4)} (Stichtag ${formatGermanDateShort(result.date)}).`,
  );
  para(
    'Unverbindliche Berechnung nach den angegebenen Werten. Stellen, die auf einem Entwurf beruhen oder noch rechtlich zu prüfen sind, tragen den Vermerk „[offen]“.',
    { grey: true, size: 8.5 },
  );

  heading('Eingaben');
  rows(inputRows(request));

  heading('Regelung zum Industrie- bzw. Brückenstrompreis');
  rows(schemeRows(scheme));
  for (const note of scheme.open) para(`[offen] ${note}`, { size: 8.5 });

  for (const instrument of result.instruments) {
    heading(`${instrument.title}${instrument.draft ? ' – Entwurf' : ''}`, 11);
    rows([
      ['Ergebnis', reliefStatusLabel[instrument.status]],
      ['Betrag im Jahr', formatEuro(instrument.amountCents)],
    ]);
    instrument.steps.forEach((step, index) => {
      para(`${index + 1}. ${step.text} (${step.citation})${step.open ? ' [offen]' : ''}`, {
        indent: 8,
      });
      for (const p of step.parameters)
        para(`Wert: ${formatParameterUse(p)}`, { indent: 20, size: 8.5, grey: true });
    });
    if (instrument.missing.length > 0) para(`Es fehlen: ${instrument.missing.join(', ')}.`);
    for (const note of instrument.notes) para(`Hinweis: ${note}`, { size: 8.5 });
    if (instrument.trace) {
      para('Voraussetzungen:', { size: 8.5 });
      for (const line of formatTrace(instrument.trace, 0, factLabel))
        para(line.trimEnd(), { indent: 8, size: 8, grey: true });
    }
  }

  heading('Effektiver Strompreis');
  rows(
    priceRows(result, scheme).map((row) => [
      row.label,
      row.centsPerKwh === undefined
        ? 'nicht berechnet'
        : `${formatCentsPerKwh(row.centsPerKwh)}${row.costCents === undefined ? '' : ` (${formatEuro(row.costCents)} im Jahr)`}`,
    ]),
  );
  rows([['Abstand zum Zielpreis', gapText(result)]]);
  para(`Wert: ${formatParameterUse(result.target.parameter)}`, { size: 8.5, grey: true });
  for (const step of result.steps)
    para(`${step.text} (${step.citation})${step.open ? ' [offen]' : ''}`);
  for (const note of result.notes) para(`Hinweis: ${note}`, { size: 8.5 });

  heading('Prüfsumme');
  para(
    'SHA-256 der kanonischen JSON-Darstellung von Eingaben, Regelung und Ergebnis (Format industrieland-stromkosten-v1; Schlüssel sortiert, ohne Leerzeichen). Dieselben Eingaben mit demselben Berechnungsdatum ergeben über die Schnittstelle POST /api/v1/relief/calculate oder den Befehl „npx industrieland relief … --json“ dieselbe Prüfsumme.',
    { size: 8.5 },
  );
  pdf.font('regular').fontSize(8.5).fillColor('black').text(computation.sha256, { width });

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const saved = pdf.page.margins;
    pdf.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    pdf
      .font('regular')
      .fontSize(7.5)
      .fillColor(GREY)
      .text(
        `Berechnungsnachweis vom ${formatGermanDateShort(request.computedOn)} · Seite ${i - range.start + 1} von ${range.count}`,
        MARGIN,
        pdf.page.height - MARGIN + 6,
        { width, align: 'right', lineBreak: false },
      );
    pdf.page.margins = saved;
  }
  pdf.end();
  return done;
}

export type { Doc as ReliefPdfDocument };
