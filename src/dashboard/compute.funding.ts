/**
 * The live funding indicators: applications and time to decision per programme, money committed
 * and paid per programme and per Kreis (from the budget ledger), the share reaching small firms
 * (from the award record) and training bonuses paid. Drill-downs show reference, programme,
 * dates and amounts only: no applicant, no person.
 */
import { fundingProgrammeVersions } from '../law/funding/index.ts';
import { loadGemeinden } from '../registers/geo/data-files.ts';
import type { Memo } from './cache.ts';
import type { Compute } from './compute.types.ts';
import { formatNumber } from './format.ts';
import type { ColumnDef, Series } from './indicator.types.ts';
import {
  awardsBySize,
  bonusPayments,
  fundingCases,
  type FundingCaseRow,
} from './funding.queries.ts';
import { daysBetween, median, percentile, round } from './stats.ts';

const EURO = { type: 'number', unit: 'Euro', decimals: 2 } as const;

let programmeTitles: Map<string, string> | undefined;
function programmeTitle(id: string): string {
  if (!programmeTitles) {
    programmeTitles = new Map();
    // The first version of a programme names it, as a search from the front would.
    for (const p of fundingProgrammeVersions)
      if (!programmeTitles.has(p.programmeId)) programmeTitles.set(p.programmeId, p.title);
  }
  return programmeTitles.get(id) ?? id;
}

let kreisNames: Map<string, string> | undefined;
export function kreisName(key: string | null): string {
  if (!key) return 'Sitz unbekannt';
  kreisNames ??= new Map(loadGemeinden().map((g) => [g.ags.slice(0, 5), g.kreis]));
  return kreisNames.get(key) ?? `Kreis ${key}`;
}

const euros = (cents: number) => round(cents / 100, 2);
const euroText = (value: number) => `${formatNumber(value, 2)} Euro`;

function decisionDays(c: FundingCaseRow): number | undefined {
  return c.decided ? daysBetween(c.submitted, c.decided) : undefined;
}

const CASE_COLUMNS: readonly ColumnDef[] = [
  { key: 'reference', title: 'Aktenzeichen', type: 'string' },
  { key: 'programme', title: 'Programm', type: 'string' },
  { key: 'kreis', title: 'Kreis', type: 'string' },
  { key: 'submitted', title: 'Eingang', type: 'string' },
  { key: 'decided', title: 'Entschieden', type: 'string' },
  { key: 'days', title: 'Tage bis zur Entscheidung', type: 'number', unit: 'Tage' },
  { key: 'requested', title: 'Beantragt', ...EURO },
  { key: 'committed', title: 'Gebunden', ...EURO },
  { key: 'paid', title: 'Ausgezahlt', ...EURO },
];

/**
 * The cases of a stand with their money, and the drill-down rows built from them: read and built
 * once for the three indicators that show them (the rows are not changed by their readers).
 */
async function casesWithDetails(db: Parameters<Compute>[0], stand: string, memo: Memo) {
  const cases = await memo.once('funding-cases', () => fundingCases(db, stand));
  const details: Series = await memo.once('funding-case-details', () =>
    Promise.resolve({ columns: CASE_COLUMNS, rows: caseRows(cases) }),
  );
  return { cases, details };
}

function caseRows(cases: readonly FundingCaseRow[]) {
  return cases.map((c) => ({
    _group: `${c.programmeId}|${c.kreisKey ?? 'unbekannt'}`,
    reference: c.reference ?? '(ohne Aktenzeichen)',
    programme: programmeTitle(c.programmeId),
    kreis: kreisName(c.kreisKey),
    submitted: c.submitted,
    decided: c.decided,
    days: decisionDays(c) ?? null,
    requested: euros(c.requestedCents),
    committed: euros(c.committedCents),
    paid: euros(c.paidCents),
  }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export const computeApplications: Compute = async (db, stand, _definition, memo) => {
  const { cases, details } = await casesWithDetails(db, stand, memo);
  const rows = [...groupBy(cases, (c) => c.programmeId).entries()]
    .map(([id, group]) => {
      const days = group.flatMap((c) => decisionDays(c) ?? []);
      const m = median(days);
      const p90 = percentile(days, 0.9);
      return {
        _key: id,
        programme: programmeTitle(id),
        applications: group.length,
        decided: days.length,
        median: m === undefined ? null : round(m, 1),
        p90: p90 === undefined ? null : round(p90, 1),
      };
    })
    .sort((a, b) => a.programme.localeCompare(b.programme, 'de'));
  const allDays = cases.flatMap((c) => decisionDays(c) ?? []);
  const m = median(allDays);
  const p90 = percentile(allDays, 0.9);
  const overall = m === undefined ? undefined : round(m, 1);
  // The row for all programmes carries the figures the headline and the summary state.
  rows.push({
    _key: 'alle',
    programme: 'Alle Programme',
    applications: cases.length,
    decided: allDays.length,
    median: overall ?? null,
    p90: p90 === undefined ? null : round(p90, 1),
  });
  return {
    series: {
      columns: [
        { key: 'programme', title: 'Programm', type: 'string' },
        { key: 'applications', title: 'Anträge', type: 'number' },
        { key: 'decided', title: 'Entschieden', type: 'number' },
        {
          key: 'median',
          title: 'Median bis zur Entscheidung',
          type: 'number',
          unit: 'Tage',
          decimals: 1,
          plotted: true,
        },
        {
          key: 'p90',
          title: '90. Perzentil bis zur Entscheidung',
          type: 'number',
          unit: 'Tage',
          decimals: 1,
          plotted: true,
        },
      ],
      rows,
    },
    headline: {
      value: overall,
      text:
        overall === undefined
          ? `${formatNumber(cases.length)} Anträge, noch keine Entscheidung`
          : `Median ${formatNumber(overall, 1)} Tage bis zur Entscheidung`,
    },
    summary:
      `${formatNumber(cases.length)} Förderanträge in ${formatNumber(rows.length - 1)} Programmen wurden eingereicht, ` +
      `${formatNumber(allDays.length)} davon entschieden` +
      (overall === undefined ? '.' : `, im Median nach ${formatNumber(overall, 1)} Tagen.`),
    dataDate: stand,
    details,
    detailsTitle: 'Förderanträge hinter den Zahlen',
  };
};

function moneyIndicator(
  by: (c: FundingCaseRow) => string,
  label: (key: string) => string,
  heading: string,
): Compute {
  return async (db, stand, _definition, memo) => {
    const { cases, details } = await casesWithDetails(db, stand, memo);
    const rows = [...groupBy(cases, by).entries()]
      .map(([key, group]) => ({
        _key: key,
        name: label(key),
        cases: group.length,
        committed: euros(group.reduce((s, c) => s + c.committedCents, 0)),
        paid: euros(group.reduce((s, c) => s + c.paidCents, 0)),
      }))
      .sort((a, b) => b.committed - a.committed || a.name.localeCompare(b.name, 'de'));
    const committed = euros(cases.reduce((s, c) => s + c.committedCents, 0));
    const paid = euros(cases.reduce((s, c) => s + c.paidCents, 0));
    const top = rows[0];
    return {
      series: {
        columns: [
          { key: 'name', title: heading, type: 'string' },
          { key: 'cases', title: 'Anträge', type: 'number' },
          { key: 'committed', title: 'Gebunden', ...EURO, plotted: true },
          { key: 'paid', title: 'Ausgezahlt', ...EURO, plotted: true },
        ],
        rows,
      },
      headline: {
        value: committed,
        text: `${euroText(committed)} gebunden, ${euroText(paid)} ausgezahlt`,
      },
      summary:
        `Insgesamt sind ${euroText(committed)} gebunden und ${euroText(paid)} ausgezahlt.` +
        (top ? ` Am meisten gebunden ist bei ${top.name}: ${euroText(top.committed)}.` : ''),
      dataDate: stand,
      details,
      detailsTitle: 'Förderanträge hinter den Zahlen',
    };
  };
}

export const computeMoneyByProgramme = moneyIndicator(
  (c) => c.programmeId,
  programmeTitle,
  'Programm',
);
export const computeMoneyByKreis = moneyIndicator(
  (c) => c.kreisKey ?? 'unbekannt',
  (key) => kreisName(key === 'unbekannt' ? null : key),
  'Kreis',
);

const SIZE_LABELS = {
  small: 'kleine Unternehmen',
  medium: 'mittlere Unternehmen',
  large: 'große Unternehmen',
  unknown: 'Größe nicht erfasst',
} as const;

export const computeSmallFirms: Compute = async (db, stand) => {
  const awards = await awardsBySize(db, stand);
  const total = awards.reduce((s, a) => s + a.amountCents, 0);
  const rows = (['small', 'medium', 'large', 'unknown'] as const).map((size) => {
    const group = awards.filter((a) => (a.size ?? 'unknown') === size);
    const cents = group.reduce((s, a) => s + a.amountCents, 0);
    return {
      _key: size,
      size: SIZE_LABELS[size],
      awards: group.length,
      amount: euros(cents),
      share: total === 0 ? null : round((cents / total) * 100, 1),
    };
  });
  const small = rows[0]!;
  return {
    series: {
      columns: [
        { key: 'size', title: 'Unternehmensgröße', type: 'string' },
        { key: 'awards', title: 'Bewilligungen', type: 'number' },
        { key: 'amount', title: 'Bewilligt', ...EURO },
        {
          key: 'share',
          title: 'Anteil am bewilligten Betrag',
          type: 'number',
          unit: '%',
          decimals: 1,
          plotted: true,
        },
      ],
      rows,
    },
    headline: {
      value: small.share ?? undefined,
      text:
        small.share === null
          ? 'noch keine Bewilligung'
          : `${formatNumber(small.share, 1)} % an kleine Unternehmen`,
    },
    summary:
      total === 0
        ? 'Noch keine Bewilligung ist in der Liste der gewährten Förderungen erfasst.'
        : `Von ${euroText(euros(total))} in ${formatNumber(awards.length)} Bewilligungen gingen ${euroText(small.amount)} ` +
          `(${formatNumber(small.share!, 1)} %) an kleine Unternehmen.`,
    dataDate: stand,
    details: {
      columns: [
        { key: 'reference', title: 'Aktenzeichen', type: 'string' },
        { key: 'programme', title: 'Programm', type: 'string' },
        { key: 'grantedOn', title: 'Bewilligt am', type: 'string' },
        { key: 'size', title: 'Unternehmensgröße', type: 'string' },
        { key: 'amount', title: 'Betrag', ...EURO },
      ],
      rows: awards.map((a) => ({
        _group: a.size ?? 'unknown',
        reference: a.reference ?? '(ohne Aktenzeichen)',
        programme: programmeTitle(a.programmeId),
        grantedOn: a.grantedOn,
        size: SIZE_LABELS[a.size ?? 'unknown'],
        amount: euros(a.amountCents),
      })),
    },
    detailsTitle: 'Bewilligungen hinter den Zahlen',
  };
};

export const computeTrainingBonus: Compute = async (db, stand) => {
  const payments = await bonusPayments(db, stand);
  const months = [...groupBy(payments, (p) => p.paidOn.slice(0, 7)).entries()].sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const rows = months.map(([month, group]) => ({
    _key: month,
    month: `${month}-01`,
    count: group.length,
    amount: euros(group.reduce((s, p) => s + p.amountCents, 0)),
  }));
  const total = euros(payments.reduce((s, p) => s + p.amountCents, 0));
  return {
    series: {
      columns: [
        { key: 'month', title: 'Monat', type: 'string' },
        { key: 'count', title: 'Ausgezahlte Prämien', type: 'number' },
        { key: 'amount', title: 'Ausgezahlt', ...EURO, plotted: true },
      ],
      rows,
    },
    headline: {
      value: total,
      text: `${formatNumber(payments.length)} Prämien, ${euroText(total)} ausgezahlt`,
    },
    summary:
      payments.length === 0
        ? 'Noch keine Bildungsprämie ist ausgezahlt.'
        : `${formatNumber(payments.length)} Bildungsprämien mit zusammen ${euroText(total)} wurden in ` +
          `${formatNumber(rows.length)} Monaten ausgezahlt.`,
    dataDate: stand,
    details: {
      columns: [
        { key: 'claim', title: 'Antrag (laufende Nummer)', type: 'number' },
        { key: 'paidOn', title: 'Ausgezahlt am', type: 'string' },
        { key: 'amount', title: 'Betrag', ...EURO },
      ],
      rows: payments.map((p) => ({
        _group: p.paidOn.slice(0, 7),
        claim: p.claimSeq,
        paidOn: p.paidOn,
        amount: euros(p.amountCents),
      })),
    },
    detailsTitle: 'Auszahlungen hinter den Zahlen',
  };
};
