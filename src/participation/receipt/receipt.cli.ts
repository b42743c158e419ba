/**
 * `npx industrieland receipts verify <datei>`: recomputes the receipt hash of an objection from
 * what the objector sent (docs/receipt-hash.md) and says in one German line whether it matches
 * the receipt. Exit code 0 = matches, 1 = does not match, 2 = could not check. The database is
 * opened only for `--nummer` without `--portal`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/database.ts';
import {
  isReceiptHashVersion,
  receiptHashOfSent,
  receiptManifestV2,
  type ReceiptHashVersion,
  type SentAttachment,
} from '../intake/objection-hash.ts';
import { findReceiptByReference } from '../intake/receipt.queries.ts';

export type WithDatabase = (work: (db: Db) => Promise<void>) => Promise<void>;

export interface ReceiptsCliIo {
  out(line: string): void;
  err(line: string): void;
  fetch?: typeof fetch;
}

const USAGE =
  'Aufruf: npx industrieland receipts verify <datei.json|datei.txt> [--anhang <datei>]… (--sha256 <prüfsumme> [--version 1|2] | --nummer <EW-…> [--portal <https://…/>]) [--manifest]';

/** A refusal that reaches the user as one German line with exit code 2. */
class CannotCheck extends Error {}

interface Expected {
  sha256: string;
  /** Undefined: try version 2, then version 1. */
  version: ReceiptHashVersion | undefined;
  source: string;
}

interface Options {
  file: string;
  attachments: string[];
  sha256?: string;
  version?: ReceiptHashVersion;
  reference?: string;
  portal?: string;
  manifest: boolean;
}

function parseArgs(args: readonly string[]): Options {
  const options: Options = { file: '', attachments: [], manifest: false };
  const value = (index: number, flag: string): string => {
    const next = args[index + 1];
    if (next === undefined || next.startsWith('--'))
      throw new CannotCheck(`Nach ${flag} fehlt ein Wert. ${USAGE}`);
    return next;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    switch (arg) {
      case '--anhang':
        options.attachments.push(value(i++, arg));
        break;
      case '--sha256': {
        const hex = value(i++, arg).replace(/\s+/g, '').toLowerCase();
        if (!/^[0-9a-f]{64}$/.test(hex))
          throw new CannotCheck('Die Prüfsumme muss aus 64 Hexadezimalziffern bestehen.');
        options.sha256 = hex;
        break;
      }
      case '--version': {
        const version = Number(value(i++, arg));
        if (!isReceiptHashVersion(version))
          throw new CannotCheck('Das Prüfverfahren ist Version 1 oder 2.');
        options.version = version;
        break;
      }
      case '--nummer':
        options.reference = value(i++, arg);
        break;
      case '--portal':
        options.portal = value(i++, arg);
        break;
      case '--manifest':
        options.manifest = true;
        break;
      default:
        if (arg.startsWith('--') || options.file !== '')
          throw new CannotCheck(`Unbekannte Angabe „${arg}“. ${USAGE}`);
        options.file = arg;
    }
  }
  if (options.file === '') throw new CannotCheck(USAGE);
  if ((options.sha256 === undefined) === (options.reference === undefined))
    throw new CannotCheck(`Bitte genau eines angeben: --sha256 oder --nummer. ${USAGE}`);
  if (options.portal !== undefined && options.reference === undefined)
    throw new CannotCheck('--portal gilt nur zusammen mit --nummer.');
  return options;
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new CannotCheck(`Die Datei „${file}“ kann nicht gelesen werden.`);
  }
}

/** UTF-8 as sent; a byte-order mark at the start of a file is file metadata, not text. */
function utf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CannotCheck(`Die Datei „${file}“ ist kein gültiges UTF-8.`);
  }
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function attachmentFromArg(arg: string): Promise<SentAttachment> {
  const split = arg.lastIndexOf('=');
  const [name, file] =
    split > 0 ? [arg.slice(0, split), arg.slice(split + 1)] : [path.basename(arg), arg];
  return { name, sha256: sha256Of(await readBytes(file)) };
}

/** What was sent: a JSON file in the API's request format, or a text file plus --anhang files. */
async function readSubmission(
  options: Options,
): Promise<{ text: string; attachments: SentAttachment[] }> {
  const content = utf8(await readBytes(options.file), options.file);
  if (!options.file.toLowerCase().endsWith('.json')) {
    const attachments: SentAttachment[] = [];
    for (const arg of options.attachments) attachments.push(await attachmentFromArg(arg));
    return { text: content, attachments };
  }
  if (options.attachments.length > 0)
    throw new CannotCheck(
      'Bei einer JSON-Datei stehen die Anhänge in der Datei, nicht in --anhang.',
    );
  let body: unknown;
  try {
    body = JSON.parse(content);
  } catch {
    throw new CannotCheck(`Die Datei „${options.file}“ ist kein gültiges JSON.`);
  }
  const record = (body ?? {}) as { text?: unknown; attachments?: unknown };
  if (typeof record.text !== 'string')
    throw new CannotCheck(`In „${options.file}“ fehlt das Feld „text“ (Zeichenkette).`);
  const items = record.attachments ?? [];
  if (!Array.isArray(items))
    throw new CannotCheck(`„attachments“ in „${options.file}“ muss eine Liste sein.`);
  const attachments: SentAttachment[] = [];
  for (const [index, item] of items.entries()) {
    const { filename, contentBase64, datei } = (item ?? {}) as Record<string, unknown>;
    const where = `Anhang ${index + 1} in „${options.file}“`;
    if (typeof filename !== 'string') throw new CannotCheck(`${where}: „filename“ fehlt.`);
    if (typeof contentBase64 === 'string') {
      // Decoded as the portal decodes it (whitespace ignored).
      if (!/^[A-Za-z0-9+/=\s]*$/.test(contentBase64))
        throw new CannotCheck(`${where}: „contentBase64“ ist kein gültiges Base64.`);
      attachments.push({ name: filename, sha256: sha256Of(Buffer.from(contentBase64, 'base64')) });
    } else if (typeof datei === 'string') {
      const file = path.resolve(path.dirname(options.file), datei);
      attachments.push({ name: filename, sha256: sha256Of(await readBytes(file)) });
    } else {
      throw new CannotCheck(`${where}: „contentBase64“ oder „datei“ fehlt.`);
    }
  }
  return { text: record.text, attachments };
}

async function expectedFromPortal(io: ReceiptsCliIo, portal: string, reference: string) {
  let url: URL;
  try {
    url = new URL(`api/v1/receipts/${encodeURIComponent(reference)}`, portal);
  } catch {
    throw new CannotCheck(`„${portal}“ ist keine gültige Adresse.`);
  }
  let response: Response;
  try {
    response = await (io.fetch ?? fetch)(url);
  } catch {
    throw new CannotCheck(`Das Portal unter ${url.origin} ist nicht erreichbar.`);
  }
  if (response.status === 404)
    throw new CannotCheck(`Zur Eingangsnummer ${reference} ist keine Einwendung gespeichert.`);
  const body = (await response.json().catch(() => undefined)) as
    { sha256?: unknown; hashVersion?: unknown } | undefined;
  if (!response.ok || typeof body?.sha256 !== 'string')
    throw new CannotCheck(
      `Das Portal hat keine Eingangsbestätigung geliefert (${response.status}).`,
    );
  return {
    sha256: body.sha256,
    version: isReceiptHashVersion(body.hashVersion) ? body.hashVersion : undefined,
  };
}

async function expectedOf(
  options: Options,
  io: ReceiptsCliIo,
  withDatabase: WithDatabase,
): Promise<Expected> {
  if (options.sha256 !== undefined)
    return { sha256: options.sha256, version: options.version, source: 'angegebene Prüfsumme' };
  const reference = options.reference!.trim();
  if (!/^EW-\d{4}-\d{7,}$/.test(reference))
    throw new CannotCheck(`„${reference}“ ist keine Eingangsnummer (Form EW-2026-0000123).`);
  if (options.portal !== undefined) {
    const found = await expectedFromPortal(io, options.portal, reference);
    return { ...found, source: `Bestätigung ${reference}` };
  }
  let found: Awaited<ReturnType<typeof findReceiptByReference>>;
  await withDatabase(async (db) => {
    found = await findReceiptByReference(db, reference);
  });
  if (!found)
    throw new CannotCheck(`Zur Eingangsnummer ${reference} ist keine Einwendung gespeichert.`);
  return { sha256: found.sha256, version: found.hashVersion, source: `Bestätigung ${reference}` };
}

async function verify(args: readonly string[], io: ReceiptsCliIo, withDatabase: WithDatabase) {
  const options = parseArgs(args);
  const sent = await readSubmission(options);
  const expected = await expectedOf(options, io, withDatabase);
  if (options.manifest) {
    for (const line of receiptManifestV2(sent.text, sent.attachments).split('\n').slice(0, -1))
      io.out(line);
  }
  const versions: ReceiptHashVersion[] = expected.version ? [expected.version] : [2, 1];
  for (const version of versions) {
    const computed = receiptHashOfSent(version, sent.text, sent.attachments);
    if (computed === expected.sha256.toLowerCase()) {
      io.out(
        `Prüfsumme stimmt überein (Prüfverfahren Version ${version}): ${computed} – „${options.file}“ ist genau das, was die ${expected.source} belegt.`,
      );
      return 0;
    }
  }
  const computed = receiptHashOfSent(versions[0]!, sent.text, sent.attachments);
  io.out(
    `Prüfsumme stimmt NICHT überein: aus „${options.file}“ berechnet ${computed} (Prüfverfahren Version ${versions[0]}), ${expected.source}: ${expected.sha256.toLowerCase()}.`,
  );
  return 1;
}

export async function runReceiptsCli(
  args: readonly string[],
  withDatabase: WithDatabase,
  io: ReceiptsCliIo = { out: console.log, err: console.error },
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') {
    io.err(USAGE);
    return 2;
  }
  try {
    return await verify(rest, io, withDatabase);
  } catch (error) {
    io.err(
      error instanceof CannotCheck
        ? `Fehler: ${error.message}`
        : `Fehler: Die Prüfung ist fehlgeschlagen (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`,
    );
    return 2;
  }
}
