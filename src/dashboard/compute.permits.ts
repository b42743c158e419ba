/**
 * The live permit indicators: durations per section of the procedure and per authority, the
 * decision deadline kept or overrun, objections and their grouping. Each figure is computed from
 * the milestone days of the procedures (permit.queries.ts); the drill-down lists exactly the
 * procedures counted, with reference, type, authority, dates and durations only.
 */
import { MAX_CHART_ROWS, typeLabel, type Compute, type Computed } from './compute.types.ts';
import { formatNumber } from './format.ts';
import type { ColumnDef, Series } from './indicator.types.ts';
import { objectionCounts, permitMilestones, type PermitMilestones } from './permit.queries.ts';
import { daysBetween, median, percentile, round } from './stats.ts';

interface Phase {
  key: string;
  label: string;
  from: keyof PermitMilestones;
  to: keyof PermitMilestones;
}

export const PHASES: readonly Phase[] = [
  {
    key: 'eingang-vollstaendigkeit',
    label: 'Eingang bis Vollständigkeit',
    from: 'submitted',
    to: 'complete',
  },
  {
    key: 'vollstaendigkeit-entscheidung',
    label: 'Vollständigkeit bis Entscheidung',
    from: 'complete',
    to: 'decided',
  },
  {
    key: 'entscheidung-zustellung',
    label: 'Entscheidung bis Zustellung',
    from: 'decided',
    to: 'delivered',
  },
  { key: 'gesamt', label: 'Eingang bis Entscheidung (gesamt)', from: 'submitted', to: 'decided' },
];

function phaseDays(p: PermitMilestones, phase: Phase): number | undefined {
  const from = p[phase.from];
  const to = p[phase.to];
  return typeof from === 'string' && typeof to === 'string' ? daysBetween(from, to) : undefined;
}

const DAYS = { type: 'number', unit: 'Tage', decimals: 1, plotted: true } as const;

function stats(days: number[]) {
  const m = median(days);
  const p90 = percentile(days, 0.9);
  return {
    n: days.length,
    median: m === undefined ? null : round(m, 1),
    p90: p90 === undefined ? null : round(p90, 1),
  };
}

const CASE_COLUMNS: readonly ColumnDef[] = [
  { key: 'reference', title: 'Aktenzeichen', type: 'string' },
  { key: 'type', title: 'Verfahrensart', type: 'string' },
  { key: 'authority', title: 'Behörde', type: 'string' },
  { key: 'submitted', title: 'Eingang', type: 'string' },
  { key: 'complete', title: 'Vollständig', type: 'string' },
  { key: 'decided', title: 'Entschieden', type: 'string' },
  { key: 'delivered', title: 'Zugestellt', type: 'string' },
  ...PHASES.map(
    (phase) => ({ key: phase.key, title: phase.label, type: 'number', unit: 'Tage' }) as const,
  ),
];

function caseDetails(
  cases: readonly PermitMilestones[],
  group: (p: PermitMilestones) => string[],
): Series {
  return {
    columns: CASE_COLUMNS,
    rows: cases.map((p) => ({
      _group: group(p).join('|'),
      reference: p.reference ?? '(ohne Aktenzeichen)',
      type: typeLabel(p.typeKey),
      authority: p.authority,
      submitted: p.submitted,
      complete: p.complete,
      decided: p.decided,
      delivered: p.delivered,
      ...Object.fromEntries(PHASES.map((phase) => [phase.key, phaseDays(p, phase) ?? null])),
    })),
  };
}

const dayText = (value: number | null) =>
  value === null ? 'keine' : `${formatNumber(value, 1)} Tage`;

export const computeDurations: Compute = async (db, stand, _definition, memo) => {
  const cases = await memo.once('permit-milestones', () => permitMilestones(db, stand));
  const rows = PHASES.map((phase) => {
    const days = cases.flatMap((p) => {
      const d = phaseDays(p, phase);
      return d === undefined ? [] : [d];
    });
    return { _key: phase.key, phase: phase.label, ...stats(days) };
  });
  const decision = rows.find((r) => r._key === 'vollstaendigkeit-entscheidung')!;
  const total = rows.find((r) => r._key === 'gesamt')!;
  return {
    series: {
      columns: [
        { key: 'phase', title: 'Abschnitt', type: 'string' },
        { key: 'n', title: 'Verfahren', type: 'number' },
        { key: 'median', title: 'Median', ...DAYS },
        { key: 'p90', title: '90. Perzentil', ...DAYS },
      ],
      rows,
    },
    headline: {
      value: decision.p90 ?? undefined,
      text: `90 % der Verfahren: höchstens ${dayText(decision.p90)} von der Vollständigkeit bis zur Entscheidung`,
    },
    summary:
      `Von der Vollständigkeit bis zur Entscheidung ` +
      `vergingen bei ${formatNumber(decision.n)} entschiedenen Verfahren im Median ${dayText(decision.median)}, ` +
      `beim 90. Perzentil ${dayText(decision.p90)}. Vom Eingang bis zur Entscheidung waren es im Median ` +
      `${dayText(total.median)} (90. Perzentil: ${dayText(total.p90)}).`,
    dataDate: stand,
    details: caseDetails(cases, (p) =>
      PHASES.filter((phase) => phaseDays(p, phase) !== undefined).map((x) => x.key),
    ),
    detailsTitle: 'Verfahren hinter den Zahlen',
  };
};

export const computeAuthorities: Compute = async (db, stand, _definition, memo) => {
  const cases = await memo.once('permit-milestones', () => permitMilestones(db, stand));
  const total = PHASES.find((p) => p.key === 'gesamt')!;
  const byAuthority = new Map<string, { name: string; cases: PermitMilestones[] }>();
  for (const p of cases) {
    const entry = byAuthority.get(p.tenantId) ?? { name: p.authority, cases: [] };
    entry.cases.push(p);
    byAuthority.set(p.tenantId, entry);
  }
  const rows = [...byAuthority.entries()]
    .map(([tenantId, entry]) => {
      const days = entry.cases.flatMap((p) => {
        const d = phaseDays(p, total);
        return d === undefined ? [] : [d];
      });
      const s = stats(days);
      return {
        _key: tenantId,
        authority: entry.name,
        submitted: entry.cases.length,
        decided: s.n,
        median: s.median,
        p90: s.p90,
      };
    })
    .sort((a, b) => a.authority.localeCompare(b.authority, 'de'));
  const decided = rows.reduce((sum, r) => sum + r.decided, 0);
  const slowest = [...rows]
    .filter((r) => r.median !== null)
    .sort((a, b) => b.median! - a.median!)[0];
  return {
    series: {
      columns: [
        { key: 'authority', title: 'Behörde', type: 'string' },
        { key: 'submitted', title: 'Eingereicht', type: 'number' },
        { key: 'decided', title: 'Entschieden', type: 'number' },
        { key: 'median', title: 'Median Eingang bis Entscheidung', ...DAYS },
        { key: 'p90', title: '90. Perzentil Eingang bis Entscheidung', ...DAYS },
      ],
      rows,
    },
    headline: {
      value: cases.length,
      text: `${formatNumber(cases.length)} Verfahren bei ${formatNumber(rows.length)} Behörden`,
    },
    summary:
      `${formatNumber(rows.length)} Behörden haben ${formatNumber(cases.length)} Verfahren erhalten, davon ` +
      `${formatNumber(decided)} entschieden.` +
      (slowest
        ? ` Am längsten dauerte es im Median bei ${slowest.authority}: ${dayText(slowest.median)} vom Eingang bis zur Entscheidung.`
        : ''),
    dataDate: stand,
    details: caseDetails(cases, (p) => [p.tenantId]),
    detailsTitle: 'Verfahren hinter den Zahlen',
  };
};

type DeadlineOutcome = 'in-time' | 'late' | 'overdue' | 'running';

const OUTCOME_LABELS: Record<DeadlineOutcome, string> = {
  'in-time': 'in der Frist entschieden',
  late: 'nach Fristablauf entschieden',
  overdue: 'offen, Frist überschritten',
  running: 'offen, Frist läuft',
};

/**
 * A decision on the last day of the period is in time (§ 31 VwVfG NRW with § 188 BGB: the period
 * ends at the end of that day). An open procedure whose period ended before the stand counts as
 * an overrun too. The period is the one now recorded, including extensions (§ 10 Abs. 6a S. 2).
 */
function outcomeOf(p: PermitMilestones, stand: string): DeadlineOutcome | undefined {
  if (!p.decisionDue) return undefined;
  if (p.decided) return p.decided <= p.decisionDue ? 'in-time' : 'late';
  return p.decisionDue < stand ? 'overdue' : 'running';
}

export const computeDeadlines: Compute = async (db, stand, _definition, memo) => {
  const cases = await memo.once('permit-milestones', () => permitMilestones(db, stand));
  const counted = cases.flatMap((p) => {
    const outcome = outcomeOf(p, stand);
    return outcome ? [{ p, outcome }] : [];
  });
  const count = (o: DeadlineOutcome) => counted.filter((c) => c.outcome === o).length;
  const inTime = count('in-time');
  const late = count('late');
  const overdue = count('overdue');
  const decided = inTime + late;
  const share = decided === 0 ? undefined : round((inTime / decided) * 100, 1);
  const outcomes: DeadlineOutcome[] = ['in-time', 'late', 'overdue', 'running'];
  return {
    series: {
      columns: [
        { key: 'outcome', title: 'Ergebnis', type: 'string' },
        { key: 'count', title: 'Verfahren', type: 'number', plotted: true, unit: 'Verfahren' },
        {
          key: 'share',
          title: 'Anteil an den Entscheidungen',
          type: 'number',
          unit: '%',
          decimals: 1,
        },
      ],
      rows: outcomes.map((o) => ({
        _key: o,
        outcome: OUTCOME_LABELS[o],
        count: count(o),
        share:
          decided > 0 && (o === 'in-time' || o === 'late')
            ? round((count(o) / decided) * 100, 1)
            : null,
      })),
    },
    headline: {
      value: share,
      text:
        share === undefined
          ? 'noch keine Entscheidung mit Frist'
          : `${formatNumber(share, 1)} % in der Frist entschieden`,
    },
    summary:
      decided === 0
        ? `Noch keine Entscheidung mit gesetzlicher Entscheidungsfrist; ${formatNumber(overdue)} offene Verfahren haben die Frist überschritten.`
        : `Von ${formatNumber(decided)} Entscheidungen ergingen ${formatNumber(inTime)} in der Frist ` +
          `(${formatNumber(share!, 1)} %) und ${formatNumber(late)} nach Fristablauf. ` +
          `${formatNumber(overdue)} offene Verfahren haben die Frist überschritten, ${formatNumber(count('running'))} liegen noch in der Frist. ` +
          `Fristüberschreitungen insgesamt: ${formatNumber(late + overdue)}.`,
    dataDate: stand,
    details: {
      columns: [
        { key: 'reference', title: 'Aktenzeichen', type: 'string' },
        { key: 'type', title: 'Verfahrensart', type: 'string' },
        { key: 'authority', title: 'Behörde', type: 'string' },
        { key: 'due', title: 'Fristende', type: 'string' },
        { key: 'decided', title: 'Entschieden', type: 'string' },
        { key: 'overrun', title: 'Tage über der Frist', type: 'number', unit: 'Tage' },
        { key: 'outcome', title: 'Ergebnis', type: 'string' },
      ],
      rows: counted.map(({ p, outcome }) => ({
        _group: outcome,
        reference: p.reference ?? '(ohne Aktenzeichen)',
        type: typeLabel(p.typeKey),
        authority: p.authority,
        due: p.decisionDue,
        decided: p.decided,
        overrun: Math.max(0, daysBetween(p.decisionDue!, p.decided ?? stand)),
        outcome: OUTCOME_LABELS[outcome],
      })),
    },
    detailsTitle: 'Verfahren mit Entscheidungsfrist',
  };
};

export const computeObjections: Compute = async (db, stand): Promise<Computed> => {
  const rows = await objectionCounts(db, stand);
  const total = rows.reduce((s, r) => s + r.objections, 0);
  const grouped = rows.reduce((s, r) => s + r.grouped, 0);
  const groups = rows.reduce((s, r) => s + r.groups, 0);
  const top = [...rows].sort((a, b) => b.objections - a.objections).slice(0, MAX_CHART_ROWS);
  const share = total === 0 ? undefined : round((grouped / total) * 100, 1);
  const columns: readonly ColumnDef[] = [
    { key: 'reference', title: 'Aktenzeichen', type: 'string' },
    { key: 'type', title: 'Verfahrensart', type: 'string' },
    {
      key: 'objections',
      title: 'Einwendungen',
      type: 'number',
      plotted: true,
      unit: 'Einwendungen',
    },
    {
      key: 'grouped',
      title: 'davon gebündelt',
      type: 'number',
      plotted: true,
      unit: 'Einwendungen',
    },
    { key: 'groups', title: 'Gruppen', type: 'number' },
  ];
  const toRow = (r: (typeof rows)[number]) => ({
    _key: r.procedureId,
    _group: r.procedureId,
    reference: r.reference ?? '(ohne Aktenzeichen)',
    type: typeLabel(r.typeKey),
    objections: r.objections,
    grouped: r.grouped,
    groups: r.groups,
  });
  return {
    series: { columns, rows: top.map(toRow) },
    headline: {
      value: total,
      text: `${formatNumber(total)} Einwendungen, ${share === undefined ? '–' : formatNumber(share, 1)} % gebündelt`,
    },
    summary:
      `In ${formatNumber(rows.length)} Verfahren gingen ${formatNumber(total)} Einwendungen ein; ${formatNumber(grouped)} davon ` +
      `sind einer von ${formatNumber(groups)} Gruppen gleichförmiger Einwendungen zugeordnet.` +
      (rows.length > top.length
        ? ` Die Grafik zeigt die ${formatNumber(top.length)} Verfahren mit den meisten Einwendungen.`
        : ''),
    dataDate: stand,
    details: { columns, rows: rows.map(toRow) },
    detailsTitle: 'Alle Verfahren mit Einwendungen',
  };
};
