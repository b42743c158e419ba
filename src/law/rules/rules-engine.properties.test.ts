import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decidingRules, evaluateRule, registryOf } from './index.ts';
import type { Facts, Rule } from './index.ts';

const parameters = registryOf([]);
const ctx = { date: '2026-01-01', parameters };
const factNames = ['a', 'b', 'c', 'd'] as const;

/** Random rule trees over four numeric facts: compares, ranges, all/any/not up to depth 3. */
const leafRule: fc.Arbitrary<Rule> = fc
  .record({
    fact: fc.constantFrom(...factNames),
    n: fc.integer({ min: 0, max: 10 }),
    kind: fc.constantFrom('compare', 'range'),
  })
  .map(({ fact, n, kind }) =>
    kind === 'compare'
      ? {
          kind: 'compare',
          id: '',
          description: `${fact} < ${n}`,
          citation: 't',
          fact,
          op: '<',
          than: { value: n },
        }
      : {
          kind: 'range',
          id: '',
          description: `${fact} in ${n}..${n + 3}`,
          citation: 't',
          fact,
          min: { value: n },
          max: { value: n + 3 },
        },
  );
const { tree } = fc.letrec<{ tree: Rule }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafRule,
    fc
      .record({
        kind: fc.constantFrom('all', 'any'),
        rules: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
      })
      .map(({ kind, rules }): Rule => ({ kind, id: '', description: kind, citation: 't', rules })),
    tie('tree').map((rule): Rule => ({
      kind: 'not',
      id: '',
      description: 'not',
      citation: 't',
      rule,
    })),
  ),
}));
const facts: fc.Arbitrary<Facts> = fc.record(
  {
    a: fc.integer({ min: 0, max: 12 }),
    b: fc.integer({ min: 0, max: 12 }),
    c: fc.integer({ min: 0, max: 12 }),
    d: fc.integer({ min: 0, max: 12 }),
  },
  { requiredKeys: [] },
);

describe('rules engine properties', () => {
  it('the deciding rules alone reproduce the result (the trace names every rule that decided it)', () => {
    fc.assert(
      fc.property(tree, facts, (rule, given) => {
        const { truth, trace } = evaluateRule(rule, given, ctx);
        const deciding = decidingRules(trace);
        assert.ok(deciding.length > 0);
        const kept: Record<string, number | undefined> = {};
        for (const node of deciding)
          for (const i of node.inputs) kept[i.fact] = i.value as number | undefined;
        assert.equal(evaluateRule(rule, kept, ctx).truth, truth);
      }),
      { numRuns: 1000 },
    );
  });

  it('more information never flips a known result (unknown only becomes met or not-met)', () => {
    fc.assert(
      fc.property(tree, facts, facts, (rule, partial, extra) => {
        const before = evaluateRule(rule, partial, ctx).truth;
        const after = evaluateRule(rule, { ...extra, ...partial }, ctx).truth;
        if (before !== 'unknown') assert.equal(after, before);
      }),
      { numRuns: 1000 },
    );
  });

  it('with every fact given the result is never unknown', () => {
    const full = fc.record({ a: fc.nat(12), b: fc.nat(12), c: fc.nat(12), d: fc.nat(12) });
    fc.assert(
      fc.property(tree, full, (rule, given) => {
        assert.notEqual(evaluateRule(rule, given, ctx).truth, 'unknown');
      }),
    );
  });
});
