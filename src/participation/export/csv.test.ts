import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { csvRow, safeCell, UTF8_BOM } from './csv.ts';

/** Minimal RFC 4180 reader for exactly one CRLF-terminated record, strict about quoting. */
function parseRecord(text: string): string[] {
  assert.ok(text.endsWith('\r\n'), 'record ends with CRLF');
  const body = text.slice(0, -2);
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (body[i] === '"') {
      for (i++; ; i++) {
        assert.ok(i < body.length, 'closing quote');
        if (body[i] === '"' && body[i + 1] === '"') {
          field += '"';
          i++;
        } else if (body[i] === '"') break;
        else field += body[i];
      }
      i++;
    } else {
      while (i < body.length && body[i] !== ',') {
        assert.ok(!/["\r\n]/.test(body[i]!), 'no quote or line break in an unquoted field');
        field += body[i++];
      }
    }
    fields.push(field);
    if (i === body.length) return fields;
    assert.equal(body[i], ',', 'separator after a field');
    i++;
  }
}

describe('csvRow', () => {
  it('writes RFC 4180 with comma, CRLF and doubled quotes', () => {
    assert.equal(
      csvRow(['a', 'b c', 'x,y', 'er sagte "nein"']),
      'a,b c,"x,y","er sagte ""nein"""\r\n',
    );
    assert.equal(csvRow(['Zeile 1\nZeile 2', 'a\r\nb']), '"Zeile 1\nZeile 2","a\r\nb"\r\n');
  });

  it('formats numbers, booleans, null and dates', () => {
    const date = new Date('2026-03-14T08:30:00Z');
    assert.equal(
      csvRow([42, -1.5, true, false, null, date]),
      '42,-1.5,true,false,,2026-03-14T08:30:00.000Z\r\n',
    );
  });

  it('keeps a single empty field and an empty record distinguishable', () => {
    assert.equal(csvRow(['']), '""\r\n');
    assert.equal(csvRow([null, null]), ',\r\n');
    assert.equal(csvRow([]), '\r\n');
  });

  it('neutralises formulas in strings only', () => {
    assert.equal(
      csvRow(['=1+1', '+49 201', '-x', '@SUM(A1)', 'ok', -3]),
      "'=1+1,'+49 201,'-x,'@SUM(A1),ok,-3\r\n",
    );
    assert.equal(csvRow(['\t=1', '\r=1']), '\'\t=1,"\'\r=1"\r\n');
    assert.equal(csvRow(['=HYPERLINK("http://x","y")']), '"\'=HYPERLINK(""http://x"",""y"")"\r\n');
    assert.equal(safeCell('Einwendung = Widerspruch'), 'Einwendung = Widerspruch');
  });

  it('exports the UTF-8 byte order mark', () => {
    assert.equal(UTF8_BOM, '\uFEFF');
    assert.deepEqual([...Buffer.from(UTF8_BOM, 'utf8')], [0xef, 0xbb, 0xbf]);
  });

  it('round-trips arbitrary strings through an RFC 4180 reader, modulo the apostrophe', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({
        unit: fc.constantFrom('"', ',', '\r', '\n', '=', '+', '-', '@', '\t', 'ä', '😀', 'a'),
      }),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (values) => {
        const parsed = parseRecord(csvRow(values));
        assert.equal(parsed.length, values.length);
        parsed.forEach((field, index) => {
          const original = values[index]!;
          if (field === original) assert.ok(!/^[=+\-@\t\r]/.test(original), 'formula not escaped');
          else assert.equal(field, `'${original}`);
        });
      }),
      { numRuns: 500 },
    );
  });
});
