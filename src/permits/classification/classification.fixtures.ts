/** Shared test data for the classification tests (not imported by production code). */
import assert from 'node:assert/strict';
import type { Classification, WindProjectInput } from './index.ts';

/** A date under each Rechtsstand: July 2024 rules, and RED III from 15.08.2025. */
export const JULY_2024 = '2025-03-01';
export const RED_III = '2025-09-01';

export function project(overrides: Partial<WindProjectInput>): WindProjectInput {
  return {
    turbineCount: 1,
    maxTotalHeightM: 200,
    repowering: false,
    inAccelerationArea: false,
    inWindEnergyArea: false,
    eiaScreeningOutcome: 'not-done',
    applicantRequestsFormal: false,
    ...overrides,
  };
}

export function assertCited(result: Classification): void {
  assert.ok(result.reasons.length > 0, 'at least one reason');
  for (const reason of result.reasons) {
    assert.ok(reason.citations.length > 0, `reason without citation: ${reason.text}`);
    assert.ok(reason.citations.every((c) => c.trim().length > 0));
  }
  for (const deadline of [
    result.decisionDeadline,
    result.completenessDeadline,
    result.agencyStatementDeadline,
    result.environmentalScreeningDeadline,
  ]) {
    if (deadline) assert.ok(deadline.citations.length > 0 && deadline.label.length > 0);
  }
}
