/**
 * Reading everything a party can reach, for tests that prove personal data stays where it
 * belongs (architecture invariant 5). Every GET route of the app is called with its parameters
 * filled in from the database, and every link found in an answer is followed; PDFs are read as a
 * reader does (pdfjs), ZIP containers (XLSX) are unpacked, HTML and XML entities decoded.
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { listRoutes } from '../../src/platform/server.ts';
import type { TestApp } from './app.ts';
import { pdfPages } from './pdf-text-embedded.ts';

export const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

/** One way of asking: a browser session, an API token or nobody. */
export type Fetch = (url: string) => Promise<{
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  rawPayload: Buffer;
}>;

/** Values for route parameters, by name; `byPrefix` where the same name means another table. */
export interface ParameterValues {
  readonly byName: Readonly<Record<string, readonly string[]>>;
  readonly byPrefix?: readonly (readonly [
    prefix: string,
    name: string,
    values: readonly string[],
  ])[];
}

/** Every GET route with its parameters filled in (each combination of the values given). */
export function enumerateUrls(t: TestApp, values: ParameterValues): string[] {
  const urls = new Set<string>();
  for (const route of listRoutes(t.app)) {
    if (route.method !== 'GET' || route.url === '/abmelden') continue;
    let variants = [route.url];
    for (const match of route.url.matchAll(/:([A-Za-z]+)/g)) {
      const name = match[1]!;
      const special = values.byPrefix?.find(([p, n]) => n === name && route.url.startsWith(p));
      const options = special?.[2] ?? values.byName[name] ?? [SAMPLE_ID];
      const chosen = options.length > 0 ? options : [SAMPLE_ID];
      variants = variants.flatMap((v) => chosen.map((o) => v.replace(`:${name}`, o)));
    }
    for (const v of variants) urls.add(v);
  }
  return [...urls];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X'))
      return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** The entries of a ZIP file (central directory), inflated; enough for XLSX and ZIP exports. */
function unzipText(zip: Buffer): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return '';
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    parts.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return parts.join('\n');
}

const readCache = new Map<string, string>();

/** What a reader of the answer sees, whatever its format (the same bytes are read once). */
export async function readableText(body: Buffer): Promise<string> {
  if (body.length < 4096) return readFresh(body);
  const key = createHash('sha256').update(body).digest('hex');
  const cached = readCache.get(key);
  if (cached !== undefined) return cached;
  const text = await readFresh(body);
  readCache.set(key, text);
  return text;
}

async function readFresh(body: Buffer): Promise<string> {
  if (body.subarray(0, 5).toString('latin1') === '%PDF-') {
    let pages: string[] = [];
    try {
      pages = await pdfPages(body);
    } catch {
      // An unreadable PDF is still searched as bytes below.
    }
    return `${pages.join('\n')}\n${body.toString('latin1')}`;
  }
  if (body.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    return decodeEntities(unzipText(body));
  return decodeEntities(body.toString('utf8'));
}

/** Whether `text` holds `secret`, also where line breaks or spaces were added or removed. */
export function contains(text: string, secret: string): boolean {
  const spaced = text.replace(/\s+/g, ' ');
  if (spaced.includes(secret.replace(/\s+/g, ' '))) return true;
  return spaced.replace(/ /g, '').includes(secret.replace(/\s+/g, ''));
}

const LINK = /\b(?:href|src)="(\/[^"#]*)"/g;

/**
 * Calls the given URLs and every same-site link found in the answers (up to `limit` requests);
 * hands each readable answer to `inspect`. Returns how many answers were read.
 */
export async function crawl(
  fetch: Fetch,
  start: readonly string[],
  inspect: (url: string, status: number, text: string, type: string) => void,
  limit = 1500,
): Promise<number> {
  const seen = new Set<string>();
  const queue = [...start];
  let read = 0;
  while (queue.length > 0 && read < limit) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await fetch(url);
    read += 1;
    const text = await readableText(response.rawPayload);
    const header = response.headers['content-type'];
    const type = typeof header === 'string' ? header : '';
    inspect(url, response.statusCode, text, type);
    if (!type.includes('html')) continue;
    for (const match of text.matchAll(LINK)) {
      const link = match[1]!;
      if (link.startsWith('//') || link === '/abmelden' || link.startsWith('/static/')) continue;
      if (!seen.has(link)) queue.push(link);
    }
  }
  return read;
}
