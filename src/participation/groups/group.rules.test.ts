import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseRepresentative, excerpt, missingRepresentativeReason } from './group.rules.ts';

const facts = {
  signatures: 51,
  namedId: 'named',
  currentId: null,
  currentChosenByStaff: false,
  currentIsMember: false,
};

describe('representative of uniform submissions (§ 17 Abs. 1 VwVfG)', () => {
  it('exists only above 50 signatures', () => {
    assert.equal(chooseRepresentative({ ...facts, signatures: 50 }), null);
    assert.equal(chooseRepresentative(facts), 'named');
    assert.match(missingRepresentativeReason(50, null) ?? '', /nur 50 Unterschriften/);
    assert.match(missingRepresentativeReason(1, null) ?? '', /nur 1 Unterschrift;/);
    assert.match(missingRepresentativeReason(51, null) ?? '', /keiner benannt.*§ 17 Abs. 2/);
    assert.equal(missingRepresentativeReason(51, 'x'), null);
  });

  it('is the named signer, and nobody when no member names one (not the first received)', () => {
    assert.equal(chooseRepresentative({ ...facts, namedId: null }), null);
    assert.equal(chooseRepresentative({ ...facts, signatures: 5_000, namedId: null }), null);
  });

  it("keeps the staff's choice among the named while it is a member, else the named", () => {
    const chosen = { ...facts, currentId: 'chosen', currentChosenByStaff: true };
    assert.equal(chooseRepresentative({ ...chosen, currentIsMember: true }), 'chosen');
    assert.equal(chooseRepresentative({ ...chosen, currentIsMember: false }), 'named');
    assert.equal(
      chooseRepresentative({ ...chosen, currentIsMember: true, currentChosenByStaff: false }),
      'named',
    );
    assert.equal(chooseRepresentative({ ...chosen, currentIsMember: true, signatures: 12 }), null);
  });
});

describe('excerpt', () => {
  it('flattens whitespace and cuts at 200 characters without splitting characters', () => {
    assert.equal(excerpt('  Lärm\n\nnachts  '), 'Lärm nachts');
    const long = '😀'.repeat(250);
    assert.equal(excerpt(long), `${'😀'.repeat(200)} …`);
    assert.equal(excerpt(null), '');
  });
});
