import type { VNode } from 'preact';
import { countNoun, formatGermanDate } from '../../law/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { ProcedureRow } from '../../permits/permit.queries.ts';
import { PROCEDURE_TYPE_VERSIONS } from '../../permits/procedure-types/index.ts';
import { referenceLabel } from '../../procedures/reference.ts';
import type { AgendaItem } from './hearing.queries.ts';
import { Attendance, Comments, Copies } from './hearing-sections.views.tsx';

export interface HearingPageData {
  row: ProcedureRow;
  agenda: AgendaItem[];
  attendees: {
    id: string;
    category: string;
    name: string;
    reference: string | null;
    redact_identity: boolean | null;
  }[];
  comments: {
    id: string;
    agenda_item_id: string;
    author_kind: string;
    author_label: string;
    body: string;
    received_on: string;
  }[];
  publicCount: number;
  minutesDocumentId: string | null;
  copies: { id: string; reference: string; requested_on: string; channel: string }[];
  /** The day the applicant's request arrived, from the state. */
  letterInvitees: number;
  today: string;
}

const SAVED: Record<string, string> = {
  tagesordnung: 'Tagesordnung und Niederschrift je Punkt wurden gespeichert.',
  punkt: 'Der Tagesordnungspunkt wurde hinzugefügt.',
  teilnahme: 'Die Teilnahme wurde erfasst.',
  aeusserung: 'Die Äußerung wurde erfasst.',
  abschrift: 'Die Abschrift der Niederschrift wurde versandt und vermerkt.',
};

/** The rule the procedure's type version applies, from its schedule-hearing transition. */
function ruleOf(row: ProcedureRow): string | null {
  const hearing = row.state.hearing;
  if (hearing?.rule) return hearing.rule;
  const type = PROCEDURE_TYPE_VERSIONS.find(
    (t) => t.key === row.typeKey && t.version === row.typeVersion,
  );
  const effect = type?.transitions.find((t) => t.action === 'schedule-hearing')?.effect;
  return effect?.kind === 'schedule-hearing' ? effect.rule.label : null;
}

/** The decision whether the hearing takes place: the rule, the request and the reasons. */
function Decision(props: { row: ProcedureRow }): VNode {
  const { state } = props.row;
  const hearing = state.hearing ?? null;
  const request = state.hearingRequest ?? null;
  return (
    <section aria-labelledby="entscheidung" class="kern-stack">
      <h2 id="entscheidung" class="kern-heading-medium">
        Entscheidung über den Erörterungstermin
      </h2>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Antrag der Antragstellerin</dt>
          <dd class="kern-description-list-item__value">
            {request
              ? `Beantragt; eingegangen am ${formatGermanDate(request.receivedOn)}`
              : 'Nicht beantragt'}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Entscheidung</dt>
          <dd class="kern-description-list-item__value">
            {!hearing
              ? 'Noch nicht entschieden. Über den Erörterungstermin wird nach dem Ende der Einwendungsfrist entschieden (§ 10 Abs. 6 BImSchG).'
              : !hearing.held
                ? `Kein Erörterungstermin (entschieden am ${formatGermanDate(hearing.decidedAt)})`
                : hearing.format === 'online'
                  ? `Online-Konsultation; schriftliche Äußerungen bis ${formatGermanDate(hearing.date ?? '')}`
                  : `Erörterungstermin am ${formatGermanDate(hearing.date ?? '')}`}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Maßgebliche Regel</dt>
          <dd class="kern-description-list-item__value">
            {ruleOf(props.row) ?? 'Ermessen der Genehmigungsbehörde (§ 10 Abs. 6 BImSchG)'}
          </dd>
        </div>
        {hearing?.reason ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Begründung</dt>
            <dd class="kern-description-list-item__value">{hearing.reason}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function AgendaForm(props: {
  data: HearingPageData;
  ctx: PageContext;
  errors: FieldError[];
  values: Record<string, string>;
}): VNode {
  const { data, errors, values } = props;
  const id = data.row.id;
  return (
    <form method="post" action={`/verfahren/${id}/eroerterung`} novalidate class="kern-stack">
      <CsrfField token={props.ctx.csrfToken} />
      <ol class="kern-list">
        {data.agenda.map((item) => (
          <li key={item.id} class="kern-stack">
            <TextField
              name={`title.${item.id}`}
              label={`Tagesordnungspunkt${item.concernId ? ` (Belang mit ${countNoun(item.objections, 'Einwendung', 'Einwendungen')})` : ''}`}
              value={values[`title.${item.id}`] ?? item.title}
              errors={errors}
            />
            <TextField
              name={`position.${item.id}`}
              label="Reihenfolge"
              inputMode="numeric"
              width="width-4"
              value={values[`position.${item.id}`] ?? String(item.position)}
              errors={errors}
            />
            <TextArea
              name={`minutes.${item.id}`}
              label={
                data.row.state.hearing?.format === 'online'
                  ? `Zusammenfassung der Äußerungen zu „${item.title}“`
                  : `Niederschrift zu „${item.title}“`
              }
              value={values[`minutes.${item.id}`] ?? item.minutes}
              errors={errors}
              required={false}
              rows={3}
            />
          </li>
        ))}
      </ol>
      {data.row.state.hearing?.format === 'online' ? null : (
        <TextField
          name="publicCount"
          label="Weitere Personen aus der Öffentlichkeit (Anzahl)"
          inputMode="numeric"
          width="width-4"
          value={values.publicCount ?? String(data.publicCount)}
          errors={errors}
        />
      )}
      <SubmitButton>Tagesordnung und Niederschrift speichern</SubmitButton>
    </form>
  );
}

export function HearingPage(props: {
  ctx: PageContext;
  data: HearingPageData;
  saved: string | undefined;
  errors?: FieldError[];
  values?: Record<string, string>;
}): VNode {
  const { data } = props;
  const { row } = data;
  const errors = props.errors ?? [];
  const values = props.values ?? {};
  const hearing = row.state.hearing ?? null;
  const open = row.step === 'hearing' && hearing?.held === true && !hearing.heldAt;
  const saved = props.saved ? SAVED[props.saved] : undefined;
  return (
    <Layout ctx={props.ctx} title={`Erörterung: ${row.title}`} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {saved ? <Notice kind="success" title={saved} /> : null}
      <p class="kern-body kern-body--small">Az. {referenceLabel(row.reference)}</p>
      <h1 class="kern-heading-large">Erörterung: {row.title}</h1>
      <Decision row={row} />
      {hearing?.held ? (
        <>
          <section aria-labelledby="einladungen" class="kern-stack">
            <h2 id="einladungen" class="kern-heading-medium">
              Einladungen
            </h2>
            <p class="kern-body">
              Die Bekanntmachung steht im Portal. Einwendende mit E-Mail-Adresse, die
              Antragstellerin und die beteiligten Behörden wurden per E-Mail eingeladen.{' '}
              {data.letterInvitees.toLocaleString('de-DE')} Einwendende ohne E-Mail-Adresse erhalten
              einen Brief:{' '}
              <a class="kern-link" href={`/verfahren/${row.id}/eroerterung/briefliste`}>
                Briefliste (druckbar)
              </a>{' '}
              ·{' '}
              <a class="kern-link" href={`/verfahren/${row.id}/eroerterung/briefliste.csv`}>
                Briefliste als CSV
              </a>
            </p>
          </section>
          <section aria-labelledby="tagesordnung" class="kern-stack">
            <h2 id="tagesordnung" class="kern-heading-medium">
              Tagesordnung und Niederschrift je Punkt
            </h2>
            <p class="kern-body">
              Die Tagesordnung folgt aus dem Belange-Katalog (Belange mit bestätigten Einwendungen);
              Sie können die Reihenfolge ändern und Punkte ergänzen. Die Niederschrift (§ 19 9.
              BImSchV) wird beim Abschluss unter „Nächste Schritte“ im Verfahren als PDF erstellt
              und der Antragstellerin übersandt.
            </p>
            {open ? (
              <>
                <AgendaForm data={data} ctx={props.ctx} errors={errors} values={values} />
                <form
                  method="post"
                  action={`/verfahren/${row.id}/eroerterung/punkte`}
                  novalidate
                  class="kern-stack"
                >
                  <CsrfField token={props.ctx.csrfToken} />
                  <TextField
                    name="title"
                    label="Weiterer Tagesordnungspunkt"
                    value={values.title}
                    errors={errors}
                  />
                  <SubmitButton variant="secondary">Punkt hinzufügen</SubmitButton>
                </form>
              </>
            ) : (
              <ol class="kern-list">
                {data.agenda.map((item) => (
                  <li key={item.id}>
                    {item.title}
                    {item.minutes ? `: ${item.minutes}` : ''}
                  </li>
                ))}
              </ol>
            )}
          </section>
          {open && hearing.format === 'online' ? (
            <Comments data={data} ctx={props.ctx} errors={errors} values={values} />
          ) : null}
          {open && hearing.format !== 'online' ? (
            <Attendance data={data} ctx={props.ctx} errors={errors} values={values} />
          ) : null}
          {data.minutesDocumentId ? (
            <>
              <p class="kern-body">
                <a
                  class="kern-link"
                  href={`/verfahren/${row.id}/dokumente/${data.minutesDocumentId}`}
                >
                  Niederschrift (PDF)
                </a>
              </p>
              <Copies data={data} ctx={props.ctx} errors={errors} values={values} />
            </>
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}

/** The letter list: objectors without e-mail, for printing invitations (authority only). */
export function LetterListPage(props: {
  ctx: PageContext;
  row: ProcedureRow;
  rows: { reference: string; name: string | null; address: string | null }[];
}): VNode {
  return (
    <Layout ctx={props.ctx} title={`Briefliste zur Erörterung: ${props.row.title}`}>
      <p class="kern-body kern-body--small">Az. {referenceLabel(props.row.reference)}</p>
      <h1 class="kern-heading-large">Briefliste zur Erörterung: {props.row.title}</h1>
      <p class="kern-body">
        Einwendende ohne E-Mail-Adresse; nur für die Genehmigungsbehörde. Ohne Anschrift ist keine
        Einladung per Brief möglich; die öffentliche Bekanntmachung lädt auch sie ein.
      </p>
      <table class="kern-table">
        <caption class="kern-title">
          {countNoun(props.rows.length, 'Einwendung', 'Einwendungen')}
        </caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              Aktenzeichen
            </th>
            <th scope="col" class="kern-table__header">
              Name
            </th>
            <th scope="col" class="kern-table__header">
              Anschrift
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {props.rows.map((r) => (
            <tr key={r.reference} class="kern-table__row">
              <td class="kern-table__cell">{r.reference}</td>
              <td class="kern-table__cell">{r.name ?? '–'}</td>
              <td class="kern-table__cell">{r.address ?? 'keine Anschrift angegeben'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
