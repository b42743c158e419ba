/**
 * Section IV of the Bescheid: the adopted conditions (Nebenbestimmungen, § 12 BImSchG, § 36
 * VwVfG NRW), grouped by category in the order the case worker gave them and numbered "1.1",
 * "1.2", … so that later orders and inspections can cite a single condition.
 */
import type { LetterBlock } from '../../procedures/letters/letter.types.ts';
import { heading, paragraph } from './common.ts';
import type { SnapshotCondition } from './snapshot.ts';

export interface ConditionGroup {
  category: string;
  items: { number: string; text: string; agencyName: string | null }[];
}

/** Adopted conditions only; proposals and rejected ones never reach the Bescheid's operative part. */
export function groupConditions(conditions: readonly SnapshotCondition[]): ConditionGroup[] {
  const groups: ConditionGroup[] = [];
  for (const c of conditions) {
    if (c.status !== 'adopted') continue;
    let group = groups.find((g) => g.category === c.category);
    if (!group) {
      group = { category: c.category, items: [] };
      groups.push(group);
    }
    group.items.push({ number: '', text: c.text, agencyName: c.agencyName });
  }
  groups.forEach((g, gi) =>
    g.items.forEach((item, ii) => {
      item.number = `${gi + 1}.${ii + 1}`;
    }),
  );
  return groups;
}

export function conditionBlocks(groups: readonly ConditionGroup[]): LetterBlock[] {
  if (groups.length === 0) return [paragraph('Die Genehmigung ergeht ohne Nebenbestimmungen.')];
  const blocks: LetterBlock[] = [];
  groups.forEach((g, gi) => {
    blocks.push({ kind: 'keep-with-next' }, heading(`${gi + 1}. ${g.category}`));
    for (const item of g.items) blocks.push(paragraph(`${item.number}  ${item.text}`));
  });
  return blocks;
}

/**
 * Reasons on the conditions: which agency proposal was not adopted and why. The proposal's own
 * wording is not repeated, so that a rejected condition can never be read as part of the permit.
 */
export function rejectedProposalsBlocks(conditions: readonly SnapshotCondition[]): LetterBlock[] {
  const rejected = conditions.filter((c) => c.status === 'rejected' && c.source === 'agency');
  if (rejected.length === 0) return [];
  return [
    paragraph(
      'Folgende von Fachbehörden vorgeschlagene Nebenbestimmungen wurden nicht übernommen:',
    ),
    {
      kind: 'list',
      ordered: false,
      items: rejected.map(
        (c) =>
          `Vorschlag von ${c.agencyName ?? 'einer Fachbehörde'} (${c.category}), nicht übernommen. Begründung: ${c.reason ?? ''}`,
      ),
    },
  ];
}
