import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applicationInput } from './notice.fixtures.ts';
import { applicationNotice } from './notice-content.ts';
import { renderNoticePdf } from './notice.pdf.ts';
import { pdfPageCount, pdfText } from './pdf-text.testkit.ts';

const now = new Date('2027-01-20T08:00:00Z');
const input = applicationInput({ eiaRequired: true });
const content = applicationNotice(input);
const meta = {
  authorityName: input.authorityName,
  reference: input.reference,
  noticeDate: input.noticeDate,
  url: 'https://industrieland.example/bekanntmachungen/63-2-0815-26',
};

describe('renderNoticePdf', () => {
  it('renders an A4 PDF with title, sections, citations and page numbers', async () => {
    const pdf = await renderNoticePdf(content, meta, now, { compress: false });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);
    const pages = pdfPageCount(pdf);
    assert.ok(pages >= 2 && pages <= 6, `unexpected page count ${pages}`);
    const text = pdfText(pdf);
    assert.ok(text.includes('Aktenzeichen: 63.2-0815/26'));
    assert.ok(text.includes('Datum: Mittwoch, 20. Januar 2027'));
    assert.ok(text.includes('Weitergabe der Einwendungen'));
    assert.ok(text.includes('Rechtsgrundlage: § 12 Abs. 2 9. BImSchV'));
    assert.ok(text.includes('So wurden die Fristen berechnet'));
    for (let page = 1; page <= pages; page++) {
      assert.ok(text.includes(`Seite ${page} von ${pages}`), `footer of page ${page}`);
    }
  });

  it('is reproducible for the same input and time', async () => {
    const a = await renderNoticePdf(content, meta, now);
    const b = await renderNoticePdf(content, meta, now);
    assert.ok(a.length > 1000);
    assert.ok(a.equals(b));
  });

  it('compresses by default', async () => {
    const compressed = await renderNoticePdf(content, meta, now);
    const plain = await renderNoticePdf(content, meta, now, { compress: false });
    assert.ok(compressed.length < plain.length);
    assert.match(compressed.toString('latin1'), /\/FlateDecode/);
  });
});
