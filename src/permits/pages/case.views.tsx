import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import { ErrorSummary, Notice } from '../../platform/forms.tsx';
import { Layout } from '../../platform/layout.tsx';
import type { CaseView } from '../procedure.view-model.ts';
import { ActionForm } from './action.forms.tsx';
import { CaseworkSection } from '../../procedures/casework.views.tsx';
import { LettersSection } from '../../procedures/letters/letter.views.tsx';
import { ApplicationForm } from './application.form.tsx';
import { referenceLabel } from '../../procedures/reference.ts';
import { rankActions } from './next-step.ts';
import { ConditionsLink } from './conditions.views.tsx';
import { Timetable } from './timetable.views.tsx';

import type { CasePageProps } from './case-page.types.ts';
import { DeadlineRationale, Deadlines, Documents, Summary } from './case-facts.views.tsx';
import { Agencies, Participation, Timeline } from './case-sections.views.tsx';

const RESPONSIBLE: Record<string, string> = {
  case_worker: 'die Genehmigungsbehörde',
  applicant: 'die Antragstellerin',
  agency_member: 'die beteiligte Fachbehörde',
  supervisor: 'die Aufsichtsbehörde',
};

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
