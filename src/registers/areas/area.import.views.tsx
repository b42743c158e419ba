/** The import form of wind areas (GeoJSON upload) for the Land planning authority. */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  fieldId,
  Notice,
  SubmitButton,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { IMPORT_PATH, TRACKER_PATH } from './area.views.tsx';

export interface ImportValues {
  stand: string;
  modus: string;
}

export function ImportPage(props: {
  ctx: PageContext;
  values: ImportValues;
  errors: FieldError[];
  done?: { seq: number; count: number; ended: number };
}): VNode {
  const modeName = 'modus';
  return (
    <Layout
      ctx={props.ctx}
      title="Windenergiegebiete importieren"
      hasErrors={props.errors.length > 0}
    >
      <h1 class="kern-heading-large">Windenergiegebiete importieren</h1>
      {props.done ? (
        <Notice
          kind="success"
          title={`Version ${props.done.seq} mit ${props.done.count} Gebieten gespeichert${props.done.ended > 0 ? `; ${props.done.ended} frühere Gebiete ersetzt` : ''}.`}
        >
          <p class="kern-body">
            <a class="kern-link" href={TRACKER_PATH}>
              Zum Flächenziel
            </a>
          </p>
        </Notice>
      ) : null}
      <ErrorSummary errors={props.errors} />
      <p class="kern-body">
        Eine GeoJSON-FeatureCollection (WGS84) mit Polygonen oder Multipolygonen. Je Gebiet:
        <code>name</code>, <code>kind</code> („wind-energy“ oder „acceleration“), optional{' '}
        <code>legalStatus</code> („in-force“ oder „draft“), <code>planSource</code>,{' '}
        <code>planDate</code>, <code>rotorRule</code> („rotor-out“ oder „rotor-in“) und{' '}
        <code>planningRegion</code>. Ist ein Gebiet fehlerhaft, wird nichts gespeichert.
      </p>
      <form
        method="post"
        action={`${IMPORT_PATH}?_csrf=${encodeURIComponent(props.ctx.csrfToken)}`}
        encType="multipart/form-data"
        novalidate
        class="kern-stack form-narrow"
      >
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="stand"
          label="Stand der Daten"
          hint="TT.MM.JJJJ; nicht vor dem Stand des letzten Imports und nicht in der Zukunft."
          value={props.values.stand}
          errors={props.errors}
          width="width-date"
        />
        <fieldset class="kern-fieldset" id={fieldId(modeName)}>
          <legend class="kern-label">Art des Imports</legend>
          <div class="kern-fieldset__body">
            {(
              [
                [
                  'replace',
                  'Ersetzen: Die Gebiete der Datei ersetzen alle bisherigen Gebiete ihrer Planungsregionen',
                ],
                ['add', 'Ergänzen: Die Gebiete kommen zu den bisherigen hinzu'],
              ] as const
            ).map(([value, label]) => (
              <div class="kern-form-check" key={value}>
                <input
                  class="kern-form-check__radio"
                  type="radio"
                  id={fieldId(`${modeName}-${value}`)}
                  name={modeName}
                  value={value}
                  checked={props.values.modus === value}
                />
                <label class="kern-label" for={fieldId(`${modeName}-${value}`)}>
                  {label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div class="kern-form-input">
          <label class="kern-label" for={fieldId('datei')}>
            GeoJSON-Datei
          </label>
          {props.errors.some((e) => e.field === 'datei') ? (
            <p class="kern-error" id={`${fieldId('datei')}-fehler`}>
              <span class="kern-sr-only">Fehler: </span>
              Die Datei wurde nicht importiert; die Gründe stehen oben.
            </p>
          ) : null}
          <input
            class="kern-form-input__input"
            type="file"
            id={fieldId('datei')}
            name="datei"
            accept=".geojson,.json,application/geo+json,application/json"
            aria-describedby={
              props.errors.some((e) => e.field === 'datei')
                ? `${fieldId('datei')}-fehler`
                : undefined
            }
          />
        </div>
        <SubmitButton>Importieren</SubmitButton>
      </form>
    </Layout>
  );
}
