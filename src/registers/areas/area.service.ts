/** Loads what the tracker and the register pages show for a Stichtag (or today). */
import type { Db } from '../../db/database.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  areasInVersion,
  listVersions,
  statisticsOf,
  versionAsOf,
  type AreaVersion,
  type RegisterArea,
} from './area.queries.ts';
import { buildTracker, type Tracker } from './area.tracker.ts';
import { gemeindeInfos, nrwLandHa } from './boundaries.ts';

export type ParsedStichtag =
  | { ok: true; stichtag?: string; value: string }
  | { ok: false; errors: FieldError[]; value: string };

/** `?stichtag=` as YYYY-MM-DD (the date field) or TT.MM.JJJJ; not before 2000, not in the future. */
export function parseStichtag(query: Record<string, unknown>, today: string): ParsedStichtag {
  const unknown = Object.keys(query).filter((k) => k !== 'stichtag');
  const raw = query.stichtag;
  const value = typeof raw === 'string' ? raw.trim().slice(0, 40) : '';
  const fail = (message: string): ParsedStichtag => ({
    ok: false,
    value,
    errors: [{ field: 'stichtag', message: `Stichtag: ${message}` }],
  });
  if (unknown.length > 0) return fail('Unbekannter Parameter; erlaubt ist nur „stichtag“.');
  if (raw !== undefined && typeof raw !== 'string')
    return fail('Bitte geben Sie nur einen Stichtag an.');
  if (value === '') return { ok: true, value };
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = german
    ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`
    : value;
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso)
    return fail('Bitte geben Sie ein gültiges Datum im Format TT.MM.JJJJ an.');
  if (iso < '2000-01-01') return fail('Der Stichtag darf nicht vor dem 01.01.2000 liegen.');
  if (iso > today) return fail('Der Stichtag darf nicht in der Zukunft liegen.');
  return { ok: true, stichtag: iso, value };
}

export interface TrackerView {
  asOf: string;
  version: AreaVersion | undefined;
  versions: AreaVersion[];
  tracker: Tracker;
}

export async function loadTracker(db: Db, options: { stichtag?: string; today: string }) {
  const versions = await listVersions(db);
  const asOf = options.stichtag ?? options.today;
  const version = versionAsOf(versions, asOf);
  const upTo = version ? versions.filter((v) => v.seq <= version.seq) : [];
  const stats = await statisticsOf(
    db,
    upTo.map((v) => v.id),
  );
  const tracker = buildTracker({
    versions: upTo.map((v) => ({ effectiveOn: v.effectiveOn, inForce: stats.get(v.id)! })),
    infos: gemeindeInfos(),
    landHa: nrwLandHa(),
    asOf,
  });
  return { asOf, version, versions, tracker } satisfies TrackerView;
}

export async function loadRegister(
  db: Db,
  options: { stichtag?: string; today: string },
): Promise<{ asOf: string; version: AreaVersion | undefined; areas: RegisterArea[] }> {
  const versions = await listVersions(db);
  const asOf = options.stichtag ?? options.today;
  const version = versionAsOf(versions, asOf);
  return { asOf, version, areas: version ? await areasInVersion(db, version.seq) : [] };
}
