import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { pdfInfo, pdfPages } from '../../../test/helpers/pdf-text-embedded.ts';
import { contentFixture, PROFILE_FIXTURE } from './letter.fixtures.ts';
import { renderLetterPdf, type LetterRenderInput } from './letter.pdf.ts';

function input(overrides: Partial<LetterRenderInput> = {}): LetterRenderInput {
  return {
    content: contentFixture(),
    profile: PROFILE_FIXTURE,
    reference: '53.0042/2026-BImSchG',
    date: '2026-12-03',
    signatory: PROFILE_FIXTURE.signatories[0]!,
    contact: { name: 'Sabine Sachbearbeiterin', phone: '05251 308-4711', email: null },
    logo: null,
    ...overrides,
  };
}

/** A small RGBA PNG, built here so that the test needs no binary fixture. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width * 4 + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every stream of the PDF inflated (where compressed), to look at fonts and metadata. */
function pdfObjects(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [raw];
  let from = 0;
  for (;;) {
    const start = raw.indexOf('>>\nstream\n', from);
    if (start < 0) break;
    const end = raw.indexOf('\nendstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(pdf.subarray(start + 10, end)).toString('latin1'));
    } catch {
      // not compressed: already in `raw`
    }
    from = end + 1;
  }
  return parts.join('\n');
}

describe('letter PDF', () => {
  it('shows letterhead, return line, addressee, info block, subject, signatory and page numbers', async () => {
    const pages = await pdfPages(await renderLetterPdf(input()));
    const first = pages[0]!.replace(/\s+/g, ' ');
    for (const expected of [
      'Kreis Paderborn',
      'Untere Immissionsschutzbehörde',
      'Kreis Paderborn · Aldegreverstraße 10–14 · 33102 Paderborn',
      'Windpark Sintfeld GmbH & Co. KG',
      'Hauptstraße 1',
      '33165 Lichtenau',
      'Aktenzeichen 53.0042/2026-BImSchG',
      'Auskunft erteilt Sabine Sachbearbeiterin',
      'Telefon 05251 308-4711',
      'Datum 03.12.2026',
      'Genehmigung nach § 4 BImSchG – Windpark Sintfeld',
      'Ihr Antrag vom: 02.11.2026',
      'Sehr geehrte Damen und Herren,',
      'IBAN DE12 4765 0130 0000 0123 45',
      'Mo–Do 8:30–15:30 Uhr',
    ]) {
      assert.ok(first.includes(expected), `Seite 1 enthält „${expected}“:\n${first}`);
    }
    const all = pages.join('\n').replace(/\s+/g, ' ');
    assert.match(
      all,
      /Mit freundlichen Grüßen Im Auftrag Dr\. Petra Zeichner Leiterin der Unteren/,
    );
    pages.forEach((page, i) =>
      assert.match(page, new RegExp(`Seite ${i + 1} von ${pages.length}`), `Seite ${i + 1}`),
    );
  });

  it('is PDF/A-2b: XMP identification, embedded fonts only, output intent, language', async () => {
    const pdf = await renderLetterPdf(input());
    const objects = pdfObjects(pdf);
    assert.match(objects, /<pdfaid:part>2<\/pdfaid:part>/);
    assert.match(objects, /<pdfaid:conformance>B<\/pdfaid:conformance>/);
    assert.match(objects, /\/OutputIntents/);
    assert.match(objects, /\/Lang \(de-DE\)/);
    assert.match(objects, /\/StructTreeRoot/);
    const fonts = [...objects.matchAll(/\/BaseFont \/([A-Za-z0-9+-]+)/g)].map((m) => m[1]!);
    assert.ok(fonts.length > 0);
    for (const font of fonts) assert.match(font, /^[A-Z]{6}\+DejaVuSans(-Bold)?$/, font);
    assert.equal((objects.match(/\/FontFile2/g) ?? []).length, 2, 'beide Schriften eingebettet');
    assert.doesNotMatch(objects, /\/Subtype \/Type1/, 'keine nicht eingebettete Standardschrift');
    assert.doesNotMatch(objects, /Helvetica|Times-Roman|Courier/);
    const { info } = await pdfInfo(pdf);
    assert.equal(info.Author, 'Kreis Paderborn');
    assert.equal(
      info.Title,
      'Genehmigung nach § 4 BImSchG – Windpark Sintfeld – 53.0042/2026-BImSchG',
    );
    assert.match(String(info.CreationDate), /^D:20261203/);
  });

  it('is deterministic: same input, same bytes; other content, other document ID', async () => {
    const a = await renderLetterPdf(input());
    const b = await renderLetterPdf(input());
    assert.ok(a.equals(b), 'gleiche Eingabe, gleiche Bytes');
    const other = await renderLetterPdf(
      input({ content: { ...contentFixture(), subject: 'Anderer Betreff' } }),
    );
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString('latin1'))?.[1];
    assert.notEqual(id(a), id(other));
    const otherDay = await renderLetterPdf(input({ date: '2026-12-04' }));
    assert.ok(!a.equals(otherDay));
  });

  it('repeats the table header on every page a table continues on; lists keep their numbers', async () => {
    const pages = await pdfPages(
      await renderLetterPdf(input({ content: contentFixture({ documents: 45, conditions: 3 }) })),
    );
    const withRows = pages.filter((p) => /Unterlage \d+:/.test(p));
    assert.ok(withRows.length >= 2, 'die Tabelle läuft über mehrere Seiten');
    for (const page of withRows) assert.match(page, /Nr\.\s*Unterlage\s*Stand/);
    assert.match(pages.join('\n'), /3\.\s*Nebenbestimmung 3:/);
  });

  it('draws a PNG logo; an SVG logo leaves the authority name alone in the letterhead', async () => {
    const withPng = pdfObjects(
      await renderLetterPdf(input({ logo: { bytes: png(40, 20), mediaType: 'image/png' } })),
    );
    assert.match(withPng, /\/Subtype \/Image/);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const withSvg = await renderLetterPdf(
      input({ logo: { bytes: svg, mediaType: 'image/svg+xml' } }),
    );
    assert.doesNotMatch(pdfObjects(withSvg), /\/Subtype \/Image/);
    assert.match((await pdfPages(withSvg))[0]!, /Kreis Paderborn/);
  });

  it('renders a 25-turbine decision with 60 conditions and 40 documents, and 40+ pages, quickly', async () => {
    await renderLetterPdf(input()); // warm up the parsed fonts
    let started = performance.now();
    await renderLetterPdf(input({ content: contentFixture({ conditions: 60, documents: 40 }) }));
    const decisionMs = performance.now() - started;
    started = performance.now();
    const long = await renderLetterPdf(
      input({ content: contentFixture({ conditions: 480, documents: 200 }) }),
    );
    const longMs = performance.now() - started;
    const { pages } = await pdfInfo(long);
    assert.ok(pages >= 40, `${pages} Seiten`);
    // Generous bounds for a shared test machine; the benchmark records the real figures.
    assert.ok(decisionMs < 5000, `Bescheid: ${Math.round(decisionMs)} ms`);
    assert.ok(longMs < 15000, `${pages} Seiten: ${Math.round(longMs)} ms`);
  });
});
