/**
 * Proof-of-work challenge against mass automated objections. Privacy-friendly by design: no third
 * party, no cookie, no tracking — the server signs a stateless token, the browser spends a little
 * CPU time finding a nonce, the server checks signature, scope, age and work.
 *
 * Replay is NOT prevented here: callers must store the returned `id` (idempotency key) and reject a
 * second submission with the same id within `maxAgeMs`.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface Challenge {
  token: string;
  difficulty: number;
}

export type ChallengeCheck =
  | { ok: true; id: string; issuedAt: Date }
  | {
      ok: false;
      reason:
        | 'malformed'
        | 'bad-signature'
        | 'wrong-scope'
        | 'expired'
        | 'not-yet-valid'
        | 'insufficient-work';
    };

type FailureReason = Extract<ChallengeCheck, { ok: false }>['reason'];

/** 32 bits ≈ 4 billion hashes on average: far beyond anything a browser should be asked to do. */
const MAX_DIFFICULTY = 32;
/** Real tokens are ~150 characters; the cap keeps hostile input from costing HMAC or parse time. */
const MAX_TOKEN_LENGTH = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const NONCE = /^[0-9]{0,20}$/;
const RANDOM_HEX = /^[0-9a-f]{32}$/;
/** Tolerated clock skew between application servers for tokens that seem issued in the future. */
const CLOCK_SKEW_MS = 5_000;

interface Payload {
  v: 1;
  s: string;
  t: number;
  n: string;
  d: number;
}

const sign = (secret: string, encodedPayload: string): Buffer =>
  createHmac('sha256', secret).update(encodedPayload).digest();

const isDifficulty = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_DIFFICULTY;

export function createChallenge(options: {
  secret: string;
  scope: string;
  difficulty: number;
  now: Date;
  random?: () => Buffer;
}): Challenge {
  const { secret, scope, difficulty, now } = options;
  if (!isDifficulty(difficulty)) throw new RangeError(`difficulty must be 0..${MAX_DIFFICULTY}`);
  const random = (options.random ?? (() => randomBytes(16)))();
  if (random.length !== 16) throw new RangeError('random must return 16 bytes');
  const payload: Payload = {
    v: 1,
    s: scope,
    t: now.getTime(),
    n: random.toString('hex'),
    d: difficulty,
  };
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return { token: `${encoded}.${sign(secret, encoded).toString('base64url')}`, difficulty };
}

function parsePayload(encoded: string): Payload | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Record<string, unknown>;
  const valid =
    p.v === 1 &&
    typeof p.s === 'string' &&
    Number.isSafeInteger(p.t) &&
    (p.t as number) >= 0 &&
    typeof p.n === 'string' &&
    RANDOM_HEX.test(p.n) &&
    isDifficulty(p.d);
  return valid ? (p as unknown as Payload) : null;
}

export function leadingZeroBits(hash: Buffer): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

const workBits = (token: string, nonce: string): number =>
  leadingZeroBits(createHash('sha256').update(`${token}:${nonce}`, 'utf8').digest());

export function verifySolution(options: {
  secret: string;
  scope: string;
  token: string;
  nonce: string;
  now: Date;
  maxAgeMs: number;
  minAgeMs?: number;
}): ChallengeCheck {
  const fail = (reason: FailureReason): ChallengeCheck => ({ ok: false, reason });
  const { token, nonce } = options;
  if (typeof token !== 'string' || typeof nonce !== 'string') return fail('malformed');
  if (token.length > MAX_TOKEN_LENGTH || !NONCE.test(nonce)) return fail('malformed');
  const parts = token.split('.');
  const [encoded, signature] = parts;
  if (parts.length !== 2 || !encoded || !signature) return fail('malformed');
  if (!BASE64URL.test(encoded) || !BASE64URL.test(signature)) return fail('malformed');

  // Signature before parsing: unauthenticated input never reaches JSON.parse. Comparing the
  // base64url text (not decoded bytes) rejects non-canonical encodings of a valid signature.
  // Equal lengths are a precondition of timingSafeEqual; an HMAC's length is public anyway.
  const expected = Buffer.from(sign(options.secret, encoded).toString('base64url'), 'ascii');
  const given = Buffer.from(signature, 'ascii');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return fail('bad-signature');
  }
  const payload = parsePayload(encoded);
  if (!payload) return fail('malformed');
  if (payload.s !== options.scope) return fail('wrong-scope');

  const age = options.now.getTime() - payload.t;
  // Written as !(a <= b) so that an invalid `now` (NaN) fails closed.
  if (!(age <= options.maxAgeMs)) return fail('expired');
  // A minimum age stops bots that submit instantly after loading the form.
  if (age < -CLOCK_SKEW_MS || age < (options.minAgeMs ?? 0)) return fail('not-yet-valid');
  // The empty nonce is what a form without script sends: no work, even for the one token in
  // 2^d whose hash with it happens to have enough zero bits (solvers count from "0").
  if (payload.d > 0 && (nonce === '' || workBits(token, nonce) < payload.d)) {
    return fail('insufficient-work');
  }
  return { ok: true, id: payload.n, issuedAt: new Date(payload.t) };
}

/** Brute force, counting up from 0 like the browser script. Expect ~2^difficulty hashes. */
export function solveChallenge(token: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) {
    if (workBits(token, String(nonce)) >= difficulty) return String(nonce);
  }
}

export const CHALLENGE_MESSAGES: Record<FailureReason, string> = {
  malformed:
    'Die Sicherheitsprüfung des Formulars ist unvollständig. Bitte laden Sie die Seite neu und senden Sie das Formular erneut.',
  'bad-signature':
    'Die Sicherheitsprüfung des Formulars ist ungültig. Bitte laden Sie die Seite neu und senden Sie das Formular erneut.',
  'wrong-scope':
    'Dieses Formular gehört zu einer anderen Seite oder einem anderen Verfahren. Bitte öffnen Sie das Formular des Verfahrens erneut.',
  expired:
    'Das Formular ist abgelaufen. Bitte laden Sie die Seite neu; Ihr Text bleibt erhalten, wenn Sie ihn vorher kopieren.',
  'not-yet-valid':
    'Das Formular wurde sehr schnell nach dem Laden abgeschickt. Bitte prüfen Sie Ihre Angaben und senden Sie es in einigen Sekunden erneut.',
  'insufficient-work':
    'Die Sicherheitsprüfung ist noch nicht abgeschlossen. Bitte warten Sie, bis „Sicherheitsprüfung abgeschlossen.“ angezeigt wird, und senden Sie das Formular dann erneut.',
};
