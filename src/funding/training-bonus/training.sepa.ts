import { readFileSync } from 'node:fs';
import SEPA from 'sepa';
import type * as LibxmlModule from 'libxml2-wasm';
import type { XmlDocument, XsdValidator } from 'libxml2-wasm';

/**
 * The SEPA credit transfer file (ISO 20022 pain.001.001.09) of a payment run, written with the
 * maintained `sepa` library and validated against the ISO 20022 schema with libxml2 (compiled to
 * WebAssembly). The library does not ship the schema; data/sepa/pain.001.001.09.xsd is the
 * published ISO 20022 message definition. Amounts are integer cents everywhere; the library takes
 * euros as numbers, so every amount and the control sums are compared with the cents afterwards.
 * [open] The German banks' profile (DFÜ-Abkommen Anlage 3) may restrict the character set of
 * names; the schema allows any. Umlauts are passed on as stated.
 */
export const PAIN_FORMAT = 'pain.001.001.09';
const XSD_URL = new URL('../../../data/sepa/pain.001.001.09.xsd', import.meta.url);

export interface Transfer {
  endToEndId: string;
  creditorName: string;
  iban: string;
  bic: string | null;
  amountCents: number;
  remittance: string;
}

export interface PaymentFile {
  messageId: string;
  created: Date;
  executionDate: string;
  debtor: { name: string; iban: string; bic: string };
  transfers: readonly Transfer[];
}

export function formatCents(cents: number | bigint): string {
  const value = BigInt(cents);
  const euros = value / 100n;
  const rest = value % 100n;
  return `${euros}.${rest.toString().padStart(2, '0')}`;
}

let validator: XsdValidator | undefined;
type Libxml = typeof LibxmlModule;
let libxml: Promise<Libxml> | undefined;

/**
 * libxml2 is loaded on the first validation, not with the portal: its wasm module takes about
 * 130 MB of memory, which every process would otherwise carry although only payment runs need it
 * (bench/README.md, export of the funding applications).
 */
function loadLibxml(): Promise<Libxml> {
  libxml ??= import('libxml2-wasm');
  return libxml;
}

/** The schema is parsed once per process and kept (libxml2 objects live in wasm memory). */
function schema(lib: Libxml): XsdValidator {
  if (!validator) {
    const xsd = lib.XmlDocument.fromString(readFileSync(XSD_URL, 'utf8'));
    try {
      validator = lib.XsdValidator.fromDoc(xsd);
    } finally {
      xsd.dispose();
    }
  }
  return validator;
}

/** Schema errors of a pain.001.001.09 document; empty when it is valid. */
export async function validatePain001(xml: string): Promise<string[]> {
  const lib = await loadLibxml();
  let doc: XmlDocument;
  try {
    doc = lib.XmlDocument.fromString(xml);
  } catch (error) {
    return [`XML nicht lesbar: ${error instanceof Error ? error.message : String(error)}`];
  }
  try {
    schema(lib).validate(doc);
    return [];
  } catch (error) {
    const details = (error as { details?: { message: string; line?: number }[] }).details;
    if (details && details.length > 0)
      return details.map((d) => `${d.line ? `Zeile ${d.line}: ` : ''}${d.message.trim()}`);
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    doc.dispose();
  }
}

/** Builds the file; throws when a figure does not survive the library to the cent. */
export function buildPain001(file: PaymentFile): string {
  const doc = new SEPA.Document(PAIN_FORMAT);
  doc.grpHdr.id = file.messageId;
  doc.grpHdr.created = file.created;
  doc.grpHdr.initiatorName = file.debtor.name;
  const info = doc.createPaymentInfo();
  info.requestedExecutionDate = new Date(`${file.executionDate}T12:00:00Z`);
  info.debtorIBAN = file.debtor.iban;
  info.debtorBIC = file.debtor.bic;
  info.debtorName = file.debtor.name;
  doc.addPaymentInfo(info);
  let total = 0n;
  for (const t of file.transfers) {
    const tx = info.createTransaction();
    tx.creditorName = t.creditorName;
    tx.creditorIBAN = t.iban;
    if (t.bic) tx.creditorBIC = t.bic;
    tx.amount = t.amountCents / 100;
    tx.remittanceInfo = t.remittance;
    tx.end2endId = t.endToEndId;
    info.addTransaction(tx);
    total += BigInt(t.amountCents);
  }
  const xml = doc.toString();
  const sums = [...xml.matchAll(/<CtrlSum>([0-9.]+)<\/CtrlSum>/g)].map((m) => m[1]);
  if (sums.length !== 2 || sums.some((s) => s !== formatCents(total)))
    throw new Error(`Kontrollsumme ${sums.join('/')} weicht von ${formatCents(total)} ab.`);
  return xml;
}
