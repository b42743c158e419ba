import type { ReceiptHashVersion } from '../intake/objection-hash.ts';

/** Where the portal explains the receipt hash step by step (docs/receipt-hash.md). */
export const RECEIPT_HASH_GUIDE_PATH = 'pruefsumme';

/**
 * What the receipt hash covers, in one statement used by the receipt page, the PDF and the mail,
 * so that all three say the same and say it truthfully for the version the objection was hashed
 * with (src/participation/intake/objection-hash.ts).
 */
export function receiptHashCovers(version: ReceiptHashVersion): string {
  switch (version) {
    case 2:
      return 'Prüfverfahren Version 2: SHA-256 über den Text Ihrer Einwendung genau so, wie er eingegangen ist (nur Zeilenumbrüche werden einheitlich als LF gezählt; Leerzeichen am Anfang und Ende, Umlaute und Sonderzeichen bleiben, wie sie sind), und über Namen (wie gesendet) und Inhalt jedes Anhangs in der gesendeten Reihenfolge.';
    case 1:
      return 'Prüfverfahren Version 1: SHA-256 über den Text Ihrer Einwendung nach Vereinheitlichung der Zeilenumbrüche und ohne Leerraum am Anfang und Ende, und über die bereinigten Dateinamen und den Inhalt der Anhänge.';
  }
}

/** The sentence after it: how to check, and that a later change would show. */
export function receiptHashHowToCheck(publicUrl: string): string {
  return `Jede spätere Änderung ergäbe eine andere Prüfsumme. Nachrechnen können Sie sie ohne unsere Software, Schritt für Schritt beschrieben unter ${publicUrl}${RECEIPT_HASH_GUIDE_PATH}, oder mit „npx industrieland receipts verify“.`;
}

/** The receipt hash as the OpenAPI document describes it (objection and receipt endpoints). */
export const RECEIPT_HASH_API_DESCRIPTION = [
  '`sha256` ist die Prüfsumme der Eingangsbestätigung, `hashVersion` das Prüfverfahren, mit dem sie berechnet wurde (docs/receipt-hash.md, im Portal unter /pruefsumme).',
  'Version 2 (seit Dezember 2026): SHA-256 über die UTF-8-Zeilen',
  '`industrieland-einwendung-v2`, `text <SHA-256 des Texts>` und je Anhang in der gesendeten Reihenfolge `anhang <SHA-256 des Dateinamens> <SHA-256 des Dateiinhalts>`, jede Zeile mit LF abgeschlossen, Hashes als 64 Kleinbuchstaben-Hex.',
  'Der Text zählt genau so, wie er im Feld `text` gesendet wurde; einzige Änderung: CRLF und einzelnes CR werden zu LF. Kein Kürzen von Leerraum, keine Unicode-Normalisierung. Der Dateiname zählt genau so, wie er im Feld `filename` gesendet wurde (UTF-8), der Inhalt als die dekodierten Bytes.',
  'Version 1 (ältere Einwendungen): SHA-256 über das JSON `{"attachments":[{"filename":…,"sha256":…}],"text":…}` mit sortierten Schlüsseln ohne Leerzeichen, Text mit CRLF→LF und ohne Leerraum am Anfang und Ende, Dateinamen bereinigt.',
  'Nachrechnen: `npx industrieland receipts verify <datei> --sha256 <hex>`.',
].join(' ');
