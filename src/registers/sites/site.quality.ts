import type { StoredSite } from './site.types.ts';

/**
 * A provider's data-quality score (0–100) over its current sites: 70 % weight on sites without
 * an open problem of the validator, 30 % on the optional facts that make a site comparable
 * (net hectares, an outline instead of a point, a date of availability). Documented in
 * docs/site-register.md; a platform choice, not a legal rule.
 */
export interface DataQuality {
  score: number;
  current: number;
  withProblems: number;
  completeness: number;
}

export function dataQuality(
  sites: readonly StoredSite[],
  siteIdsWithProblems: ReadonlySet<string>,
): DataQuality {
  const current = sites.filter((s) => s.endDate === null);
  if (current.length === 0) return { score: 100, current: 0, withProblems: 0, completeness: 1 };
  const withProblems = current.filter((s) => siteIdsWithProblems.has(s.id)).length;
  const filled = current.reduce(
    (sum, s) =>
      sum +
      [s.netHa !== null, s.geometry.type !== 'Point', s.availableFrom !== null].filter(Boolean)
        .length,
    0,
  );
  const completeness = filled / (current.length * 3);
  const clean = (current.length - withProblems) / current.length;
  return {
    score: Math.round(100 * (0.7 * clean + 0.3 * completeness)),
    current: current.length,
    withProblems,
    completeness,
  };
}
