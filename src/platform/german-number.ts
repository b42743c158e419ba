/**
 * Numbers as people in Germany type them ("160,5", "1.234,5", "4.500.000") and as JSON clients
 * send them (160.5). A comma is always the decimal separator; dots are thousands separators when
 * they group digits in threes ("1.234" is one thousand two hundred thirty-four), otherwise a
 * decimal point ("160.5"). Anything else is not a number: the caller says so and keeps the text.
 */

interface DecimalParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

const GROUPED = /^\d{1,3}(\.\d{3})+$/;

function decimalParts(value: unknown): DecimalParts | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    const [integer = '0', fraction = ''] = Math.abs(value)
      .toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
      .split('.');
    return { negative: value < 0, integer, fraction };
  }
  if (typeof value !== 'string') return undefined;
  // Spaces (also the narrow no-break space of formatted numbers) may group digits as well.
  const text = value.trim().replace(/[\s\u00a0\u202f]/g, '');
  const match = /^([+-]?)([\d.]+)(?:,(\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, sign, body = '', afterComma] = match;
  let integer: string;
  let fraction = afterComma ?? '';
  if (afterComma !== undefined || GROUPED.test(body)) {
    if (body.includes('.') && !GROUPED.test(body)) return undefined;
    integer = body.replaceAll('.', '');
  } else {
    const parts = body.split('.');
    if (parts.length > 2 || parts.some((p) => p === '')) return undefined;
    integer = parts[0]!;
    fraction = parts[1] ?? '';
  }
  if (!/^\d+$/.test(integer)) return undefined;
  return { negative: sign === '-', integer, fraction };
}

/**
 * undefined: nothing entered; NaN: entered but not a number; otherwise the value.
 */
export function parseGermanNumber(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  const parts = decimalParts(value);
  if (!parts) return NaN;
  const n = Number(`${parts.integer}.${parts.fraction || '0'}`);
  return parts.negative ? -n : n;
}

/**
 * Euro amounts to integer cents without binary floating point in between (architecture: money).
 * undefined: nothing entered; NaN: not an amount (more than two decimals, negative, not a number).
 */
export function parseEuroToCents(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  const text = typeof value === 'string' ? value.replace(/\s*(€|EUR|Euro)\s*$/i, '') : value;
  const parts = decimalParts(text);
  if (!parts || parts.negative || parts.fraction.length > 2) return NaN;
  const cents = Number(parts.integer) * 100 + Number(parts.fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : NaN;
}

/** 1234.5 → "1.234,5" (as many decimals as the number has, up to six). */
export function formatGermanNumber(value: number | undefined | null): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '';
  return value.toLocaleString('de-DE', { maximumFractionDigits: 6 });
}

/** 450000050 → "4.500.000,50"; whole euros without decimals: "4.500.000". */
export function formatEuroCents(cents: number | undefined | null): string {
  if (cents === undefined || cents === null || !Number.isSafeInteger(cents)) return '';
  const euros = Math.trunc(cents / 100).toLocaleString('de-DE');
  const rest = Math.abs(cents % 100);
  return rest === 0 ? euros : `${euros},${String(rest).padStart(2, '0')}`;
}
