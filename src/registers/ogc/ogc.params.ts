/**
 * The query parameters of OGC API – Features Part 1 (Core), checked as the standard requires:
 * a parameter the API does not define, or a value it cannot read, is answered with 400
 * (/req/core/query-param-unknown, /req/core/query-param-invalid), with a German message.
 * `limit` runs from 1 to 10,000 with default 10 (/req/core/fc-limit-definition); a larger value is
 * served as 10,000 rather than refused, as the standard recommends for values above the maximum.
 */
import { AppError } from '../../platform/errors.ts';
import type { BBox } from '../catalogue/layer.ts';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 10_000;
/** The deepest offset a client may page to: beyond it, paging by offset gets slow for anyone. */
export const MAX_OFFSET = 1_000_000;

export type OgcFormat = 'json' | 'html';

export interface ItemsParams {
  format: OgcFormat | undefined;
  limit: number;
  offset: number;
  bbox: BBox | undefined;
  /** The day a `datetime` instant (or the end of an interval) names; versioned layers use it. */
  asOf: string | undefined;
}

function invalid(field: string, message: string): AppError {
  return new AppError('validation', message, [{ field, message }]);
}

type Query = Record<string, unknown>;

/** A parameter given once, as text; repeated parameters are refused rather than guessed. */
function single(query: Query, name: string): string | undefined {
  const value = query[name];
  // An empty field of the HTML form (e.g. „Objekte je Seite“ left blank) means the default.
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string')
    throw invalid(name, `Der Parameter „${name}“ darf nur einmal angegeben werden.`);
  return value;
}

export function rejectUnknown(query: Query, allowed: readonly string[]): void {
  const unknown = Object.keys(query).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    const list = unknown.map((k) => `„${k}“`).join(', ');
    throw invalid(
      unknown[0]!,
      `Unbekannter Parameter ${list}. Erlaubt sind hier: ${allowed.join(', ')}.`,
    );
  }
}

export function parseFormat(query: Query): OgcFormat | undefined {
  const f = single(query, 'f');
  if (f === undefined) return undefined;
  if (f === 'json' || f === 'html') return f;
  if (f === 'geojson') return 'json';
  throw invalid('f', `Das Format „${f}“ gibt es nicht. Erlaubt sind f=json und f=html.`);
}

const INTEGER = /^\d{1,9}$/;

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  if (!INTEGER.test(value) || Number(value) < 1)
    throw invalid(
      'limit',
      `„limit“ muss eine ganze Zahl von 1 bis ${MAX_LIMIT.toLocaleString('de-DE')} sein (angegeben: „${value}“).`,
    );
  return Math.min(Number(value), MAX_LIMIT);
}

function parseOffset(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!INTEGER.test(value) || Number(value) > MAX_OFFSET)
    throw invalid(
      'offset',
      `„offset“ muss eine ganze Zahl von 0 bis ${MAX_OFFSET.toLocaleString('de-DE')} sein (angegeben: „${value}“).`,
    );
  return Number(value);
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * bbox = minLon,minLat,maxLon,maxLat in CRS84 (or six numbers with heights, which are ignored).
 * A box crossing the antimeridian (minLon > maxLon) is refused with a clear message: every layer
 * of the platform lies in NRW, far from it.
 */
export function parseBBox(value: string | undefined): BBox | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((p) => p.trim());
  const hint =
    'Erwartet werden 4 Zahlen „West,Süd,Ost,Nord“ in Grad (WGS84, CRS84), z. B. bbox=6.5,51.0,7.5,51.7.';
  if (parts.length !== 4 && parts.length !== 6)
    throw invalid('bbox', `„bbox“ hat ${parts.length} statt 4 Zahlen. ${hint}`);
  if (!parts.every((p) => NUMBER.test(p)))
    throw invalid('bbox', `„bbox“ enthält etwas anderes als Zahlen. ${hint}`);
  const n = parts.map(Number);
  const [minLon, minLat, maxLon, maxLat] =
    n.length === 6 ? [n[0]!, n[1]!, n[3]!, n[4]!] : [n[0]!, n[1]!, n[2]!, n[3]!];
  if (
    [minLon, maxLon].some((x) => x < -180 || x > 180) ||
    [minLat, maxLat].some((y) => y < -90 || y > 90)
  )
    throw invalid(
      'bbox',
      `„bbox“ liegt außerhalb von −180 bis 180° Länge bzw. −90 bis 90° Breite. ${hint}`,
    );
  if (minLat > maxLat)
    throw invalid('bbox', `In „bbox“ ist die südliche Breite größer als die nördliche. ${hint}`);
  if (minLon > maxLon)
    throw invalid(
      'bbox',
      `In „bbox“ ist die westliche Länge größer als die östliche; Boxen über die Datumsgrenze werden nicht unterstützt. ${hint}`,
    );
  return [minLon, minLat, maxLon, maxLat];
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

function validDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

/**
 * datetime (RFC 3339 instant or interval "start/end" with ".." for open ends). The layers answer
 * "as of a day": an instant gives its day, an interval the day of its end (open end: no filter).
 */
export function parseDatetime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const message = `„datetime“ muss ein Zeitpunkt nach RFC 3339 sein (z. B. 2025-06-30 oder 2025-06-30T12:00:00Z) oder ein Zeitraum „Anfang/Ende“ mit „..“ für ein offenes Ende (angegeben: „${value}“).`;
  const ends = value.split('/');
  if (ends.length > 2) throw invalid('datetime', message);
  const days = ends.map((end) => {
    if (end === '..' && ends.length === 2) return null;
    const match = INSTANT.exec(end);
    if (!match || !validDay(match[1]!)) throw invalid('datetime', message);
    return match[1]!;
  });
  if (days.length === 2 && days[0] && days[1] && days[0] > days[1])
    throw invalid(
      'datetime',
      `In „datetime“ liegt der Anfang nach dem Ende (angegeben: „${value}“).`,
    );
  return days[days.length - 1] ?? undefined;
}

export const ITEMS_PARAMETERS = ['f', 'limit', 'offset', 'bbox', 'datetime'] as const;

export function parseItemsParams(query: Query): ItemsParams {
  rejectUnknown(query, ITEMS_PARAMETERS);
  return {
    format: parseFormat(query),
    limit: parseLimit(single(query, 'limit')),
    offset: parseOffset(single(query, 'offset')),
    bbox: parseBBox(single(query, 'bbox')),
    asOf: parseDatetime(single(query, 'datetime')),
  };
}
