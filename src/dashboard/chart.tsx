/**
 * Server-rendered SVG charts from d3-scale and d3-shape: horizontal grouped bars for categories,
 * lines for values over time. The chart is an image with a title and a description (the text
 * summary); the same numbers stand in the table beside it. Every mark carries its value in
 * `data-value`, written exactly as in the CSV, so tests can hold the chart against the file.
 */
import { scaleBand, scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import type { VNode } from 'preact';
import { columnHeading, csvNumber, formatNumber } from './format.ts';
import type { ChartKind, ColumnDef, Series } from './indicator.types.ts';

const WIDTH = 760;
const LABEL_WIDTH = 250;
const RIGHT = 90;
/** Colours with at least 3:1 contrast against white (WCAG 1.4.11) and apart from each other. */
const COLOURS = ['#1f4e8c', '#b35900', '#2f7d32', '#7a3e9d'];
const LABEL_MAX = 36;

function shorten(label: string): string {
  return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
}

export function plottedColumns(series: Series): ColumnDef[] {
  return series.columns.filter((c) => c.plotted && c.type === 'number');
}

function Legend(props: { columns: ColumnDef[]; y: number }): VNode {
  return (
    <g class="chart-legend" aria-hidden="true">
      {props.columns.map((c, i) => (
        <g key={c.key} transform={`translate(${LABEL_WIDTH + i * 200}, ${props.y})`}>
          <rect width="12" height="12" fill={COLOURS[i % COLOURS.length]} />
          <text x="18" y="11" font-size="13">
            {shorten(columnHeading(c))}
          </text>
        </g>
      ))}
    </g>
  );
}

function BarChart(props: { series: Series; id: string; title: string; summary: string }): VNode {
  const { series } = props;
  const columns = plottedColumns(series);
  const labelColumn = series.columns[0]!;
  const rowHeight = columns.length * 16 + 14;
  const top = 30;
  const height = top + series.rows.length * rowHeight + 30;
  const values = series.rows.flatMap((r) =>
    columns.map((c) => (typeof r[c.key] === 'number' ? (r[c.key] as number) : 0)),
  );
  const x = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values) || 1])
    .nice()
    .range([LABEL_WIDTH, WIDTH - RIGHT]);
  const y = scaleBand<number>()
    .domain(series.rows.map((_, i) => i))
    .range([top, top + series.rows.length * rowHeight])
    .paddingInner(0.15);
  const band = scaleBand<string>()
    .domain(columns.map((c) => c.key))
    .range([0, y.bandwidth()])
    .padding(0.05);
  const unit = columns[0]?.unit ?? '';
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${props.id}-titel ${props.id}-beschreibung`}
      class="dashboard-chart"
    >
      <title id={`${props.id}-titel`}>{props.title}</title>
      <desc id={`${props.id}-beschreibung`}>{props.summary}</desc>
      <Legend columns={columns} y={4} />
      {withDecimals(x.ticks(5)).map(([tick, decimals]) => (
        <g key={tick} aria-hidden="true">
          <line x1={x(tick)} x2={x(tick)} y1={top - 4} y2={height - 26} stroke="#c8c8c8" />
          <text x={x(tick)} y={height - 10} font-size="12" text-anchor="middle">
            {formatNumber(tick, decimals)}
          </text>
        </g>
      ))}
      <text x={WIDTH - RIGHT} y={height - 10} font-size="12" dx="8" aria-hidden="true">
        {unit}
      </text>
      {series.rows.map((row, i) => {
        const label = String(row[labelColumn.key] ?? '');
        const rowTop = y(i)!;
        return (
          <g key={i}>
            <text
              x={LABEL_WIDTH - 8}
              y={rowTop + y.bandwidth() / 2 + 4}
              font-size="13"
              text-anchor="end"
            >
              {shorten(label)}
            </text>
            {columns.map((c, ci) => {
              const value = row[c.key];
              if (typeof value !== 'number') return null;
              const x0 = x(Math.min(0, value));
              const barWidth = Math.abs(x(value) - x(0));
              return (
                <g key={c.key}>
                  <rect
                    x={x0}
                    y={rowTop + band(c.key)!}
                    width={Math.max(barWidth, 0.5)}
                    height={band.bandwidth()}
                    fill={COLOURS[ci % COLOURS.length]}
                    data-row={i}
                    data-column={c.key}
                    data-value={csvNumber(value, c.decimals ?? 0)}
                  />
                  <text
                    x={x(Math.max(0, value)) + 4}
                    y={rowTop + band(c.key)! + band.bandwidth() / 2 + 4}
                    font-size="11"
                  >
                    {formatNumber(value, c.decimals ?? 0)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

function LineChart(props: { series: Series; id: string; title: string; summary: string }): VNode {
  const { series } = props;
  const columns = plottedColumns(series);
  const dateColumn = series.columns[0]!;
  const height = 320;
  const left = 80;
  const dates = series.rows.map((r) => new Date(`${String(r[dateColumn.key])}T00:00:00Z`));
  const values = series.rows.flatMap((r) =>
    columns.flatMap((c) => (typeof r[c.key] === 'number' ? [r[c.key] as number] : [])),
  );
  const first = dates[0]!;
  const last = dates.at(-1)!;
  const x = scaleUtc()
    .domain(
      first.getTime() === last.getTime()
        ? [new Date(first.getTime() - 86_400_000 * 15), new Date(last.getTime() + 86_400_000 * 15)]
        : [first, last],
    )
    .range([left, WIDTH - 40]);
  const y = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values) || 1])
    .nice()
    .range([height - 40, 30]);
  const unit = columns[0]?.unit ?? '';
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${props.id}-titel ${props.id}-beschreibung`}
      class="dashboard-chart"
    >
      <title id={`${props.id}-titel`}>{props.title}</title>
      <desc id={`${props.id}-beschreibung`}>{props.summary}</desc>
      <Legend columns={columns} y={4} />
      {withDecimals(y.ticks(5)).map(([tick, decimals]) => (
        <g key={tick} aria-hidden="true">
          <line x1={left} x2={WIDTH - 40} y1={y(tick)} y2={y(tick)} stroke="#c8c8c8" />
          <text x={left - 6} y={y(tick) + 4} font-size="12" text-anchor="end">
            {formatNumber(tick, decimals)}
          </text>
        </g>
      ))}
      <text x={4} y={24} font-size="12" aria-hidden="true">
        {unit}
      </text>
      {dateTicks(x, dates).map(({ tick, label }) => (
        <text
          key={tick.getTime()}
          x={x(tick)}
          y={height - 16}
          font-size="12"
          text-anchor="middle"
          aria-hidden="true"
        >
          {label}
        </text>
      ))}
      {columns.map((c, ci) => {
        const points = series.rows.flatMap((r, i) =>
          typeof r[c.key] === 'number' ? [{ i, date: dates[i]!, value: r[c.key] as number }] : [],
        );
        const path = line<{ date: Date; value: number }>()
          .x((p) => x(p.date))
          .y((p) => y(p.value))(points);
        return (
          <g key={c.key}>
            <path
              d={path ?? ''}
              fill="none"
              stroke={COLOURS[ci % COLOURS.length]}
              stroke-width="2.5"
            />
            {points.map((p) => (
              <circle
                key={p.i}
                cx={x(p.date)}
                cy={y(p.value)}
                r="4"
                fill={COLOURS[ci % COLOURS.length]}
                data-row={p.i}
                data-column={c.key}
                data-value={csvNumber(p.value, c.decimals ?? 0)}
              />
            ))}
          </g>
        );
      })}
    </svg>
  );
}

/** The chart of a series, or nothing where there is nothing to draw. */
export function Chart(props: {
  kind: ChartKind;
  series: Series;
  id: string;
  title: string;
  summary: string;
}): VNode | null {
  if (
    props.kind === 'none' ||
    props.series.rows.length === 0 ||
    plottedColumns(props.series).length === 0
  )
    return null;
  return props.kind === 'line' ? <LineChart {...props} /> : <BarChart {...props} />;
}

/** Ticks with the decimals their step needs, so that 0.02 and 0.04 are not both labelled "0,0". */
export function withDecimals(ticks: readonly number[]): [number, number][] {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  const decimals = step >= 1 || step === 0 ? 0 : Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
  return ticks.map((tick) => [tick, decimals]);
}

/**
 * Time-axis labels: up to six data points are labelled with their own dates (a scale's month
 * ticks would put one label between two stands a year apart); more get month ticks.
 */
export function dateTicks(
  x: { ticks(count: number): Date[] },
  dates: readonly Date[],
): { tick: Date; label: string }[] {
  const unique = [...new Map(dates.map((d) => [d.getTime(), d])).values()];
  if (unique.length <= 6)
    return unique.map((tick) => ({
      tick,
      label: tick.toLocaleDateString('de-DE', {
        timeZone: 'UTC',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      }),
    }));
  return x.ticks(6).map((tick) => ({
    tick,
    label: `${String(tick.getUTCMonth() + 1).padStart(2, '0')}.${tick.getUTCFullYear()}`,
  }));
}
