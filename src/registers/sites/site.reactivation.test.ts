import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  countsOn,
  isReactivated,
  reactivatedFrom,
  type ReactivationFacts,
} from './site.reactivation.ts';

const READY: ReactivationFacts = {
  planningStatus: 'binding-plan',
  contamination: 'none',
  miningSupervision: 'never',
  readiness: 'immediate',
  startDate: '2026-02-01',
  availableFrom: null,
  endDate: null,
};

describe('reactivated brownfields: the rule over the fields of the data standard', () => {
  it('needs planning law, no open contamination, no mining supervision and immediate availability', () => {
    assert.equal(isReactivated(READY), true);
    assert.equal(isReactivated({ ...READY, planningStatus: 'section-34' }), true);
    assert.equal(
      isReactivated({ ...READY, contamination: 'remediated', miningSupervision: 'released' }),
      true,
    );
    for (const planningStatus of ['plan-in-preparation', 'land-use-plan', 'none'] as const)
      assert.equal(isReactivated({ ...READY, planningStatus }), false, planningStatus);
    for (const contamination of ['suspected', 'contaminated', 'unknown'] as const)
      assert.equal(isReactivated({ ...READY, contamination }), false, contamination);
    assert.equal(isReactivated({ ...READY, miningSupervision: 'under' }), false);
    for (const readiness of ['short-term', 'medium-term', 'long-term'] as const)
      assert.equal(isReactivated({ ...READY, readiness }), false, readiness);
  });

  it('counts from the later of start and „Verfügbar ab“ until the day before the end', () => {
    assert.equal(reactivatedFrom(READY), '2026-02-01');
    assert.equal(reactivatedFrom({ ...READY, availableFrom: '2026-05-01' }), '2026-05-01');
    // An availability date before the start does not date the site back.
    assert.equal(reactivatedFrom({ ...READY, availableFrom: '2025-05-01' }), '2026-02-01');
    const ended = { ...READY, endDate: '2026-04-15' };
    assert.equal(countsOn(ended, '2026-01-31'), false);
    assert.equal(countsOn(ended, '2026-02-01'), true);
    assert.equal(countsOn(ended, '2026-04-14'), true);
    assert.equal(countsOn(ended, '2026-04-15'), false);
    assert.equal(countsOn({ ...READY, readiness: 'long-term' }, '2026-03-01'), false);
  });
});
