/**
 * The page on which the platform's administrators load statistics for the dashboard's imported
 * indicators: what each one shows now (source, licence, when, by whom, how many values) and one
 * form with a choice of indicator, the CSV file and its provenance. Works without script.
 */
import type { VNode } from 'preact';
import { AdminNav } from '../admin/admin.views.tsx';
import type { FieldError } from '../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  fieldId,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
} from '../platform/forms.tsx';
import { Layout, type PageContext } from '../platform/layout.tsx';
import { DataTable, formatTimestamp } from '../platform/table.tsx';
import { indicatorPath, MONITORING_PATH } from './dashboard.files.ts';
import type { ImportRecord } from './import.actions.ts';
import type { IndicatorDefinition } from './indicator.types.ts';

export const IMPORT_FORM_PATH = `${MONITORING_PATH}/einspielen`;
/** A statistics file of 10,000 lines stays far below this. */
export const IMPORT_FILE_LIMIT = 2 * 1024 * 1024;

/** What the form sends besides the file, kept when it is shown again. */
export interface ImportFormValues {
  kennzahl: string;
  quelle: string;
  lizenz: string;
  url: string;
}

export const EMPTY_IMPORT_FORM: ImportFormValues = {
  kennzahl: '',
  quelle: '',
  lizenz: '',
  url: '',
};

const FILE_FIELD = 'datei';

export function ImportFormPage(props: {
  ctx: PageContext;
  indicators: readonly IndicatorDefinition[];
  imports: ReadonlyMap<string, ImportRecord>;
  values: ImportFormValues;
  errors: FieldError[];
  /** The indicator just imported (after the redirect). */
  done?: IndicatorDefinition;
}): VNode {
  const { errors } = props;
  const fileError = errors.some((e) => e.field === FILE_FIELD);
  const doneImport = props.done ? props.imports.get(props.done.id) : undefined;
  return (
    <Layout
      ctx={props.ctx}
      title="Statistiken für das Monitoring einspielen"
      hasErrors={errors.length > 0}
    >
      <AdminNav current={IMPORT_FORM_PATH} />
      <h1 class="kern-heading-large">Statistiken für das Monitoring einspielen</h1>
      {props.done && doneImport ? (
        <Notice
          kind="success"
          title={`${doneImport.rows.toLocaleString('de-DE')} Werte für „${props.done.title}“ eingespielt.`}
        >
          <p class="kern-body">
            Die Kennzahl zeigt ab sofort diese Werte.{' '}
            <a class="kern-link" href={indicatorPath(props.done.id)}>
              Kennzahl „{props.done.title}“ ansehen
            </a>
          </p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />
      <p class="kern-body">
        Einige Kennzahlen des{' '}
        <a class="kern-link" href={MONITORING_PATH}>
          Monitorings
        </a>{' '}
        zeigen Statistiken, die nicht auf der Plattform entstehen. Jede Einspielung ersetzt ab ihrem
        Zeitpunkt die vorige; frühere Stände der Kennzahl zeigen weiter die Werte, die damals
        galten. Die Quelle und die Lizenz stehen öffentlich bei der Kennzahl.
      </p>
      <DataTable
        caption="Kennzahlen mit eingespielten Werten"
        columns={[
          'Kennzahl',
          'Quelle',
          'Lizenz',
          'Eingespielt am',
          'Eingespielt von',
          { label: 'Werte', numeric: true },
          { label: 'Einspielungen', numeric: true },
        ]}
        rowHeader={0}
        rows={props.indicators.map((definition) => {
          const current = props.imports.get(definition.id);
          return {
            key: definition.id,
            cells: [
              <a class="kern-link" href={indicatorPath(definition.id)}>
                {definition.title}
              </a>,
              current ? (
                current.sourceUrl ? (
                  <a class="kern-link" href={current.sourceUrl}>
                    {current.source}
                  </a>
                ) : (
                  current.source
                )
              ) : (
                'noch nichts eingespielt'
              ),
              current?.licence ?? '–',
              current ? formatTimestamp(current.importedAt) : '–',
              current?.importedBy ?? '–',
              current ? current.rows.toLocaleString('de-DE') : '0',
              current ? current.versions.toLocaleString('de-DE') : '0',
            ],
          };
        })}
      />
      <h2 class="kern-heading-medium" id="einspielen">
        Neue Statistik einspielen
      </h2>
      <p class="kern-body">
        Die Datei ist eine CSV-Datei in UTF-8 (in Tabellenprogrammen „CSV UTF-8“) mit Semikolon als
        Trenner und der Kopfzeile <code>Datum;Kategorie;Wert</code>; je Zeile ein Datum
        (TT.MM.JJJJ), eine Kategorie und ein Wert mit Dezimalkomma, zum Beispiel{' '}
        <code>31.12.2025;Neurath;2.100,5</code>. Höchstens 10.000 Zeilen und 2 MB. Ist eine Zeile
        fehlerhaft, wird nichts eingespielt.
      </p>
      <form
        method="post"
        action={`${IMPORT_FORM_PATH}?_csrf=${encodeURIComponent(props.ctx.csrfToken)}`}
        encType="multipart/form-data"
        novalidate
        class="kern-stack form-narrow"
        aria-labelledby="einspielen"
      >
        <CsrfField token={props.ctx.csrfToken} />
        <SelectField
          name="kennzahl"
          label="Kennzahl"
          value={props.values.kennzahl}
          errors={errors}
          options={[
            { value: '', label: 'Bitte wählen' },
            ...props.indicators.map((d) => ({ value: d.id, label: d.title })),
          ]}
        />
        <TextField
          name="quelle"
          label="Quelle"
          hint="Wer die Werte veröffentlicht, z. B. „Bundesnetzagentur, Kraftwerksliste, Stand 01.11.2026“ (3 bis 300 Zeichen)."
          value={props.values.quelle}
          errors={errors}
        />
        <TextField
          name="lizenz"
          label="Lizenz"
          hint="Unter der die Werte weiterverwendet werden dürfen, z. B. „dl-de/by-2-0“ (3 bis 200 Zeichen)."
          value={props.values.lizenz}
          errors={errors}
        />
        <TextField
          name="url"
          label="Adresse der Quelle"
          hint="Beginnt mit https:// oder http://."
          value={props.values.url}
          errors={errors}
          required={false}
        />
        <div class={`kern-form-input${fileError ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for={fieldId(FILE_FIELD)}>
            CSV-Datei
          </label>
          {fileError ? (
            <p class="kern-error" id={`${fieldId(FILE_FIELD)}-fehler`}>
              <span class="kern-sr-only">Fehler: </span>
              Die Datei wurde nicht eingespielt; die Gründe stehen oben. Bitte wählen Sie die
              berichtigte Datei erneut aus.
            </p>
          ) : null}
          <input
            class="kern-form-input__input"
            type="file"
            id={fieldId(FILE_FIELD)}
            name={FILE_FIELD}
            accept=".csv,text/csv"
            aria-describedby={fileError ? `${fieldId(FILE_FIELD)}-fehler` : undefined}
            aria-invalid={fileError ? 'true' : undefined}
          />
        </div>
        <SubmitButton>Einspielen</SubmitButton>
      </form>
    </Layout>
  );
}
