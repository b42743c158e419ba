/**
 * The filters of the public award list, read from the query string of the GET form (page, CSV
 * and JSON share them). Public input: every value is checked, a bad one is a German field error
 * (400), never a database error.
 */
import type { FieldError } from '../../platform/errors.ts';

export interface AwardFilters {
  /** Programme id as in src/law/funding ('progres-bildungspraemie-waermepumpe'). */
  programme?: string;
  /** Calendar year of the grant. */
  year?: number;
  /** Kreis or kreisfreie Stadt: the first five digits of the Gemeindeschlüssel ('05774'). */
  kreis?: string;
}

/** The query as typed, for the form after an error. */
export interface AwardQueryValues {
  programm: string;
  jahr: string;
  kreis: string;
  seite: string;
}

export type ParsedAwardQuery =
  | { ok: true; filters: AwardFilters; page: number; values: AwardQueryValues }
  | { ok: false; errors: FieldError[]; values: AwardQueryValues };

export const MAX_PAGE = 10_000;
const KNOWN = new Set(['programm', 'jahr', 'kreis', 'seite']);

/** A repeated parameter (?jahr=1&jahr=2) arrives as an array: only single values are accepted. */
function single(value: unknown): string | undefined {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : undefined;
}

export function parseAwardQuery(query: Record<string, unknown>): ParsedAwardQuery {
  const errors: FieldError[] = [];
  const read = (key: keyof AwardQueryValues): string => {
    const value = single(query[key]);
    if (value === undefined) {
      errors.push({ field: key, message: `Der Filter „${key}“ darf nur einmal angegeben werden.` });
      return '';
    }
    return value.trim().slice(0, 200);
  };
  const values: AwardQueryValues = {
    programm: read('programm'),
    jahr: read('jahr'),
    kreis: read('kreis'),
    seite: read('seite'),
  };
  const unknown = Object.keys(query).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) {
    errors.push({
      field: 'programm',
      message: `Unbekannter Filter: ${unknown.slice(0, 3).join(', ').slice(0, 80)}. Erlaubt sind programm, jahr, kreis und seite.`,
    });
  }
  const filters: AwardFilters = {};
  if (values.programm !== '') {
    if (/^[a-z0-9][a-z0-9-]{1,79}$/.test(values.programm)) filters.programme = values.programm;
    else
      errors.push({ field: 'programm', message: 'Wählen Sie ein Förderprogramm aus der Liste.' });
  }
  if (values.jahr !== '') {
    const year = /^\d{4}$/.test(values.jahr) ? Number(values.jahr) : NaN;
    if (year >= 2000 && year <= 2200) filters.year = year;
    else errors.push({ field: 'jahr', message: 'Das Jahr hat vier Ziffern, z. B. 2026.' });
  }
  if (values.kreis !== '') {
    if (/^\d{5}$/.test(values.kreis)) filters.kreis = values.kreis;
    else
      errors.push({
        field: 'kreis',
        message: 'Wählen Sie einen Kreis aus der Liste (Kreisschlüssel mit 5 Ziffern).',
      });
  }
  let page = 1;
  if (values.seite !== '') {
    page = /^\d{1,6}$/.test(values.seite) ? Number(values.seite) : NaN;
    if (!(page >= 1 && page <= MAX_PAGE)) {
      errors.push({
        field: 'seite',
        message: `Die Seite ist eine Zahl von 1 bis ${MAX_PAGE.toLocaleString('de-DE')}.`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors, values };
  return { ok: true, filters, page, values };
}

/** The query string of a filter set (for paging links and the download links). */
export function awardQueryString(filters: AwardFilters, page?: number): string {
  const params = new URLSearchParams();
  if (filters.programme) params.set('programm', filters.programme);
  if (filters.year) params.set('jahr', String(filters.year));
  if (filters.kreis) params.set('kreis', filters.kreis);
  if (page && page > 1) params.set('seite', String(page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
