/**
 * Which WindBG regime replaces the EIA for the site: § 6b WindBG in acceleration areas (RED III),
 * § 6 WindBG in wind energy areas for applications filed by 30.06.2025.
 */
import type { WindProjectInput } from './classification.types.ts';
import type { RuleVersion, WindBgArea, WindBgRule } from './rule-version.types.ts';

export interface WindBgFinding {
  /** The regime that applies, if any. */
  rule?: WindBgRule;
  notes: string[];
}

/**
 * Acceleration areas are designated within wind energy areas (§ 6a WindBG, § 249c BauGB), so a
 * site in an acceleration area is also in a wind energy area even if the form says otherwise.
 */
export function siteAreas(input: WindProjectInput): WindBgArea[] {
  if (input.inAccelerationArea) return ['acceleration-area', 'wind-energy-area'];
  return input.inWindEnergyArea ? ['wind-energy-area'] : [];
}

/** onDate is read as the filing date for regimes limited by filing date (§ 6 WindBG). */
export function findWindBgRule(
  input: WindProjectInput,
  version: RuleVersion,
  onDate: string,
): WindBgFinding {
  const areas = siteAreas(input);
  const matching = version.windBg.filter((rule) => rule.areas.some((a) => areas.includes(a)));
  const applicable = matching.find(
    (rule) => rule.applicationsFiledUntil === undefined || onDate <= rule.applicationsFiledUntil,
  );
  if (applicable) return { rule: applicable, notes: [...applicable.notes] };
  return { notes: matching.flatMap((rule) => (rule.expiredNote ? [rule.expiredNote] : [])) };
}
