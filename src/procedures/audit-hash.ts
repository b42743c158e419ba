import { createHash } from 'node:crypto';

/**
 * The audit log of a procedure is a hash chain (architecture invariant 2): every event stores the
 * hash of its predecessor, and its own hash covers its content and that predecessor. Changing,
 * inserting or removing any event breaks every later link, which `verify-case` reports.
 */
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
