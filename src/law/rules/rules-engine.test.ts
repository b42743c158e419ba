import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertUniqueRuleIds,
  decidingRules,
  enumerateRules,
  evaluateRule,
  factsRead,
  formatTrace,
  missingFacts,
  registryOf,
  SupportInputError,
  versionAt,
} from './index.ts';
import type { ParameterTable, Rule } from './index.ts';

const threshold: ParameterTable = {
  id: 'test.limit',
  label: 'Grenze',
  unit: 'Stück',
  citation: '§ 1 Testgesetz',
  versions: [
    { validFrom: '2020-01-01', value: 10, source: 'Fassung 2020' },
    { validFrom: '2024-07-01', value: 20, source: 'Fassung 2024', open: 'noch zu prüfen' },
  ],
};
const parameters = registryOf([threshold]);

const small: Rule = {
  kind: 'compare',
  id: 'small',
  description: 'Weniger als die Grenze.',
  citation: '§ 1 Testgesetz',
  fact: 'count',
  op: '<',
  than: { param: 'test.limit' },
};
const member: Rule = {
  kind: 'in-set',
  id: 'member',
  description: 'Gewerk ist SHK.',
  citation: '§ 2 Testgesetz',
  fact: 'trade',
  set: ['shk'],
};
const tree: Rule = {
  kind: 'all',
  id: 'root',
  description: 'Alle Bedingungen.',
  citation: '§ 3 Testgesetz',
  rules: [
    small,
    { kind: 'not', id: 'not-member', description: 'Kein SHK.', citation: '§ 2', rule: member },
  ],
};

describe('dated parameter tables', () => {
  it('picks the version in force on the date, including its first day', () => {
    assert.equal(versionAt(threshold, '2024-06-30').value, 10);
    assert.equal(versionAt(threshold, '2024-07-01').value, 20);
    assert.equal(versionAt(threshold, '2030-01-01').value, 20);
  });

  it('refuses a date before the first version with a German message naming the date', () => {
    assert.throws(
      () => versionAt(threshold, '2019-12-31'),
      (e: unknown) =>
        e instanceof SupportInputError &&
        e.field === 'date' &&
        /^Der Stichtag 31\. Dezember 2019 liegt vor dem ersten hinterlegten Wert „Grenze“ \(gültig ab 1\. Januar 2020\)/.test(
          e.message,
        ),
    );
  });

  it('refuses unsorted or duplicate tables', () => {
    assert.throws(() => registryOf([threshold, threshold]), /doppelt/);
    assert.throws(
      () => registryOf([{ ...threshold, versions: [...threshold.versions].reverse() }]),
      /nicht aufsteigend/,
    );
  });
});

describe('three-valued evaluation', () => {
  const ctx = { date: '2026-01-01', parameters };

  it('uses the parameter of the date: 15 is below the 2024 limit, not below the 2020 one', () => {
    assert.equal(evaluateRule(small, { count: 15 }, ctx).truth, 'met');
    assert.equal(
      evaluateRule(small, { count: 15 }, { ...ctx, date: '2023-01-01' }).truth,
      'not-met',
    );
  });

  it('a missing fact gives "unknown", never a silent no', () => {
    const { truth, trace } = evaluateRule(tree, { trade: 'elektro' }, ctx);
    assert.equal(truth, 'unknown');
    assert.deepEqual(missingFacts(trace), ['count']);
  });

  it('a known "no" in an all decides even when other facts are missing', () => {
    const { truth, trace } = evaluateRule(tree, { trade: 'shk' }, ctx);
    assert.equal(truth, 'not-met');
    assert.deepEqual(
      decidingRules(trace).map((n) => n.ruleId),
      ['member'],
    );
    assert.deepEqual(missingFacts(trace), []);
  });

  it('any: a known yes decides; all no is no', () => {
    const either: Rule = {
      kind: 'any',
      id: 'either',
      description: 'x',
      citation: 'y',
      rules: [small, member],
    };
    assert.equal(evaluateRule(either, { trade: 'shk' }, ctx).truth, 'met');
    assert.equal(evaluateRule(either, { count: 99, trade: 'x' }, ctx).truth, 'not-met');
    assert.equal(evaluateRule(either, { count: 99 }, ctx).truth, 'unknown');
  });

  it('ranges honour inclusive and exclusive bounds', () => {
    const range: Rule = {
      kind: 'range',
      id: 'r',
      description: '20 bis unter 30',
      citation: 'z',
      fact: 'n',
      min: { value: 20 },
      max: { value: 30 },
      maxExclusive: true,
    };
    assert.equal(evaluateRule(range, { n: 20 }, ctx).truth, 'met');
    assert.equal(evaluateRule(range, { n: 29.99 }, ctx).truth, 'met');
    assert.equal(evaluateRule(range, { n: 30 }, ctx).truth, 'not-met');
    assert.equal(evaluateRule(range, { n: 19 }, ctx).truth, 'not-met');
  });

  it('comparing unlike types is a data error, not a result', () => {
    assert.throws(() => evaluateRule(small, { count: 'viele' }, ctx), TypeError);
  });
});

describe('the trace', () => {
  it('records description, citation, inputs and the parameter with its valid-from date', () => {
    const { trace } = evaluateRule(
      tree,
      { count: 15, trade: 'elektro' },
      { date: '2026-01-01', parameters },
    );
    const leaf = trace.children[0]!;
    assert.equal(leaf.ruleId, 'small');
    assert.equal(leaf.citation, '§ 1 Testgesetz');
    assert.deepEqual(leaf.inputs, [{ fact: 'count', value: 15 }]);
    assert.equal(leaf.parameters[0]!.validFrom, '2024-07-01');
    assert.equal(leaf.parameters[0]!.value, 20);
    assert.equal(leaf.parameters[0]!.open, 'noch zu prüfen');
    const lines = formatTrace(trace);
    assert.match(lines[0]!, /^► Alle Bedingungen\. — erfüllt \(§ 3 Testgesetz\)/);
    assert.ok(
      lines.some((l) =>
        /Wert: Grenze = 20 Stück \(gültig ab 01\.07\.2024; Fassung 2024\) \[offen\]/.test(l),
      ),
    );
  });

  it('rules are data a test can enumerate', () => {
    assert.deepEqual(
      enumerateRules(tree).map((r) => r.id),
      ['root', 'small', 'not-member', 'member'],
    );
    assert.deepEqual(factsRead(tree), ['count', 'trade']);
    assertUniqueRuleIds(tree);
    assert.throws(() => assertUniqueRuleIds({ ...tree, rules: [small, small] }), /doppelt/);
  });
});
