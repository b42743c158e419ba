import type { FinderEntry } from './finder.types.ts';

export interface AlertMatch {
  versionId: string;
  eligibility: 'eligible' | 'need-info';
}

/** The programme versions an alert reports: eligible, or eligible once more is known. */
export function alertMatches(entries: readonly FinderEntry[]): AlertMatch[] {
  return entries.flatMap((e) =>
    e.kind === 'programme' && e.eligibility !== 'not-eligible'
      ? [{ versionId: e.id, eligibility: e.eligibility }]
      : [],
  );
}
