/**
 * The audit log of a procedure is a hash chain (architecture invariant 2): every event stores the
 * hash of its predecessor, and its own hash covers its content and that predecessor. Changing,
 * inserting or removing any event breaks every later link, which `verify-case` reports.
 *
 * The format (version 1; every stored chain depends on it, so it never changes in place —
 * audit-hash.vectors.ts holds known answers computed outside this code):
 *
 *   hash = lower-case hex of SHA-256 over the UTF-8 bytes of the canonical JSON of an object with
 *          exactly these eight members (no others, none left out):
 *     actorId      the acting user's UUID as a string, or null (system, anonymous)
 *     actorRole    string, e.g. "case_worker"
 *     at           the event time in UTC as ISO 8601 with milliseconds: "2026-03-29T01:30:00.123Z"
 *     data         the event data as stored in jsonb (a Date inside is its ISO string, as
 *                  JSON.stringify writes it; members whose value is undefined are absent)
 *     prevHash     the previous event's hash (64 lower-case hex digits), null for seq 1
 *     procedureId  the procedure's UUID, lower case
 *     seq          the event's number in the chain, 1, 2, 3 … (a JSON number)
 *     type         string, e.g. "completeness.confirmed"
 *
 *   canonical JSON, at every level:
 *     - no whitespace between tokens;
 *     - object members sorted by key, comparing the keys as sequences of UTF-16 code units
 *       (so "Z" < "a" < "z" < "ä" < "🌬" < "Ａ"); each key written as a JSON string;
 *       members whose value is undefined are left out;
 *     - arrays keep their order;
 *     - strings as ECMAScript JSON.stringify writes them: `"` and `\` escaped, \b \f \n \r \t as
 *       such, other characters below U+0020 as \u00xx (lower-case hex), lone surrogates as \udxxx,
 *       everything else (umlauts, "/", emoji) as the character itself, never \u-escaped;
 *     - numbers as ECMAScript Number.prototype.toString writes them ("2", "-3", "0.5", "1e+21");
 *       NaN and ±Infinity as null;
 *     - true, false, null.
 *
 *   Example (the first vector): {"actorId":null,"actorRole":"applicant",
 *   "at":"2026-03-01T09:30:00.000Z","data":{},"prevHash":null,
 *   "procedureId":"5f0c2a7e-3b1d-4c8e-9a6f-1d2e3f4a5b6c","seq":1,"type":"application.drafted"}
 *   (written here on three lines, hashed as one) has the SHA-256
 *   d7249748b741044fabc1aebf9ef279edfcb11e042e4bce8ca8b5657214a50d5a.
 */
import { createHash } from 'node:crypto';

export interface AuditEventContent {
  procedureId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorRole: string;
  type: string;
  data: unknown;
  prevHash: string | null;
}

/** JSON with object keys sorted at every level: PostgreSQL's jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashAuditEvent(event: AuditEventContent): string {
  // Fields named one by one: whatever else the caller's object carries (its stored hash) stays out.
  const payload = canonicalJson({
    procedureId: event.procedureId,
    seq: event.seq,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorRole: event.actorRole,
    type: event.type,
    data: event.data,
    prevHash: event.prevHash,
  });
  return createHash('sha256').update(payload).digest('hex');
}

export type ChainProblem =
  | { seq: number; kind: 'gap'; message: string }
  | { seq: number; kind: 'prev-hash'; message: string }
  | { seq: number; kind: 'hash'; message: string };

/** Finds the first broken link of a chain given in seq order; undefined when it is intact. */
export function findBrokenLink(
  events: (AuditEventContent & { hash: string })[],
): ChainProblem | undefined {
  let previous: string | null = null;
  for (const [index, event] of events.entries()) {
    const expectedSeq = index + 1;
    if (event.seq !== expectedSeq) {
      return {
        seq: expectedSeq,
        kind: 'gap',
        message: `Ereignis ${expectedSeq} fehlt (gefunden: ${event.seq}).`,
      };
    }
    if (event.prevHash !== previous) {
      return {
        seq: event.seq,
        kind: 'prev-hash',
        message: `Ereignis ${event.seq} verweist nicht auf den Hash von Ereignis ${event.seq - 1}.`,
      };
    }
    if (hashAuditEvent(event) !== event.hash) {
      return {
        seq: event.seq,
        kind: 'hash',
        message: `Ereignis ${event.seq} („${event.type}“) wurde nach dem Schreiben verändert: der Hash stimmt nicht.`,
      };
    }
    previous = event.hash;
  }
  return undefined;
}
