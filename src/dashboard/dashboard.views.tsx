/**
 * The public monitoring pages, without script: the overview with a card per point of the plan,
 * and a page per indicator with target, status and its rule, pace, chart, summary, table,
 * sources, files, the dated link and the code to embed the chart.
 */
import { Fragment, type VNode } from 'preact';
import { can } from '../platform/auth/policy.ts';
import { Layout, type PageContext } from '../platform/layout.tsx';
import type { FieldError } from '../platform/errors.ts';
import { indicatorPath, MONITORING_PATH, withStand } from './dashboard.files.ts';
import {
  Figure,
  germanDate,
  paceText,
  SourceText,
  StandErrors,
  StandForm,
  StatusBadge,
} from './dashboard.parts.tsx';
import type { IndicatorDefinition, IndicatorResult } from './indicator.types.ts';
import { PLAN_POINTS } from './indicator.sources.ts';
import { IMPORT_FORM_PATH } from './import.views.tsx';

const COMPUTED_AT = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** When the figures shown were computed from the case tables (they are kept for a short while). */
function ComputedAt(props: { at: Date | undefined }): VNode | null {
  if (!props.at) return null;
  const parts = COMPUTED_AT.formatToParts(props.at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return (
    <p class="kern-body kern-body--small">
      Berechnet am {part('day')}.{part('month')}.{part('year')} um {part('hour')}:{part('minute')}{' '}
      Uhr.
    </p>
  );
}

function Card(props: { result: IndicatorResult; stand: string | undefined }): VNode {
  const { result } = props;
  const { definition } = result;
  return (
    <li class="dashboard-card">
      <h3 class="kern-heading-small">
        <a class="kern-link" href={withStand(indicatorPath(definition.id), props.stand)}>
          {definition.title}
        </a>
      </h3>
      <p class="kern-body">
        <strong>{result.headline.text}</strong>
      </p>
      <p class="kern-body">
        <StatusBadge status={result.status} />
      </p>
      {definition.target ? (
        <p class="kern-body kern-body--small">
          Ziel: {definition.target.label} (<SourceText source={definition.target.source} />)
        </p>
      ) : null}
      <p class="kern-body kern-body--small">
        Datenstand: {result.dataDate ? germanDate(result.dataDate) : 'keine Daten'}
      </p>
    </li>
  );
}

export function OverviewPage(props: {
  ctx: PageContext;
  results: IndicatorResult[];
  /** The oldest computation among the cards. */
  computedAt: Date | undefined;
  stand: string | undefined;
  standValue: string;
  errors: FieldError[];
}): VNode {
  const hasErrors = props.errors.length > 0;
  return (
    <Layout ctx={props.ctx} title="Monitoring: der Plan und die Wirklichkeit" hasErrors={hasErrors}>
      <StandErrors errors={props.errors} />
      <h1 class="kern-heading-large">Monitoring: der Plan und die Wirklichkeit</h1>
      <p class="kern-body">
        Jede Kennzahl stellt ein Ziel des Plans „Sieben Punkte für eine starke Industrie in
        Nordrhein-Westfalen“ gegen gemessene Werte – soweit möglich live aus den Verfahren dieser
        Plattform. Zu jeder Zahl gibt es Quelle, Datenstand, eine Tabelle und die Daten als CSV und
        JSON.
      </p>
      <StandForm action={MONITORING_PATH} value={props.standValue} errors={props.errors} />
      <ComputedAt at={props.computedAt} />
      {hasErrors
        ? null
        : Object.entries(PLAN_POINTS).map(([point, label]) => {
            const cards = props.results.filter((r) => r.definition.planPoint === Number(point));
            return (
              <section key={point} class="dashboard-point" aria-labelledby={`punkt-${point}`}>
                <h2 class="kern-heading-medium" id={`punkt-${point}`}>
                  Punkt {point}: {label}
                </h2>
                <ul class="dashboard-cards">
                  {cards.map((r) => (
                    <Card key={r.definition.id} result={r} stand={props.stand} />
                  ))}
                </ul>
              </section>
            );
          })}
    </Layout>
  );
}

function Facts(props: { result: IndicatorResult }): VNode {
  const { result } = props;
  const { definition } = result;
  const pace = paceText(result);
  return (
    <dl class="dashboard-facts">
      <dt>Punkt des Plans</dt>
      <dd>
        {definition.planPoint}: {PLAN_POINTS[definition.planPoint]}
      </dd>
      <dt>Ziel</dt>
      <dd>
        {definition.target ? (
          <>
            {definition.target.label}
            {definition.target.by ? ` (bis ${germanDate(definition.target.by)})` : ''} – Quelle:{' '}
            <SourceText source={definition.target.source} />
          </>
        ) : (
          'kein beziffertes Ziel'
        )}
      </dd>
      <dt>Aktueller Wert</dt>
      <dd>{result.headline.text}</dd>
      <dt>Status</dt>
      <dd>
        <StatusBadge status={result.status} /> Regel: {definition.ruleText}
      </dd>
      <dt>Tempo</dt>
      <dd>{pace ?? 'nicht berechenbar (zwei Messwerte und ein Ziel mit Datum nötig)'}</dd>
      <dt>Einheit</dt>
      <dd>{definition.unit}</dd>
      <dt>Nächste Aktualisierung</dt>
      <dd>{germanDate(result.nextUpdate)}</dd>
      <dt>Fassung der Kennzahl</dt>
      <dd>
        Version {definition.version}, gültig ab {germanDate(definition.validFrom)}
      </dd>
      {result.provenance.map((p) => (
        <Fragment key={p.importedAt}>
          <dt>Eingespielt</dt>
          <dd>
            {p.url ? (
              <a class="kern-link" href={p.url}>
                {p.source}
              </a>
            ) : (
              p.source
            )}
            , Lizenz: {p.licence}, am {germanDate(p.importedAt.slice(0, 10))}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function IndicatorPage(props: {
  ctx: PageContext;
  definition: IndicatorDefinition;
  result: IndicatorResult | undefined;
  computedAt: Date | undefined;
  stand: string | undefined;
  standValue: string;
  errors: FieldError[];
  publicUrl: string;
}): VNode {
  const { definition, result } = props;
  const path = indicatorPath(definition.id);
  const hasErrors = props.errors.length > 0;
  const permanent = result ? `${props.publicUrl}${path}?stand=${result.stand}` : '';
  const embed = result ? `${props.publicUrl}${path}/einbetten?stand=${result.stand}` : '';
  return (
    <Layout ctx={props.ctx} title={definition.title} hasErrors={hasErrors}>
      <StandErrors errors={props.errors} />
      <p class="kern-body">
        <a class="kern-link" href={withStand(MONITORING_PATH, props.stand)}>
          Zur Übersicht aller Kennzahlen
        </a>
      </p>
      <h1 class="kern-heading-large">{definition.title}</h1>
      <p class="kern-body">{definition.description}</p>
      {definition.origin.kind === 'import' && can(props.ctx.actor, 'monitoring:import') ? (
        <p class="kern-body">
          <a
            class="kern-link"
            href={`${IMPORT_FORM_PATH}?kennzahl=${encodeURIComponent(definition.id)}`}
          >
            Neue Statistik für diese Kennzahl einspielen
          </a>
        </p>
      ) : null}
      <StandForm action={path} value={props.standValue} errors={props.errors} />
      {result ? (
        <>
          <Facts result={result} />
          <ComputedAt at={props.computedAt} />
          <Figure result={result} id="grafik" />
          <section aria-labelledby="daten">
            <h2 class="kern-heading-medium" id="daten">
              Daten und Weiterverwendung
            </h2>
            <ul class="kern-list">
              <li>
                <a class="kern-link" href={withStand(`${path}/daten.csv`, props.stand)}>
                  Daten der Grafik als CSV
                </a>{' '}
                (mit{' '}
                <a
                  class="kern-link"
                  href={withStand(`${path}/daten.csv-metadata.json`, props.stand)}
                >
                  CSV-on-the-Web-Metadaten
                </a>
                )
              </li>
              <li>
                <a class="kern-link" href={withStand(`${path}/daten.json`, props.stand)}>
                  Daten der Grafik als JSON
                </a>
              </li>
              {result.details ? (
                <li>
                  <a class="kern-link" href={withStand(`${path}/einzelwerte`, props.stand)}>
                    {result.detailsTitle} ({result.details.rows.length} Zeilen)
                  </a>
                </li>
              ) : null}
              <li>
                Dauerhafter Link zu diesem Stand:{' '}
                <a class="kern-link" href={permanent}>
                  {permanent}
                </a>
              </li>
            </ul>
            <h3 class="kern-heading-small">Grafik einbetten</h3>
            <p class="kern-body">
              <a class="kern-link" href={`${path}/einbetten?stand=${result.stand}`}>
                Einbettbare Fassung der Grafik
              </a>
              . Code für andere Webseiten:
            </p>
            <pre class="dashboard-code">
              <code>{`<iframe src="${embed}" title="${definition.title}" width="800" height="600"></iframe>`}</code>
            </pre>
          </section>
        </>
      ) : null}
    </Layout>
  );
}
