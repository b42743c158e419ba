/**
 * The page of one funding case for the company and the funding body: where the case stands and
 * what each side can do now, the application with its financing plan, the rules' view, the
 * grant and its money (payments, proof of use, recovery), the deadlines with their reasons, the
 * letters and the history.
 */
import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
import type { FieldError } from '../../platform/errors.ts';
import { ErrorSummary, Notice } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import type { Casework } from '../../procedures/casework.queries.ts';
import { CaseworkSection } from '../../procedures/casework.views.tsx';
import { LETTER_EVENT_LABELS } from '../../procedures/letters/letter.kinds.ts';
import { LettersSection, type LettersView } from '../../procedures/letters/letter.views.tsx';
import { referenceLabel } from '../../procedures/reference.ts';
import { ActionForm } from './grant.action.forms.tsx';
import { day, FinancingPlanTable, Money, Proof, Proposal } from './grant.case.sections.tsx';
import { FundingDocumentsSection } from './grant.documents.views.tsx';
import { ApplicationEditForm } from './grant.form.views.tsx';
import type { FormInput } from './grant.form.ts';
import type { FundingCaseView } from './grant.view-model.ts';
import { ReviewPanel } from './review.views.tsx';

/** Timeline names of the events that are not steps of the engine. */
const OTHER_EVENTS: Record<string, string> = {
  ...LETTER_EVENT_LABELS,
  'application-created': 'Antrag angelegt',
  'application-saved': 'Entwurf gespeichert',
  'reviewer-assigned': 'Gutachterin oder Gutachter bestellt',
  'review-submitted': 'Gutachten abgegeben',
  'review-conflict-declared': 'Interessenkonflikt erklärt',
  'deadline-escalated': 'Fristüberschreitung gemeldet',
  'document-uploaded': 'Unterlage hochgeladen',
};
const ROLE_NAMES: Record<string, string> = {
  applicant: 'Unternehmen',
  case_worker: 'Sachbearbeitung der Förderstelle',
  supervisor: 'Leitung',
  reviewer: 'Begutachtung',
  system: 'System (automatisch)',
};

const DEADLINE_STATUS: Record<string, string> = {
  running: 'läuft',
  met: 'eingehalten',
  expired: 'abgelaufen',
  ended: 'beendet',
  cancelled: 'entfallen',
};

export function FundingCasePage(props: {
  ctx: PageContext;
  view: FundingCaseView;
  letters?: LettersView;
  message?: string;
  errors?: FieldError[];
  /** The failed step's values as typed, re-shown in its form only. */
  failed?: { action: string; values: Record<string, string> };
  applicationInput?: FormInput;
  casework?: Casework | undefined;
  caseworkValues?: Record<string, string>;
}): VNode {
  const { view } = props;
  const app = view.row.application;
  const errors = props.errors ?? [];
  const title = `${referenceLabel(view.row.reference)} ${view.row.title}`;
  const editable =
    view.applicant && (view.row.step === 'draft' || view.row.step === 'full-application');
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0}>
      <p class="kern-body--small">
        <a
          class="kern-link"
          href={view.applicant ? '/unternehmen/foerderung' : '/foerderstelle/antraege'}
        >
          {view.applicant ? 'Alle Förderverfahren des Unternehmens' : 'Alle Förderanträge'}
        </a>
      </p>
      <h1 class="kern-heading-large">{view.row.title}</h1>
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <ErrorSummary errors={errors} />
      <dl class="facts">
        <dt>Aktenzeichen</dt>
        <dd>{referenceLabel(view.row.reference)}</dd>
        <dt>Stand</dt>
        <dd>{view.stepLabel}</dd>
        <dt>Verfahrensart</dt>
        <dd>{view.type.title}</dd>
        <dt>Programm</dt>
        <dd>{view.programmeTitle}</dd>
        <dt>Förderstelle</dt>
        <dd>{view.fundingBody}</dd>
        <dt>Antragsteller</dt>
        <dd>
          {app.applicant.name}, {app.applicant.street}, {app.applicant.postcode}{' '}
          {app.applicant.city}
        </dd>
      </dl>
      <section aria-labelledby="schritte">
        <h2 class="kern-heading-medium" id="schritte">
          Was Sie jetzt tun können
        </h2>
        {view.actions.length === 0 ? (
          <p class="kern-body">Im Moment ist von Ihrer Seite nichts zu tun.</p>
        ) : (
          view.actions.map((a) => (
            <ActionForm
              key={a.action}
              view={view}
              action={a}
              csrfToken={props.ctx.csrfToken}
              errors={errors}
              values={props.failed?.action === a.action ? props.failed.values : {}}
            />
          ))
        )}
      </section>
      <section aria-labelledby="fristen">
        <h2 class="kern-heading-medium" id="fristen">
          Fristen
        </h2>
        {view.deadlines.length === 0 ? (
          <p class="kern-body">Keine Fristen.</p>
        ) : (
          <ul class="kern-list">
            {view.deadlines.map((d) => (
              <li key={d.key}>
                <strong>{d.label}</strong>: bis {day(d.end_date)} –{' '}
                {d.status === 'running' && d.end_date < view.today
                  ? 'überschritten'
                  : (DEADLINE_STATUS[d.status] ?? d.status)}
                <details>
                  <summary>Begründung und Rechtsgrundlagen</summary>
                  <p class="kern-body keep-lines">{d.rationale}</p>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Money view={view} />
      <Proof view={view} />
      <Proposal view={view} />
      {view.body && view.figures.callMode === 'two-stage-competitive' ? (
        <ReviewPanel view={view} csrfToken={props.ctx.csrfToken} />
      ) : null}
      <section aria-labelledby="antrag">
        <h2 class="kern-heading-medium" id="antrag">
          Antrag
        </h2>
        <p class="kern-body keep-lines">{app.description}</p>
        <p class="kern-body">
          Bewilligungszeitraum beantragt: {day(app.periodStart)} bis {day(app.periodEnd)}.
        </p>
        <FinancingPlanTable view={view} />
        <h3 class="kern-heading-small">Förderfinder beim Antrag ({day(app.finder.checkedOn)})</h3>
        <p class="kern-body">
          Ergebnis:{' '}
          {app.finder.eligibility === 'eligible'
            ? 'förderfähig'
            : app.finder.eligibility === 'not-eligible'
              ? 'nicht förderfähig'
              : 'weitere Angaben nötig'}
          ; geschätzte Zuwendung {formatEuro(app.finder.estimateCents)}. Unternehmensprofil Fassung{' '}
          {app.applicant.profileVersion} (gültig ab {day(app.applicant.validFrom)}),{' '}
          {app.applicant.sizeClass}.
        </p>
        <details>
          <summary>Entscheidende Regeln</summary>
          <ul class="kern-list kern-list--bullet">
            {app.finder.deciding.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
            {app.finder.missing.map((m, i) => (
              <li key={`m${i}`}>Offen: {m}</li>
            ))}
          </ul>
        </details>
        {editable ? (
          <ApplicationEditForm
            ctx={props.ctx}
            view={view}
            input={props.applicationInput}
            errors={errors}
          />
        ) : null}
      </section>
      <FundingDocumentsSection
        procedureId={view.row.id}
        documents={view.documents}
        canUpload={view.canUploadDocuments}
        body={view.body}
        csrfToken={props.ctx.csrfToken}
        errors={errors}
      />
      {props.casework ? (
        <CaseworkSection
          procedureId={view.row.id}
          casework={props.casework}
          csrfToken={props.ctx.csrfToken}
          today={view.today}
          errors={errors}
          values={props.caseworkValues ?? {}}
          readOnly={
            view.row.step === 'draft' ||
            view.type.steps.find((st) => st.key === view.row.step)?.kind === 'terminal'
          }
        />
      ) : null}
      {props.letters ? <LettersSection view={props.letters} /> : null}
      <section aria-labelledby="verlauf">
        <h2 class="kern-heading-medium" id="verlauf">
          Verlauf
        </h2>
        <DataTable
          caption="Verlauf des Verfahrens"
          hideCaption
          columns={['Zeitpunkt', 'Schritt', 'Rolle']}
          rows={view.events.map((e) => ({
            key: String(e.seq),
            cells: [
              e.at.toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }),
              view.type.transitions.find((t) => t.event === e.type)?.label ??
                OTHER_EVENTS[e.type] ??
                e.type,
              ROLE_NAMES[e.actor_role] ?? e.actor_role,
            ],
          }))}
        />
      </section>
    </Layout>
  );
}
