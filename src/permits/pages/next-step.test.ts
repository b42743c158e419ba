import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankActions } from './next-step.ts';

describe('the case page leads with one primary action', () => {
  const completeness = [
    { action: 'request-documents', effect: 'request-documents' as const },
    { action: 'extend-completeness-check', effect: 'extend-completeness-check' as const },
    { action: 'confirm-completeness', effect: 'confirm-completeness' as const },
    { action: 'reject-incomplete', effect: 'reject-incomplete' as const },
  ];

  it('confirming completeness leads when nothing is missing; rejection is never primary', () => {
    const ranked = rankActions(completeness, { missingDocuments: 0 });
    assert.equal(ranked.primary?.action, 'confirm-completeness');
    assert.deepEqual(
      ranked.destructive.map((a) => a.action),
      ['reject-incomplete'],
    );
    assert.ok(!ranked.secondary.some((a) => a.action === 'reject-incomplete'));
    assert.equal(ranked.secondary.length, 2);
  });

  it('requesting the documents leads while required documents are missing', () => {
    assert.equal(
      rankActions(completeness, { missingDocuments: 3 }).primary?.action,
      'request-documents',
    );
  });

  it('an applicant with only withdrawal open has no primary action', () => {
    const ranked = rankActions([{ action: 'withdraw', effect: 'withdraw' as const }], {
      missingDocuments: 0,
    });
    assert.equal(ranked.primary, undefined);
    assert.equal(ranked.destructive.length, 1);
  });
});
