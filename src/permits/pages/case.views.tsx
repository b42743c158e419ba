import type { VNode } from 'preact';
import { ConditionsLink } from './conditions.views.tsx';
import { Timetable } from './timetable.views.tsx';
import { formatGermanDate } from '../../law/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
  TextArea,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import type { CaseView } from '../procedure.view-model.ts';
import { ActionForm } from './action.forms.tsx';
import { ApplicationForm } from './application.form.tsx';
import { EVENT_LABELS, STATUS_LABELS } from './labels.ts';
import { referenceLabel } from '../../procedures/reference.ts';

const DOC_TYPE_LABELS: Record<string, string> = {
  decision: 'Bescheid',
  'statement-attachment': 'Anlage zur Stellungnahme',
  other: 'Sonstige Unterlage',
};

function Summary(props: { view: CaseView }): VNode {
  const { view } = props;
  const items: [string, string][] = [
    ['Aktenzeichen', referenceLabel(view.row.reference)],
    ['Verfahrensart', `${view.typeLabel}, Rechtsstand ${view.type.version}`],
    ['Verfahrensschritt', view.stepLabel],
    ['Genehmigungsbehörde', view.authority],
    ['Antragstellerin', view.applicant],
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

function Deadlines(props: { view: CaseView }): VNode {
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
            <details>
              <summary>Begründung und Rechtsgrundlagen</summary>
              <p class="kern-body">{d.rationale}</p>
              <p class="kern-body--small">{d.citations.join('; ')}</p>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

function Documents(props: {
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

export function CasePage(props: {
  ctx: PageContext;
  view: CaseView;
  errors?: FieldError[];
  message?: string;
  values?: Record<string, string>;
  rows?: number;
}): VNode {
  const { view, ctx } = props;
  const errors = props.errors ?? [];
  const isApplicant = view.roles.includes('applicant');
  const isWorker = view.roles.includes('case_worker');
  const isAskedAgency =
    view.roles.includes('agency_member') &&
    view.actions.some((a) => a.effect === 'record-agency-statement');
  const canUpload =
    (isApplicant && ['draft', 'completeness-check'].includes(view.row.step)) ||
    isWorker ||
    isAskedAgency;
  const agencies = view.agencyChoices;
  return (
    <Layout
      ctx={ctx}
      title={`${referenceLabel(view.row.reference)} ${view.row.title}`}
      hasErrors={errors.length > 0}
    >
      <h1 class="kern-heading-large">{view.row.title}</h1>
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <ErrorSummary errors={errors} />
      {view.stepNote ? (
        <Notice kind="info" title="Hinweis zum Verfahrensstand">
          {view.stepNote}
        </Notice>
      ) : null}
      <Summary view={view} />
      <section class="case-section" aria-labelledby="fristen">
        <h2 class="kern-heading-medium" id="fristen">
          Fristen
        </h2>
        <Deadlines view={view} />
      </section>
      {view.actions.length > 0 || view.blocked.length > 0 ? (
        <section class="case-section" aria-labelledby="aktionen">
          <h2 class="kern-heading-medium" id="aktionen">
            Nächste Schritte
          </h2>
          {view.actions
            .filter((a) => !(a.effect === 'submit-application' && view.row.step !== 'draft'))
            .map((a) => (
              <ActionForm
                key={a.action}
                procedureId={view.row.id}
                action={a.action}
                label={a.label}
                effect={a.effect}
                csrfToken={ctx.csrfToken}
                version={view.row.eventCount}
                today={view.today}
                agencies={agencies}
                errors={errors}
                values={props.values ?? {}}
              />
            ))}
          {view.blocked.length > 0 ? (
            <ul class="kern-list kern-list--bullet">
              {view.blocked.map((b) => (
                <li key={b.action}>
                  {b.label}: {b.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      {view.row.state.completeness && (isWorker || isApplicant) ? (
        <Timetable completeness={view.row.state.completeness} />
      ) : null}
      {isWorker ? <ConditionsLink procedureId={view.row.id} /> : null}
      {view.row.state.participation && (isWorker || isApplicant) ? (
        <section class="case-section" aria-labelledby="beteiligung">
          <h2 class="kern-heading-medium" id="beteiligung">
            Öffentlichkeitsbeteiligung
          </h2>
          <ul class="kern-list">
            <li>
              <a class="kern-link" href={`/beteiligung/${view.row.id}`}>
                Öffentliche Auslegung und Bekanntmachungen
              </a>
            </li>
            {isWorker ? (
              <>
                <li>
                  <a class="kern-link" href={`/verfahren/${view.row.id}/einwendungen`}>
                    Einwendungen prüfen und schwärzen
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={`/verfahren/${view.row.id}/einwendungen/neu`}>
                    Einwendung erfassen (Papier, E-Mail, Unterschriftenliste)
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={`/verfahren/${view.row.id}/einwendungen/gruppen`}>
                    Gleichförmige Einwendungen
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={`/verfahren/${view.row.id}/belange`}>
                    Belange und Würdigung
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={`/verfahren/${view.row.id}/eroerterung`}>
                    Erörterung: Tagesordnung und Niederschrift je Belang
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={`/verfahren/${view.row.id}/export/einwendungen.csv`}>
                    Einwendungen als CSV (ohne personenbezogene Daten)
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={`/verfahren/${view.row.id}/export/akte.zip`}>
                    Verfahrensakte als ZIP
                  </a>
                </li>
              </>
            ) : (
              <li>
                <a
                  class="kern-link"
                  href={`/verfahren/${view.row.id}/einwendungen-antragstellerin`}
                >
                  Einwendungen (§ 12 Abs. 2 9. BImSchV)
                </a>
              </li>
            )}
          </ul>
        </section>
      ) : null}
      <section class="case-section" aria-labelledby="unterlagen">
        <h2 class="kern-heading-medium" id="unterlagen">
          Unterlagen
        </h2>
        <Documents
          view={view}
          ctx={ctx}
          canUpload={canUpload}
          agencyUpload={isAskedAgency && !isWorker}
          errors={errors}
        />
      </section>
      {isApplicant && view.row.step === 'draft' ? (
        <section class="case-section" aria-labelledby="antrag">
          <h2 class="kern-heading-medium" id="antrag">
            Antrag bearbeiten
          </h2>
          <ApplicationForm
            action={`/verfahren/${view.row.id}/antrag`}
            csrfToken={ctx.csrfToken}
            data={view.row.application}
            errors={errors}
            version={view.row.eventCount}
            rows={props.rows ?? 2}
            submitLabel="Entwurf speichern"
          />
        </section>
      ) : (
        <section class="case-section" aria-labelledby="antrag">
          <h2 class="kern-heading-medium" id="antrag">
            Antrag
          </h2>
          <p class="kern-body">
            Standort: Gemarkung {view.row.application.site.gemarkung}, Flur{' '}
            {view.row.application.site.flur}, Flurstück {view.row.application.site.flurstueck} (
            {view.row.application.site.gemeinde}); {view.row.application.turbines.length} Anlagen;
            geplante Inbetriebnahme {view.row.application.plannedCommissioning}.
          </p>
          <p class="kern-body">{view.row.application.nonTechnicalSummary}</p>
        </section>
      )}
      {view.agencies.length > 0 ? (
        <section class="case-section" aria-labelledby="behoerden">
          <h2 class="kern-heading-medium" id="behoerden">
            Beteiligte Behörden
          </h2>
          <DataTable
            caption="Beteiligte Behörden und ihre Stellungnahmen"
            hideCaption
            columns={['Behörde', 'Frist', 'Stand', 'Stellungnahme']}
            rows={view.agencies.map((a) => ({
              key: a.agency_org_id,
              cells: [
                a.name,
                formatGermanDate(a.due_date),
                {
                  asked: 'angefragt',
                  answered: 'Stellungnahme liegt vor',
                  'no-comment': 'keine Äußerung (Frist abgelaufen)',
                }[a.status],
                a.statement ?? '–',
              ],
            }))}
          />
        </section>
      ) : null}
      {view.events.length > 0 ? (
        <section class="case-section" aria-labelledby="verlauf">
          <h2 class="kern-heading-medium" id="verlauf">
            Verlauf
          </h2>
          <ol class="timeline">
            {view.events.map((e) => (
              <li key={e.seq}>
                {formatTimestamp(e.at)}: {EVENT_LABELS[e.type] ?? e.type}
                {e.display_name
                  ? ` – ${e.display_name}`
                  : e.actor_role === 'system'
                    ? ' – automatisch'
                    : ''}
              </li>
            ))}
          </ol>
          <p class="kern-body--small">
            Jeder Eintrag ist mit dem vorherigen über eine Hash-Kette verbunden; Änderungen fallen
            bei der Prüfung der Akte auf.
          </p>
        </section>
      ) : null}
    </Layout>
  );
}
