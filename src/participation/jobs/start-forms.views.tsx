/** Forms on a procedure's job list that start participation work in the background. */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { Checkbox, CsrfField, fieldId, SubmitButton } from '../../platform/forms.tsx';
import { groupsPath } from '../groups/group.views.tsx';
import { EXPORT_KINDS, EXPORT_LABELS } from '../export/export.files.ts';

export const exportJobPath = (procedureId: string) => `/verfahren/${procedureId}/export/auftrag`;
export const proposalsJobPath = (procedureId: string) =>
  `/verfahren/${procedureId}/einwendungen/schwaerzungsvorschlaege`;

export function ParticipationStartForms(props: {
  procedureId: string;
  csrfToken: string;
  errors?: FieldError[];
  values?: Record<string, string>;
}): VNode {
  const { procedureId, csrfToken } = props;
  const artError = props.errors?.find((e) => e.field === 'art');
  const chosen = props.values?.art ?? 'csv';
  return (
    <section aria-labelledby="starten">
      <h2 class="kern-heading-medium" id="starten">
        Neuen Auftrag starten
      </h2>
      <h3 class="kern-heading-small">Exporte großer Verfahren</h3>
      <p class="kern-body">
        Bei vielen tausend Einwendungen dauert ein Export bis zu einer halben Minute. Im Hintergrund
        erstellt, steht die Datei danach auf der Seite des Auftrags zum Herunterladen bereit.
      </p>
      <form method="post" action={exportJobPath(procedureId)}>
        <CsrfField token={csrfToken} />
        <div class={`kern-form-input${artError ? ' kern-form-input--error' : ''}`}>
          <fieldset class="kern-fieldset" id={fieldId('art')}>
            <legend class="kern-label">Welche Datei?</legend>
            {artError ? (
              <p class="kern-error" id="art-fehler">
                {artError.message}
              </p>
            ) : null}
            <div class="kern-fieldset__body">
              {EXPORT_KINDS.map((kind) => (
                <div class="kern-form-check" key={kind}>
                  <input
                    class="kern-form-check__radio"
                    type="radio"
                    name="art"
                    id={`art-${kind}`}
                    value={kind}
                    checked={chosen === kind}
                  />
                  <label class="kern-label" for={`art-${kind}`}>
                    {EXPORT_LABELS[kind]}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <Checkbox
          name="personenbezogen"
          value="1"
          label="Mit personenbezogenen Daten (Namen, Anschriften, Originaltexte) – nur für den Dienstgebrauch"
          checked={props.values?.personenbezogen === '1'}
        />
        <SubmitButton>Datei im Hintergrund erstellen</SubmitButton>
      </form>
      <h3 class="kern-heading-small">Schwärzungsvorschläge</h3>
      <p class="kern-body">
        Durchsucht alle Einwendungen ohne bestätigte Schwärzung nach personenbezogenen Daten und
        speichert die Vorschläge. Jeder Vorschlag wird danach einzeln geprüft; ungeprüft wird nichts
        weitergegeben.
      </p>
      <form method="post" action={proposalsJobPath(procedureId)}>
        <CsrfField token={csrfToken} />
        <SubmitButton variant="secondary">Schwärzungsvorschläge berechnen</SubmitButton>
      </form>
      <h3 class="kern-heading-small">Gleichförmige Einwendungen</h3>
      <p class="kern-body">
        Die Erkennung starten Sie auf der{' '}
        <a class="kern-link" href={groupsPath(procedureId)}>
          Seite der gleichförmigen Einwendungen
        </a>
        .
      </p>
    </section>
  );
}
