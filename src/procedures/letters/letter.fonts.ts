/** The letters' fonts (DejaVu Sans, embedded in every PDF), parsed once per process. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type PdfFontSource = Buffer;

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/LICENSE')), 'ttf');
export const FONT_REGULAR = path.join(FONT_DIR, 'DejaVuSans.ttf');
export const FONT_BOLD = path.join(FONT_DIR, 'DejaVuSans-Bold.ttf');

/**
 * The two fonts, parsed once per process by pdfkit's own font engine (fontkit, resolved from
 * pdfkit's dependencies): parsing a TrueType file and decoding its glyph metrics costs more than
 * laying out a long letter, and every letter embeds its own subset of the same parsed font.
 */
type ParsedFont = { layout: unknown };
let parsedFonts: { regular: ParsedFont; bold: ParsedFont } | undefined;
export function fonts(): { regular: PdfFontSource; bold: PdfFontSource } {
  if (!parsedFonts) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
      create(bytes: Uint8Array): ParsedFont;
    };
    parsedFonts = {
      regular: fontkit.create(readFileSync(FONT_REGULAR)),
      bold: fontkit.create(readFileSync(FONT_BOLD)),
    };
  }
  // pdfkit takes a parsed font where it takes a file (its font factory checks for `layout`).
  return parsedFonts as unknown as { regular: PdfFontSource; bold: PdfFontSource };
}
