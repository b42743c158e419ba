/** Parts shared by the dashboard's pages: the data table, sources, status, the stand form. */
import type { VNode } from 'preact';
import type { FieldError } from '../platform/errors.ts';
import { ErrorSummary, TextField } from '../platform/forms.tsx';
import { DataTable } from '../platform/table.tsx';
import { formatGermanDate } from '../law/german-format.ts';
import { Chart } from './chart.tsx';
import { columnHeading, displayCell, formatNumber } from './format.ts';
import type { IndicatorResult, Series, SourceRef, Status } from './indicator.types.ts';
import { STATUS_LABELS } from './status.ts';

export function germanDate(date: string | undefined): string {
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatGermanDate(date) : (date ?? '–');
}

export function SeriesTable(props: { caption: string; series: Series; limit?: number }): VNode {
  const rows = props.limit ? props.series.rows.slice(0, props.limit) : props.series.rows;
  return (
    <DataTable
      caption={props.caption}
      small
      rowHeader={0}
      columns={props.series.columns.map((c) => ({
        label: columnHeading(c),
        numeric: c.type === 'number',
      }))}
      rows={rows.map((row, i) => ({
        key: String(i),
        cells: props.series.columns.map((c) =>
          c.type === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(String(row[c.key] ?? ''))
            ? germanDate(String(row[c.key]))
            : displayCell(c, row[c.key]),
        ),
      }))}
    />
  );
}

export function SourceText(props: { source: SourceRef }): VNode {
  const { source } = props;
  return (
    <>
      {source.url ? (
        <a class="kern-link" href={source.url}>
          {source.title}
        </a>
      ) : (
        source.title
      )}
      {source.open ? ' [offen]' : ''}
    </>
  );
}

const STATUS_CLASS: Record<Status, string> = {
  'on-track': 'kern-badge kern-badge--success',
  behind: 'kern-badge kern-badge--danger',
  'no-data': 'kern-badge kern-badge--info',
  context: 'kern-badge kern-badge--info',
};

export function StatusBadge(props: { status: Status }): VNode {
  return (
    <span class={STATUS_CLASS[props.status]}>
      <span class="kern-label kern-label--small">Status: {STATUS_LABELS[props.status]}</span>
    </span>
  );
}

/** The chart with everything that belongs to it: title, summary, table, source, licence, date. */
export function Figure(props: { result: IndicatorResult; id: string }): VNode {
  const { result } = props;
  const { definition } = result;
  return (
    <figure class="dashboard-figure" aria-labelledby={`${props.id}-ueberschrift`}>
      <figcaption>
        <h2 class="kern-heading-medium" id={`${props.id}-ueberschrift`}>
          {definition.title}
        </h2>
      </figcaption>
      <p class="kern-body dashboard-summary">{result.summary}</p>
      <Chart
        kind={definition.chart}
        series={result.series}
        id={props.id}
        title={definition.title}
        summary={result.summary}
      />
      {result.series.rows.length > 0 ? (
        <SeriesTable caption={`Daten: ${definition.title}`} series={result.series} />
      ) : (
        <p class="kern-body">Keine Werte zu diesem Stand.</p>
      )}
      <dl class="dashboard-facts">
        <dt>Quelle</dt>
        <dd>
          <SourceText source={definition.source} />
        </dd>
        <dt>Lizenz</dt>
        <dd>
          <a class="kern-link" href={definition.licence.url}>
            {definition.licence.name}
          </a>
          {definition.licence.open ? ' [offen]' : ''}
          {definition.licence.attribution
            ? ` – Namensnennung: ${definition.licence.attribution}`
            : ''}
        </dd>
        <dt>Datenstand</dt>
        <dd>{result.dataDate ? germanDate(result.dataDate) : 'keine Daten'}</dd>
        <dt>Stand der Berechnung</dt>
        <dd>{germanDate(result.stand)}</dd>
      </dl>
    </figure>
  );
}

export function paceText(result: IndicatorResult): string | undefined {
  const { pace } = result;
  if (!pace) return undefined;
  const decimals = paceDecimals(pace.needed, pace.achieved);
  return `nötig ${formatNumber(pace.needed, decimals)} ${pace.unit}, erreicht ${formatNumber(pace.achieved, decimals)} ${pace.unit}`;
}

/** Two significant digits of the smaller non-zero pace (0.021 % a year is not "0.0"), at most 4. */
export function paceDecimals(...values: number[]): number {
  const smallest = Math.min(...values.map(Math.abs).filter((v) => v > 0 && Number.isFinite(v)));
  if (!Number.isFinite(smallest) || smallest >= 1) return 1;
  return Math.min(4, 1 - Math.floor(Math.log10(smallest)));
}

export function StandForm(props: { action: string; value: string; errors: FieldError[] }): VNode {
  return (
    <form method="get" action={props.action} class="dashboard-stand" noValidate>
      <TextField
        name="stand"
        type="date"
        label="Stand (Tag, den die Zahlen beschreiben)"
        hint="Format JJJJ-MM-TT. Ein Link mit Stand zeigt morgen dieselben Zahlen wie heute."
        value={props.value}
        errors={props.errors}
        required={false}
      />
      <button type="submit" class="kern-btn kern-btn--secondary">
        <span class="kern-label">Stand anzeigen</span>
      </button>
    </form>
  );
}

export function StandErrors(props: { errors: FieldError[] }): VNode | null {
  return <ErrorSummary errors={props.errors} />;
}
