import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
import type { TrainingClaimStatus } from '../../db/schema.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { MAX_CSV_ROWS } from './training.csv.ts';
import {
  CAP_PER_PERSON_CENTS,
  CLAIM_FIELDS,
  FIELD_LABELS,
  PER_DAY_CENTS,
  ROLE_LABELS,
  type ClaimDraft,
} from './training.rules.ts';

export const STATUS_LABELS: Readonly<Record<TrainingClaimStatus, string>> = {
  submitted: 'eingegangen',
  qa: 'in manueller Prüfung',
  'awaiting-funds': 'wartet auf Haushaltsmittel',
  approved: 'bewilligt',
  refused: 'abgelehnt',
  paid: 'ausgezahlt',
};

export const germanDate = (iso: string) => iso.split('-').reverse().join('.');

export interface FirmClaimRow {
  id: string;
  employee_name: string;
  course_code: string;
  course_start: string;
  course_end: string;
  training_days: number;
  status: TrainingClaimStatus;
  requested_cents: number;
  granted_cents: number | null;
  decision_reason: string | null;
}

const MESSAGES: Record<string, string> = {
  eingereicht: 'Ihr Antrag wurde eingereicht und automatisch geprüft. Das Ergebnis steht unten.',
  datei: 'Ihre Anträge aus der Datei wurden eingereicht und automatisch geprüft.',
};

export function FirmClaimsPage(props: {
  ctx: PageContext;
  companyName: string;
  courses: { code: string; title: string; days: number }[];
  claims: FirmClaimRow[];
  total: number;
  values: Partial<ClaimDraft>;
  errors: FieldError[];
  fileErrors: FieldError[];
  message?: string;
}): VNode {
  const hasErrors = props.errors.length + props.fileErrors.length > 0;
  const v = props.values;
  const csrfQuery = `?_csrf=${encodeURIComponent(props.ctx.csrfToken)}`;
  return (
    <Layout ctx={props.ctx} title="Bildungsprämie Wärmepumpe" hasErrors={hasErrors}>
      <h1 class="kern-heading-large">Bildungsprämie Wärmepumpe</h1>
      <p class="kern-body">
        {props.companyName}: {formatEuro(PER_DAY_CENTS)} je Fortbildungstag und Beschäftigtem,
        höchstens {formatEuro(CAP_PER_PERSON_CENTS)} je Beschäftigtem über alle Anträge und
        Arbeitgeber (progres.nrw – Klimaschutztechnik). Gefördert werden technische Führungskräfte
        und Planungsverantwortliche, nicht Monteure vor Ort.
      </p>
      {props.message && MESSAGES[props.message] ? (
        <Notice kind="success" title={MESSAGES[props.message]!} />
      ) : null}
      <ErrorSummary errors={[...props.errors, ...props.fileErrors]} />

      <h2 class="kern-heading-medium">Ihre Anträge</h2>
      {props.claims.length === 0 ? (
        <p class="kern-body">Noch keine Anträge.</p>
      ) : (
        <DataTable
          caption={`Anträge (${props.claims.length} von ${props.total}, neueste zuerst)`}
          columns={[
            'Beschäftigte/r',
            'Kurs',
            'Zeitraum',
            { label: 'Tage', numeric: true },
            'Stand',
            { label: 'Betrag', numeric: true },
            'Hinweis',
          ]}
          rowHeader={0}
          rows={props.claims.map((c) => ({
            key: c.id,
            cells: [
              c.employee_name,
              c.course_code,
              `${germanDate(c.course_start)} – ${germanDate(c.course_end)}`,
              c.training_days,
              STATUS_LABELS[c.status],
              formatEuro(c.granted_cents ?? c.requested_cents),
              // Refusals, reductions, waiting for funds and the budget line all explain themselves.
              c.decision_reason ?? '',
            ],
          }))}
        />
      )}

      <h2 class="kern-heading-medium">Einen Antrag stellen</h2>
      <form
        method="post"
        action="/foerderung/bildungspraemie"
        novalidate
        class="kern-stack form-narrow"
      >
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="familyName"
          label={FIELD_LABELS.familyName}
          value={v.familyName}
          errors={props.errors}
        />
        <TextField
          name="givenName"
          label={FIELD_LABELS.givenName}
          value={v.givenName}
          errors={props.errors}
        />
        <TextField
          name="birthDate"
          label={FIELD_LABELS.birthDate}
          hint="TT.MM.JJJJ; dient nur der Bildung eines pseudonymen Schlüssels und wird nicht gespeichert."
          value={v.birthDate}
          errors={props.errors}
        />
        <SelectField
          name="role"
          label={FIELD_LABELS.role}
          value={v.role}
          errors={props.errors}
          options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          name="courseCode"
          label={FIELD_LABELS.courseCode}
          value={v.courseCode}
          errors={props.errors}
          options={props.courses.map((c) => ({
            value: c.code,
            label: `${c.title} (${c.code}, ${c.days} Tage)`,
          }))}
        />
        <TextField
          name="courseStart"
          label={FIELD_LABELS.courseStart}
          hint="TT.MM.JJJJ"
          value={v.courseStart}
          errors={props.errors}
        />
        <TextField
          name="courseEnd"
          label={FIELD_LABELS.courseEnd}
          hint="TT.MM.JJJJ"
          value={v.courseEnd}
          errors={props.errors}
        />
        <TextField
          name="trainingDays"
          label={FIELD_LABELS.trainingDays}
          inputMode="numeric"
          width="width-4"
          value={v.trainingDays}
          errors={props.errors}
        />
        <TextField
          name="accountHolder"
          label={FIELD_LABELS.accountHolder}
          value={v.accountHolder}
          errors={props.errors}
        />
        <TextField name="iban" label={FIELD_LABELS.iban} value={v.iban} errors={props.errors} />
        <TextField
          name="bic"
          label={FIELD_LABELS.bic}
          required={false}
          value={v.bic}
          errors={props.errors}
        />
        <SubmitButton>Antrag einreichen</SubmitButton>
      </form>

      <h2 class="kern-heading-medium">Viele Anträge als CSV-Datei</h2>
      <p class="kern-body">
        Eine Zeile je Beschäftigtem und Kurs, Trennzeichen Semikolon oder Komma, erste Zeile mit den
        Spalten: {CLAIM_FIELDS.map((f) => FIELD_LABELS[f]).join('; ')} (BIC darf leer sein).
        Höchstens {MAX_CSV_ROWS} Zeilen. Enthält die Datei einen Fehler, wird nichts gespeichert;
        jede fehlerhafte Zeile wird genannt.
      </p>
      <form
        method="post"
        action={`/foerderung/bildungspraemie/datei${csrfQuery}`}
        enctype="multipart/form-data"
        novalidate
        class="kern-stack form-narrow"
      >
        <div class="kern-form-input">
          <label class="kern-label" for="feld-datei">
            CSV-Datei
          </label>
          <input
            class="kern-form-input__input"
            type="file"
            id="feld-datei"
            name="datei"
            accept=".csv,text/csv"
          />
        </div>
        <SubmitButton variant="secondary">Datei hochladen und einreichen</SubmitButton>
      </form>
    </Layout>
  );
}
