import type { VNode } from 'preact';
import { formatGermanDate, formatGermanDateShort } from '../../law/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import { ErrorSummary, Notice, SelectField, SubmitButton } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import type { ApplicationData } from '../application.ts';
import type { AssignmentFilter, ProcedureListItem } from '../permit.queries.ts';
import { TYPE_LABELS } from '../permit.types.ts';
import { ApplicationForm } from './application.form.tsx';
import { referenceLabel } from '../../procedures/reference.ts';

const STEP_LABELS: Record<string, string> = {
  draft: 'Entwurf',
  submitted: 'eingereicht',
  'completeness-check': 'Vollständigkeitsprüfung',
  'agency-involvement': 'Behördenbeteiligung',
  'decision-drafting': 'Entscheidungsentwurf',
  decided: 'entschieden',
  delivered: 'Bescheid zugestellt',
  'ready-for-participation': 'Vorbereitung der Öffentlichkeitsbeteiligung',
  participation: 'Öffentlichkeitsbeteiligung',
  hearing: 'Erörterung',
  'decision-published': 'Bescheid öffentlich ausgelegt',
  refused: 'abgelehnt',
  withdrawn: 'zurückgenommen',
  rejected: 'abgelehnt (unvollständig)',
};

/** Who works on a case, as the work queue shows it. */
function Assignee(props: { item: ProcedureListItem }): VNode {
  const { caseWorker, deputy } = props.item;
  if (!caseWorker) return <span class="status-unassigned">nicht zugewiesen</span>;
  return (
    <>
      {caseWorker}
      {deputy ? <span class="kern-body--small"> (Vertretung: {deputy})</span> : null}
    </>
  );
}

function FollowUp(props: { item: ProcedureListItem }): VNode | null {
  const { followUpDue, followUpText } = props.item;
  if (!followUpDue) return null;
  return (
    <p class="kern-body--small follow-up-due">
      <strong>Wiedervorlage {formatGermanDateShort(followUpDue)}:</strong> {followUpText}
    </p>
  );
}

function ProcedureTable(props: {
  caption: string;
  items: ProcedureListItem[];
  today: string;
  /** The authority's own queue: assignment and due follow-ups. */
  internal?: boolean;
}): VNode {
  if (props.items.length === 0) return <p class="kern-body">Keine Verfahren.</p>;
  return (
    <DataTable
      caption={props.caption}
      columns={[
        'Aktenzeichen',
        'Vorhaben',
        'Verfahren',
        'Schritt',
        'Behörde',
        ...(props.internal ? ['Zuständig'] : []),
        'Nächste Frist',
      ]}
      rows={props.items.map((p) => ({
        key: p.id,
        cells: [
          referenceLabel(p.reference),
          <>
            <a class="kern-link" href={`/verfahren/${p.id}`}>
              {p.title}
            </a>
            {props.internal ? <FollowUp item={p} /> : null}
          </>,
          TYPE_LABELS[p.typeKey] ?? p.typeKey,
          STEP_LABELS[p.step] ?? p.step,
          p.authority,
          ...(props.internal ? [<Assignee item={p} />] : []),
          p.nextDeadline ? (
            <>
              <span class={p.overdue ? 'status-overdue' : ''}>
                {p.nextDeadlineLabel}: {formatGermanDate(p.nextDeadline)}
                {p.overdue ? ' (überschritten)' : ''}
              </span>
              {p.nextDeadlineRationale ? (
                <details>
                  <summary>Begründung</summary>
                  <p class="kern-body--small">{p.nextDeadlineRationale}</p>
                </details>
              ) : null}
            </>
          ) : (
            '–'
          ),
        ],
      }))}
    />
  );
}

export const ASSIGNMENT_CHOICES: { value: string; filter: AssignmentFilter; label: string }[] = [
  { value: 'team', filter: 'team', label: 'Mein Team (meine Behörde)' },
  { value: 'mir', filter: 'mine', label: 'Mir zugewiesen (auch als Vertretung)' },
  { value: 'keine', filter: 'unassigned', label: 'Nicht zugewiesen' },
];

export function WorkQueuePage(props: {
  ctx: PageContext;
  items: ProcedureListItem[];
  today: string;
  step: string;
  overdue: boolean;
  assignment: string;
}): VNode {
  const due = props.items.filter((p) => p.followUpDue).length;
  return (
    <Layout ctx={props.ctx} title="Arbeitskorb">
      <h1 class="kern-heading-large">Arbeitskorb</h1>
      <p class="kern-body">
        Verfahren Ihrer Behörde, geordnet nach der nächsten gesetzlichen Frist; fällige
        Wiedervorlagen stehen oben.
      </p>
      {due > 0 ? (
        <Notice
          kind="info"
          title={due === 1 ? '1 Wiedervorlage ist fällig.' : `${due} Wiedervorlagen sind fällig.`}
        />
      ) : null}
      <form method="get" action="/arbeitskorb" class="inline-form">
        <SelectField
          name="zuweisung"
          label="Zuständigkeit"
          options={ASSIGNMENT_CHOICES.map((c) => ({ value: c.value, label: c.label }))}
          value={props.assignment}
        />
        <SelectField
          name="schritt"
          label="Verfahrensschritt"
          options={[
            { value: '', label: 'alle' },
            ...Object.entries(STEP_LABELS).map(([value, label]) => ({ value, label })),
          ]}
          value={props.step}
        />
        <SelectField
          name="ueberfaellig"
          label="Fristen"
          options={[
            { value: '', label: 'alle' },
            { value: 'ja', label: 'nur überschrittene' },
          ]}
          value={props.overdue ? 'ja' : ''}
        />
        <SubmitButton variant="secondary">Filtern</SubmitButton>
      </form>
      <ProcedureTable
        caption={`${props.items.length} Verfahren`}
        items={props.items}
        today={props.today}
        internal
      />
    </Layout>
  );
}

export function SimpleListPage(props: {
  ctx: PageContext;
  title: string;
  intro: string;
  items: ProcedureListItem[];
  today: string;
  newLink?: boolean;
}): VNode {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <h1 class="kern-heading-large">{props.title}</h1>
      <p class="kern-body">{props.intro}</p>
      {props.newLink ? (
        <p>
          <a class="kern-btn kern-btn--primary" href="/antraege/neu">
            <span class="kern-label">Neuen Antrag anlegen</span>
          </a>
        </p>
      ) : null}
      <ProcedureTable
        caption={`${props.items.length} Verfahren`}
        items={props.items}
        today={props.today}
      />
    </Layout>
  );
}

export function OverrunPage(props: {
  ctx: PageContext;
  rows: {
    id: string;
    reference: string | null;
    title: string;
    authority: string;
    label: string;
    end_date: string;
    daysOver: number;
    escalated_at: Date | null;
  }[];
}): VNode {
  return (
    <Layout ctx={props.ctx} title="Fristüberschreitungen">
      <h1 class="kern-heading-large">Fristüberschreitungen</h1>
      <p class="kern-body">
        Überschrittene gesetzliche Fristen laufender Verfahren (§ 10 Abs. 6a BImSchG: Meldung an die
        Aufsichtsbehörde).
      </p>
      {props.rows.length === 0 ? (
        <Notice kind="success" title="Keine Fristüberschreitungen." />
      ) : (
        <DataTable
          caption={`${props.rows.length} überschrittene Fristen`}
          columns={[
            'Aktenzeichen',
            'Vorhaben',
            'Behörde',
            'Frist',
            'Fristende',
            { label: 'Tage darüber', numeric: true },
            'Gemeldet',
          ]}
          rows={props.rows.map((r) => ({
            key: `${r.id}-${r.label}`,
            cells: [
              referenceLabel(r.reference),
              <a class="kern-link" href={`/verfahren/${r.id}`}>
                {r.title}
              </a>,
              r.authority,
              r.label,
              formatGermanDate(r.end_date),
              r.daysOver,
              r.escalated_at ? 'ja' : 'nein',
            ],
          }))}
        />
      )}
    </Layout>
  );
}

export function NewApplicationPage(props: {
  ctx: PageContext;
  authorities: { id: string; name: string }[];
  data: ApplicationData;
  authorityId: string;
  errors: FieldError[];
  rows: number;
}): VNode {
  return (
    <Layout ctx={props.ctx} title="Neuer Antrag" hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">Neuer Antrag auf Genehmigung von Windenergieanlagen</h1>
      <p class="kern-body">
        Sie können den Antrag als Entwurf speichern, Unterlagen hochladen und ihn einreichen, wenn
        er vollständig ist. Welches Verfahren gilt, zeigt vorab der{' '}
        <a class="kern-link" href="/verfahrensfinder">
          Verfahrensfinder
        </a>
        .
      </p>
      <ErrorSummary errors={props.errors} />
      <ApplicationForm
        action="/antraege/neu"
        csrfToken={props.ctx.csrfToken}
        data={props.data}
        errors={props.errors}
        authorities={props.authorities}
        authorityId={props.authorityId}
        rows={props.rows}
        submitLabel="Entwurf anlegen"
      />
    </Layout>
  );
}
