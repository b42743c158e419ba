import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import { Checkbox, SelectField, SubmitButton, TextArea } from '../../platform/forms.tsx';
import type { PageContext } from '../../platform/layout.tsx';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import type { CaseView } from '../procedure.view-model.ts';
import { letterDocumentLabel, STATUS_LABELS } from './labels.ts';
import { referenceLabel } from '../../procedures/reference.ts';

/* The facts of a permit case as its page shows them: summary, deadlines with their rationale,
 * documents. */

const DOC_TYPE_LABELS: Record<string, string> = {
  decision: 'Bescheid',
  'hearing-minutes': 'Niederschrift der Erörterung (§ 19 9. BImSchV)',
  'statement-attachment': 'Anlage zur Stellungnahme',
  other: 'Sonstige Unterlage',
};

export function Summary(props: { view: CaseView; assignee?: string }): VNode {
  const { view } = props;
  const items: [string, string][] = [
    ['Aktenzeichen', referenceLabel(view.row.reference)],
    ['Verfahrensart', `${view.typeLabel}, Rechtsstand ${view.type.version}`],
    ['Verfahrensschritt', view.stepLabel],
    ['Genehmigungsbehörde', view.authority],
    ['Antragstellerin', view.applicant],
    ...(props.assignee ? [['Zuständig', props.assignee] as [string, string]] : []),
  ];
  return (
    <dl class="kern-description-list">
      {items.map(([k, v]) => (
        <div class="kern-description-list-item" key={k}>
          <dt class="kern-description-list-item__key">{k}</dt>
          <dd class="kern-description-list-item__value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every deadline shown carries its rationale (architecture invariant 3). */
export function DeadlineRationale(props: {
  deadline: { rationale: string; citations: string[] };
}): VNode {
  return (
    <details>
      <summary>Begründung und Rechtsgrundlagen</summary>
      <p class="kern-body keep-lines">{props.deadline.rationale}</p>
      <p class="kern-body--small">{props.deadline.citations.join('; ')}</p>
    </details>
  );
}

export function Deadlines(props: { view: CaseView }): VNode {
  const { view } = props;
  if (view.deadlines.length === 0) return <p class="kern-body">Noch keine laufenden Fristen.</p>;
  return (
    <ul class="kern-list">
      {view.deadlines.map((d) => {
        const overdue =
          d.status === 'expired' || (d.status === 'running' && d.end_date < view.today);
        return (
          <li key={d.key} class="deadline-item">
            <strong>{d.label}</strong>: {formatGermanDate(d.start_date)} bis{' '}
            {formatGermanDate(d.end_date)} –{' '}
            <span class={overdue ? 'status-overdue' : ''}>
              {overdue ? 'überschritten' : (STATUS_LABELS[d.status] ?? d.status)}
            </span>
            <DeadlineRationale deadline={d} />
          </li>
        );
      })}
    </ul>
  );
}

export function Documents(props: {
  view: CaseView;
  ctx: PageContext;
  canUpload: boolean;
  agencyUpload: boolean;
  errors: FieldError[];
}): VNode {
  const { view } = props;
  return (
    <>
      <h3 class="kern-heading-small">Erforderliche Unterlagen</h3>
      <ul class="kern-list kern-list--bullet">
        {view.requiredDocuments.map((d) => (
          <li key={d.key}>
            {d.provided ? 'vorhanden' : 'fehlt'}: {d.label}{' '}
            <span class="kern-body--small">({d.citations.join(', ')})</span>
          </li>
        ))}
      </ul>
      {view.documents.length > 0 ? (
        <DataTable
          caption="Eingereichte Unterlagen"
          columns={['Datei', 'Art', 'Eingang', 'SHA-256', 'Geheimnis']}
          rows={view.documents.map((d) => ({
            key: d.id,
            cells: [
              <a class="kern-link" href={`/verfahren/${view.row.id}/dokumente/${d.id}`}>
                {d.filename}
              </a>,
              view.requiredDocuments.find((r) => r.key === d.doc_type)?.label ??
                DOC_TYPE_LABELS[d.doc_type] ??
                letterDocumentLabel(d.doc_type) ??
                d.doc_type,
              formatTimestamp(d.uploaded_at),
              <code>{d.sha256.slice(0, 16)}…</code>,
              d.trade_secret ? `ja – neutrale Inhaltsangabe: ${d.neutral_summary ?? ''}` : 'nein',
            ],
          }))}
        />
      ) : null}
      {props.canUpload ? (
        <form
          method="post"
          action={`/verfahren/${view.row.id}/dokumente?_csrf=${encodeURIComponent(props.ctx.csrfToken)}`}
          encType="multipart/form-data"
          class="kern-stack form-narrow action-form"
          id="feld-file"
        >
          <h3 class="kern-heading-small">Unterlage hochladen</h3>
          <SelectField
            name="docType"
            label="Art der Unterlage"
            options={
              props.agencyUpload
                ? [{ value: 'statement-attachment', label: 'Anlage zur Stellungnahme' }]
                : [
                    ...view.requiredDocuments.map((d) => ({ value: d.key, label: d.label })),
                    { value: 'other', label: 'Sonstige Unterlage' },
                  ]
            }
            errors={props.errors}
          />
          <Checkbox
            name="tradeSecret"
            label="Enthält Betriebs- oder Geschäftsgeheimnisse (wird nicht ausgelegt)"
            checked={false}
          />
          <TextArea
            name="neutralSummary"
            label="Neutrale Inhaltsangabe (nur bei Geheimnissen)"
            errors={props.errors}
            required={false}
          />
          <div class="kern-form-input">
            <label class="kern-label" for="datei">
              Datei (PDF, PNG oder JPEG, höchstens 25 MB)
            </label>
            <input
              class="kern-form-input__input"
              type="file"
              id="datei"
              name="file"
              accept="application/pdf,image/png,image/jpeg"
            />
          </div>
          <SubmitButton variant="secondary">Hochladen</SubmitButton>
        </form>
      ) : null}
    </>
  );
}
