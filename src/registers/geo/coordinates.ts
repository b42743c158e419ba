/**
 * Parses a decimal-degree coordinate as typed into a German form: '8,186489' (decimal comma)
 * as well as '8.186489', optionally with a trailing '°'. Anything ambiguous ('1.234,5', both
 * separators) or outside the axis range is rejected rather than guessed.
 */
const LIMITS = { lon: 180, lat: 90 } as const;

export function parseCoordinate(value: string | number, axis: 'lon' | 'lat'): number | undefined {
  let parsed: number;
  if (typeof value === 'number') {
    parsed = value;
  } else if (typeof value === 'string') {
    const match = /^([-+−]?)\s*(\d{1,3})(?:[.,](\d+))?\s*°?$/.exec(value.trim());
    if (!match) return undefined;
    const [, sign, whole, fraction] = match;
    parsed = Number(`${whole}.${fraction ?? '0'}`) * (sign === '-' || sign === '−' ? -1 : 1);
  } else {
    return undefined;
  }
  if (!Number.isFinite(parsed) || Math.abs(parsed) > LIMITS[axis]) return undefined;
  // -0 would print as '0' but compare oddly in tests and JSON; it is just 0.
  return parsed === 0 ? 0 : parsed;
}
