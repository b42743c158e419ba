import {
  formatEuroCents,
  formatGermanNumber,
  parseGermanNumber,
} from '../../platform/german-number.ts';
import { parseEuroToCents } from '../../platform/german-number.ts';
import type { CompanyProfile, ProfileRelation } from './profile.types.ts';
import { MAX_RELATIONS, type RelationDraft } from './profile.relations.ts';
import type { ProfileDraft } from './profile.validation.ts';

/**
 * The HTML form's side: its field names, the draft read from a posted form (German number and
 * euro input) and the values a stored profile shows in the form. Partner and linked enterprises
 * are rows 'partners.0.name', 'partners.0.share', …; a hidden count says how many rows the form
 * had, so the "weitere Zeile" button (without script) re-renders with one more.
 */
export type RelationKind = 'partners' | 'linked';
export const RELATION_FIELDS = ['name', 'share', 'staffAwu', 'turnover', 'balanceSheet'] as const;
export type FormValues = Record<string, string>;

const str = (body: Record<string, unknown>, key: string): string => {
  const v = body[key];
  return typeof v === 'string' ? v : '';
};

/** Euro text to cents; negative input stays negative so the check can say so. */
function cents(text: string): number | undefined {
  const value = parseEuroToCents(text);
  if (value === undefined || !Number.isNaN(value)) return value;
  const n = parseGermanNumber(text.replace(/\s*(€|EUR|Euro)\s*$/i, ''));
  return n !== undefined && n < 0 ? Math.round(n * 100) : NaN;
}

/** Rows the posted form had (hidden count), at least as many as carry a value, at most the cap. */
export function rowCount(body: Record<string, unknown>, kind: RelationKind): number {
  let rows = Number.parseInt(str(body, `${kind}Rows`), 10);
  if (!Number.isFinite(rows) || rows < 0) rows = 0;
  for (const key of Object.keys(body)) {
    const m = new RegExp(`^${kind}\\.(\\d{1,3})\\.`).exec(key);
    if (m) rows = Math.max(rows, Number(m[1]) + 1);
  }
  return Math.min(rows, MAX_RELATIONS + 1);
}

function relationDraft(
  body: Record<string, unknown>,
  kind: RelationKind,
  i: number,
): RelationDraft {
  const f = (name: string) => str(body, `${kind}.${i}.${name}`);
  return {
    name: f('name'),
    share: parseGermanNumber(f('share').replace(/\s*%\s*$/, '')),
    staffAwu: parseGermanNumber(f('staffAwu')),
    turnoverCents: cents(f('turnover')),
    balanceSheetCents: cents(f('balanceSheet')),
  };
}

export function draftFromForm(body: Record<string, unknown>): ProfileDraft {
  const difficulty = str(body, 'undertakingInDifficulty');
  const year = parseGermanNumber(str(body, 'figuresYear'));
  const rows = (kind: RelationKind) =>
    Array.from({ length: rowCount(body, kind) }, (_, i) => relationDraft(body, kind, i));
  return {
    validFrom: germanDateToIso(str(body, 'validFrom')),
    legalForm: str(body, 'legalForm'),
    legalFormOther: str(body, 'legalFormOther'),
    registerCourt: str(body, 'registerCourt'),
    registerNumber: str(body, 'registerNumber'),
    naceCode: str(body, 'naceCode'),
    seatAgs: str(body, 'seatAgs'),
    staffAwu: parseGermanNumber(str(body, 'staffAwu')),
    turnoverCents: cents(str(body, 'turnover')),
    balanceSheetCents: cents(str(body, 'balanceSheet')),
    figuresYear: year,
    craftsChamberMember: str(body, 'craftsChamberMember') === 'true',
    trade: str(body, 'trade'),
    publicBodiesShare: parseGermanNumber(str(body, 'publicBodiesShare').replace(/\s*%\s*$/, '')),
    undertakingInDifficulty: difficulty === 'ja' ? true : difficulty === 'nein' ? false : undefined,
    partners: rows('partners'),
    linked: rows('linked'),
  };
}

/** Accepts the date input's 'YYYY-MM-DD' and the German 'TT.MM.JJJJ'. */
export function germanDateToIso(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : t;
}

/** What was typed, to show again after an error (never the CSRF token or the button). */
export function keptValues(body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body))
    if (typeof value === 'string' && key !== '_csrf' && key !== 'aktion')
      values[key] = value.slice(0, 2000);
  return values;
}

function relationValues(kind: RelationKind, rows: ProfileRelation[], into: FormValues): void {
  rows.forEach((r, i) => {
    into[`${kind}.${i}.name`] = r.name;
    into[`${kind}.${i}.share`] = formatGermanNumber(r.sharePpm / 10_000);
    into[`${kind}.${i}.staffAwu`] = formatGermanNumber(r.staffAwu);
    into[`${kind}.${i}.turnover`] = formatEuroCents(r.turnoverCents);
    into[`${kind}.${i}.balanceSheet`] = formatEuroCents(r.balanceSheetCents);
  });
  into[`${kind}Rows`] = String(rows.length + 1);
}

/** The form's values from a stored version; the valid-from date becomes `today` for a new save. */
export function formValuesOf(profile: CompanyProfile | undefined, today: string): FormValues {
  const values: FormValues = { validFrom: today, partnersRows: '2', linkedRows: '2' };
  if (!profile) return values;
  Object.assign(values, {
    legalForm: profile.legalForm,
    legalFormOther: profile.legalFormOther ?? '',
    registerCourt: profile.registerCourt ?? '',
    registerNumber: profile.registerNumber ?? '',
    naceCode: profile.naceCode,
    seatAgs: profile.seatAgs,
    staffAwu: formatGermanNumber(profile.staffAwu),
    turnover: formatEuroCents(profile.turnoverCents),
    balanceSheet: formatEuroCents(profile.balanceSheetCents),
    figuresYear: String(profile.figuresYear),
    craftsChamberMember: profile.craftsChamberMember ? 'true' : '',
    trade: profile.trade ?? '',
    publicBodiesShare:
      profile.publicBodiesSharePpm === undefined
        ? ''
        : formatGermanNumber(profile.publicBodiesSharePpm / 10_000),
    undertakingInDifficulty:
      profile.undertakingInDifficulty === undefined
        ? ''
        : profile.undertakingInDifficulty
          ? 'ja'
          : 'nein',
  });
  relationValues('partners', profile.partners, values);
  relationValues('linked', profile.linked, values);
  return values;
}
