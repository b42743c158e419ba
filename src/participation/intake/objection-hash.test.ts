/**
 * Known-answer vectors for the receipt hash. Every expected value below was computed with
 * `sha256sum` over hand-written files (the manifest of docs/receipt-hash.md, or for version 1 the
 * JSON written out by hand), not with this code. A change of the format that would stop issued
 * receipts from verifying fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  receiptHashOfSent,
  receiptHashV1,
  receiptHashV2,
  receiptManifestV2,
} from './objection-hash.ts';

/** File contents of the vectors; their SHA-256 from `sha256sum`. */
const PDF = { sha256: '18292e79676b8f289cfb824a2234045fc82ce8666c9dd177ab7152e00ee78c70' }; // '%PDF-1.4\n% Gutachten\n%%EOF\n'
const PNG = { sha256: '4c4b6a3be1314ab86138bef4314dde022e600960d8689a2c8f8631802d20dab6' }; // '\x89PNG\r\n\x1a\n'
const JPG = { sha256: '6f18bea31ace0455d61ac9394b95b48b03747c26ba414b8bc1cac0f216187442' }; // '\xff\xd8\xff\xe0JFIF'

describe('receipt hash version 2: known answers', () => {
  const CRLF = '6dc1e6fbcad54dcc2a6941141e5fb247fcdcd2116f9f6b37cac5560fc34759ce';

  it('CRLF, lone CR and LF line endings give the same hash; empty attachment list', () => {
    assert.equal(receiptHashV2('Erste Zeile\r\nZweite Zeile\r\n', []), CRLF);
    assert.equal(receiptHashV2('Erste Zeile\rZweite Zeile\r', []), CRLF);
    assert.equal(receiptHashV2('Erste Zeile\nZweite Zeile\n', []), CRLF);
    assert.equal(receiptHashV2('Erste Zeile\r\rZweite Zeile', []) === CRLF, false);
  });

  it('the manifest is plain lines of hex, as documented', () => {
    assert.equal(
      receiptManifestV2('Erste Zeile\r\nZweite Zeile\r\n', []),
      'industrieland-einwendung-v2\ntext e7c4a9bdf235e5a51b0740cbdb879d0aeae0093f9df6f4b42bd62e5369c72554\n',
    );
  });

  it('leading and trailing whitespace is kept, not trimmed', () => {
    assert.equal(
      receiptHashV2('  Lärm in der Nacht. \t\n\n', []),
      '45129874f4616992a86b0840a757751bd4fc8059a102227d2e5f1189cded20a0',
    );
    assert.equal(
      receiptHashV2('Lärm in der Nacht.', []),
      '0116b04cb280b3928b0b2290649318a3d14b4f1e4324293647327ba88a671027',
    );
  });

  it('umlauts and ß as UTF-8; combining characters are not normalised', () => {
    assert.equal(
      receiptHashV2('Äußerst störend – Straße\n', []),
      '77ee3d5adfb6811c2a7ee721394f6c5067407e066f7a549c2fac948273f5bba5',
    );
    assert.equal(
      receiptHashV2('M\u00e4dchen', []),
      'd589606ee9bac193fd6f3a5e1985e8a21b9ffa2c661bc5d58118176c9e436e84',
    );
    assert.equal(
      receiptHashV2('Ma\u0308dchen', []),
      'f30405e7ebc983d4c9c4512125eca79ca0ac34cd0ac16fbb2b51b0daf5c6f96d',
    );
  });

  it('several attachments with odd names, as sent and in the order sent', () => {
    const attachments = [
      { name: 'Gutachten (final) – Lärm.pdf', ...PDF },
      { name: '../x\\y.png', ...PNG },
      { name: ' a"b<c>|?.jpg ', ...JPG },
      { name: 'Ma\u0308dchen.pdf', ...PDF },
    ];
    assert.equal(
      receiptHashV2('Siehe Anhänge.', attachments),
      'bc94715c74b658f6dc6f3c42c3980aec05df871caa0980624e6d4842871fdb06',
    );
    const [first, second, ...rest] = attachments;
    assert.equal(
      receiptHashV2('Siehe Anhänge.', [second!, first!, ...rest]),
      '9f6c04bedf0ac56ef1d80d6b3bbca1ce5bb54718deb0f175a87d3ad64350e385',
    );
    assert.equal(
      receiptHashOfSent(2, 'Siehe Anhänge.', attachments),
      receiptHashV2('Siehe Anhänge.', attachments),
    );
  });
});

describe('receipt hash version 1 (receipts issued before): known answers', () => {
  it('over the trimmed text and cleaned names, as stored receipts were computed', () => {
    const expected = 'd480226548c5aa56e5fbbfe24106c3460ee114945bb3ff53f5de5eaab835f47a';
    assert.equal(receiptHashV1('Lärm\nnachts', [{ name: 'a_b.pdf', ...PDF }]), expected);
    assert.equal(
      receiptHashOfSent(1, '  Lärm\r\nnachts  ', [{ name: 'dir/a:b.pdf', ...PDF }]),
      expected,
    );
    assert.equal(
      receiptHashOfSent(1, 'Erste Zeile\r\nZweite Zeile\r\n', []),
      '6199085ad9928831c4184732fd54b59c4a57ea46288e31addd859859c91b53b9',
    );
  });
});

describe('docs/receipt-hash.md: the worked examples are what the code computes', () => {
  const guide = readFileSync(
    path.resolve(import.meta.dirname, '../../../docs/receipt-hash.md'),
    'utf8',
  );

  it('version 2: text with CRLF and one attachment', () => {
    const documented = /Prüfsumme = ([0-9a-f]{64})/.exec(guide)?.[1];
    assert.equal(documented, '5c909e0e2b671c36dc42fffbe642e9ddbe293d6f364ce98194537b8fd83eb199');
    assert.equal(
      receiptHashV2('Ich erhebe Einwendungen gegen den Lärm.\r\n', [
        { name: 'Gutachten Lärm.pdf', ...PDF },
      ]),
      documented,
    );
  });

  it('version 1: two lines, no attachments', () => {
    assert.ok(guide.includes('6199085ad9928831c4184732fd54b59c4a57ea46288e31addd859859c91b53b9'));
  });
});
