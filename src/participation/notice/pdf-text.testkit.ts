/**
 * Test helpers that read an uncompressed pdfkit PDF (compress: false): the text shown by the
 * TJ operators, and the page count. Enough to assert on content without a PDF parser.
 */

// WinAnsiEncoding differs from Latin-1 only in 0x80–0x9F; these are the ones German text uses.
const WIN_ANSI: Record<number, string> = {
  0x80: '€',
  0x84: '„',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x96: '–',
  0x97: '—',
};

function decodeHex(hex: string): string {
  let text = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    text += WIN_ANSI[code] ?? String.fromCharCode(code);
  }
  return text;
}

/** All shown text, one PDF text line per line of output. */
export function pdfTextLines(pdf: Buffer): string[] {
  const lines: string[] = [];
  for (const line of pdf.toString('latin1').split('\n')) {
    if (!line.endsWith('] TJ')) continue;
    const hexes = [...line.matchAll(/<([0-9a-f]*)>/g)].map((m) => decodeHex(m[1] ?? ''));
    lines.push(hexes.join(''));
  }
  return lines;
}

/** Text with wrapped lines joined by one space, for assertions on whole sentences. */
export function pdfText(pdf: Buffer): string {
  return pdfTextLines(pdf).join(' ').replace(/\s+/g, ' ');
}

export function pdfPageCount(pdf: Buffer): number {
  return [...pdf.toString('latin1').matchAll(/\/Type \/Page\b(?!s)/g)].length;
}
