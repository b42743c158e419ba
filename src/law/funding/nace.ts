import { SupportInputError } from '../rules/index.ts';

/**
 * Divisions (two-digit codes) of NACE Rev. 2 = WZ 2008, the classification funding guidelines
 * and the electricity tax act name (§ 2 Nr. 2a StromStG; progres.nrw guidelines name "WZ 2008").
 * Codes outside this list do not exist, so they are refused rather than read as "not eligible".
 */
const DIVISIONS: readonly number[] = [
  1,
  2,
  3,
  5,
  6,
  7,
  8,
  9,
  ...Array.from({ length: 24 }, (_, i) => 10 + i),
  35,
  36,
  37,
  38,
  39,
  41,
  42,
  43,
  45,
  46,
  47,
  49,
  50,
  51,
  52,
  53,
  55,
  56,
  58,
  59,
  60,
  61,
  62,
  63,
  64,
  65,
  66,
  68,
  69,
  70,
  71,
  72,
  73,
  74,
  75,
  77,
  78,
  79,
  80,
  81,
  82,
  84,
  85,
  86,
  87,
  88,
  90,
  91,
  92,
  93,
  94,
  95,
  96,
  97,
  98,
  99,
];

/** Optional section letter, then 2–5 digits with the usual dots: 'C 24.42', '24.42.0', '2442'. */
const PATTERN = /^(?:[A-U]\s?)?(\d{2})(?:\.?(\d)(?:\.?(\d)(?:\.?(\d))?)?)?$/;

export interface NaceCode {
  /** Canonical 'DD.DD' (or shorter, as given): '24.42'. */
  readonly code: string;
  readonly division: number;
}

/** Parses and checks a WZ 2008 / NACE Rev. 2 code; throws a German error naming the field. */
export function parseNaceCode(value: unknown): NaceCode {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new SupportInputError('naceCode', 'Der Wirtschaftszweig (WZ-2008-/NACE-Code) fehlt.');
  }
  const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
  const match = PATTERN.exec(text);
  const division = match ? Number(match[1]) : NaN;
  if (!match || !DIVISIONS.includes(division)) {
    throw new SupportInputError(
      'naceCode',
      `Der Wirtschaftszweig „${(typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 40)}“ ist kein bekannter WZ-2008-/NACE-Code (z. B. „24.42“ oder „C 10.71“).`,
    );
  }
  const rest = [match[2], match[3], match[4]].filter((d): d is string => d !== undefined).join('');
  const code = `${match[1]}${rest ? `.${rest.slice(0, 2)}${rest.slice(2)}` : ''}`;
  return { code, division };
}
