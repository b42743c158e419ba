/**
 * All versions of the rules, oldest first. The classifier uses the version in force on the
 * reference date; running procedures continue under the new rules (§ 67 Abs. 4 BImSchG,
 * § 25 Abs. 1 9. BImSchV), so "today" is the right date for them.
 */
import type { RuleVersion } from './rule-version.types.ts';
import { RULES_2024_07 } from './rules-2024-07.ts';
import { RULES_2025_RED3 } from './rules-2025-red3.ts';

export const RULE_VERSIONS: readonly RuleVersion[] = [RULES_2024_07, RULES_2025_RED3];

export interface SelectedVersion {
  version: RuleVersion;
  /** True when onDate lies before the oldest version; the oldest is used with a warning. */
  beforeOldest: boolean;
}

/** ISO dates compare correctly as strings, so no date arithmetic is needed. */
export function selectRuleVersion(
  onDate: string,
  versions: readonly RuleVersion[] = RULE_VERSIONS,
): SelectedVersion {
  const byDate = [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const oldest = byDate[0];
  if (oldest === undefined) throw new RangeError('Es ist kein Rechtsstand hinterlegt.');
  const latest = byDate.filter((version) => version.validFrom <= onDate).at(-1);
  return latest === undefined
    ? { version: oldest, beforeOldest: true }
    : { version: latest, beforeOldest: false };
}
