import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SupportInputError } from '../rules/index.ts';
import { assessProgramme, companyFacts, TRANSFORMATION_CONCEPTS_2022 } from './index.ts';
import type { CompanyProfileInput } from './index.ts';

const M = 100_000_000;
const profile: CompanyProfileInput = {
  naceCode: 'C 25.62',
  staffHeadcount: 40,
  turnoverCents: 6 * M,
  balanceSheetCents: 4 * M,
  seatAgs: '05913000',
  undertakingInDifficulty: false,
  date: '2026-12-01',
};

describe('company profile → facts for every programme', () => {
  it('derives division, SME class and the NRW seat from the AGS', () => {
    const { facts, sme } = companyFacts(profile);
    assert.equal(facts.naceDivision, 25);
    assert.equal(facts.sizeClass, 'small');
    assert.equal(facts.seatInNrw, true);
    assert.equal(sme.label, 'kleines Unternehmen');
    assert.equal(companyFacts({ ...profile, seatAgs: '09162000' }).facts.seatInNrw, false);
  });

  it('counts a linked enterprise: the 65 % small-firm rate is lost', () => {
    const linked = companyFacts({
      ...profile,
      linked: [
        {
          name: 'Holding',
          sharePpm: 1_000_000,
          staffHeadcount: 20,
          turnoverCents: 8 * M,
          balanceSheetCents: 8 * M,
        },
      ],
    });
    assert.equal(linked.facts.staffHeadcount, 60);
    const a = assessProgramme(
      TRANSFORMATION_CONCEPTS_2022,
      { ...linked.facts, siteInNrw: true, projectStarted: false },
      { eligibleCostsCents: 10_000_00 },
      '2026-12-01',
    );
    assert.equal(a.eligibility, 'eligible');
    assert.equal(a.amount.amountCents, 5_000_00);
  });

  it('refuses an unknown NACE code and a malformed AGS by field', () => {
    assert.throws(
      () => companyFacts({ ...profile, naceCode: '34.10' }),
      (e: unknown) => e instanceof SupportInputError && e.field === 'naceCode',
    );
    assert.throws(
      () => companyFacts({ ...profile, seatAgs: '5913' }),
      (e: unknown) =>
        e instanceof SupportInputError && e.field === 'ags' && /8 Ziffern/.test(e.message),
    );
  });
});
