import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdfPageCount, pdfText, pdfTextLines } from '../notice/pdf-text.testkit.ts';
import { formatBerlinTime, hashLines, renderReceiptPdf } from './receipt.pdf.ts';
import type { ObjectionReceipt } from './receipt.pdf.ts';

const sha = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const receipt: ObjectionReceipt = {
  reference: 'E-2026-000123',
  receivedAt: new Date('2026-11-24T13:03:12Z'),
  sha256: sha,
  hashVersion: 2,
  procedureReference: '63.2-0815/26',
  procedureTitle: 'Windpark Südfeld',
  authorityName: 'Kreis Borken',
  late: false,
  statusUrl: 'https://industrieland.example/einwendungen/status/abc123',
  publicUrl: 'https://industrieland.example/',
  attachments: [{ name: 'Fotos.pdf', sha256: 'ab'.repeat(32), size: 1234567 }],
};
const now = new Date('2026-11-24T13:03:13Z');

describe('renderReceiptPdf', () => {
  it('shows reference, Berlin time, hash in groups, attachments and status link', async () => {
    const pdf = await renderReceiptPdf(receipt, now, { compress: false });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(pdfPageCount(pdf), 1);
    const text = pdfText(pdf);
    assert.ok(text.includes('Eingangsbestätigung'));
    assert.ok(text.includes('Eingangsnummer: E-2026-000123'));
    assert.ok(text.includes('Eingegangen am: 24.11.2026, 14:03:12 Uhr'));
    assert.ok(text.includes('Aktenzeichen des Verfahrens: 63.2-0815/26'));
    const lines = pdfTextLines(pdf);
    assert.ok(lines.includes('9f86d081 884c7d65 9a2feaa0 c55ad015'));
    assert.ok(lines.includes('a3bf4f1b 2b0b822c d15d6c15 b0f00a08'));
    assert.ok(text.includes('Prüfsumme (SHA-256, Prüfverfahren Version 2)'));
    assert.ok(text.includes('genau so, wie er eingegangen ist'));
    assert.ok(text.includes('https://industrieland.example/pruefsumme'));
    assert.ok(text.includes('1. Fotos.pdf (1.234.567 Byte)'));
    assert.ok(text.includes('https://industrieland.example/einwendungen/status/abc123'));
    assert.ok(!text.includes('Einwendungsfrist'));
    assert.ok(text.includes('Seite 1 von 1'));
  });

  it('says truthfully what a version 1 hash covers: trimmed text, cleaned file names', async () => {
    const text = pdfText(
      await renderReceiptPdf({ ...receipt, hashVersion: 1 }, now, { compress: false }),
    );
    assert.ok(text.includes('Prüfverfahren Version 1'));
    assert.ok(text.includes('ohne Leerraum am Anfang und Ende'));
    assert.ok(!text.includes('genau so, wie er eingegangen ist'));
  });

  it('warns clearly when the objection arrived after the period', async () => {
    const text = pdfText(
      await renderReceiptPdf({ ...receipt, late: true }, now, { compress: false }),
    );
    assert.ok(text.includes('nach Ablauf der Einwendungsfrist eingegangen'));
    assert.ok(text.includes('§ 10 Abs. 3 Satz 9 BImSchG'));
    assert.ok(text.includes('dennoch gespeichert'));
  });

  it('never prints personal data, even if a caller passes more than the type allows', async () => {
    const withPersonalData = {
      ...receipt,
      name: 'Erika Mustermann',
      address: 'Heidestraße 17, 46359 Heiden',
      email: 'erika@example.org',
    };
    const pdf = await renderReceiptPdf(withPersonalData, now, { compress: false });
    const raw = pdf.toString('latin1');
    for (const secret of ['Mustermann', 'Heidestra', 'erika@']) {
      assert.ok(!pdfText(pdf).includes(secret) && !raw.includes(secret), secret);
    }
  });

  it('is reproducible and compressed by default', async () => {
    const a = await renderReceiptPdf(receipt, now);
    const b = await renderReceiptPdf(receipt, now);
    assert.ok(a.equals(b));
    assert.ok(a.length > 500);
  });
});

describe('receipt helpers', () => {
  it('formats the time of receipt in Europe/Berlin, summer and winter', () => {
    assert.equal(formatBerlinTime(new Date('2026-11-24T13:03:12Z')), '24.11.2026, 14:03:12 Uhr');
    assert.equal(formatBerlinTime(new Date('2026-07-01T22:00:05Z')), '02.07.2026, 00:00:05 Uhr');
  });

  it('splits a SHA-256 into two lines of four groups', () => {
    assert.deepEqual(hashLines(sha.toUpperCase()), [
      '9f86d081 884c7d65 9a2feaa0 c55ad015',
      'a3bf4f1b 2b0b822c d15d6c15 b0f00a08',
    ]);
  });
});
