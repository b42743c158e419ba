import { formatEuro, formatPercent } from '../../law/fees/money.ts';
import { formatGermanNumber } from '../../platform/german-number.ts';
import { seatLabel } from './profile.seat.ts';
import {
  CRAFTS_TRADES,
  LEGAL_FORMS,
  type CompanyProfile,
  type ProfileRelation,
  type ProfileValues,
} from './profile.types.ts';
import { PROFILE_FIELD_LABELS } from './profile.validation.ts';

/**
 * How a profile reads in German (the page, the history of changes), and what changed from one
 * version to the next. Computed from the immutable versions, so the history cannot disagree with
 * what was stored.
 */
type Scalar = Exclude<keyof ProfileValues, 'partners' | 'linked'>;

const SCALARS: readonly Scalar[] = [
  'validFrom',
  'legalForm',
  'legalFormOther',
  'registerCourt',
  'registerNumber',
  'naceCode',
  'seatAgs',
  'staffAwu',
  'turnoverCents',
  'balanceSheetCents',
  'figuresYear',
  'craftsChamberMember',
  'trade',
  'publicBodiesSharePpm',
  'undertakingInDifficulty',
];

const LABEL_KEY: Partial<Record<Scalar, string>> = {
  turnoverCents: 'turnover',
  balanceSheetCents: 'balanceSheet',
  publicBodiesSharePpm: 'publicBodiesShare',
};

export function scalarLabel(field: Scalar): string {
  return PROFILE_FIELD_LABELS[LABEL_KEY[field] ?? field] ?? field;
}

const yesNo = (v: boolean | undefined) => (v === undefined ? 'keine Angabe' : v ? 'ja' : 'nein');

/** A field's value in German, as shown on the page. */
export function displayValue(profile: ProfileValues, field: Scalar): string {
  const v = profile[field];
  switch (field) {
    case 'validFrom':
      return profile.validFrom.split('-').reverse().join('.');
    case 'legalForm':
      return LEGAL_FORMS.find((f) => f.value === profile.legalForm)?.label ?? profile.legalForm;
    case 'seatAgs':
      return seatLabel(profile.seatAgs);
    case 'staffAwu':
      return `${formatGermanNumber(profile.staffAwu)} JAE`;
    case 'turnoverCents':
    case 'balanceSheetCents':
      return typeof v === 'number' ? formatEuro(v) : 'nicht angegeben';
    case 'figuresYear':
      return String(profile.figuresYear);
    case 'craftsChamberMember':
      return yesNo(profile.craftsChamberMember);
    case 'undertakingInDifficulty':
      return yesNo(profile.undertakingInDifficulty);
    case 'trade':
      return profile.trade
        ? (CRAFTS_TRADES.find((t) => t.value === profile.trade)?.label ?? profile.trade)
        : '–';
    case 'publicBodiesSharePpm':
      return profile.publicBodiesSharePpm === undefined
        ? 'nicht angegeben'
        : formatPercent(profile.publicBodiesSharePpm);
    case 'legalFormOther':
    case 'registerCourt':
    case 'registerNumber':
    case 'naceCode':
      return typeof v === 'string' && v !== '' ? v : '–';
  }
}

/** "Muster GmbH (30 %; 12 JAE, Umsatz 1.000.000,00 €, Bilanzsumme nicht angegeben)". */
export function relationText(r: ProfileRelation): string {
  const money = (c: number | undefined) => (c === undefined ? 'nicht angegeben' : formatEuro(c));
  return `${r.name} (${formatPercent(r.sharePpm)}; ${formatGermanNumber(r.staffAwu)} JAE, Umsatz ${money(r.turnoverCents)}, Bilanzsumme ${money(r.balanceSheetCents)})`;
}

function sameRelations(a: ProfileRelation[], b: ProfileRelation[]): boolean {
  return a.length === b.length && a.every((r, i) => relationText(r) === relationText(b[i]!));
}

export function sameValues(a: ProfileValues, b: ProfileValues): boolean {
  return (
    SCALARS.every((f) => a[f] === b[f]) &&
    sameRelations(a.partners, b.partners) &&
    sameRelations(a.linked, b.linked)
  );
}

/** What changed from `before` to `after`, one German line per field or enterprise. */
export function describeChanges(before: ProfileValues | undefined, after: ProfileValues): string[] {
  if (!before) return ['Profil angelegt.'];
  const lines: string[] = [];
  for (const field of SCALARS) {
    if (field === 'validFrom' || before[field] === after[field]) continue;
    lines.push(
      `${scalarLabel(field)}: ${displayValue(before, field)} → ${displayValue(after, field)}`,
    );
  }
  for (const kind of ['partners', 'linked'] as const) {
    const word = PROFILE_FIELD_LABELS[kind]!;
    const old = new Map(before[kind].map((r) => [r.name, r]));
    const now = new Map(after[kind].map((r) => [r.name, r]));
    for (const [name, r] of now) {
      const was = old.get(name);
      if (!was) lines.push(`${word}: hinzugefügt ${relationText(r)}`);
      else if (relationText(was) !== relationText(r))
        lines.push(`${word}: geändert ${relationText(was)} → ${relationText(r)}`);
    }
    for (const [name, r] of old)
      if (!now.has(name)) lines.push(`${word}: entfernt ${relationText(r)}`);
  }
  if (lines.length === 0 && before.validFrom !== after.validFrom)
    lines.push('Angaben unverändert, neu datiert.');
  return lines;
}

export interface HistoryEntry {
  version: number;
  validFrom: string;
  recordedAt: Date;
  recordedBy: string;
  changes: string[];
}

/** The history of changes, newest first, from the versions as listCompanyProfileVersions gives them. */
export function profileHistory(versionsNewestFirst: CompanyProfile[]): HistoryEntry[] {
  return versionsNewestFirst.map((v, index) => ({
    version: v.version,
    validFrom: v.validFrom,
    recordedAt: v.recordedAt,
    recordedBy: v.recordedBy?.name ?? 'unbekannt',
    changes: describeChanges(versionsNewestFirst[index + 1], v),
  }));
}
