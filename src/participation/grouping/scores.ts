/**
 * Quality of a grouping against known families, in two views:
 *
 * - Pairwise: a pair of objections is "grouped" when both sit in the same group. Precision = grouped
 *   pairs that belong to one family / all grouped pairs; recall = grouped pairs that belong to one
 *   family / all pairs of one family. Large families weigh quadratically, so one wrong merge of two
 *   big campaigns costs a lot — the strict view.
 * - Per copy: each family's main group is the group that holds most of its copies. Recall = copies
 *   (members of families with at least two objections) that sit in their family's main group /
 *   all copies; a split-off part or an ungrouped copy counts as missed. Precision = grouped
 *   objections whose family is the one most members of their group belong to / all grouped
 *   objections. This is what a case worker sees: how many letters are left to read one by one,
 *   and how many sit in a group where they do not belong.
 *
 * Counted from contingency tables, so 100,000 objections cost no O(n²) pair list.
 */
import type { GroupingResult } from './group.ts';

export interface Scores {
  pairPrecision: number;
  pairRecall: number;
  copyPrecision: number;
  copyRecall: number;
  /** Copies (objections of a true family) that are in no group at all. */
  ungroupedCopies: number;
  copies: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

function countBy<K>(ids: Iterable<string>, keyOf: (id: string) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const id of ids) {
    const key = keyOf(id);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** `truth` maps every id to its family; an objection of its own maps to a unique key. */
export function scoreGrouping(result: GroupingResult, truth: ReadonlyMap<string, string>): Scores {
  const groupOf = new Map<string, string>();
  for (const g of result.groups) for (const m of g.members) groupOf.set(m, g.id);
  const predicted = (id: string): string => groupOf.get(id) ?? `single:${id}`;
  const family = (id: string): string => truth.get(id) ?? `unknown:${id}`;
  const ids = [...truth.keys()];

  const joint = countBy(ids, (id) => `${predicted(id)}\u0000${family(id)}`);
  const familySizes = countBy(ids, family);
  let both = 0;
  for (const n of joint.values()) both += pairs(n);
  let predictedPairs = 0;
  for (const n of countBy(ids, predicted).values()) predictedPairs += pairs(n);
  let truePairs = 0;
  for (const n of familySizes.values()) truePairs += pairs(n);

  // Per copy: best group of each family and majority family of each group, from the joint table.
  const bestOfFamily = new Map<string, { group: string; n: number }>();
  const bestOfGroup = new Map<string, { family: string; n: number }>();
  for (const [key, n] of joint) {
    const [group, fam] = key.split('\u0000') as [string, string];
    if (group.startsWith('single:')) continue;
    if ((bestOfFamily.get(fam)?.n ?? 0) < n) bestOfFamily.set(fam, { group, n });
    if ((bestOfGroup.get(group)?.n ?? 0) < n) bestOfGroup.set(group, { family: fam, n });
  }
  let copies = 0;
  let recalled = 0;
  let ungrouped = 0;
  let grouped = 0;
  let correct = 0;
  for (const id of ids) {
    const fam = family(id);
    const g = groupOf.get(id);
    if (familySizes.get(fam)! >= 2) {
      copies++;
      if (g === undefined) ungrouped++;
      else if (bestOfFamily.get(fam)?.group === g) recalled++;
    }
    if (g !== undefined) {
      grouped++;
      if (bestOfGroup.get(g)?.family === fam) correct++;
    }
  }
  return {
    pairPrecision: predictedPairs === 0 ? 1 : both / predictedPairs,
    pairRecall: truePairs === 0 ? 1 : both / truePairs,
    copyPrecision: grouped === 0 ? 1 : correct / grouped,
    copyRecall: copies === 0 ? 1 : recalled / copies,
    ungroupedCopies: ungrouped,
    copies,
  };
}
