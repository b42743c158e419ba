import type { VNode } from 'preact';
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
import type { Casework } from '../../procedures/casework.queries.ts';
import { ActionForm } from './action.forms.tsx';
import { CaseworkSection } from './casework.views.tsx';
import { LettersSection, type LettersView } from '../../procedures/letters/letter.views.tsx';
import { ApplicationForm } from './application.form.tsx';
import { EVENT_LABELS, letterDocumentLabel, letterEventLabel, STATUS_LABELS } from './labels.ts';
import { StatementSummary } from './statement.views.tsx';
import { ConsentSummary, consentEventLabel } from './consent.views.tsx';
import { referenceLabel } from '../../procedures/reference.ts';
import { rankActions } from './next-step.ts';
import { ConditionsLink } from './conditions.views.tsx';
import { Timetable } from './timetable.views.tsx';

const DOC_TYPE_LABELS: Record<string, string> = {
  decision: 'Bescheid',
  'hearing-minutes': 'Niederschrift der Erörterung (§ 19 9. BImSchV)',
  'statement-attachment': 'Anlage zur Stellungnahme',
  other: 'Sonstige Unterlage',
};

function Summary(props: { view: CaseView; assignee?: string }): VNode {
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
            <DeadlineRationale deadline={d} />
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

/** Audit events of the authority's internal organisation: not part of the parties' timeline. */
const INTERNAL_EVENTS = new Set([
  'case-assigned',
  'case-reassigned',
  // A letter exists for the applicant only once delivered (the letter page answers 404 before).
  'letter-drafted',
  'letter-revised',
  'letter-review-requested',
  'letter-returned',
  'letter-signed',
]);

const RESPONSIBLE: Record<string, string> = {
  case_worker: 'die Genehmigungsbehörde',
  applicant: 'die Antragstellerin',
  agency_member: 'die beteiligte Fachbehörde',
  supervisor: 'die Aufsichtsbehörde',
};

interface CasePageProps {
  ctx: PageContext;
  view: CaseView;
  /** Internal work of the authority: only ever given for its case workers. */
  casework?: Casework;
  /** The case's letters as the viewer may see them (authority staff and the applicant). */
  letters?: LettersView;
  errors?: FieldError[];
  message?: string;
  values?: Record<string, string>;
  rows?: number;
  /** The application form's values as typed, after a refused save. */
  applicationInput?: Record<string, string>;
}

function missingLabels(view: CaseView): string[] {
  return view.requiredDocuments.filter((d) => !d.provided).map((d) => d.label);
}

function viewerActions(view: CaseView) {
  return rankActions(
    view.actions.filter((a) => !(a.effect === 'submit-application' && view.row.step !== 'draft')),
    { missingDocuments: missingLabels(view).length },
  );
}

function actionForm(
  props: CasePageProps,
  a: CaseView['actions'][number],
  variant: 'primary' | 'secondary',
): VNode {
  const { view, ctx } = props;
  return (
    <ActionForm
      key={a.action}
      procedureId={view.row.id}
      action={a.action}
      label={a.label}
      effect={a.effect}
      csrfToken={ctx.csrfToken}
      version={view.row.eventCount}
      today={view.today}
      agencies={view.agencyChoices}
      refusedConsents={view.refusedConsents}
      missingDocuments={missingLabels(view)}
      errors={props.errors ?? []}
      values={props.values ?? {}}
      variant={variant}
    />
  );
}

/**
 * "Als Nächstes": what is due next, by whom and by when (with the deadline's rationale), and the
 * ONE action that moves the case forward for the viewer. Everything else follows below.
 */
function NextStep(props: CasePageProps): VNode {
  const { view, casework } = props;
  const next = view.deadlines
    .filter((d) => d.status === 'running' || d.status === 'expired')
    .sort((a, b) => (a.end_date < b.end_date ? -1 : a.end_date > b.end_date ? 1 : 0))[0];
  const { primary } = viewerActions(view);
  const assignee = casework?.assignment?.caseWorkerName;
  const who = next
    ? `${RESPONSIBLE[next.responsible] ?? next.responsible}${
        next.responsible === 'case_worker'
          ? ` (${view.authority}${assignee ? `, zuständig: ${assignee}` : ''})`
          : next.responsible === 'applicant'
            ? ` (${view.applicant})`
            : ''
      }`
    : undefined;
  const overdue = next !== undefined && next.end_date < view.today;
  return (
    <section class="case-section next-step" aria-labelledby="als-naechstes">
      <h2 class="kern-heading-medium" id="als-naechstes">
        Als Nächstes
      </h2>
      {next ? (
        <>
          <dl class="kern-description-list">
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">Fällig</dt>
              <dd class="kern-description-list-item__value">{next.label}</dd>
            </div>
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">Durch</dt>
              <dd class="kern-description-list-item__value">{who}</dd>
            </div>
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">Bis</dt>
              <dd class="kern-description-list-item__value">
                <span class={overdue ? 'status-overdue' : ''}>
                  {formatGermanDate(next.end_date)}
                  {overdue ? ' (überschritten)' : ''}
                </span>
              </dd>
            </div>
          </dl>
          <DeadlineRationale deadline={next} />
        </>
      ) : (
        <p class="kern-body">Im Schritt „{view.stepLabel}“ läuft keine gesetzliche Frist.</p>
      )}
      {primary ? (
        <>
          <h3 class="kern-heading-small">Ihr nächster Schritt: {primary.label}</h3>
          {actionForm(props, primary, 'primary')}
        </>
      ) : (
        <p class="kern-body">Für Sie ist in diesem Verfahrensschritt nichts zu tun.</p>
      )}
    </section>
  );
}

/** The other steps open to the viewer; steps that end the procedure lead to a confirmation page. */
function OtherSteps(props: CasePageProps): VNode | null {
  const { view } = props;
  const { secondary, destructive } = viewerActions(view);
  if (secondary.length === 0 && destructive.length === 0 && view.blocked.length === 0) return null;
  return (
    <section class="case-section" aria-labelledby="aktionen">
      <h2 class="kern-heading-medium" id="aktionen">
        Weitere Schritte
      </h2>
      {secondary.map((a) => actionForm(props, a, 'secondary'))}
      {view.blocked.length > 0 ? (
        <ul class="kern-list kern-list--bullet">
          {view.blocked.map((b) => (
            <li key={b.action}>
              {b.label}: {b.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {destructive.length > 0 ? (
        <div class="destructive-actions">
          <h3 class="kern-heading-small">Verfahren beenden</h3>
          <p class="kern-body--small">
            Diese Schritte beenden das Verfahren endgültig; Sie bestätigen sie auf der nächsten
            Seite.
          </p>
          <ul class="kern-list">
            {destructive.map((a) => (
              <li key={a.action}>
                <a
                  class="kern-btn kern-btn--tertiary"
                  href={`/verfahren/${view.row.id}/aktionen/${a.action}/bestaetigen`}
                >
                  <span class="kern-label">{a.label} …</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Participation(props: CasePageProps & { isWorker: boolean }): VNode | null {
  const { view, isWorker } = props;
  const isApplicant = view.roles.includes('applicant');
  if (!view.row.state.participation || !(isWorker || isApplicant)) return null;
  return (
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
              <a class="kern-link" href={`/verfahren/${view.row.id}/export/einwendungen.xlsx`}>
                Einwendungen als Excel-Tabelle (ohne personenbezogene Daten)
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/export/akte.zip`}>
                Verfahrensakte als ZIP
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/auftraege`}>
                Aufträge im Hintergrund (Exporte großer Verfahren, Schwärzungsvorschläge)
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/zustellung`}>
                Zustellung des Bescheids und Briefliste
              </a>
            </li>
            {view.row.state.facts.eiaRequired === true ? (
              <li>
                <a class="kern-link" href={`/verfahren/${view.row.id}/uvp-portal.zip`}>
                  Paket für das UVP-Portal (§ 20 UVPG)
                </a>
              </li>
            ) : null}
          </>
        ) : (
          <li>
            <a class="kern-link" href={`/verfahren/${view.row.id}/einwendungen-antragstellerin`}>
              Einwendungen (§ 12 Abs. 2 9. BImSchV)
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}

function Application(props: CasePageProps): VNode {
  const { view, ctx } = props;
  if (view.roles.includes('applicant') && view.row.step === 'draft')
    return (
      <section class="case-section" aria-labelledby="antrag">
        <h2 class="kern-heading-medium" id="antrag">
          Antrag bearbeiten
        </h2>
        <ApplicationForm
          action={`/verfahren/${view.row.id}/antrag`}
          csrfToken={ctx.csrfToken}
          data={view.row.application}
          input={props.applicationInput}
          missing={view.applicationGaps}
          errors={props.errors ?? []}
          version={view.row.eventCount}
          rows={props.rows ?? 2}
          submitLabel="Entwurf speichern"
        />
      </section>
    );
  return (
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
  );
}

function Agencies(props: CasePageProps): VNode | null {
  const { view } = props;
  if (view.agencies.length === 0) return null;
  return (
    <section class="case-section" aria-labelledby="behoerden">
      <h2 class="kern-heading-medium" id="behoerden">
        Beteiligte Behörden
      </h2>
      <DataTable
        caption="Beteiligte Behörden und ihre Stellungnahmen"
        hideCaption
        columns={['Behörde', 'Frist', 'Stand', 'Stellungnahme', 'Einvernehmen / Zustimmung']}
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
            <StatementSummary verdict={a.verdict} statement={a.statement} />,
            <ConsentSummary
              consent={a.consent}
              status={a.consent_status}
              due={a.consent_due}
              reasons={a.consent_reasons}
            />,
          ],
        }))}
      />
    </section>
  );
}

function Timeline(props: CasePageProps & { isWorker: boolean }): VNode | null {
  const events = props.isWorker
    ? props.view.events
    : props.view.events.filter((e) => !INTERNAL_EVENTS.has(e.type));
  if (events.length === 0) return null;
  return (
    <section class="case-section" aria-labelledby="verlauf">
      <h2 class="kern-heading-medium" id="verlauf">
        Verlauf
      </h2>
      <ol class="timeline">
        {events.map((e) => (
          <li key={e.seq}>
            {formatTimestamp(e.at)}:{' '}
            {consentEventLabel(e.type, e.data) ??
              letterEventLabel(e.type, e.data) ??
              EVENT_LABELS[e.type] ??
              e.type}
            {e.display_name
              ? ` – ${e.display_name}`
              : e.actor_role === 'system'
                ? ' – automatisch'
                : ''}
          </li>
        ))}
      </ol>
      <p class="kern-body--small">
        Jeder Eintrag ist mit dem vorherigen über eine Hash-Kette verbunden; Änderungen fallen bei
        der Prüfung der Akte auf.
      </p>
    </section>
  );
}

export function CasePage(props: CasePageProps): VNode {
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
  // The page's sections in reading order. A new area of case work adds its section component
  // here (it receives the same props); "Als Nächstes" always leads.
  const sections: (VNode | null)[] = [
    <NextStep {...props} />,
    <section class="case-section" aria-labelledby="fristen">
      <h2 class="kern-heading-medium" id="fristen">
        Fristen
      </h2>
      <Deadlines view={view} />
    </section>,
    <OtherSteps {...props} />,
    view.row.state.completeness && (isWorker || isApplicant) ? (
      <Timetable completeness={view.row.state.completeness} />
    ) : null,
    isWorker ? <ConditionsLink procedureId={view.row.id} /> : null,
    props.letters && props.letters.head.submitted ? (
      <div class="case-section">
        <LettersSection view={props.letters} />
      </div>
    ) : null,
    <Participation {...props} isWorker={isWorker} />,
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
    </section>,
    <Application {...props} />,
    <Agencies {...props} />,
    props.casework ? (
      <CaseworkSection
        procedureId={view.row.id}
        casework={props.casework}
        csrfToken={ctx.csrfToken}
        today={view.today}
        errors={errors}
        values={props.values ?? {}}
        readOnly={
          view.row.submittedAt === null ||
          view.type.steps.find((s) => s.key === view.row.step)?.kind === 'terminal'
        }
      />
    ) : null,
    <Timeline {...props} isWorker={isWorker} />,
  ];
  return (
    <Layout
      ctx={ctx}
      title={`${referenceLabel(view.row.reference)} ${view.row.title}`}
      hasErrors={errors.length > 0}
    >
      <h1 class="kern-heading-large">{view.row.title}</h1>
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <ErrorSummary errors={errors} />
      <Summary view={view} assignee={props.casework?.assignment?.caseWorkerName ?? undefined} />
      {view.stepNote ? (
        <Notice kind="info" title="Hinweis zum Verfahrensstand">
          {view.stepNote}
        </Notice>
      ) : null}
      {sections}
    </Layout>
  );
}
