/**
 * The target tracker, pure: from the per-Gemeinde hectares of each version up to the chosen one it
 * builds the rows for the Land, the planning regions, the Kreise and the Gemeinden — designated
 * share of the land area, hectares still missing, the pace achieved (hectares per year between the
 * first and the chosen version), the pace needed to meet the deadline, and the projected day the
 * target is reached at the pace achieved.
 */
import type { GemeindeInfo } from './boundaries.ts';
import { PLANNING_REGIONS, planningRegionOf } from './planning-regions.ts';
import { LAND_TARGETS, REGIONAL_TARGETS, YARDSTICK } from './targets.ts';

export interface VersionHectares {
  effectiveOn: string;
  /** AGS → hectares in force. */
  inForce: ReadonlyMap<string, { inForceHa: number; withDraftsHa: number }>;
}

export type Projection = { kind: 'reached' } | { kind: 'on'; date: string } | { kind: 'none' };

export interface TrackerRow {
  key: string;
  name: string;
  /** Kreis of a Gemeinde, planning region of a Kreis. */
  parent?: string;
  landHa: number;
  inForceHa: number;
  withDraftsHa: number;
  sharePercent: number;
  targetHa: number;
  targetLabel: string;
  deadline: string;
  /** The target value is not verified ([open]). */
  targetOpen: boolean;
  missingHa: number;
  paceAchievedHaPerYear: number | null;
  /** Null when the target is reached; Infinity-free: a passed deadline is `deadlinePassed`. */
  paceNeededHaPerYear: number | null;
  deadlinePassed: boolean;
  projection: Projection;
}

export interface Tracker {
  asOf: string;
  landHa: number;
  land: TrackerRow[];
  regions: TrackerRow[];
  kreise: TrackerRow[];
  gemeinden: TrackerRow[];
}

const DAY = 86_400_000;
const YEAR_DAYS = 365.25;

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + Math.ceil(n) * DAY).toISOString().slice(0, 10);
}

interface Group {
  key: string;
  name: string;
  parent?: string;
  members: string[];
}

function row(
  group: Group,
  target: { percent?: number; hectares?: number; label: string; deadline: string; open: boolean },
  context: {
    infos: ReadonlyMap<string, GemeindeInfo>;
    versions: readonly VersionHectares[];
    asOf: string;
    landHa?: number;
  },
): TrackerRow {
  const sum = (v: VersionHectares, pick: 'inForceHa' | 'withDraftsHa') =>
    group.members.reduce((s, ags) => s + (v.inForce.get(ags)?.[pick] ?? 0), 0);
  const landHa =
    context.landHa ??
    group.members.reduce((s, ags) => s + (context.infos.get(ags)?.landHa ?? 0), 0);
  const latest = context.versions[context.versions.length - 1];
  const first = context.versions[0];
  const inForceHa = latest ? sum(latest, 'inForceHa') : 0;
  const withDraftsHa = latest ? sum(latest, 'withDraftsHa') : 0;
  const targetHa = target.hectares ?? (landHa * (target.percent ?? 0)) / 100;
  const missingHa = Math.max(0, targetHa - inForceHa);
  const span = first && latest ? days(first.effectiveOn, latest.effectiveOn) : 0;
  const paceAchievedHaPerYear =
    first && latest && span > 0 ? ((inForceHa - sum(first, 'inForceHa')) / span) * YEAR_DAYS : null;
  const left = days(context.asOf, target.deadline);
  const deadlinePassed = left < 0;
  const paceNeededHaPerYear =
    missingHa <= 0 ? null : deadlinePassed ? null : (missingHa / Math.max(left, 1)) * YEAR_DAYS;
  let projection: Projection = { kind: 'none' };
  if (missingHa <= 0) projection = { kind: 'reached' };
  else if (paceAchievedHaPerYear !== null && paceAchievedHaPerYear > 0)
    projection = {
      kind: 'on',
      date: addDays(context.asOf, (missingHa / paceAchievedHaPerYear) * YEAR_DAYS),
    };
  return {
    key: group.key,
    name: group.name,
    parent: group.parent,
    landHa,
    inForceHa,
    withDraftsHa,
    sharePercent: landHa > 0 ? (inForceHa / landHa) * 100 : 0,
    targetHa,
    targetLabel: target.label,
    deadline: target.deadline,
    targetOpen: target.open,
    missingHa,
    paceAchievedHaPerYear,
    paceNeededHaPerYear,
    deadlinePassed,
    projection,
  };
}

const collator = new Intl.Collator('de');

export function buildTracker(input: {
  versions: readonly VersionHectares[];
  infos: ReadonlyMap<string, GemeindeInfo>;
  landHa: number;
  asOf: string;
}): Tracker {
  const context = { infos: input.infos, versions: input.versions, asOf: input.asOf };
  const all = [...input.infos.keys()];
  const yardstick = {
    percent: YARDSTICK.percent,
    label: `${YARDSTICK.percent.toLocaleString('de-DE')} % (Bezugswert, ${YARDSTICK.citation})`,
    deadline: YARDSTICK.deadline,
    open: false,
  };
  const land = LAND_TARGETS.map((t) =>
    row(
      { key: t.key, name: t.title, members: all },
      {
        percent: t.percent,
        label: `${t.percent.toLocaleString('de-DE')} % (${t.citation})`,
        deadline: t.deadline,
        open: t.citation.includes('[offen]'),
      },
      { ...context, landHa: input.landHa },
    ),
  );
  const regions = PLANNING_REGIONS.map((r) => {
    const t = REGIONAL_TARGETS[r.key];
    return row(
      { key: r.key, name: r.name, members: all.filter((ags) => planningRegionOf(ags) === r.key) },
      {
        hectares: t.hectares,
        label: `${t.hectares.toLocaleString('de-DE')} ha (${t.citation})`,
        deadline: t.deadline,
        open: t.open,
      },
      context,
    );
  });
  const kreisGroups = new Map<string, Group>();
  for (const info of input.infos.values()) {
    const key = info.ags.slice(0, 5);
    const group = kreisGroups.get(key) ?? {
      key,
      name: info.kreis,
      parent: PLANNING_REGIONS.find((r) => r.key === planningRegionOf(info.ags))?.name,
      members: [],
    };
    group.members.push(info.ags);
    kreisGroups.set(key, group);
  }
  const kreise = [...kreisGroups.values()]
    .map((g) => row(g, yardstick, context))
    .sort((a, b) => collator.compare(a.name, b.name));
  const gemeinden = [...input.infos.values()]
    .map((info) =>
      row(
        { key: info.ags, name: info.name, parent: info.kreis, members: [info.ags] },
        yardstick,
        context,
      ),
    )
    .sort((a, b) => collator.compare(a.name, b.name) || a.key.localeCompare(b.key));
  return { asOf: input.asOf, landHa: input.landHa, land, regions, kreise, gemeinden };
}
