/** The argument catalogue page: counts per concern, assessments, agency statements. */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  fieldId,
  Notice,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import { ProcedureLinks, TextBlock, type ProcedureHeading } from '../review/review.views.tsx';
import type { AgencyStatement, ConcernSummary } from './catalogue.queries.ts';

export interface CatalogueView {
  readonly procedure: ProcedureHeading;
  readonly concerns: ConcernSummary[];
  readonly statements: AgencyStatement[];
  readonly openRedactions: number;
  /** False outside the steps of participation work: these forms would be refused (409). */
  readonly canWork: boolean;
}

/** Values typed into one of the forms, kept when the page is shown again after an error. */
export interface CatalogueValues {
  readonly assessments?: Record<string, string>;
  readonly label?: string;
  readonly description?: string;
  readonly statementConcerns?: { agencyOrgId: string; concernIds: readonly string[] };
}

export const assessmentField = (concernId: string) => `bewertung-${concernId}`;
export const statementField = (agencyOrgId: string) => `stellungnahme-${agencyOrgId}`;

const STATUS: Record<AgencyStatement['status'], string> = {
  asked: 'angefragt, noch keine Stellungnahme',
  answered: 'Stellungnahme eingegangen',
  'no-comment': 'keine Äußerung (Frist abgelaufen)',
};

const count = (n: number) => n.toLocaleString('de-DE');

function Overview(props: { concerns: ConcernSummary[] }): VNode {
  return (
    <DataTable
      caption="Übersicht der Belange"
      columns={[
        'Belang',
        { label: 'Einwendungen bestätigt', numeric: true },
        { label: 'nur vorgeschlagen', numeric: true },
        { label: 'Unterschriften (bestätigt)', numeric: true },
        { label: 'Stellungnahmen', numeric: true },
        'Bewertung',
      ]}
      rows={props.concerns.map((c) => ({
        key: c.id,
        cells: [
          <a class="kern-link" href={`#belang-${c.id}`}>
            {c.label}
          </a>,
          count(c.confirmedObjections),
          count(c.suggestedObjections),
          count(c.signatures),
          `${count(c.confirmedStatements)}${c.suggestedStatements > 0 ? ` (+${count(c.suggestedStatements)} vorgeschlagen)` : ''}`,
          c.assessment === null ? 'offen' : 'liegt vor',
        ],
      }))}
    />
  );
}

function ConcernSection(props: {
  ctx: PageContext;
  procedureId: string;
  concern: ConcernSummary;
  value: string | undefined;
  errors: FieldError[];
  canWork: boolean;
}): VNode {
  const c = props.concern;
  return (
    <section class="kern-stack" aria-labelledby={`belang-${c.id}`}>
      <h3 class="kern-heading-small" id={`belang-${c.id}`}>
        {c.label}
      </h3>
      {c.description ? <p class="kern-body">{c.description}</p> : null}
      <p class="kern-body--small">
        {count(c.confirmedObjections)} Einwendungen bestätigt ({count(c.signatures)}{' '}
        Unterschriften), {count(c.suggestedObjections)} nur vorgeschlagen;{' '}
        {count(c.confirmedStatements)} Stellungnahmen.
        {c.assessedAt ? ` Bewertet am ${formatTimestamp(c.assessedAt)}.` : ''}
      </p>
      {props.canWork ? null : c.assessment === null ? (
        <p class="kern-body">Keine Bewertung.</p>
      ) : (
        <TextBlock text={c.assessment} />
      )}
      {props.canWork ? (
        <form
          method="post"
          action={`/verfahren/${props.procedureId}/belange/${c.id}`}
          class="kern-stack form-narrow"
        >
          <CsrfField token={props.ctx.csrfToken} />
          <TextArea
            name={assessmentField(c.id)}
            label={`Bewertung der Behörde zu „${c.label}“`}
            hint="Erscheint in der Begründung des Bescheids und in den Antworten an die Einwendenden. Leer lassen, um die Bewertung zurückzuziehen."
            value={props.value ?? c.assessment ?? ''}
            rows={6}
            required={false}
            errors={props.errors}
          />
          <SubmitButton variant="secondary">Bewertung speichern</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}

function StatementSection(props: {
  ctx: PageContext;
  procedureId: string;
  statement: AgencyStatement;
  concerns: ConcernSummary[];
  submitted: readonly string[] | undefined;
}): VNode {
  const s = props.statement;
  const confirmed = s.concerns.filter((l) => l.source === 'confirmed').map((l) => l.concernId);
  const linked = s.concerns.map((l) => l.concernId);
  const checked = new Set(props.submitted ?? (confirmed.length > 0 ? confirmed : linked));
  const group = statementField(s.agencyOrgId);
  return (
    <section class="kern-stack" aria-labelledby={`${group}-titel`}>
      <h3 class="kern-heading-small" id={`${group}-titel`}>
        {s.agency}
      </h3>
      <p class="kern-body--small">{STATUS[s.status]}</p>
      {s.statement === null ? null : <TextBlock text={s.statement} />}
      <form
        method="post"
        action={`/verfahren/${props.procedureId}/belange/stellungnahmen/${s.agencyOrgId}`}
        class="kern-stack form-narrow"
      >
        <CsrfField token={props.ctx.csrfToken} />
        <fieldset class="kern-fieldset" id={fieldId(group)}>
          <legend class="kern-label">Belange dieser Stellungnahme</legend>
          {props.concerns.map((c) => {
            const id = fieldId(`${group}-${c.id}`);
            const link = s.concerns.find((l) => l.concernId === c.id);
            const state =
              link?.source === 'confirmed'
                ? ' (bestätigt)'
                : link?.source === 'suggested'
                  ? ' (Vorschlag)'
                  : '';
            return (
              <div class="kern-form-check" key={c.id}>
                <input
                  class="kern-form-check__checkbox"
                  type="checkbox"
                  id={id}
                  name="concerns"
                  value={c.id}
                  checked={checked.has(c.id)}
                />
                <label class="kern-label" for={id}>
                  {c.label}
                  {state}
                </label>
              </div>
            );
          })}
        </fieldset>
        <SubmitButton variant="secondary">Belange der Stellungnahme bestätigen</SubmitButton>
      </form>
    </section>
  );
}

export function CataloguePage(props: {
  ctx: PageContext;
  view: CatalogueView;
  errors?: FieldError[];
  values?: CatalogueValues;
  message?: string;
}): VNode {
  const { view } = props;
  const errors = props.errors ?? [];
  const values = props.values ?? {};
  const id = view.procedure.id;
  return (
    <Layout
      ctx={props.ctx}
      title={`Belange-Katalog – ${view.procedure.reference}`}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <h1 class="kern-heading-large">Belange-Katalog</h1>
      <p class="kern-body">
        {view.procedure.reference} – {view.procedure.title}. Jeder Belang wird einmal bewertet; die
        Bewertung gilt für alle Einwendungen und Stellungnahmen, die ihn vorbringen.
      </p>
      <ProcedureLinks procedure={view.procedure} />
      {view.canWork ? null : (
        <Notice
          kind="info"
          title="In diesem Verfahrensschritt können keine Belange angelegt, keine Vorschläge berechnet und keine Bewertungen gespeichert werden; das ist zwischen öffentlicher Bekanntmachung und Entscheidung möglich."
        />
      )}
      {view.canWork ? (
        <div class="inline-form">
          <form method="post" action={`/verfahren/${id}/belange/vorschlaege`}>
            <CsrfField token={props.ctx.csrfToken} />
            <SubmitButton>Vorschläge berechnen</SubmitButton>
          </form>
        </div>
      ) : null}
      <p class="kern-body--small">
        Noch nicht bestätigte Schwärzungen: {count(view.openRedactions)}. Jede Schwärzung wird
        einzeln auf der Seite der Einwendung geprüft, bevor sie weitergegeben werden kann.{' '}
        <a class="kern-link" href={`/verfahren/${id}/einwendungen?schwaerzungOffen=ja`}>
          Einwendungen mit offener Schwärzung
        </a>
      </p>
      {view.concerns.length === 0 ? (
        <p class="kern-body">
          Der Katalog ist noch leer.
          {view.canWork
            ? ' „Vorschläge berechnen“ legt die üblichen Belange an und ordnet ihnen die Einwendungen zu.'
            : ''}
        </p>
      ) : (
        <>
          <Overview concerns={view.concerns} />
          <h2 class="kern-heading-medium">Bewertungen</h2>
          {view.concerns.map((c) => (
            <ConcernSection
              key={c.id}
              ctx={props.ctx}
              procedureId={id}
              concern={c}
              value={values.assessments?.[c.id]}
              errors={errors}
              canWork={view.canWork}
            />
          ))}
        </>
      )}
      {view.canWork ? (
        <>
          <h2 class="kern-heading-medium">Belang hinzufügen</h2>
          <form
            method="post"
            action={`/verfahren/${id}/belange/neu`}
            class="kern-stack form-narrow"
          >
            <CsrfField token={props.ctx.csrfToken} />
            <TextField
              name="label"
              label="Bezeichnung"
              value={values.label}
              required
              errors={errors}
            />
            <TextArea
              name="description"
              label="Beschreibung"
              value={values.description}
              rows={3}
              required={false}
              errors={errors}
            />
            <SubmitButton variant="secondary">Belang hinzufügen</SubmitButton>
          </form>
        </>
      ) : null}
      <h2 class="kern-heading-medium">Stellungnahmen der Behörden</h2>
      {view.statements.length === 0 ? (
        <p class="kern-body">Es wurden keine Behörden beteiligt.</p>
      ) : (
        view.statements.map((s) => (
          <StatementSection
            key={s.agencyOrgId}
            ctx={props.ctx}
            procedureId={id}
            statement={s}
            concerns={view.concerns}
            submitted={
              values.statementConcerns?.agencyOrgId === s.agencyOrgId
                ? values.statementConcerns.concernIds
                : undefined
            }
          />
        ))
      )}
    </Layout>
  );
}
