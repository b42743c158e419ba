/** Page geometry of the letter (DIN A4, DIN 5008 margins) and the writer of its body blocks. */
import type PDFDocument from 'pdfkit';
import type { LetterBlock } from './letter.types.ts';

export type Doc = InstanceType<typeof PDFDocument>;
export type Struct = ReturnType<Doc['struct']>;

export const MM = 72 / 25.4;
export const PAGE = { width: 210 * MM, height: 297 * MM };
// DIN 5008: left margin 25 mm, right at least 20 mm; room for the footer at the bottom.
export const MARGIN = { left: 25 * MM, right: 20 * MM, top: 22 * MM, bottom: 32 * MM };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const BODY_SIZE = 10.5;
export const SMALL = 7.5;
export const GREY = '#444444';

/** Writes the body blocks, keeping headings with what follows and repeating table headers. */
export class BlockWriter {
  private keepNext = false;

  constructor(
    private readonly pdf: Doc,
    private readonly root: Struct,
  ) {}

  /** Draws inside a structure element of the given type (marked content of the tag tree). */
  tagged(type: string, draw: () => void): void {
    this.root.add(this.pdf.struct(type, {}, draw));
  }

  get bottom(): number {
    return PAGE.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensureSpace(height: number): void {
    if (this.pdf.y + height > this.bottom) {
      this.pdf.addPage();
      this.pdf.y = MARGIN.top;
    }
    this.pdf.x = MARGIN.left;
  }

  block(block: LetterBlock): void {
    const keep = this.keepNext;
    this.keepNext = false;
    switch (block.kind) {
      case 'heading':
        // A heading never stands alone at the foot of a page: it needs three lines after it.
        this.ensureSpace(BODY_SIZE * 6);
        this.pdf.moveDown(0.4);
        this.tagged('H2', () => {
          this.pdf
            .font('bold')
            .fontSize(BODY_SIZE + 0.5)
            .fillColor('black');
          this.pdf.text(block.text, MARGIN.left, this.pdf.y, { width: CONTENT_WIDTH });
        });
        this.pdf.moveDown(0.3);
        return;
      case 'paragraph':
        if (keep) this.ensureSpace(BODY_SIZE * 5);
        this.paragraph(block.text);
        return;
      case 'list':
        this.list(block.ordered, block.items);
        return;
      case 'table':
        this.table(block);
        return;
      case 'keep-with-next':
        this.keepNext = true;
        return;
    }
  }

  paragraph(text: string): void {
    for (const part of text.split(/\n{2,}/)) {
      // Two lines at least on this page, so that no single line is left behind (orphan).
      this.ensureSpace(BODY_SIZE * 2.6);
      this.tagged('P', () => {
        this.pdf.font('regular').fontSize(BODY_SIZE).fillColor('black');
        this.pdf.text(part, MARGIN.left, this.pdf.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
      });
      this.pdf.moveDown(0.6);
    }
  }

  private list(ordered: boolean, items: string[]): void {
    const indent = ordered ? 8 * MM : 5 * MM;
    items.forEach((item, index) => {
      const label = ordered ? `${index + 1}.` : '•';
      item.split(/\n{2,}/).forEach((part, p) => {
        this.ensureSpace(BODY_SIZE * 2.6);
        const y = this.pdf.y;
        this.tagged(p === 0 ? 'LI' : 'P', () => {
          this.pdf.font('regular').fontSize(BODY_SIZE).fillColor('black');
          if (p === 0) this.pdf.text(label, MARGIN.left, y, { width: indent, lineBreak: false });
          this.pdf.text(part, MARGIN.left + indent, y, {
            width: CONTENT_WIDTH - indent,
            lineGap: 1.5,
          });
        });
        this.pdf.moveDown(0.35);
      });
    });
    this.pdf.moveDown(0.3);
  }

  private table(block: Extract<LetterBlock, { kind: 'table' }>): void {
    const pdf = this.pdf;
    const count = block.columns.length;
    const weights =
      block.widths?.length === count && block.widths.every((w) => w > 0)
        ? block.widths
        : block.columns.map(() => 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (w / total) * CONTENT_WIDTH);
    const pad = 3;
    const size = 9;
    const rowHeight = (cells: string[], font: 'regular' | 'bold') => {
      pdf.font(font).fontSize(size);
      return (
        Math.max(
          ...cells.map((cell, c) =>
            pdf.heightOfString(cell || ' ', { width: widths[c]! - 2 * pad }),
          ),
        ) +
        2 * pad
      );
    };
    const drawRow = (cells: string[], font: 'regular' | 'bold', height: number) => {
      const top = pdf.y;
      let x = MARGIN.left;
      if (font === 'bold') pdf.rect(MARGIN.left, top, CONTENT_WIDTH, height).fill('#e8e8e8');
      pdf.font(font).fontSize(size).fillColor('black');
      cells.forEach((cell, c) => {
        pdf.text(cell, x + pad, top + pad, { width: widths[c]! - 2 * pad, lineBreak: true });
        x += widths[c]!;
      });
      pdf.lineWidth(0.3).strokeColor('#999999');
      pdf
        .moveTo(MARGIN.left, top + height)
        .lineTo(MARGIN.left + CONTENT_WIDTH, top + height)
        .stroke();
      pdf.x = MARGIN.left;
      pdf.y = top + height;
    };
    const headerHeight = rowHeight(block.columns, 'bold');
    if (block.caption) {
      this.ensureSpace(BODY_SIZE * 2 + headerHeight * 2);
      this.tagged('Caption', () => {
        pdf.font('bold').fontSize(9).fillColor('black');
        pdf.text(block.caption!, MARGIN.left, pdf.y, { width: CONTENT_WIDTH });
      });
      pdf.moveDown(0.3);
    }
    this.tagged('Table', () => {
      this.ensureSpace(headerHeight * 2);
      drawRow(block.columns, 'bold', headerHeight);
      for (const row of block.rows) {
        const cells = block.columns.map((_, c) => row[c] ?? '');
        const height = rowHeight(cells, 'regular');
        if (pdf.y + height > this.bottom) {
          // The table continues on the next page under its repeated header row.
          pdf.addPage();
          pdf.y = MARGIN.top;
          drawRow(block.columns, 'bold', headerHeight);
        }
        drawRow(cells, 'regular', height);
      }
    });
    pdf.moveDown(0.8);
  }
}
