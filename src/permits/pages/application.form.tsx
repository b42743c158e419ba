import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  CsrfField,
  fieldId,
  Notice,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import { formatEuroCents, formatGermanNumber } from '../../platform/german-number.ts';
import type { ApplicationData } from '../application.ts';

export const EIA_SCREENING_OPTIONS = [
  { value: 'not-done', label: 'noch nicht durchgeführt' },
  { value: 'eia-required', label: 'UVP-Pflicht festgestellt' },
  { value: 'no-eia', label: 'keine UVP-Pflicht festgestellt' },
];

export const PERMIT_WISH_LABELS = {
  auto: 'Antrag auf Genehmigung von Windenergieanlagen',
  formal: 'Antrag auf Genehmigung von Windenergieanlagen im förmlichen Verfahren (§ 10 BImSchG)',
} as const;

/** The page heading follows the procedure chosen in the form, not a fixed text. */
export function applicationHeading(data: Pick<ApplicationData, 'permitWish'>): string {
  return `Neuer ${PERMIT_WISH_LABELS[data.permitWish]}`;
}

/**
 * What the authority will miss, shown before submission. Submitting stays possible: the authority
 * then asks for the rest (§ 7 Abs. 1 9. BImSchV).
 */
export function MissingSummary(props: {
  fields: FieldError[];
  documents: { key: string; label: string }[];
}): VNode {
  if (props.fields.length === 0 && props.documents.length === 0)
    return (
      <Notice kind="success" title="Der Antrag ist vollständig ausgefüllt.">
        <p class="kern-body">Alle Angaben und erforderlichen Unterlagen liegen vor.</p>
      </Notice>
    );
  return (
    <Notice kind="warning" title="Vor dem Einreichen: Diese Angaben und Unterlagen fehlen noch">
      {props.fields.length > 0 ? (
        <>
          <p class="kern-body">Angaben im Antragsformular:</p>
          <ul class="kern-list kern-list--bullet">
            {props.fields.map((f) => (
              <li key={f.field}>
                <a class="kern-link" href={`#${fieldId(f.field)}`}>
                  {f.message}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.documents.length > 0 ? (
        <>
          <p class="kern-body">Erforderliche Unterlagen:</p>
          <ul class="kern-list kern-list--bullet">
            {props.documents.map((d) => (
              <li key={d.key}>{d.label}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="kern-body">
        Sie können den Antrag trotzdem einreichen. Die Behörde fordert fehlende Angaben und
        Unterlagen dann bei Ihnen an (§ 7 Abs. 1 9. BImSchV); bis dahin ruht die Prüfung.
      </p>
    </Notice>
  );
}

/** The guided application form (§ 3 9. BImSchV); works without JavaScript, including extra turbine rows. */
export function ApplicationForm(props: {
  action: string;
  csrfToken: string;
  data: ApplicationData;
  /** The values as typed (flat field names), shown instead of `data` after a refused save. */
  input?: Record<string, string>;
  /** What is still missing for a complete application (drafts on the case page). */
  missing?: { fields: FieldError[]; documents: { key: string; label: string }[] };
  errors: FieldError[];
  authorities?: { id: string; name: string }[];
  authorityId?: string;
  version?: number;
  rows: number;
  submitLabel: string;
}): VNode {
  const { data, errors, input } = props;
  const rows = Math.max(props.rows, data.turbines.length + 1, typedRows(input));
  // What the person typed wins over the stored value, so a refused entry can be corrected.
  const val = (name: string, stored: string | undefined) => input?.[name] ?? stored ?? '';
  return (
    <form method="post" action={props.action} novalidate class="kern-stack">
      {props.missing ? <MissingSummary {...props.missing} /> : null}
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
          value={val('title', data.title)}
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
          value={val('permitWish', data.permitWish)}
          errors={errors}
        />
        <Checkbox
          name="repowering"
          label="Repowering: bestehende Anlagen werden ersetzt (§ 16b BImSchG)"
          checked={input ? input.repowering === 'true' : data.repowering}
        />
        <SelectField
          name="eiaScreeningOutcome"
          label="Ergebnis einer UVP-Vorprüfung"
          options={EIA_SCREENING_OPTIONS}
          value={val('eiaScreeningOutcome', data.eiaScreeningOutcome)}
          errors={errors}
        />
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-title">Standort</legend>
        <TextField
          name="site.gemeinde"
          label="Gemeinde"
          value={val('site.gemeinde', data.site.gemeinde)}
          errors={errors}
          required={false}
        />
        <TextField
          name="site.gemarkung"
          label="Gemarkung"
          hint="Name oder vierstelliger Gemarkungsschlüssel, z. B. 2851"
          value={val('site.gemarkung', data.site.gemarkung)}
          errors={errors}
        />
        <TextField
          name="site.flur"
          label="Flur"
          value={val('site.flur', data.site.flur)}
          errors={errors}
          width="width-4"
        />
        <TextField
          name="site.flurstueck"
          label="Flurstück"
          hint="Zähler oder Zähler/Nenner, z. B. 45/2"
          value={val('site.flurstueck', data.site.flurstueck)}
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
          const name = (key: string) => `turbines.${i}.${key}`;
          const v = (key: NumericField, n: number | undefined) =>
            val(name(key), formatGermanNumber(n));
          return (
            <fieldset class="turbine-row" key={i}>
              <legend class="kern-label">Anlage {i + 1}</legend>
              <TextField
                name={name('type')}
                label="Anlagentyp"
                value={val(name('type'), t?.type)}
                errors={errors}
              />
              <TextField
                name={name('hubHeightM')}
                label="Nabenhöhe (m)"
                value={v('hubHeightM', t?.hubHeightM)}
                errors={errors}
              />
              <TextField
                name={name('rotorDiameterM')}
                label="Rotordurchmesser (m)"
                value={v('rotorDiameterM', t?.rotorDiameterM)}
                errors={errors}
              />
              <TextField
                name={name('ratedPowerKw')}
                label="Nennleistung (kW)"
                value={v('ratedPowerKw', t?.ratedPowerKw)}
                errors={errors}
              />
              <TextField
                name={name('lon')}
                label="Länge (WGS84)"
                value={v('lon', t?.lon)}
                errors={errors}
              />
              <TextField
                name={name('lat')}
                label="Breite (WGS84)"
                value={v('lat', t?.lat)}
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
          value={val('plannedCommissioning', data.plannedCommissioning)}
          errors={errors}
          width="width-date"
        />
        <TextArea
          name="nonTechnicalSummary"
          label="Allgemein verständliche Kurzbeschreibung"
          hint="Wird bei einer Öffentlichkeitsbeteiligung ausgelegt (§ 4 Abs. 3 9. BImSchV)."
          value={val('nonTechnicalSummary', data.nonTechnicalSummary)}
          errors={errors}
          rows={6}
        />
        <TextField
          name="investmentCosts"
          label="Errichtungskosten (Investitionskosten) in Euro"
          hint="Gesamtkosten der Errichtung einschließlich Mehrwertsteuer, z. B. 4.500.000 oder 4.500.000,50; danach bemisst sich die Genehmigungsgebühr."
          value={val('investmentCosts', formatEuroCents(data.investmentCostsCents))}
          errors={errors}
          width="width-4"
        />
      </fieldset>
      <SubmitButton>{props.submitLabel}</SubmitButton>
    </form>
  );
}

type NumericField = 'hubHeightM' | 'rotorDiameterM' | 'ratedPowerKw' | 'lon' | 'lat';

/** Rows the person had typed into, so that a refused row beyond the stored ones is shown again. */
function typedRows(input: Record<string, string> | undefined): number {
  let rows = 0;
  for (const key of Object.keys(input ?? {})) {
    const match = /^turbines\.(\d{1,2})\./.exec(key);
    if (match) rows = Math.max(rows, Number(match[1]) + 1);
  }
  return Math.min(rows, 60);
}
