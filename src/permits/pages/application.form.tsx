import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  CsrfField,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import type { ApplicationData } from '../application.ts';

export const EIA_SCREENING_OPTIONS = [
  { value: 'not-done', label: 'noch nicht durchgeführt' },
  { value: 'eia-required', label: 'UVP-Pflicht festgestellt' },
  { value: 'no-eia', label: 'keine UVP-Pflicht festgestellt' },
];

/** The guided application form (§ 3 9. BImSchV); works without JavaScript, including extra turbine rows. */
export function ApplicationForm(props: {
  action: string;
  csrfToken: string;
  data: ApplicationData;
  errors: FieldError[];
  authorities?: { id: string; name: string }[];
  authorityId?: string;
  version?: number;
  rows: number;
  submitLabel: string;
}): VNode {
  const { data, errors } = props;
  const rows = Math.max(props.rows, data.turbines.length + 1);
  return (
    <form method="post" action={props.action} novalidate class="kern-stack">
      <CsrfField token={props.csrfToken} />
      {props.version !== undefined ? (
        <input type="hidden" name="version" value={String(props.version)} />
      ) : null}
      <input type="hidden" name="rows" value={String(rows)} />
      <fieldset class="kern-fieldset">
        <legend class="kern-title">Vorhaben</legend>
        {props.authorities ? (
          <SelectField
            name="authorityId"
            label="Zuständige Genehmigungsbehörde"
            options={[
              { value: '', label: 'Bitte wählen' },
              ...props.authorities.map((a) => ({ value: a.id, label: a.name })),
            ]}
            value={props.authorityId}
            errors={errors}
          />
        ) : null}
        <TextField
          name="title"
          label="Bezeichnung des Vorhabens"
          value={data.title}
          errors={errors}
          required
        />
        <SelectField
          name="permitWish"
          label="Verfahren"
          hint="Das Verfahren ergibt sich aus Anzahl und Lage der Anlagen; Sie können das förmliche Verfahren beantragen (§ 19 Abs. 3 BImSchG)."
          options={[
            { value: 'auto', label: 'nach Gesetz bestimmen lassen' },
            {
              value: 'formal',
              label: 'förmliches Verfahren mit Öffentlichkeitsbeteiligung beantragen',
            },
          ]}
          value={data.permitWish}
          errors={errors}
        />
        <Checkbox
          name="repowering"
          label="Repowering: bestehende Anlagen werden ersetzt (§ 16b BImSchG)"
          checked={data.repowering}
        />
        <SelectField
          name="eiaScreeningOutcome"
          label="Ergebnis einer UVP-Vorprüfung"
          options={EIA_SCREENING_OPTIONS}
          value={data.eiaScreeningOutcome}
          errors={errors}
        />
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-title">Standort</legend>
        <TextField
          name="site.gemeinde"
          label="Gemeinde"
          value={data.site.gemeinde}
          errors={errors}
          required={false}
        />
        <TextField
          name="site.gemarkung"
          label="Gemarkung"
          hint="Name oder vierstelliger Gemarkungsschlüssel, z. B. 2851"
          value={data.site.gemarkung}
          errors={errors}
        />
        <TextField
          name="site.flur"
          label="Flur"
          value={data.site.flur}
          errors={errors}
          width="width-4"
        />
        <TextField
          name="site.flurstueck"
          label="Flurstück"
          hint="Zähler oder Zähler/Nenner, z. B. 45/2"
          value={data.site.flurstueck}
          errors={errors}
          width="width-4"
        />
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-title">Windenergieanlagen</legend>
        <p class="kern-hint">
          Leere Zeilen werden nicht gespeichert. Koordinaten in WGS84, z. B. Länge 8,7611 und Breite
          51,6205.
        </p>
        {Array.from({ length: rows }, (_, i) => {
          const t = data.turbines[i];
          const v = (n: number | undefined) =>
            n === undefined || Number.isNaN(n) ? '' : String(n);
          return (
            <fieldset class="turbine-row" key={i}>
              <legend class="kern-label">Anlage {i + 1}</legend>
              <TextField
                name={`turbines.${i}.type`}
                label="Anlagentyp"
                value={t?.type}
                errors={errors}
              />
              <TextField
                name={`turbines.${i}.hubHeightM`}
                label="Nabenhöhe (m)"
                value={v(t?.hubHeightM)}
                errors={errors}
                inputMode="numeric"
              />
              <TextField
                name={`turbines.${i}.rotorDiameterM`}
                label="Rotordurchmesser (m)"
                value={v(t?.rotorDiameterM)}
                errors={errors}
                inputMode="numeric"
              />
              <TextField
                name={`turbines.${i}.ratedPowerKw`}
                label="Nennleistung (kW)"
                value={v(t?.ratedPowerKw)}
                errors={errors}
                inputMode="numeric"
              />
              <TextField
                name={`turbines.${i}.lon`}
                label="Länge (WGS84)"
                value={v(t?.lon)}
                errors={errors}
              />
              <TextField
                name={`turbines.${i}.lat`}
                label="Breite (WGS84)"
                value={v(t?.lat)}
                errors={errors}
              />
            </fieldset>
          );
        })}
        <button type="submit" name="moreRows" value="3" class="kern-btn kern-btn--tertiary">
          <span class="kern-label">Drei weitere Zeilen für Anlagen</span>
        </button>
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-title">Inbetriebnahme und Kurzbeschreibung</legend>
        <TextField
          name="plannedCommissioning"
          label="Geplante Inbetriebnahme"
          hint="Jahr und Monat, z. B. 2028-06"
          value={data.plannedCommissioning}
          errors={errors}
          width="width-4"
        />
        <TextArea
          name="nonTechnicalSummary"
          label="Allgemein verständliche Kurzbeschreibung"
          hint="Wird bei einer Öffentlichkeitsbeteiligung ausgelegt (§ 4 Abs. 3 9. BImSchV)."
          value={data.nonTechnicalSummary}
          errors={errors}
          rows={6}
        />
      </fieldset>
      <SubmitButton>{props.submitLabel}</SubmitButton>
    </form>
  );
}
