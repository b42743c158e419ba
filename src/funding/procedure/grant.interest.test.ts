import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  attributeRecovery,
  InterestInputError,
  recoveryFor,
  recoveryInterest,
} from './grant.interest.ts';
import type { FinancingPlan } from './grant.types.ts';

// Every expected figure below is computed by hand: cents × (base rate + 500) basis points × days
// / (10 000 × 365), rounded half up per half-year.

describe('recovery interest (§ 49a Abs. 3 VwVfG NRW)', () => {
  it('splits at the base-rate change on 1 July and counts from the day after the payment', () => {
    // 10 000 € paid 15.05.2024, interest to 14.08.2024.
    // 16.05.–30.06.2024: 46 days at 3,62 + 5 = 8,62 %: 1 000 000 × 862 × 46 / 3 650 000 = 10 863,56 → 10 864
    // 01.07.–14.08.2024: 45 days at 3,37 + 5 = 8,37 %: 1 000 000 × 837 × 45 / 3 650 000 = 10 319,18 → 10 319
    const result = recoveryInterest({
      recoveryCents: 1_000_000,
      payments: [{ paidOn: '2024-05-15', cents: 1_000_000 }],
      until: '2024-08-14',
    });
    assert.equal(result.interestCents, 10_864 + 10_319);
    assert.equal(result.open, false);
    const text = result.steps.join('\n');
    assert.match(text, /vom 16\.05\.2024 bis 30\.06\.2024 \(46 Tage\).*8,62 %.*108,64 €/);
    assert.match(text, /vom 01\.07\.2024 bis 14\.08\.2024 \(45 Tage\).*8,37 %.*103,19 €/);
    assert.match(text, /insgesamt: 211,83 €/);
  });

  it('attributes the recovery to the latest payments first', () => {
    const payments = [
      { paidOn: '2025-02-01', cents: 3_000_000 },
      { paidOn: '2025-06-02', cents: 2_000_000 },
    ];
    assert.deepEqual(attributeRecovery(2_500_000, payments), [
      { paidOn: '2025-02-01', cents: 500_000 },
      { paidOn: '2025-06-02', cents: 2_000_000 },
    ]);
    // 5 000 € from 01.02.2025: 149 days at 7,27 % = 14 838,77 → 14 839; 62 days at 6,27 % = 5 325,21 → 5 325
    // 20 000 € from 02.06.2025: 28 days at 7,27 % = 11 153,97 → 11 154; 62 days at 6,27 % = 21 300,82 → 21 301
    const result = recoveryInterest({ recoveryCents: 2_500_000, payments, until: '2025-08-31' });
    assert.equal(result.interestCents, 14_839 + 5_325 + 11_154 + 21_301);
  });

  it('uses the last known base rate for a half-year not yet announced, and says so', () => {
    // 10 days at 6,27 % on 10 000 €: 1 000 000 × 627 × 10 / 3 650 000 = 1 717,81 → 1 718, twice.
    const result = recoveryInterest({
      recoveryCents: 1_000_000,
      payments: [{ paidOn: '2026-06-20', cents: 1_000_000 }],
      until: '2026-07-10',
    });
    assert.equal(result.interestCents, 2 * 1_718);
    assert.equal(result.open, true);
    assert.match(
      result.steps.join('\n'),
      /Der Basiszinssatz ab 01\.07\.2026 ist noch nicht bekannt/,
    );
  });

  it('counts 29 February as a day of a 365-day year and rounds half a cent up', () => {
    // 28.02., 29.02., 01.03.2024: 3 days at 8,62 % on 3 650 €: 365 000 × 862 × 3 / 3 650 000 = 258,6 → 259
    const leap = recoveryInterest({
      recoveryCents: 365_000,
      payments: [{ paidOn: '2024-02-27', cents: 365_000 }],
      until: '2024-03-01',
    });
    assert.equal(leap.interestCents, 259);
    // 02.01.–14.03.2024, 73 days at 8,62 % on 375 €: 37 500 × 862 × 73 / 3 650 000 = 646,5 → 647
    // (half to even or cutting off would give 646)
    const half = recoveryInterest({
      recoveryCents: 37_500,
      payments: [{ paidOn: '2024-01-01', cents: 37_500 }],
      until: '2024-03-14',
    });
    assert.equal(half.interestCents, 647);
  });

  it('gives no interest for nothing to repay or a payment on the last day', () => {
    const payments = [{ paidOn: '2025-03-01', cents: 100_000 }];
    assert.equal(
      recoveryInterest({ recoveryCents: 0, payments, until: '2025-09-01' }).interestCents,
      0,
    );
    assert.equal(
      recoveryInterest({ recoveryCents: 100_000, payments, until: '2025-03-01' }).interestCents,
      0,
    );
  });

  it('refuses amounts that are not whole non-negative cents, impossible recoveries and bad dates', () => {
    const payments = [{ paidOn: '2025-03-01', cents: 100_000 }];
    assert.throws(
      () => recoveryInterest({ recoveryCents: -1, payments, until: '2025-09-01' }),
      InterestInputError,
    );
    assert.throws(
      () => recoveryInterest({ recoveryCents: 0.5, payments, until: '2025-09-01' }),
      InterestInputError,
    );
    assert.throws(
      () => recoveryInterest({ recoveryCents: 100_001, payments, until: '2025-09-01' }),
      /übersteigt die Auszahlungen/,
    );
    assert.throws(
      () => recoveryInterest({ recoveryCents: 1, payments, until: '2025-02-30' }),
      /gültiges Datum/,
    );
    assert.throws(
      () =>
        recoveryInterest({
          recoveryCents: 1,
          payments: [{ paidOn: '2022-06-01', cents: 1 }],
          until: '2023-02-01',
        }),
      /kein Basiszinssatz/,
    );
  });
});

const PLAN: FinancingPlan = {
  costs: [
    { key: 'k1', label: 'Beratung', cents: 1_000_000 },
    { key: 'k2', label: 'Sachausgaben', cents: 1_000_000 },
  ],
  ownFundsCents: 1_000_000,
  otherAid: [],
};

const base = {
  plan: PLAN,
  grantedCents: 1_000_000,
  ratePpm: 500_000,
  payments: [{ paidOn: '2025-03-01', cents: 1_000_000 }],
  until: '2025-03-31',
};

describe('recognised costs and recovery (ANBest-P Nr. 1.2, § 49a VwVfG NRW)', () => {
  it('recognises an excess of exactly 20 % covered by savings, not one cent more', () => {
    const exact = recoveryFor({ ...base, spent: { k1: 1_200_000, k2: 700_000 } });
    assert.deepEqual(
      exact.recognised.map((r) => r.recognisedCents),
      [1_200_000, 700_000],
    );
    assert.equal(exact.recognisedTotalCents, 1_900_000);
    // 19 000 € × 50 % = 9 500 €; paid 10 000 €: 500 € back.
    assert.equal(exact.dueCents, 950_000);
    assert.equal(exact.recoveryCents, 50_000);
    // 500 € for 30 days (02.03.–31.03.2025) at 7,27 %: 50 000 × 727 × 30 / 3 650 000 = 298,77 → 299
    assert.equal(exact.interestCents, 299);

    const over = recoveryFor({ ...base, spent: { k1: 1_200_001, k2: 700_000 } });
    assert.equal(over.recognised[0]!.recognisedCents, 1_200_000);
    assert.match(over.findings.join('\n'), /0,01 € werden nicht anerkannt/);
  });

  it('recognises an excess only as far as savings elsewhere cover it', () => {
    const result = recoveryFor({ ...base, spent: { k1: 1_200_000, k2: 900_000 } });
    assert.deepEqual(
      result.recognised.map((r) => r.recognisedCents),
      [1_100_000, 900_000],
    );
    assert.equal(result.recognisedTotalCents, 2_000_000);
    assert.equal(result.dueCents, 1_000_000);
    assert.equal(result.recoveryCents, 0);
    assert.equal(result.interestCents, 0);
    assert.match(result.findings.join('\n'), /nur in Höhe von 1\.000,00 € durch Einsparungen/);
  });

  it('caps the grant due at the granted amount and ignores costs outside the plan', () => {
    const result = recoveryFor({
      ...base,
      grantedCents: 800_000,
      spent: { k1: 1_000_000, k2: 1_000_000, k9: 50_000 },
    });
    assert.equal(result.recognisedTotalCents, 2_000_000);
    assert.equal(result.dueCents, 800_000);
    assert.equal(result.paidCents, 1_000_000);
    assert.equal(result.recoveryCents, 200_000);
    assert.match(result.findings.join('\n'), /„k9“ gehören zu keiner Position/);
  });

  it('rounds the rate half up to the cent', () => {
    // 1 999,99 € × 50 % = 999,995 € → 1 000,00 €
    const result = recoveryFor({
      ...base,
      spent: { k1: 99_999, k2: 100_000 },
      payments: [],
    });
    assert.equal(result.dueCents, 100_000);
  });

  it('refuses a negative spent amount and a rate above 100 %', () => {
    assert.throws(() => recoveryFor({ ...base, spent: { k1: -1 } }), InterestInputError);
    assert.throws(() => recoveryFor({ ...base, ratePpm: 1_000_001, spent: {} }), /Fördersatz/);
  });
});
