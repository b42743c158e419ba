/**
 * The SHA-256 on the receipt (Eingangsbestätigung) of an objection. It must be verifiable by the
 * objector or any third party from what was sent, without our code: docs/receipt-hash.md states
 * every step, docs/decisions/0006-receipt-hash.md says why it is this way. Each objection stores
 * the version it was hashed with; a version, once used on a receipt, never changes.
 *
 * Version 2 (current): a manifest of fixed-format lines, hashed as UTF-8:
 *   industrieland-einwendung-v2\n
 *   text <SHA-256 of the text as received, line endings CRLF/CR → LF>\n
 *   anhang <SHA-256 of the file name as sent> <SHA-256 of the file's bytes>\n   (one per file, in order)
 * Nothing else is changed: no trimming, no Unicode normalisation, names not cleaned.
 *
 * Version 1 (receipts before December 2026): canonical JSON of the trimmed text and the cleaned
 * file names. Kept so that stored receipts still verify.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../procedures/audit-hash.ts';

export type ReceiptHashVersion = 1 | 2;
export const CURRENT_RECEIPT_HASH_VERSION: ReceiptHashVersion = 2;

/** A file as sent: its name exactly as it arrived and the SHA-256 (hex) of its bytes. */
export interface SentAttachment {
  readonly name: string;
  readonly sha256: string;
}

const V2_HEADER = 'industrieland-einwendung-v2';

function sha256Hex(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Version 2, step 1: the only change to the text. Browsers send a textarea's line breaks as CRLF
 * (HTML form submission), editors on Windows write CRLF; the objector's own copy must still
 * verify, so every CRLF and every remaining lone CR becomes LF.
 */
export function receiptTextV2(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The version 2 manifest whose SHA-256 is the receipt hash (shown by the verification command). */
export function receiptManifestV2(text: string, attachments: readonly SentAttachment[]): string {
  const lines = [V2_HEADER, `text ${sha256Hex(receiptTextV2(text))}`];
  for (const a of attachments) lines.push(`anhang ${sha256Hex(a.name)} ${a.sha256.toLowerCase()}`);
  return lines.map((line) => `${line}\n`).join('');
}

export function receiptHashV2(text: string, attachments: readonly SentAttachment[]): string {
  return sha256Hex(receiptManifestV2(text, attachments));
}

/**
 * Version 1 over values already normalised as version 1 stored them (text trimmed, CRLF → LF;
 * names cleaned). Frozen: receipts issued with it must keep verifying.
 */
export function receiptHashV1(normalisedText: string, cleaned: readonly SentAttachment[]): string {
  const payload = canonicalJson({
    attachments: cleaned.map((a) => ({ filename: a.name, sha256: a.sha256 })),
    text: normalisedText,
  });
  return sha256Hex(payload);
}

/** Version 1's text rule: CRLF → LF, then JavaScript's String.prototype.trim(). */
export function receiptTextV1(text: string): string {
  return text.replaceAll('\r\n', '\n').trim();
}

/**
 * Version 1's file name rule, frozen here (the upload code may clean names differently later):
 * the part after the last / or \, control characters and "<>|*?: replaced by _, trimmed, cut to
 * 150 UTF-16 code units; empty, "." or ".." became "anhang".
 */
export function receiptFileNameV1(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '_')
    .trim()
    .slice(0, 150);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'anhang' : cleaned;
}

/** The receipt hash of a submission as the objector sent it, under the given version. */
export function receiptHashOfSent(
  version: ReceiptHashVersion,
  text: string,
  attachments: readonly SentAttachment[],
): string {
  switch (version) {
    case 1:
      return receiptHashV1(
        receiptTextV1(text),
        attachments.map((a) => ({ name: receiptFileNameV1(a.name), sha256: a.sha256 })),
      );
    case 2:
      return receiptHashV2(text, attachments);
  }
}

export function isReceiptHashVersion(value: unknown): value is ReceiptHashVersion {
  return value === 1 || value === 2;
}

/**
 * Text a third party can hash: a lone UTF-16 surrogate (possible in JSON as "\ud800") has no
 * UTF-8 form, so the receipt could not be recomputed outside this code. Intake refuses it.
 */
export function isWellFormedUnicode(value: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

export const UNHASHABLE_TEXT =
  'Der Text oder ein Dateiname enthält ungültige Zeichen (ein einzelnes UTF-16-Ersatzzeichen). Bitte senden Sie ihn als gültiges Unicode.';
