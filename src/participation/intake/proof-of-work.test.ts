import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CHALLENGE_MESSAGES,
  createChallenge,
  leadingZeroBits,
  solveChallenge,
  verifySolution,
} from './proof-of-work.ts';

const secret = 'test-secret-with-enough-entropy';
const scope = 'objection:procedure-42';
const issued = new Date('2026-03-14T09:30:00Z');
const later = (ms: number): Date => new Date(issued.getTime() + ms);
const fixedRandom = (): Buffer => Buffer.alloc(16, 0xab);

const challenge = (difficulty: number) =>
  createChallenge({ secret, scope, difficulty, now: issued, random: fixedRandom });

const verify = (token: string, nonce: string, overrides: { now?: Date; minAgeMs?: number } = {}) =>
  verifySolution({
    secret,
    scope,
    token,
    nonce,
    now: later(10_000),
    maxAgeMs: 3_600_000,
    ...overrides,
  });

/** Builds a correctly signed token around an arbitrary payload text, to reach the parser. */
const forge = (payloadText: string): string => {
  const encoded = Buffer.from(payloadText, 'utf8').toString('base64url');
  return `${encoded}.${createHmac('sha256', secret).update(encoded).digest('base64url')}`;
};

describe('proof-of-work challenge', () => {
  it('round-trips: a created challenge verifies and returns the random id', () => {
    const { token, difficulty } = challenge(0);
    assert.equal(difficulty, 0);
    assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    assert.deepEqual(verify(token, '0'), { ok: true, id: 'ab'.repeat(16), issuedAt: issued });
  });

  it('uses fresh random ids by default', () => {
    const a = createChallenge({ secret, scope, difficulty: 0, now: issued });
    const b = createChallenge({ secret, scope, difficulty: 0, now: issued });
    assert.notEqual(a.token, b.token);
  });

  it('accepts any decimal nonce, also the empty one, at difficulty 0', () => {
    const { token } = challenge(0);
    for (const nonce of ['', '0', '7', '12345678901234567890'])
      assert.equal(verify(token, nonce).ok, true);
  });

  it('never takes the empty nonce as work when work is asked, even where its hash would pass', () => {
    // About one token in 2^difficulty hashes with the empty nonce to enough zero bits: such a
    // token must not spare a client the work (or a form without script its waiting time).
    let lucky: string | undefined;
    for (let i = 0; lucky === undefined && i < 10_000; i++) {
      const random = () => Buffer.from(i.toString(16).padStart(32, '0'), 'hex');
      const { token } = createChallenge({ secret, scope, difficulty: 4, now: issued, random });
      const bits = leadingZeroBits(createHash('sha256').update(`${token}:`).digest());
      if (bits >= 4) lucky = token;
    }
    assert.ok(lucky !== undefined);
    assert.deepEqual(verify(lucky, ''), { ok: false, reason: 'insufficient-work' });
    assert.equal(verify(lucky, solveChallenge(lucky, 4)).ok, true);
  });

  it('verifies a solved difficulty-12 challenge and rejects a nonce without enough work', () => {
    const { token } = challenge(12);
    assert.equal(verify(token, solveChallenge(token, 12)).ok, true);
    const hashBits = (n: string) =>
      leadingZeroBits(createHash('sha256').update(`${token}:${n}`).digest());
    const wrong = ['0', '1', '2', '3', '4'].find((n) => hashBits(n) < 12);
    assert.ok(wrong !== undefined);
    assert.deepEqual(verify(token, wrong), { ok: false, reason: 'insufficient-work' });
  });

  it('solves difficulty 16 (about 65,000 hashes on average)', () => {
    const { token } = challenge(16);
    assert.equal(verify(token, solveChallenge(token, 16)).ok, true);
  });

  it('counts leading zero bits', () => {
    assert.equal(leadingZeroBits(Buffer.from([0x80])), 0);
    assert.equal(leadingZeroBits(Buffer.from([0x00, 0x01])), 15);
    assert.equal(leadingZeroBits(Buffer.from([0x00, 0x00])), 16);
    assert.equal(leadingZeroBits(Buffer.from([0x0f, 0xff])), 4);
  });

  it('rejects a tampered payload or a foreign secret with bad-signature', () => {
    const { token } = challenge(0);
    const [payload, signature] = token.split('.') as [string, string];
    const raw = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const tampered = Buffer.from(JSON.stringify({ ...raw, d: 0, s: 'other' })).toString(
      'base64url',
    );
    assert.deepEqual(verify(`${tampered}.${signature}`, '0'), {
      ok: false,
      reason: 'bad-signature',
    });
    const foreign = createChallenge({ secret: 'other', scope, difficulty: 0, now: issued });
    assert.deepEqual(verify(foreign.token, '0'), { ok: false, reason: 'bad-signature' });
  });

  it('rejects another scope, expired and too young tokens', () => {
    const other = createChallenge({
      secret,
      scope: 'objection:procedure-43',
      difficulty: 0,
      now: issued,
    });
    assert.deepEqual(verify(other.token, '0'), { ok: false, reason: 'wrong-scope' });
    const { token } = challenge(0);
    assert.deepEqual(verify(token, '0', { now: later(3_600_001) }), {
      ok: false,
      reason: 'expired',
    });
    assert.equal(verify(token, '0', { now: later(3_600_000) }).ok, true);
    const young = { ok: false, reason: 'not-yet-valid' };
    assert.deepEqual(verify(token, '0', { now: later(2_999), minAgeMs: 3_000 }), young);
    assert.equal(verify(token, '0', { now: later(3_000), minAgeMs: 3_000 }).ok, true);
    assert.deepEqual(verify(token, '0', { now: later(-60_000) }), young);
  });

  it('rejects malformed tokens and nonces', () => {
    const { token } = challenge(0);
    const malformed = { ok: false, reason: 'malformed' };
    const payloads = ['not json', 'null', '[]', '{"v":1}', '{"v":1,"s":1,"t":0,"n":"ab","d":0}'];
    const wrongTypes = { v: 1, s: scope, t: issued.getTime(), n: 'ab'.repeat(16), d: '0' };
    const tokens = ['', 'abc', '.', 'abc.', '.abc', 'a.b.c', 'a+b.c/d', 'a=.b', 'x'.repeat(5000)];
    tokens.push(`${'a'.repeat(2000)}.${'b'.repeat(43)}`, forge(JSON.stringify(wrongTypes)));
    for (const t of [...tokens, ...payloads.map(forge)])
      assert.deepEqual(verify(t, '0'), malformed, t);
    for (const nonce of ['-1', '1.5', ' 1', 'abc', '1'.repeat(21)])
      assert.deepEqual(verify(token, nonce), malformed);
  });

  it('never throws on arbitrary tokens and nonces, signed or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string(), (text, nonce) => {
        for (const t of [text, forge(text), `${text}.${text}`]) {
          const result = verify(t, nonce);
          assert.equal(result.ok, false);
        }
      }),
    );
  });

  it('has a German message for every failure', () => {
    for (const message of Object.values(CHALLENGE_MESSAGES))
      assert.match(message, /^[A-ZÄÖÜ].+\.$/);
  });
});
