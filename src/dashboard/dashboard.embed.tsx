/**
 * The embeddable chart (a page of its own, without the portal's navigation, for other sites'
 * iframes) and the drill-down page listing the anonymised cases, register entries or finer rows
 * behind a figure.
 */
import type { VNode } from 'preact';
import { Layout, type PageContext } from '../platform/layout.tsx';
import { indicatorPath, withStand } from './dashboard.files.ts';
import { Figure, germanDate, SeriesTable } from './dashboard.parts.tsx';
import type { IndicatorResult, Series, ValueOrigin } from './indicator.types.ts';

export function EmbedPage(props: { result: IndicatorResult; publicUrl: string }): VNode {
  const { result } = props;
  const { definition } = result;
  const full = `${props.publicUrl}${indicatorPath(definition.id)}?stand=${result.stand}`;
  return (
    <html lang="de">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${definition.title} – Monitoring Industrieland`}</title>
        <link rel="stylesheet" href="/static/kern/fonts/fira-sans.css" />
        <link rel="stylesheet" href="/static/kern/kern.min.css" />
        <link rel="stylesheet" href="/static/site.css" />
        <base target="_blank" />
      </head>
      <body class="dashboard-embed">
        <main class="kern-container">
          <h1 class="kern-heading-medium">
            Monitoring Industrieland, Stand {germanDate(result.stand)}
          </h1>
          <Figure result={result} id="grafik" />
          <p class="kern-body">
            <a class="kern-link" href={full}>
              Kennzahl mit Ziel, Status und Daten auf Industrieland öffnen
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}

/**
 * What the drill-down lists and what it leaves out, by where the indicator's values come from: the
 * platform's cases, the entries of a public register, or published statistics.
 */
export function privacyNote(origin: ValueOrigin): string {
  switch (origin.kind) {
    case 'live':
      return (
        'Die Liste nennt je Verfahren nur Aktenzeichen, Art, Daten, Dauern und Beträge: keine ' +
        'Namen von Personen, keine Angaben zu Einwenderinnen und Einwendern, keine Betriebs- und ' +
        'Geschäftsgeheimnisse.'
      );
    case 'register':
      return (
        'Die Liste nennt je Fläche nur, was das öffentliche Register zeigt (Bezeichnung, Lage, ' +
        'Größe, Planungs- oder Rechtsstand und die Tage, an denen sie zählt): keine Namen von ' +
        'Personen, keine Kontaktangaben.'
      );
    case 'shipped':
      return (
        'Die Liste nennt veröffentlichte Werte der angegebenen Quelle, zusammengefasst je Gemeinde: ' +
        'keine Angaben zu Personen.'
      );
    case 'import':
    case 'plan':
      return 'Die Liste nennt die Werte hinter den Zahlen: keine Angaben zu Personen.';
  }
}

/** Rows shown on the page; the CSV holds all of them. */
export const DETAIL_PAGE_ROWS = 500;

export function DetailsPage(props: {
  ctx: PageContext;
  result: IndicatorResult;
  group: string | undefined;
  stand: string | undefined;
}): VNode {
  const { result } = props;
  const all = result.details ?? { columns: [], rows: [] };
  const details = detailsFor(all, props.group);
  const groups = new Set(all.rows.flatMap((r) => String(r._group ?? '').split('|')));
  const filters = result.series.rows.filter(
    (r) => typeof r._key === 'string' && groups.has(r._key),
  );
  const { definition } = result;
  const title = `${result.detailsTitle ?? 'Einzelwerte'}: ${definition.title}`;
  const path = indicatorPath(definition.id);
  const csv = `${path}/einzelwerte.csv?${new URLSearchParams({
    ...(props.stand ? { stand: props.stand } : {}),
    ...(props.group ? { gruppe: props.group } : {}),
  }).toString()}`;
  return (
    <Layout ctx={props.ctx} title={title}>
      <p class="kern-body">
        <a class="kern-link" href={withStand(path, props.stand)}>
          Zurück zur Kennzahl
        </a>
      </p>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">
        {details.rows.length} Zeilen zum Stand {germanDate(result.stand)}
        {props.group ? ' (nur die gewählte Zeile der Grafik)' : ''}.{' '}
        {privacyNote(definition.origin)}
        {details.rows.length > DETAIL_PAGE_ROWS
          ? ` Die Seite zeigt die ersten ${DETAIL_PAGE_ROWS}; die CSV-Datei enthält alle.`
          : ''}
      </p>
      <p class="kern-body">
        <a class="kern-link" href={csv}>
          Alle Zeilen als CSV
        </a>
      </p>
      {filters.length > 0 ? (
        <nav aria-label="Nach Zeile der Grafik filtern">
          <ul class="kern-list kern-list--horizontal">
            <li>
              <a class="kern-link" href={withStand(`${path}/einzelwerte`, props.stand)}>
                alle
              </a>
            </li>
            {filters.map((r) => (
              <li key={String(r._key)}>
                <a
                  class="kern-link"
                  href={`${path}/einzelwerte?${new URLSearchParams({
                    ...(props.stand ? { stand: props.stand } : {}),
                    gruppe: String(r._key),
                  }).toString()}`}
                  aria-current={props.group === r._key ? 'page' : undefined}
                >
                  {String(r[result.series.columns[0]!.key] ?? r._key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <SeriesTable caption={title} series={details} limit={DETAIL_PAGE_ROWS} />
    </Layout>
  );
}

/** The rows behind one row of the chart (its `_key` among the detail row's `_group` keys). */
export function detailsFor(details: Series, group: string | undefined): Series {
  if (!group) return details;
  return {
    columns: details.columns,
    rows: details.rows.filter((r) =>
      String(r._group ?? '')
        .split('|')
        .includes(group),
    ),
  };
}
