/**
 * Indicators from shipped public data (data/dashboard/, see data/SOURCES.md) and from the plan's
 * own figures. A dated link shows only data that described a day up to its stand.
 */
import { readFileSync } from 'node:fs';
import { loadGemeinden } from '../registers/geo/data-files.ts';
import type { Compute, Computed } from './compute.types.ts';
import { formatNumber } from './format.ts';
import type { Cell, ColumnDef } from './indicator.types.ts';
import { round } from './stats.ts';

const dataDir = new URL('../../data/dashboard/', import.meta.url);

function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(new URL(file, dataDir), 'utf8').trim().split(/\r?\n/);
  const keys = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
  });
}

const cache = new Map<string, Record<string, string>[]>();
function csv(file: string): Record<string, string>[] {
  let rows = cache.get(file);
  if (!rows) {
    rows = readCsv(file);
    cache.set(file, rows);
  }
  return rows;
}

let gemeindeNames: Map<string, { name: string; kreis: string }> | undefined;
function gemeinden(): Map<string, { name: string; kreis: string }> {
  gemeindeNames ??= new Map(loadGemeinden().map((g) => [g.ags, { name: g.name, kreis: g.kreis }]));
  return gemeindeNames;
}

export function noData(stand: string, text: string, columns: readonly ColumnDef[]): Computed {
  return {
    series: { columns, rows: [] },
    headline: { value: undefined, text: 'keine Daten' },
    summary: text,
    dataDate: undefined,
  };
}

/** Marktstammdatenregister extracts; upstream dates them only by year [open]: end of year assumed. */
const CAPACITY_POINTS = [
  { year: '2021', file: 'mastr_capacity_by_ags_2021_NRW.csv', date: '2021-12-31' },
  { year: '2024', file: 'mastr_capacity_by_ags_2024_NRW.csv', date: '2024-12-31' },
] as const;
const TECHNOLOGIES = [
  { key: 'wind_on', label: 'Windenergie an Land' },
  { key: 'pv', label: 'Photovoltaik' },
  { key: 'biomass', label: 'Biomasse' },
  { key: 'water', label: 'Wasserkraft' },
] as const;
const mw = (kw: string) => round(Number(kw) / 1000, 1);

export const computeCapacity: Compute = async (_db, stand) => {
  const points = CAPACITY_POINTS.filter((p) => p.date <= stand);
  const columns: ColumnDef[] = [
    { key: 'technology', title: 'Energieträger', type: 'string' },
    ...points.map(
      (p) =>
        ({
          key: `y${p.year}`,
          title: `Ende ${p.year}`,
          type: 'number',
          unit: 'MW',
          decimals: 1,
          plotted: true,
        }) as const,
    ),
  ];
  if (points.length === 0)
    return noData(stand, 'Zu diesem Stand gibt es noch keine Daten.', columns);
  const state = points.map((p) => csv(p.file).find((r) => r.ags === '05000000')!);
  const rows: Record<string, Cell>[] = TECHNOLOGIES.map((t) => ({
    _key: t.key,
    technology: t.label,
    ...Object.fromEntries(points.map((p, i) => [`y${p.year}`, mw(state[i]![t.key]!)])),
  }));
  const wind = rows[0]!;
  const last = points.at(-1)!;
  const first = points[0]!;
  const byAgs = points.map((p) => new Map(csv(p.file).map((r) => [r.ags, r])));
  const detailColumns: ColumnDef[] = [
    { key: 'ags', title: 'Gemeindeschlüssel', type: 'string' },
    { key: 'gemeinde', title: 'Gemeinde', type: 'string' },
    { key: 'kreis', title: 'Kreis', type: 'string' },
    ...points.flatMap((p) => [
      {
        key: `wind${p.year}`,
        title: `Wind an Land ${p.year}`,
        type: 'number',
        unit: 'MW',
        decimals: 1,
      } as const,
      {
        key: `pv${p.year}`,
        title: `Photovoltaik ${p.year}`,
        type: 'number',
        unit: 'MW',
        decimals: 1,
      } as const,
      {
        key: `all${p.year}`,
        title: `Alle ${p.year}`,
        type: 'number',
        unit: 'MW',
        decimals: 1,
      } as const,
    ]),
  ];
  const detailRows = [...gemeinden().entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ags, g]) => ({
      _group: ags.slice(0, 5),
      ags,
      gemeinde: g.name,
      kreis: g.kreis,
      ...Object.fromEntries(
        points.flatMap((p, i) => {
          const r = byAgs[i]!.get(ags);
          const all = r ? TECHNOLOGIES.reduce((s, t) => s + Number(r[t.key]), 0) : 0;
          return [
            [`wind${p.year}`, r ? mw(r.wind_on!) : null],
            [`pv${p.year}`, r ? mw(r.pv!) : null],
            [`all${p.year}`, r ? round(all / 1000, 1) : null],
          ];
        }),
      ),
    }));
  const windLast = wind[`y${last.year}`] as number;
  const windFirst = wind[`y${first.year}`] as number;
  return {
    series: { columns, rows },
    headline: {
      value: windLast,
      text: `${formatNumber(windLast, 1)} MW Windenergie an Land (Ende ${last.year})`,
    },
    measurements: points.map((p) => ({ date: p.date, value: wind[`y${p.year}`] as number })),
    summary:
      points.length > 1
        ? `Windenergie an Land wuchs von ${formatNumber(windFirst, 1)} MW (Ende ${first.year}) auf ${formatNumber(windLast, 1)} MW ` +
          `(Ende ${last.year}); Photovoltaik von ${formatNumber(rows[1]![`y${first.year}`] as number, 1)} MW auf ` +
          `${formatNumber(rows[1]![`y${last.year}`] as number, 1)} MW.`
        : `Ende ${last.year}: ${formatNumber(windLast, 1)} MW Windenergie an Land, ${formatNumber(rows[1]![`y${last.year}`] as number, 1)} MW Photovoltaik.`,
    dataDate: last.date,
    details: { columns: detailColumns, rows: detailRows },
    detailsTitle: 'Installierte Leistung je Gemeinde',
  };
};

const EMISSION_POINTS = [
  {
    year: '2018',
    file: 'dehst_industry_co2_by_ags_2018_NRW.csv',
    total: 'sum',
    date: '2018-12-31',
  },
  // Upstream names the total column of 2021 'DG000000' (a typo for 'sum', data/SOURCES.md).
  {
    year: '2021',
    file: 'dehst_industry_co2_by_ags_2021_NRW.csv',
    total: 'DG000000',
    date: '2021-12-31',
  },
] as const;
const SECTORS = [
  { label: 'Chemie', keys: ['chem_ammonia', 'chem_basic', 'chem_other'] },
  {
    label: 'Stahl und Nichteisenmetalle',
    keys: ['metal_steel_primary', 'metal_steel_secondary', 'metal_nonfe'],
  },
  {
    label: 'Zement, Kalk, Keramik, Glas',
    keys: ['miner_cement', 'miner_chalk', 'miner_ceram', 'miner_glas'],
  },
  { label: 'Papier', keys: ['other_paper'] },
  { label: 'Nahrungsmittel und Sonstige', keys: ['other_food', 'other_further'] },
] as const;
const mt = (t: number) => round(t / 1e6, 3);

export const computeEmissions: Compute = async (_db, stand) => {
  const points = EMISSION_POINTS.filter((p) => p.date <= stand);
  const columns: ColumnDef[] = [
    { key: 'sector', title: 'Branche', type: 'string' },
    ...points.map(
      (p) =>
        ({
          key: `y${p.year}`,
          title: String(p.year),
          type: 'number',
          unit: 'Mio. t CO₂',
          decimals: 3,
          plotted: true,
        }) as const,
    ),
  ];
  if (points.length === 0)
    return noData(stand, 'Zu diesem Stand gibt es noch keine Daten.', columns);
  const data = points.map((p) => csv(p.file));
  const rows: Record<string, Cell>[] = SECTORS.map((s) => ({
    _key: s.label,
    sector: s.label,
    ...Object.fromEntries(
      points.map((p, i) => [
        `y${p.year}`,
        mt(data[i]!.reduce((sum, r) => sum + s.keys.reduce((a, k) => a + Number(r[k] ?? 0), 0), 0)),
      ]),
    ),
  }));
  const totals = points.map((p, i) =>
    mt(data[i]!.reduce((sum, r) => sum + Number(r[p.total] ?? 0), 0)),
  );
  rows.push({
    _key: 'insgesamt',
    sector: 'Alle Branchen',
    ...Object.fromEntries(points.map((p, i) => [`y${p.year}`, totals[i]!])),
  });
  const last = points.at(-1)!;
  const detailRows = [...new Set(data.flatMap((d) => d.map((r) => r.ags!)))].sort().map((ags) => ({
    _group: ags.slice(0, 5),
    ags,
    gemeinde: gemeinden().get(ags)?.name ?? ags,
    ...Object.fromEntries(
      points.map((p, i) => {
        const r = data[i]!.find((x) => x.ags === ags);
        return [`y${p.year}`, r ? mt(Number(r[p.total])) : null];
      }),
    ),
  }));
  return {
    series: { columns, rows },
    headline: {
      value: totals.at(-1),
      text: `${formatNumber(totals.at(-1)!, 3)} Mio. t CO₂ (${last.year})`,
    },
    measurements: points.map((p, i) => ({ date: p.date, value: totals[i]! })),
    summary:
      points.length > 1
        ? `Die Industrieanlagen im Emissionshandel stießen ${points[0]!.year} ${formatNumber(totals[0]!, 3)} Mio. t CO₂ aus, ` +
          `${last.year} ${formatNumber(totals.at(-1)!, 3)} Mio. t. Größte Branche ${last.year}: ` +
          `${[...rows.filter((r) => r._key !== 'insgesamt')].sort((a, b) => (b[`y${last.year}`] as number) - (a[`y${last.year}`] as number))[0]!.sector as string}.`
        : `${last.year}: ${formatNumber(totals.at(-1)!, 3)} Mio. t CO₂.`,
    dataDate: last.date,
    details: {
      columns: [
        { key: 'ags', title: 'Gemeindeschlüssel', type: 'string' },
        { key: 'gemeinde', title: 'Gemeinde', type: 'string' },
        ...points.map(
          (p) =>
            ({
              key: `y${p.year}`,
              title: String(p.year),
              type: 'number',
              unit: 'Mio. t CO₂',
              decimals: 3,
            }) as const,
        ),
      ],
      rows: detailRows,
    },
    detailsTitle: 'Emissionen je Gemeinde',
  };
};

/**
 * The plan's own figures, as the plan states them [open: wording and page of the published plan
 * to be checked]. The investment need goes back to a calculation of the RWI that the Land's
 * economics ministry cited in 2023.
 */
export const PLAN_FIGURES = [
  {
    key: 'firms',
    figure: 'Industrieunternehmen in NRW',
    value: 10000,
    unit: 'Unternehmen',
    note: 'etwa',
  },
  {
    key: 'employment',
    figure: 'Anteil der Erwerbstätigen in der Industrie',
    value: 12.5,
    unit: '%',
    note: 'jede und jeder Achte',
  },
  {
    key: 'gva',
    figure: 'Anteil an der Bruttowertschöpfung',
    value: 25,
    unit: '%',
    note: 'mehr als ein Viertel',
  },
  {
    key: 'investment',
    figure: 'Investitionsbedarf der Transformation je Jahr',
    value: 70,
    unit: 'Mrd. Euro',
    note: 'etwa; Berechnung des RWI [offen]',
  },
] as const;
/** [open] The date of the plan text; until checked, the day the figures were recorded. */
export const PLAN_FIGURES_DATE = '2026-12-03';

export const computePlanFigures: Compute = async (_db, stand) => {
  const columns: ColumnDef[] = [
    { key: 'figure', title: 'Kennzahl', type: 'string' },
    { key: 'value', title: 'Wert', type: 'number', decimals: 1 },
    { key: 'unit', title: 'Einheit', type: 'string' },
    { key: 'note', title: 'Angabe im Plan', type: 'string' },
  ];
  if (PLAN_FIGURES_DATE > stand)
    return noData(stand, 'Zu diesem Stand gibt es noch keine Daten.', columns);
  const rows = PLAN_FIGURES.map((f) => ({
    _key: f.key,
    figure: f.figure,
    value: f.value,
    unit: f.unit,
    note: f.note,
  }));
  return {
    series: { columns, rows },
    // The first figure is the headline's number: a context figure with a value, not "no data".
    headline: {
      value: PLAN_FIGURES[0].value,
      text: 'etwa 10.000 Industrieunternehmen, mehr als ein Viertel der Wertschöpfung',
    },
    summary: `Der Plan nennt ${PLAN_FIGURES.map((f) => `${f.figure}: ${f.note} ${formatNumber(f.value, 1)} ${f.unit}`).join('; ')}.`,
    dataDate: PLAN_FIGURES_DATE,
  };
};
