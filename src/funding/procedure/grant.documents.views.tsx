/**
 * The documents of a funding case: the list with download links and, while the case runs, the
 * upload form for the company and the funding body's case workers (multipart, no script needed).
 */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { fieldId, SelectField, SubmitButton } from '../../platform/forms.tsx';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import { documentTypeLabel, documentTypesFor, type FundingDocument } from './grant.documents.ts';

const KILOBYTE = 1024;

export function formatFileSize(bytes: number): string {
  if (bytes < KILOBYTE) return `${bytes} Byte`;
  if (bytes < KILOBYTE * KILOBYTE)
    return `${(bytes / KILOBYTE).toLocaleString('de-DE', { maximumFractionDigits: 0 })} KB`;
  return `${(bytes / KILOBYTE / KILOBYTE).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}

export function DocumentList(props: {
  documents: readonly FundingDocument[];
  href: (doc: FundingDocument) => string;
  caption: string;
}): VNode {
  if (props.documents.length === 0)
    return <p class="kern-body">Es sind noch keine Unterlagen hochgeladen.</p>;
  return (
    <DataTable
      caption={props.caption}
      columns={['Datei', 'Art', 'Größe', 'Eingang', 'Von', 'SHA-256']}
      rows={props.documents.map((d) => ({
        key: d.id,
        cells: [
          <a class="kern-link" href={props.href(d)}>
            {d.filename}
          </a>,
          documentTypeLabel(d.doc_type),
          formatFileSize(d.size),
          formatTimestamp(d.uploaded_at),
          d.uploaded_by_name ?? '–',
          <code>{d.sha256.slice(0, 16)}…</code>,
        ],
      }))}
    />
  );
}

export function FundingDocumentsSection(props: {
  procedureId: string;
  documents: readonly FundingDocument[];
  canUpload: boolean;
  body: boolean;
  csrfToken: string;
  errors: readonly FieldError[];
}): VNode {
  const fileError = props.errors.find((e) => e.field === 'file');
  return (
    <section aria-labelledby="unterlagen">
      <h2 class="kern-heading-medium" id="unterlagen">
        Unterlagen
      </h2>
      <DocumentList
        documents={props.documents}
        caption="Unterlagen des Verfahrens"
        href={(d) => `/foerderung/antraege/${props.procedureId}/unterlagen/${d.id}`}
      />
      {props.canUpload ? (
        <form
          method="post"
          action={`/foerderung/antraege/${props.procedureId}/unterlagen?_csrf=${encodeURIComponent(props.csrfToken)}`}
          encType="multipart/form-data"
          class="kern-stack form-narrow action-form"
        >
          <h3 class="kern-heading-small">Unterlage hochladen</h3>
          <SelectField
            name="docType"
            label="Art der Unterlage"
            options={documentTypesFor(props.body).map((t) => ({ value: t.key, label: t.label }))}
            errors={[...props.errors]}
          />
          <div class={`kern-form-input${fileError ? ' kern-form-input--error' : ''}`}>
            <label class="kern-label" for={fieldId('file')}>
              Datei (PDF, PNG oder JPEG, höchstens 25 MB)
            </label>
            {fileError ? (
              <p class="kern-error" id={`${fieldId('file')}-fehler`}>
                <span class="kern-sr-only">Fehler: </span>
                {fileError.message}
              </p>
            ) : null}
            <input
              class="kern-form-input__input"
              type="file"
              id={fieldId('file')}
              name="file"
              required
              accept="application/pdf,image/png,image/jpeg"
              aria-describedby={fileError ? `${fieldId('file')}-fehler` : undefined}
              aria-invalid={fileError ? 'true' : undefined}
            />
          </div>
          <SubmitButton variant="secondary">Hochladen</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}
