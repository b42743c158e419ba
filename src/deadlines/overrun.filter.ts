import type { FieldError } from '../platform/errors.ts';
import { isIsoDate } from '../procedures/engine/dates.ts';
import { OVERRUN_KINDS } from './overrun.kinds.ts';
import type { OverrunFilter } from './overrun.queries.ts';

/** The report's GET form as typed (kept for re-display) and as a checked filter. */
export interface OverrunQuery {
  behoerde?: string;
  art?: string;
  von?: string;
  bis?: string;
}

/** A day typed as JJJJ-MM-TT (date field) or TT.MM.JJJJ. */
function parseDay(value: string): string | undefined {
  const text = value.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = german
    ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`
    : text;
  return isIsoDate(iso) ? iso : undefined;
}

export function parseOverrunQuery(
  query: OverrunQuery,
  authorities: { id: string }[],
): { filter: OverrunFilter; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const filter: OverrunFilter = {};
  const authority = query.behoerde?.trim() ?? '';
  if (authority !== '') {
    if (authorities.some((a) => a.id === authority)) filter.authorityId = authority;
    else errors.push({ field: 'behoerde', message: 'Diese Behörde können Sie nicht auswählen.' });
  }
  const kind = query.art?.trim() ?? '';
  if (kind !== '') {
    if (OVERRUN_KINDS.some((k) => k.key === kind)) filter.kind = kind;
    else errors.push({ field: 'art', message: 'Diese Art von Frist gibt es nicht.' });
  }
  for (const [name, label, target] of [
    ['von', 'Fristende von', 'from'],
    ['bis', 'Fristende bis', 'to'],
  ] as const) {
    const value = query[name]?.trim() ?? '';
    if (value === '') continue;
    const day = parseDay(value);
    if (day) filter[target] = day;
    else
      errors.push({
        field: name,
        message: `${label}: „${value}“ ist kein gültiges Datum (TT.MM.JJJJ, z. B. 31.12.2026).`,
      });
  }
  if (filter.from && filter.to && filter.from > filter.to)
    errors.push({ field: 'bis', message: 'Das Ende des Zeitraums liegt vor seinem Anfang.' });
  return { filter, errors };
}

/** The query string of the same filter, for the CSV link. */
export function overrunQueryString(query: OverrunQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}
