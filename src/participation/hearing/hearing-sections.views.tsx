/** The hearing page's sections for attendance, online comments and copies of the minutes. */
import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import type { PageContext } from '../../platform/layout.tsx';
import type { HearingPageData } from './hearing.views.tsx';

const CATEGORY_LABELS: Record<string, string> = {
  applicant: 'Antragstellerin',
  objector: 'Einwendende',
  agency: 'Beteiligte Behörde',
  authority: 'Genehmigungsbehörde',
};

export function Attendance(props: {
  data: HearingPageData;
  ctx: PageContext;
  errors: FieldError[];
  values: Record<string, string>;
}): VNode {
  const { data, errors, values } = props;
  return (
    <section aria-labelledby="teilnahme" class="kern-stack">
      <h2 id="teilnahme" class="kern-heading-medium">
        Teilnahme
      </h2>
      {data.attendees.length === 0 ? (
        <p class="kern-body">Noch niemand erfasst.</p>
      ) : (
        <ul class="kern-list">
          {data.attendees.map((a) => (
            <li key={a.id}>
              {CATEGORY_LABELS[a.category] ?? a.category}: {a.name}
              {a.reference && a.reference !== a.name ? ` (${a.reference})` : ''}
              {a.redact_identity ? ' – hat um Schwärzung gebeten' : ''}
            </li>
          ))}
        </ul>
      )}
      <form
        method="post"
        action={`/verfahren/${data.row.id}/eroerterung/teilnahme`}
        novalidate
        class="kern-stack"
      >
        <CsrfField token={props.ctx.csrfToken} />
        <SelectField
          name="category"
          label="Teilgenommen für"
          options={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
          value={values.category ?? 'objector'}
          errors={errors}
        />
        <TextField
          name="objectionReference"
          label="Aktenzeichen der Einwendung (bei Einwendenden)"
          hint="In der Niederschrift erscheinen Einwendende nur mit diesem Aktenzeichen."
          value={values.objectionReference}
          errors={errors}
          required={false}
        />
        <TextField
          name="name"
          label="Name und Funktion"
          value={values.name}
          errors={errors}
          required={false}
        />
        <SubmitButton variant="secondary">Teilnahme erfassen</SubmitButton>
      </form>
    </section>
  );
}

export function Comments(props: {
  data: HearingPageData;
  ctx: PageContext;
  errors: FieldError[];
  values: Record<string, string>;
}): VNode {
  const { data, errors, values } = props;
  const title = new Map(data.agenda.map((a) => [a.id, a.title]));
  return (
    <section aria-labelledby="aeusserungen" class="kern-stack">
      <h2 id="aeusserungen" class="kern-heading-medium">
        Schriftliche Äußerungen der Online-Konsultation
      </h2>
      {data.comments.length === 0 ? (
        <p class="kern-body">Noch keine Äußerung erfasst.</p>
      ) : (
        <ul class="kern-list">
          {data.comments.map((c) => (
            <li key={c.id}>
              {title.get(c.agenda_item_id)} – {c.author_label}, {formatGermanDate(c.received_on)}:{' '}
              {c.body}
            </li>
          ))}
        </ul>
      )}
      <form
        method="post"
        action={`/verfahren/${data.row.id}/eroerterung/aeusserungen`}
        novalidate
        class="kern-stack"
      >
        <CsrfField token={props.ctx.csrfToken} />
        <SelectField
          name="agendaItemId"
          label="Tagesordnungspunkt"
          options={data.agenda.map((a) => ({ value: a.id, label: a.title }))}
          value={values.agendaItemId}
          errors={errors}
        />
        <SelectField
          name="authorKind"
          label="Geäußert hat sich"
          options={[
            { value: 'objector', label: 'Einwendende Person' },
            { value: 'applicant', label: 'Antragstellerin' },
            { value: 'agency', label: 'Beteiligte Behörde' },
          ]}
          value={values.authorKind ?? 'objector'}
          errors={errors}
        />
        <TextField
          name="objectionReference"
          label="Aktenzeichen der Einwendung (bei Einwendenden)"
          value={values.objectionReference}
          errors={errors}
          required={false}
        />
        <TextField
          name="authorLabel"
          label="Name (Antragstellerin oder Behörde)"
          value={values.authorLabel}
          errors={errors}
          required={false}
        />
        <TextField
          name="receivedOn"
          type="date"
          label="Eingegangen am"
          value={values.receivedOn ?? data.today}
          errors={errors}
        />
        <TextArea name="body" label="Äußerung" value={values.body} errors={errors} rows={4} />
        <SubmitButton variant="secondary">Äußerung erfassen</SubmitButton>
      </form>
    </section>
  );
}

export function Copies(props: {
  data: HearingPageData;
  ctx: PageContext;
  errors: FieldError[];
  values: Record<string, string>;
}): VNode {
  const { data, errors, values } = props;
  return (
    <section aria-labelledby="abschriften" class="kern-stack">
      <h2 id="abschriften" class="kern-heading-medium">
        Abschriften für Einwendende (§ 19 Abs. 2 9. BImSchV)
      </h2>
      {data.copies.length === 0 ? (
        <p class="kern-body">Noch keine Abschrift angefordert.</p>
      ) : (
        <ul class="kern-list">
          {data.copies.map((c) => (
            <li key={c.id}>
              {c.reference}: angefordert am {formatGermanDate(c.requested_on)},{' '}
              {c.channel === 'mail' ? 'per E-Mail versandt' : 'per Brief zu versenden'}
            </li>
          ))}
        </ul>
      )}
      <form
        method="post"
        action={`/verfahren/${data.row.id}/eroerterung/abschrift`}
        novalidate
        class="kern-stack"
      >
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="objectionReference"
          label="Aktenzeichen der Einwendung"
          value={values.objectionReference}
          errors={errors}
        />
        <TextField
          name="requestedOn"
          type="date"
          label="Angefordert am"
          value={values.requestedOn ?? data.today}
          errors={errors}
        />
        <SubmitButton variant="secondary">Abschrift versenden</SubmitButton>
      </form>
    </section>
  );
}
