import type { VNode } from 'preact';
import { formatGermanDateShort } from '../law/index.ts';
import type { FieldError } from '../platform/errors.ts';
import {
  CsrfField,
  Notice,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../platform/forms.tsx';
import { formatTimestamp } from '../platform/table.tsx';
import type { Casework } from './casework.queries.ts';

interface Props {
  procedureId: string;
  casework: Casework;
  csrfToken: string;
  today: string;
  errors: FieldError[];
  values: Record<string, string>;
  /** Closed or not yet submitted: shown, but nothing can be changed. */
  readOnly: boolean;
}

function Assignment(props: Props): VNode {
  const { assignment, caseWorkers } = props.casework;
  const choices = caseWorkers.map((w) => ({ value: w.id, label: w.name }));
  return (
    <>
      <h3 class="kern-heading-small" id="zustaendigkeit">
        Zuständigkeit
      </h3>
      <p class="kern-body">
        {assignment?.caseWorkerName
          ? `Zuständig: ${assignment.caseWorkerName}${assignment.deputyName ? `; Vertretung: ${assignment.deputyName}` : '; keine Vertretung'}.`
          : 'Noch niemand ist für dieses Verfahren zuständig.'}
      </p>
      {props.readOnly ? null : (
        <form
          method="post"
          action={`/verfahren/${props.procedureId}/zustaendigkeit`}
          novalidate
          class="action-form kern-stack"
        >
          <CsrfField token={props.csrfToken} />
          <SelectField
            name="caseWorkerId"
            label="Zuständige Sachbearbeitung"
            options={[{ value: '', label: 'bitte wählen' }, ...choices]}
            value={props.values.caseWorkerId ?? assignment?.caseWorkerId ?? ''}
            errors={props.errors}
          />
          <SelectField
            name="deputyId"
            label="Vertretung"
            options={[{ value: '', label: 'keine Vertretung' }, ...choices]}
            value={props.values.deputyId ?? assignment?.deputyId ?? ''}
            errors={props.errors}
          />
          <SubmitButton variant="secondary">Zuständigkeit speichern</SubmitButton>
        </form>
      )}
    </>
  );
}

function FollowUps(props: Props): VNode {
  const { followUps } = props.casework;
  const open = followUps.filter((f) => f.done_at === null);
  return (
    <>
      <h3 class="kern-heading-small" id="wiedervorlagen">
        Wiedervorlagen
      </h3>
      {open.length === 0 ? (
        <p class="kern-body">Keine offenen Wiedervorlagen.</p>
      ) : (
        <ul class="kern-list">
          {open.map((f) => (
            <li key={f.id}>
              <span class={f.due_date <= props.today ? 'status-overdue' : ''}>
                {formatGermanDateShort(f.due_date)}
                {f.due_date <= props.today ? ' (fällig)' : ''}
              </span>
              : {f.text} <span class="kern-body--small">– angelegt von {f.author}</span>
              {props.readOnly ? null : (
                <form
                  method="post"
                  action={`/verfahren/${props.procedureId}/wiedervorlagen/${f.id}/erledigt`}
                  class="inline-form"
                >
                  <CsrfField token={props.csrfToken} />
                  <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small">
                    <span class="kern-label">Erledigt: {formatGermanDateShort(f.due_date)}</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.readOnly ? null : (
        <form
          method="post"
          action={`/verfahren/${props.procedureId}/wiedervorlagen`}
          novalidate
          class="action-form kern-stack"
        >
          <CsrfField token={props.csrfToken} />
          <TextField
            name="dueDate"
            label="Wiedervorlage am"
            type="date"
            hint="An diesem Tag erscheint das Verfahren oben im Arbeitskorb, und Sie erhalten eine E-Mail."
            value={props.values.dueDate}
            errors={props.errors}
          />
          <TextField
            name="followUpText"
            label="Worum geht es?"
            value={props.values.followUpText}
            errors={props.errors}
          />
          <SubmitButton variant="secondary">Wiedervorlage anlegen</SubmitButton>
        </form>
      )}
    </>
  );
}

function Notes(props: Props): VNode {
  const { notes } = props.casework;
  return (
    <>
      <h3 class="kern-heading-small" id="vermerke">
        Aktenvermerke
      </h3>
      {notes.length === 0 ? (
        <p class="kern-body">Noch keine Vermerke.</p>
      ) : (
        <ol class="kern-list internal-notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p class="kern-body--small">
                {formatTimestamp(n.created_at)} – {n.author}
              </p>
              <p class="kern-body keep-lines">{n.body}</p>
            </li>
          ))}
        </ol>
      )}
      {props.readOnly ? null : (
        <form
          method="post"
          action={`/verfahren/${props.procedureId}/vermerke`}
          novalidate
          class="action-form kern-stack"
        >
          <CsrfField token={props.csrfToken} />
          <TextArea
            name="noteText"
            label="Neuer Vermerk"
            hint="Vermerke können nicht geändert oder gelöscht werden; eine Berichtigung ist ein neuer Vermerk."
            value={props.values.noteText}
            errors={props.errors}
          />
          <SubmitButton variant="secondary">Vermerk speichern</SubmitButton>
        </form>
      )}
    </>
  );
}

/** The authority's internal work on a case; rendered only for its case workers. */
export function CaseworkSection(props: Props): VNode {
  return (
    <section class="case-section" aria-labelledby="bearbeitung">
      <h2 class="kern-heading-medium" id="bearbeitung">
        Interne Bearbeitung
      </h2>
      <Notice
        kind="info"
        title="Nur für die Sachbearbeitung Ihrer Behörde sichtbar, nicht für die Antragstellerin und nicht für Fachbehörden."
      />
      <Assignment {...props} />
      <FollowUps {...props} />
      <Notes {...props} />
    </section>
  );
}
