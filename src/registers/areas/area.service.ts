/** Loads what the tracker and the register pages show for a Stichtag (or today). */
import type { Db } from '../../db/database.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  areasInVersion,
  countAreasInVersion,
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

/**
 * `?stichtag=` as YYYY-MM-DD (the date field) or TT.MM.JJJJ; not before 2000, not in the future.
 * `others` names the further parameters the page reads itself (e.g. `seite`).
 */
export function parseStichtag(
  query: Record<string, unknown>,
  today: string,
  others: readonly string[] = [],
): ParsedStichtag {
  const unknown = Object.keys(query).filter((k) => k !== 'stichtag' && !others.includes(k));
  const raw = query.stichtag;
  const value = typeof raw === 'string' ? raw.trim().slice(0, 40) : '';
  const fail = (message: string): ParsedStichtag => ({
    ok: false,
    value,
    errors: [{ field: 'stichtag', message: `Stichtag: ${message}` }],
  });
  if (unknown.length > 0)
    return fail(
      others.length === 0
        ? 'Unbekannter Parameter; erlaubt ist nur „stichtag“.'
        : `Unbekannter Parameter; erlaubt sind „stichtag“ und ${others.map((o) => `„${o}“`).join(', ')}.`,
    );
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

/** Areas per page of the register list. */
export const REGISTER_PAGE_SIZE = 100;
/** Higher page numbers are refused before the database is asked (5,000 areas are 50 pages). */
const MAX_PAGE = 100_000;

export type ParsedPage = { ok: true; page: number } | { ok: false; errors: FieldError[] };

/** `?seite=`: a whole number from 1; empty or absent is the first page. */
export function parsePage(raw: unknown): ParsedPage {
  const message = `Seite: Die Seitenzahl ist eine ganze Zahl von 1 bis ${MAX_PAGE.toLocaleString('de-DE')}.`;
  const fail = (): ParsedPage => ({ ok: false, errors: [{ field: 'seite', message }] });
  if (raw === undefined) return { ok: true, page: 1 };
  if (typeof raw !== 'string') return fail();
  const value = raw.trim();
  if (value === '') return { ok: true, page: 1 };
  if (!/^\d{1,6}$/.test(value)) return fail();
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? { ok: true, page } : fail();
}

export interface RegisterPageView {
  asOf: string;
  version: AreaVersion | undefined;
  /** The areas of the page, in the register's order (name, id). */
  areas: RegisterArea[];
  /** All areas of the version. */
  total: number;
  /** The page shown: the one asked for, or the last one when it lies beyond the end. */
  page: number;
  pageCount: number;
  /** The page asked for when it lay beyond the end. */
  beyond?: number;
}

/** One page of the register list from the database (limit and offset) with the count. */
export async function loadRegisterPage(
  db: Db,
  options: { stichtag?: string; today: string; page: number; pageSize?: number },
): Promise<RegisterPageView> {
  const size = options.pageSize ?? REGISTER_PAGE_SIZE;
  const versions = await listVersions(db);
  const asOf = options.stichtag ?? options.today;
  const version = versionAsOf(versions, asOf);
  const total = version ? await countAreasInVersion(db, version.seq) : 0;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(options.page, pageCount);
  const areas = version
    ? await areasInVersion(db, version.seq, { limit: size, offset: (page - 1) * size })
    : [];
  return {
    asOf,
    version,
    areas,
    total,
    page,
    pageCount,
    ...(page < options.page ? { beyond: options.page } : {}),
  };
}
