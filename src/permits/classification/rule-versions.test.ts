import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDuration } from '../../law/index.ts';
import { RULE_VERSIONS, selectRuleVersion } from './index.ts';
import type { DeadlineRule, RuleVersion } from './index.ts';

function deadlineRules(version: RuleVersion): DeadlineRule[] {
  const { decision, completeness, windBg } = version;
  return [
    decision.formal,
    decision.simplified,
    decision.repoweringFormal,
    decision.repoweringSimplified,
    ...(decision.formalInAccelerationArea ? [decision.formalInAccelerationArea] : []),
    completeness.insideAccelerationArea,
    completeness.outsideAccelerationArea,
    version.agencyStatement,
    ...windBg.flatMap((rule) =>
      rule.screening ? [rule.screening.standard, rule.screening.repowering] : [],
    ),
  ];
}

describe('RULE_VERSIONS data', () => {
  it('is ordered by validFrom with unique keys and ISO dates', () => {
    const dates = RULE_VERSIONS.map((v) => v.validFrom);
    assert.deepEqual([...dates].sort(), dates);
    assert.equal(new Set(RULE_VERSIONS.map((v) => v.key)).size, RULE_VERSIONS.length);
    for (const date of dates) assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(dates, ['2024-07-09', '2025-08-15']);
  });

  it('every deadline parses and is cited; every rule text is cited', () => {
    for (const version of RULE_VERSIONS) {
      assert.ok(version.source.length > 0);
      for (const rule of deadlineRules(version)) {
        assert.doesNotThrow(() => parseDuration(rule.duration));
        assert.ok(rule.citations.length > 0, `${version.key} ${rule.duration}`);
      }
      for (const band of version.eiaBands) assert.ok(band.reason.citations.length > 0);
      for (const rule of version.windBg) assert.ok(rule.reason.citations.length > 0);
      assert.ok(version.decision.start.citations.length > 0);
    }
  });

  it('EIA bands descend and end at one turbine', () => {
    for (const version of RULE_VERSIONS) {
      const mins = version.eiaBands.map((b) => b.minTurbines);
      assert.deepEqual(
        mins,
        [...mins].sort((a, b) => b - a),
      );
      assert.equal(mins.at(-1), 1);
    }
  });
});

describe('selectRuleVersion', () => {
  it('picks the version in force on the day', () => {
    assert.equal(selectRuleVersion('2024-07-09').version.key, 'bimschg-2024-07');
    assert.equal(selectRuleVersion('2025-08-14').version.key, 'bimschg-2024-07');
    assert.equal(selectRuleVersion('2025-08-15').version.key, 'bimschg-2025-red3');
    assert.equal(selectRuleVersion('2030-01-01').version.key, 'bimschg-2025-red3');
    assert.deepEqual(
      {
        key: selectRuleVersion('2024-07-08').version.key,
        before: selectRuleVersion('2024-07-08').beforeOldest,
      },
      { key: 'bimschg-2024-07', before: true },
    );
  });

  it('does not depend on the order of the array', () => {
    const reversed = [...RULE_VERSIONS].reverse();
    assert.equal(selectRuleVersion('2026-01-01', reversed).version.key, 'bimschg-2025-red3');
    assert.equal(selectRuleVersion('2025-01-01', reversed).version.key, 'bimschg-2024-07');
  });
});
