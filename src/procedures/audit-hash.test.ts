import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { canonicalJson, findBrokenLink, hashAuditEvent } from './audit-hash.ts';
import { AUDIT_HASH_VECTORS } from './audit-hash.vectors.ts';

describe('audit-chain hash: known-answer vectors', () => {
  it('the hand-written canonical strings hash to the recorded values', () => {
    // Guards the vectors themselves: a typo in a literal shows here, not as a false alarm below.
    for (const vector of AUDIT_HASH_VECTORS) {
      assert.equal(
        createHash('sha256').update(vector.canonical, 'utf8').digest('hex'),
        vector.hash,
      );
    }
  });

  for (const vector of AUDIT_HASH_VECTORS) {
    it(`event ${vector.event.seq} („${vector.event.type}“) has its recorded hash`, () => {
      assert.equal(
        canonicalJson({
          procedureId: vector.event.procedureId,
          seq: vector.event.seq,
          at: vector.event.at.toISOString(),
          actorId: vector.event.actorId,
          actorRole: vector.event.actorRole,
          type: vector.event.type,
          data: vector.event.data,
          prevHash: vector.event.prevHash,
        }),
        vector.canonical,
      );
      assert.equal(hashAuditEvent(vector.event), vector.hash);
    });
  }

  it('the three vectors form an intact chain, and a changed link is found', () => {
    const chain = AUDIT_HASH_VECTORS.map((v) => ({ ...v.event, hash: v.hash }));
    assert.equal(findBrokenLink(chain), undefined);
    const changed = chain.map((e) => (e.seq === 2 ? { ...e, actorRole: 'supervisor' } : e));
    assert.equal(findBrokenLink(changed)?.kind, 'hash');
    assert.equal(findBrokenLink(changed)?.seq, 2);
  });

  it('whatever else the event object carries stays out of the hash', () => {
    const [first] = AUDIT_HASH_VECTORS;
    const withExtras = { ...first!.event, hash: 'ffff', tenantId: 'x' };
    assert.equal(hashAuditEvent(withExtras), first!.hash);
  });
});
