/**
 * The application form (new and draft): project, period, address for letters, financing plan by
 * the measure's cost categories, other aid and the requested grant. Works without JavaScript;
 * the page re-shows every value as typed after a refused save.
 */
import type { VNode } from 'preact';
import type { FundingMeasure } from '../../law/funding/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import { CsrfField, SubmitButton, TextArea, TextField } from '../../platform/forms.tsx';
import type { PageContext } from '../../platform/layout.tsx';
import { inputFromValues, measureCosts, OTHER_AID_ROWS, type FormInput } from './grant.form.ts';
import type { FundingCaseView } from './grant.view-model.ts';

export function ApplicationFields(props: {
  /** The unit of a fixed amount per unit (then the quantity is asked). */
  unit?: string | undefined;
  measure: FundingMeasure;
  input: FormInput;
  errors: FieldError[];
  dayRateCap: boolean;
}): VNode {
  const { input, errors } = props;
  const v = (n: string) => input[n] ?? '';
  return (
    <>
      <TextField name="titel" label="Titel des Vorhabens" value={v('titel')} errors={errors} />
      <TextArea
        name="beschreibung"
        label="Beschreibung: Ziel, Inhalt, erwartetes Ergebnis"
        value={v('beschreibung')}
        errors={errors}
        rows={5}
      />
      <TextField
        name="beginn"
        type="date"
        label="Beginn des Bewilligungszeitraums (nach dem Tag der Antragstellung)"
        value={v('beginn')}
        errors={errors}
      />
      <TextField
        name="ende"
        type="date"
        label="Ende des Bewilligungszeitraums"
        value={v('ende')}
        errors={errors}
      />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">Anschrift für Bescheide</legend>
        <TextField
          name="strasse"
          label="Straße und Hausnummer"
          value={v('strasse')}
          errors={errors}
          autocomplete="street-address"
        />
        <TextField
          name="plz"
          label="Postleitzahl"
          value={v('plz')}
          errors={errors}
          width="width-4"
          autocomplete="postal-code"
          inputMode="numeric"
        />
        <TextField
          name="ort"
          label="Ort"
          value={v('ort')}
          errors={errors}
          autocomplete="address-level2"
        />
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-label">Finanzierungsplan: förderfähige Ausgaben (Euro)</legend>
        {measureCosts(props.measure, props.unit).map((c) => (
          <TextField
            key={c.key}
            name={`kosten_${c.key}`}
            label={c.label}
            value={v(`kosten_${c.key}`)}
            errors={errors}
            width="width-4"
          />
        ))}
        <TextField
          name="eigenmittel"
          label="Eigenmittel"
          value={v('eigenmittel')}
          errors={errors}
          width="width-4"
        />
        {Array.from({ length: OTHER_AID_ROWS }, (_, i) => (
          <div key={i} class="form-row">
            <TextField
              name={`hilfe_quelle_${i + 1}`}
              label={`Andere Förderung ${i + 1}: Stelle und Programm`}
              value={v(`hilfe_quelle_${i + 1}`)}
              errors={errors}
              required={false}
            />
            <TextField
              name={`hilfe_betrag_${i + 1}`}
              label={`Andere Förderung ${i + 1}: Betrag`}
              value={v(`hilfe_betrag_${i + 1}`)}
              errors={errors}
              required={false}
              width="width-4"
            />
          </div>
        ))}
        <TextField
          name="beantragt"
          label="Beantragte Zuwendung"
          value={v('beantragt')}
          errors={errors}
          width="width-4"
        />
        {props.unit !== undefined ? (
          <TextField
            name="menge"
            label={`Menge in ${props.unit} (Festbetrag je Einheit)`}
            value={v('menge')}
            errors={errors}
            width="width-4"
          />
        ) : null}
        {props.dayRateCap ? (
          <TextField
            name="beratertage"
            label="Beratertage"
            value={v('beratertage')}
            errors={errors}
            width="width-2"
            inputMode="numeric"
          />
        ) : null}
      </fieldset>
    </>
  );
}

export function ApplicationEditForm(props: {
  ctx: PageContext;
  view: FundingCaseView;
  input: FormInput | undefined;
  errors: FieldError[];
}): VNode | null {
  const { view } = props;
  const app = view.row.application;
  const measure = view.measure;
  if (!measure) return null;
  const input =
    props.input ??
    inputFromValues({
      title: view.row.title,
      description: app.description,
      periodStart: app.periodStart,
      periodEnd: app.periodEnd,
      street: app.applicant.street,
      postcode: app.applicant.postcode,
      city: app.applicant.city,
      plan: app.plan,
      requestedCents: app.requestedCents,
      ...(app.consultantDays === undefined ? {} : { consultantDays: app.consultantDays }),
      ...(app.units === undefined ? {} : { units: app.units }),
    });
  return (
    <form method="post" action={`/foerderung/antraege/${view.row.id}`}>
      <h3 class="kern-heading-small">Antrag bearbeiten</h3>
      <CsrfField token={props.ctx.csrfToken} />
      <input type="hidden" name="version" value={String(view.row.eventCount)} />
      <ApplicationFields
        measure={measure}
        input={input}
        errors={props.errors}
        dayRateCap={view.dayRateCap}
        unit={view.unit}
      />
      <SubmitButton>Entwurf speichern</SubmitButton>
    </form>
  );
}
