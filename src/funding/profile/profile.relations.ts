/** Checks of an enterprise's staff and money figures and of its partner and linked enterprises. */
import { MAX_CENTS } from '../../law/rules/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import { type ProfileRelation } from './profile.types.ts';

export interface RelationDraft {
  name: string;
  /** Percent, 0–100. */
  share: number | undefined;
  staffAwu: number | undefined;
  turnoverCents: number | undefined;
  balanceSheetCents: number | undefined;
}

export const MAX_RELATIONS = 30;

const RELATION_WORDS = {
  partners: 'Partnerunternehmen',
  linked: 'Verbundenes Unternehmen',
} as const;

/** Names compared without case, punctuation and legal-form noise ("Muster GmbH" = "muster gmbh."). */
export function sameEnterprise(a: string, b: string): boolean {
  const key = (s: string) =>
    s
      .normalize('NFKC')
      .toLocaleLowerCase('de')
      .replace(/\(beispiel\)/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) !== '' && key(a) === key(b);
}

export const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;

interface Figures {
  staffAwu: number | undefined;
  turnoverCents: number | undefined;
  balanceSheetCents: number | undefined;
}

/** Staff and money figures of an enterprise; `prefix` names the row ('partners.0.'). */
export function checkFigures(f: Figures, prefix: string, who: string, errors: FieldError[]): void {
  const staff = f.staffAwu;
  const staffField = `${prefix}staffAwu`;
  if (staff === undefined) {
    errors.push({ field: staffField, message: `${who}: Die Zahl der Beschäftigten fehlt.` });
  } else if (!Number.isFinite(staff)) {
    errors.push({
      field: staffField,
      message: `${who}: Die Zahl der Beschäftigten ist keine Zahl (z. B. „12,5“).`,
    });
  } else if (staff < 1 || staff > 10_000_000 || decimals(staff) > 2) {
    // Anhang I Art. 5 AGVO: owner-managers and partners in regular activity count, so an
    // enterprise has at least one annual work unit; 0 or less is a typing error.
    errors.push({
      field: staffField,
      message: `${who}: Die Zahl der Beschäftigten muss mindestens 1 Jahresarbeitseinheit betragen (Inhaber zählen mit; höchstens zwei Nachkommastellen, erhalten: ${String(staff).replace('.', ',')}).`,
    });
  }
  for (const [key, word] of [
    ['turnover', 'Der Jahresumsatz'],
    ['balanceSheet', 'Die Jahresbilanzsumme'],
  ] as const) {
    const cents = key === 'turnover' ? f.turnoverCents : f.balanceSheetCents;
    if (cents === undefined) continue;
    const field = `${prefix}${key}`;
    if (!Number.isFinite(cents)) {
      errors.push({
        field,
        message: `${who}: ${word} ist kein Betrag in Euro (z. B. „4.500.000“ oder „4.500.000,50“).`,
      });
    } else if (cents < 0) {
      errors.push({ field, message: `${who}: ${word} darf nicht negativ sein.` });
    } else if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) {
      errors.push({
        field,
        message: `${who}: ${word} muss ein Betrag zwischen 0 und 100 Mrd. € mit höchstens zwei Nachkommastellen sein.`,
      });
    }
  }
}

function isEmptyRelation(r: RelationDraft): boolean {
  return (
    r.name.trim() === '' &&
    r.share === undefined &&
    r.staffAwu === undefined &&
    r.turnoverCents === undefined &&
    r.balanceSheetCents === undefined
  );
}

/**
 * Partner enterprises hold or are held 25 % to 50 % (Anhang I Art. 3 Abs. 2 AGVO), linked ones
 * more than 50 % (Art. 3 Abs. 3 a). Below 25 % an enterprise is autonomous and is not entered.
 * Control without a majority (Art. 3 Abs. 3 b–d) is not offered [open: would need its own field].
 */
export function checkRelations(
  kind: 'partners' | 'linked',
  rows: RelationDraft[],
  organisationName: string,
  errors: FieldError[],
): ProfileRelation[] {
  const result: ProfileRelation[] = [];
  const filled = rows.map((r, i) => ({ r, i })).filter(({ r }) => !isEmptyRelation(r));
  if (filled.length > MAX_RELATIONS) {
    errors.push({
      field: kind,
      message: `Es sind höchstens ${MAX_RELATIONS} ${kind === 'partners' ? 'Partnerunternehmen' : 'verbundene Unternehmen'} möglich.`,
    });
    return [];
  }
  for (const { r, i } of filled) {
    const prefix = `${kind}.${i}.`;
    const name = r.name.trim().replace(/\s+/g, ' ');
    const who = `${RELATION_WORDS[kind]} in Zeile ${i + 1}${name ? ` („${name.slice(0, 60)}“)` : ''}`;
    if (name === '') {
      errors.push({ field: `${prefix}name`, message: `${who}: Der Name fehlt.` });
    } else if (name.length > 200) {
      errors.push({
        field: `${prefix}name`,
        message: `${who}: Der Name ist zu lang (höchstens 200 Zeichen).`,
      });
    } else if (sameEnterprise(name, organisationName)) {
      errors.push({
        field: `${prefix}name`,
        message: `${who}: Das eigene Unternehmen kann nicht sein eigenes ${kind === 'partners' ? 'Partnerunternehmen' : 'verbundenes Unternehmen'} sein.`,
      });
    }
    const share = r.share;
    const [min, max, range] =
      kind === 'partners' ? [25, 50, '25 % bis 50 %'] : [50, 100, 'mehr als 50 % bis 100 %'];
    if (share === undefined) {
      errors.push({ field: `${prefix}share`, message: `${who}: Die Beteiligung in % fehlt.` });
    } else if (!Number.isFinite(share)) {
      errors.push({
        field: `${prefix}share`,
        message: `${who}: Die Beteiligung ist keine Zahl in % (z. B. „30“ oder „33,33“).`,
      });
    } else if (share < 0 || share > 100 || decimals(share) > 4) {
      errors.push({
        field: `${prefix}share`,
        message: `${who}: Die Beteiligung muss zwischen 0 % und 100 % liegen (höchstens vier Nachkommastellen; erhalten: ${String(share).replace('.', ',')} %).`,
      });
    } else if (share < min || share > max || (kind === 'linked' && share === 50)) {
      errors.push({
        field: `${prefix}share`,
        message:
          kind === 'partners'
            ? `${who}: Partnerunternehmen sind mit ${range} beteiligt (Anhang I Art. 3 Abs. 2 AGVO); unter 25 % gilt ein Unternehmen als eigenständig und wird nicht eingetragen, über 50 % als verbunden.`
            : `${who}: Verbundene Unternehmen sind mit ${range} beteiligt (Anhang I Art. 3 Abs. 3 AGVO); bis 50 % tragen Sie es als Partnerunternehmen ein.`,
      });
    }
    checkFigures(r, prefix, who, errors);
    result.push({
      name,
      sharePpm: Number.isFinite(share) ? Math.round((share ?? 0) * 10_000) : 0,
      staffAwu: r.staffAwu ?? 0,
      turnoverCents: r.turnoverCents,
      balanceSheetCents: r.balanceSheetCents,
    });
  }
  return result;
}

export function checkDuplicates(
  partners: ProfileRelation[],
  linked: ProfileRelation[],
): FieldError[] {
  const all = [
    ...partners.map((r, i) => ({ r, field: `partners.${i}.name` })),
    ...linked.map((r, i) => ({ r, field: `linked.${i}.name` })),
  ];
  const errors: FieldError[] = [];
  all.forEach((a, index) => {
    if (all.slice(0, index).some((b) => sameEnterprise(a.r.name, b.r.name))) {
      errors.push({
        field: a.field,
        message: `Das Unternehmen „${a.r.name.slice(0, 60)}“ ist mehrfach eingetragen; jedes Unternehmen zählt nur einmal (Anhang I Art. 6 AGVO).`,
      });
    }
  });
  return errors;
}
