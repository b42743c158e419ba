import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { REAL_TEXTS } from './grouping.fixtures.ts';
import { groupNearDuplicates, type GroupingItem } from './index.ts';

// Items are real texts with random small edits, so that groups actually form.
const itemsArbitrary = fc
  .array(
    fc.record({
      base: fc.integer({ min: 0, max: REAL_TEXTS.length - 1 }),
      cut: fc.integer({ min: 0, max: 40 }),
      extra: fc.constantFrom('', 'Das ist mir wichtig.', 'Bitte prüfen Sie das.', 'Danke'),
    }),
    { maxLength: 30 },
  )
  .map((specs): GroupingItem[] =>
    specs.map((s, i) => {
      const words = REAL_TEXTS[s.base]!.split(' ');
      return {
        id: `id-${i}`,
        text: `${words.slice(0, words.length - s.cut).join(' ')} ${s.extra}`,
      };
    }),
  );

const partition = (items: readonly GroupingItem[]): string[] => {
  const { groups, singletons } = groupNearDuplicates(items);
  return [...groups.map((g) => g.members.join(',')), ...singletons].sort();
};

describe('groupNearDuplicates properties', () => {
  it('is invariant to input order', () => {
    fc.assert(
      fc.property(
        itemsArbitrary.chain((items) =>
          fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length })),
        ),
        ([items, shuffled]) => {
          assert.deepEqual(partition(shuffled), partition(items));
          assert.deepEqual(groupNearDuplicates(shuffled), groupNearDuplicates(items));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('puts every id exactly once into groups or singletons', () => {
    fc.assert(
      fc.property(itemsArbitrary, (items) => {
        const { groups, singletons } = groupNearDuplicates(items);
        const seen = [...groups.flatMap((g) => g.members), ...singletons].sort();
        assert.deepEqual(seen, items.map((item) => item.id).sort());
        for (const g of groups) {
          assert.ok(g.members.length >= 2);
          assert.equal(g.id, g.members[0]);
          assert.ok(g.members.includes(g.representativeId));
        }
      }),
      { numRuns: 100 },
    );
  });
});
