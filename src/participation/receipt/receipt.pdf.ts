import { MARGIN, createPdf, finishWithPageNumbers } from '../notice/pdf-layout.ts';
import type { PdfOptions } from '../notice/pdf-layout.ts';
import type { ReceiptHashVersion } from '../intake/objection-hash.ts';
import { receiptHashCovers, receiptHashHowToCheck } from './receipt-hash.text.ts';

/**
 * The receipt (Eingangsbestätigung) for an objection. It proves what arrived and when: the
 * SHA-256 lets the objector check later that the stored text and attachments are unchanged.
 * Deliberately without name, address or e-mail: the receipt may be forwarded or printed, and
 * the objector's identity is not needed to prove the receipt.
 */
export interface ObjectionReceipt {
  reference: string;
  receivedAt: Date;
  sha256: string;
  hashVersion: ReceiptHashVersion;
  procedureReference: string;
  procedureTitle: string;
  authorityName: string;
  late: boolean;
  statusUrl: string;
  /** The portal's public address: the guide to the receipt hash is found there. */
  publicUrl: string;
  attachments: { name: string; sha256: string; size: number }[];
}

const berlinTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** '24.11.2026, 14:03:12 Uhr' in German legal time: deadlines end at 24:00 local time. */
export function formatBerlinTime(date: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    berlinTime.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')}, ${part('hour')}:${part('minute')}:${part('second')} Uhr`;
}

/** 64 hex digits in groups of 8, two lines of four: fits the page and is easy to compare aloud. */
export function hashLines(hex: string): string[] {
  const groups = hex.toLowerCase().match(/.{1,8}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join(' '));
  return lines;
}

const sizeFormat = new Intl.NumberFormat('de-DE');

export function renderReceiptPdf(
  receipt: ObjectionReceipt,
  now: Date,
  options: PdfOptions = {},
): Promise<Buffer> {
  const { pdf, done } = createPdf(
    { title: `Eingangsbestätigung ${receipt.reference}`, author: receipt.authorityName, now },
    options,
  );
  const heading = (text: string): void => {
    pdf.moveDown(0.75).font('Helvetica-Bold').fontSize(11).fillColor('black').text(text);
    pdf.font('Helvetica').fontSize(10);
  };
  const hash = (hex: string, indent = 0): void => {
    pdf.font('Courier').fontSize(10);
    for (const line of hashLines(hex)) pdf.text(line, MARGIN + indent);
    pdf.font('Helvetica');
    pdf.x = MARGIN;
  };

  pdf.font('Helvetica').fontSize(10).text(receipt.authorityName);
  pdf.moveDown(1.5).font('Helvetica-Bold').fontSize(16).text('Eingangsbestätigung');
  pdf.font('Helvetica').fontSize(11).text('für Ihre Einwendung');
  pdf.moveDown().fontSize(10);
  pdf.text(`Eingangsnummer: ${receipt.reference}`);
  pdf.text(`Eingegangen am: ${formatBerlinTime(receipt.receivedAt)}`);
  pdf.text(`Verfahren: ${receipt.procedureTitle}`);
  pdf.text(`Aktenzeichen des Verfahrens: ${receipt.procedureReference}`);

  if (receipt.late) {
    // § 10 Abs. 3 S. 9 BImSchG: formal preclusion; the objection is kept in the file anyway.
    pdf.moveDown().font('Helvetica-Bold').fillColor('#a00000');
    pdf.text('Hinweis: Ihre Einwendung ist nach Ablauf der Einwendungsfrist eingegangen.');
    pdf.font('Helvetica').fillColor('black');
    pdf.text(
      'Verspätete Einwendungen sind für das Genehmigungsverfahren ausgeschlossen (§ 10 Abs. 3 Satz 9 BImSchG). Ihre Einwendung wurde dennoch gespeichert.',
    );
  }

  heading(`Prüfsumme (SHA-256, Prüfverfahren Version ${receipt.hashVersion})`);
  hash(receipt.sha256);
  pdf.text(receiptHashCovers(receipt.hashVersion));
  pdf.text(receiptHashHowToCheck(receipt.publicUrl));

  heading('Anhänge');
  if (receipt.attachments.length === 0) pdf.text('Keine Anhänge.');
  receipt.attachments.forEach((a, i) => {
    pdf.text(`${i + 1}. ${a.name} (${sizeFormat.format(a.size)} Byte)`);
    hash(a.sha256, 14);
  });

  heading('Stand Ihrer Einwendung');
  pdf.text('Unter diesem persönlichen Link können Sie den Stand Ihrer Einwendung abrufen:');
  pdf.fillColor('#1d4f91').text(receipt.statusUrl, { link: receipt.statusUrl, underline: true });
  pdf.fillColor('black').text('Bitte geben Sie den Link nicht weiter.');

  finishWithPageNumbers(pdf);
  return done;
}
