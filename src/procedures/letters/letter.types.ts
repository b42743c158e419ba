/**
 * A letter's content as structured blocks, produced from the case by a content builder (permits/,
 * later funding/) and rendered by the generic letter renderer (letter.pdf.ts) into a PDF/A with
 * the authority's letterhead. The builder never draws; the renderer never knows the procedure.
 */
export type LetterKind =
  | 'receipt' // Eingangsbestätigung
  | 'missing-documents' // Nachforderung von Unterlagen
  | 'completeness' // Bestätigung der Vollständigkeit mit Zeitplan
  | 'hearing' // Anhörung vor einer belastenden Entscheidung (§ 28 VwVfG)
  | 'decision' // Genehmigungsbescheid / Zuwendungsbescheid
  | 'refusal' // Ablehnung in der Sache
  | 'rejection' // Ablehnung wegen unvollständiger Unterlagen
  | 'revocation'; // Widerruf und Erstattung (§§ 49, 49a VwVfG), e.g. of a grant

export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Numbered (1., 2., …) or bulleted list; each item may span paragraphs separated by "\n\n" */
  | { kind: 'list'; ordered: boolean; items: string[] }
  /**
   * A table; `widths` are relative column widths (e.g. [1, 3, 1]), equal when missing. The
   * header row is repeated on every page the table continues on.
   */
  | { kind: 'table'; columns: string[]; rows: string[][]; caption?: string; widths?: number[] }
  /** Space the renderer keeps together with the following block */
  | { kind: 'keep-with-next' };

export interface LetterAddressee {
  name: string;
  /** Lines below the name: contact person, street, "PLZ Ort" */
  lines: string[];
}

export interface LetterContent {
  kind: LetterKind;
  /** Bold subject line ("Betreff"), e.g. "Genehmigung nach § 4 BImSchG – Windpark Sintfeld" */
  subject: string;
  /** The applicant's reference or date of the application, shown under the subject */
  references: { label: string; value: string }[];
  addressee: LetterAddressee;
  /** Salutation, e.g. "Sehr geehrte Damen und Herren," */
  salutation: string;
  blocks: LetterBlock[];
  /** Closing formula before the signature, e.g. "Mit freundlichen Grüßen" */
  closing: string;
}
