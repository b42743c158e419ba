/** The edit form of the company profile, with the rows of partner and linked enterprises. */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { Checkbox, CsrfField, SelectField, TextField } from '../../platform/forms.tsx';
import { type PageContext } from '../../platform/layout.tsx';
import { RELATION_FIELDS, type FormValues, type RelationKind } from './profile.form.ts';
import { CRAFTS_TRADES, LEGAL_FORMS } from './profile.types.ts';
import { PROFILE_FIELD_LABELS } from './profile.validation.ts';

const RELATION_LABELS: Record<(typeof RELATION_FIELDS)[number], string> = {
  name: 'Name',
  share: 'Beteiligung in %',
  staffAwu: 'Beschäftigte (JAE)',
  turnover: 'Jahresumsatz in Euro',
  balanceSheet: 'Jahresbilanzsumme in Euro',
};
function RelationRows(props: {
  kind: RelationKind;
  values: FormValues;
  errors: FieldError[];
}): VNode {
  const { kind, values } = props;
  const rows = Math.max(1, Number.parseInt(values[`${kind}Rows`] ?? '1', 10) || 1);
  const word = kind === 'partners' ? 'Partnerunternehmen' : 'Verbundenes Unternehmen';
  return (
    <fieldset class="kern-fieldset">
      <legend class="kern-title">{PROFILE_FIELD_LABELS[kind]}</legend>
      <p class="kern-hint">
        {kind === 'partners'
          ? 'Unternehmen, die 25 % bis 50 % des Kapitals oder der Stimmrechte halten oder an denen Sie so beteiligt sind (Anhang I Art. 3 Abs. 2 AGVO). Ihre Zahlen zählen anteilig.'
          : 'Unternehmen, die mehr als 50 % halten oder an denen Sie mehr als 50 % halten (Anhang I Art. 3 Abs. 3 AGVO). Ihre Zahlen zählen voll. Leere Zeilen werden nicht gespeichert.'}
      </p>
      <input type="hidden" name={`${kind}Rows`} value={String(rows)} />
      {Array.from({ length: rows }, (_, i) => (
        <fieldset class="relation-row" key={i}>
          <legend class="kern-label">
            {word} {i + 1}
          </legend>
          {RELATION_FIELDS.map((f) => (
            <TextField
              key={f}
              name={`${kind}.${i}.${f}`}
              label={RELATION_LABELS[f]}
              value={values[`${kind}.${i}.${f}`] ?? ''}
              errors={props.errors}
              required={false}
              inputMode={f === 'name' ? undefined : 'text'}
            />
          ))}
        </fieldset>
      ))}
      <button
        type="submit"
        name="aktion"
        value={`weitere-${kind}`}
        class="kern-btn kern-btn--secondary"
      >
        <span class="kern-label">
          Weitere Zeile für {kind === 'partners' ? 'Partnerunternehmen' : 'verbundene Unternehmen'}
        </span>
      </button>
    </fieldset>
  );
}

export function EditForm(props: {
  ctx: PageContext;
  values: FormValues;
  errors: FieldError[];
}): VNode {
  const { values, errors } = props;
  const field = (
    name: string,
    extra: { hint?: string; required?: boolean; type?: 'date'; width?: 'width-4' } = {},
  ) => (
    <TextField
      name={name}
      label={PROFILE_FIELD_LABELS[name] ?? name}
      value={values[name] ?? ''}
      errors={errors}
      required={extra.required ?? true}
      hint={extra.hint}
      type={extra.type}
      width={extra.width}
    />
  );
  return (
    <section aria-labelledby="bearbeiten">
      <h2 class="kern-heading-medium" id="bearbeiten">
        Angaben ändern
      </h2>
      <p class="kern-body">
        Jede Speicherung legt eine neue Fassung an; frühere Fassungen bleiben unverändert erhalten.
      </p>
      <form method="post" action="/unternehmen/profil" novalidate class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        {field('validFrom', {
          type: 'date',
          hint: 'Stichtag der Zahlen oder der Änderung (z. B. Bilanzstichtag); nicht in der Zukunft.',
        })}
        <h3 class="kern-heading-small">Rechtsform und Register</h3>
        <SelectField
          name="legalForm"
          label={PROFILE_FIELD_LABELS.legalForm!}
          value={values.legalForm ?? ''}
          errors={errors}
          options={[
            { value: '', label: 'Bitte wählen' },
            ...LEGAL_FORMS.map((f) => ({ value: f.value, label: f.label })),
          ]}
        />
        {field('legalFormOther', { required: false, hint: 'Nur bei „andere Rechtsform“.' })}
        {field('registerCourt', { required: false, hint: 'z. B. Amtsgericht Paderborn' })}
        {field('registerNumber', {
          required: false,
          hint: 'z. B. HRB 12345, HRA 6789, GnR 123; nicht bei GbR und nicht eingetragenem Einzelunternehmen.',
        })}
        <h3 class="kern-heading-small">Tätigkeit und Sitz</h3>
        {field('naceCode', { hint: 'WZ-2008-/NACE-Code, z. B. 35.11 oder C 24.42' })}
        {field('seatAgs', {
          hint: 'Amtlicher Gemeindeschlüssel, 8 Ziffern, z. B. 05774028 für Lichtenau',
        })}
        <h3 class="kern-heading-small">Größe (letzter abgeschlossener Rechnungsabschluss)</h3>
        {field('figuresYear', { hint: 'z. B. 2025' })}
        {field('staffAwu', {
          hint: 'Jahresarbeitseinheiten: Teilzeit anteilig, Inhaber zählen mit; z. B. 42,5',
        })}
        {field('turnover', { required: false, hint: 'ohne Umsatzsteuer, z. B. 4.500.000,00' })}
        {field('balanceSheet', { required: false, hint: 'z. B. 12.000.000' })}
        {field('publicBodiesShare', {
          required: false,
          hint: 'Anteil von Bund, Land, Kommunen oder anderen öffentlichen Stellen am Kapital oder den Stimmrechten in %',
        })}
        <SelectField
          name="undertakingInDifficulty"
          label={PROFILE_FIELD_LABELS.undertakingInDifficulty!}
          hint="Nach Art. 2 Nr. 18 AGVO; solche Unternehmen erhalten in der Regel keine Beihilfen."
          value={values.undertakingInDifficulty ?? ''}
          errors={errors}
          options={[
            { value: '', label: 'keine Angabe' },
            { value: 'nein', label: 'nein' },
            { value: 'ja', label: 'ja' },
          ]}
        />
        <h3 class="kern-heading-small">Handwerk</h3>
        <Checkbox
          name="craftsChamberMember"
          label="Mitglied einer Handwerkskammer"
          checked={values.craftsChamberMember === 'true'}
        />
        <SelectField
          name="trade"
          label={PROFILE_FIELD_LABELS.trade!}
          hint="Nur bei Mitgliedschaft in einer Handwerkskammer."
          value={values.trade ?? ''}
          errors={errors}
          options={[{ value: '', label: 'keine Angabe' }, ...CRAFTS_TRADES]}
        />
        <h3 class="kern-heading-small">Partner- und verbundene Unternehmen</h3>
        <RelationRows kind="partners" values={values} errors={errors} />
        <RelationRows kind="linked" values={values} errors={errors} />
        <button type="submit" name="aktion" value="speichern" class="kern-btn kern-btn--primary">
          <span class="kern-label">Als neue Fassung speichern</span>
        </button>
      </form>
    </section>
  );
}
