/**
 * Status page of one background job and the list of a procedure's jobs. Without script the page
 * is brought up to date by reloading: an "Aktualisieren" link, and on request a reload every few
 * seconds (meta refresh) while the job runs. The automatic reload is the user's choice, not the
 * default: a page that reloads itself moves a screen reader back to the top every few seconds
 * (WCAG 2.2.1, Timing Adjustable), so it is offered and can be turned off again.
 */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { ErrorSummary, Notice } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import type { WorkCase } from './work.access.ts';
import { formatProgress, formatRemaining, progressPercent, remainingMs } from './work.eta.ts';
import type { DoneNotice, WorkJob, WorkJobState, WorkKind, WorkKinds } from './work.types.ts';

export const REFRESH_SECONDS = 5;

export const workListPath = (procedureId: string) => `/verfahren/${procedureId}/auftraege`;
export const workPath = (procedureId: string, jobId: string) =>
  `${workListPath(procedureId)}/${jobId}`;

export const STATE_LABELS: Record<WorkJobState, string> = {
  queued: 'wartet auf den Start',
  running: 'läuft',
  done: 'fertig',
  failed: 'fehlgeschlagen',
};

const UNKNOWN_KIND: Pick<WorkKind, 'label' | 'unit'> = { label: 'Auftrag', unit: 'Schritte' };

function kindOf(kinds: WorkKinds, key: string): Pick<WorkKind, 'label' | 'unit'> {
  return kinds[key] ?? UNKNOWN_KIND;
}

const active = (job: WorkJob) => job.state === 'queued' || job.state === 'running';

function ProgressBar(props: { job: WorkJob; unit: string }): VNode {
  const { job } = props;
  const percent = progressPercent(job);
  const text = formatProgress(job, props.unit);
  return (
    <div class="work-progress">
      <label class="kern-label" for="fortschritt">
        Fortschritt
      </label>
      {job.total === null ? (
        <progress id="fortschritt" aria-describedby="fortschritt-text">
          Umfang wird ermittelt
        </progress>
      ) : (
        <progress
          id="fortschritt"
          max={Math.max(job.total, 1)}
          value={job.total === 0 ? 1 : Math.min(job.done, job.total)}
          aria-describedby="fortschritt-text"
        >
          {percent} %
        </progress>
      )}
      <p class="kern-body" id="fortschritt-text">
        {text}
      </p>
    </div>
  );
}

function Facts(props: { items: [string, string][] }): VNode {
  return (
    <dl class="kern-description-list">
      {props.items.map(([key, value]) => (
        <div class="kern-description-list-item" key={key}>
          <dt class="kern-description-list-item__key">{key}</dt>
          <dd class="kern-description-list-item__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function requestedBy(job: WorkJob): string {
  return `${formatTimestamp(job.requestedAt)}${job.requestedByName ? `, ${job.requestedByName}` : ''}`;
}

export interface StatusPageProps {
  ctx: PageContext;
  procedure: WorkCase;
  job: WorkJob;
  kind: WorkKind | undefined;
  notice: DoneNotice | undefined;
  now: Date;
  autoRefresh: boolean;
  /** Set when a second request found this job already queued or running. */
  alreadyRunning: boolean;
}

export function WorkStatusPage(props: StatusPageProps): VNode {
  const { ctx, procedure, job, now } = props;
  const kind = props.kind ?? UNKNOWN_KIND;
  const self = workPath(procedure.id, job.id);
  const running = active(job);
  const facts: [string, string][] = [
    ['Zustand', STATE_LABELS[job.state]],
    ...(job.phase && running ? [['Schritt', job.phase] as [string, string]] : []),
    ...(running
      ? [['Verbleibende Zeit', formatRemaining(remainingMs(job, now))] as [string, string]]
      : []),
    ['Angefordert', requestedBy(job)],
    ['Gestartet', formatTimestamp(job.startedAt)],
    ['Beendet', formatTimestamp(job.finishedAt)],
  ];
  return (
    <Layout
      ctx={ctx}
      title={`${kind.label} – ${STATE_LABELS[job.state]} – ${procedure.reference}`}
      refreshSeconds={running && props.autoRefresh ? REFRESH_SECONDS : undefined}
    >
      <p class="kern-body">
        <a class="kern-link" href={`/verfahren/${procedure.id}`}>
          Zurück zum Verfahren {procedure.reference}
        </a>{' '}
        ·{' '}
        <a class="kern-link" href={workListPath(procedure.id)}>
          Alle Aufträge dieses Verfahrens
        </a>
      </p>
      <h1 class="kern-heading-large">{kind.label}</h1>
      <p class="kern-body">
        {procedure.reference} – {procedure.title}
      </p>
      {props.alreadyRunning && running ? (
        <Notice kind="info" title="Dieser Auftrag läuft bereits">
          <p class="kern-body">
            Für dieses Verfahren wird diese Arbeit schon ausgeführt; ein zweiter Auftrag wurde nicht
            angelegt. Hier sehen Sie den laufenden.
          </p>
        </Notice>
      ) : null}
      {running ? (
        <section aria-labelledby="stand">
          <h2 class="kern-heading-medium" id="stand">
            Stand
          </h2>
          <p class="kern-body">
            Der Auftrag läuft im Hintergrund. Sie können diese Seite verlassen und weiterarbeiten;
            das Ergebnis finden Sie danach unter „Alle Aufträge dieses Verfahrens“.
          </p>
          {props.autoRefresh ? (
            <p class="kern-body">
              Diese Seite aktualisiert sich alle {REFRESH_SECONDS} Sekunden selbst.{' '}
              <a class="kern-link" href={self}>
                Automatische Aktualisierung ausschalten
              </a>
            </p>
          ) : (
            <p class="kern-body">
              <a class="kern-link" href={`${self}?automatisch=ein`}>
                Automatisch alle {REFRESH_SECONDS} Sekunden aktualisieren
              </a>
            </p>
          )}
          <ProgressBar job={job} unit={kind.unit} />
          <p class="kern-body">
            <a class="kern-link" href={props.autoRefresh ? `${self}?automatisch=ein` : self}>
              Aktualisieren
            </a>
          </p>
        </section>
      ) : null}
      {job.state === 'done' ? (
        <Notice kind="success" title="Der Auftrag ist fertig">
          <p class="kern-body">{props.notice?.text ?? 'Die Arbeit ist erledigt.'}</p>
          {props.notice?.link ? (
            <p class="kern-body">
              <a class="kern-link" href={props.notice.link.href}>
                {props.notice.link.label}
              </a>
            </p>
          ) : null}
        </Notice>
      ) : null}
      {job.state === 'failed' ? (
        <Notice kind="danger" title="Der Auftrag ist fehlgeschlagen">
          <p class="kern-body">{job.errorMessage}</p>
          {props.kind ? (
            <p class="kern-body">
              <a class="kern-link" href={props.kind.startPage(procedure.id)}>
                Zur Seite, auf der Sie den Auftrag erneut starten können
              </a>
            </p>
          ) : null}
        </Notice>
      ) : null}
      <section aria-labelledby="angaben">
        <h2 class="kern-heading-medium" id="angaben">
          Angaben zum Auftrag
        </h2>
        <Facts items={facts} />
      </section>
    </Layout>
  );
}

export function WorkListPage(props: {
  ctx: PageContext;
  procedure: WorkCase;
  jobs: WorkJob[];
  kinds: WorkKinds;
  /** Forms that start work, provided by the features that register kinds. */
  startForms?: VNode | null;
  /** A start form was sent with bad input (the form shows the fields). */
  errors?: FieldError[];
}): VNode {
  const { ctx, procedure, jobs } = props;
  const errors = props.errors ?? [];
  return (
    <Layout
      ctx={ctx}
      title={`Aufträge im Hintergrund – ${procedure.reference}`}
      hasErrors={errors.length > 0}
    >
      <p class="kern-body">
        <a class="kern-link" href={`/verfahren/${procedure.id}`}>
          Zurück zum Verfahren {procedure.reference}
        </a>
      </p>
      <h1 class="kern-heading-large">Aufträge im Hintergrund</h1>
      <p class="kern-body">
        {procedure.reference} – {procedure.title}
      </p>
      <ErrorSummary errors={errors} />
      <p class="kern-body">
        Lange Arbeiten an vielen Einwendungen laufen im Hintergrund; Sie arbeiten währenddessen
        weiter. Je Verfahren und Art läuft höchstens ein Auftrag zur selben Zeit.
      </p>
      {props.startForms ?? null}
      <section aria-labelledby="liste">
        <h2 class="kern-heading-medium" id="liste">
          Bisherige Aufträge
        </h2>
        {jobs.length === 0 ? (
          <p class="kern-body">Für dieses Verfahren gab es noch keine Aufträge.</p>
        ) : (
          <DataTable
            caption="Aufträge, die neuesten zuerst"
            columns={['Auftrag', 'Zustand', 'Fortschritt', 'Angefordert', 'Beendet']}
            rowHeader={0}
            rows={jobs.map((job) => {
              const kind = kindOf(props.kinds, job.kind);
              return {
                key: job.id,
                cells: [
                  <a class="kern-link" href={workPath(procedure.id, job.id)}>
                    {kind.label}
                  </a>,
                  STATE_LABELS[job.state],
                  formatProgress(job, kind.unit),
                  requestedBy(job),
                  formatTimestamp(job.finishedAt),
                ],
              };
            })}
          />
        )}
      </section>
    </Layout>
  );
}
