import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { Checkbox, TextArea, TextField } from '../../platform/forms.tsx';
import { PLAUSIBLE_SIGNATURES, UNIFORM_MIN_SIGNATURES } from './intake-rules.ts';

export interface UniformValues {
  signatures?: string;
  signaturesConfirmed?: boolean;
  representativeName?: string;
  representativeProfession?: string;
  representativeAddress?: string;
}

/** Reads the form's strings into the values the fieldset shows again. */
export function uniformValues(values: Record<string, string>): UniformValues {
  return {
    signatures: values.signatures,
    signaturesConfirmed: values.signaturesConfirmed === 'ja' || values.signaturesConfirmed === 'on',
    representativeName: values.representativeName,
    representativeProfession: values.representativeProfession,
    representativeAddress: values.representativeAddress,
  };
}

/**
 * The optional part of the public form for a submission signed by several people: the number of
 * signatures and the representative (§ 17 Abs. 1 VwVfG). The confirmation checkbox appears only
 * once an unusually high number was refused, so that nobody ticks it by habit.
 */
export function UniformSubmissionFields(props: {
  values: UniformValues;
  errors: FieldError[];
}): VNode {
  const { values, errors } = props;
  const confirm =
    errors.some((e) => e.field === 'signatures' && e.message.includes('ungewöhnlich viele')) ||
    values.signaturesConfirmed === true;
  return (
    <fieldset class="kern-fieldset">
      <legend class="kern-label">Sammeleinwendung (nur wenn mehrere unterschrieben haben)</legend>
      <p class="kern-body kern-body--small">
        Haben mehr als {UNIFORM_MIN_SIGNATURES - 1} Personen unterschrieben, gilt als Vertreter, wer
        darin mit Name, Beruf und Anschrift als Vertreter bezeichnet ist (§ 17 Abs. 1 VwVfG). Fehlt
        diese Angabe, kann die Behörde die Eingabe unberücksichtigt lassen (§ 17 Abs. 2 VwVfG).
      </p>
      <TextField
        name="signatures"
        inputMode="numeric"
        label="Zahl der Unterschriften"
        hint={`Leer lassen, wenn nur Sie unterschreiben. Mehr als ${PLAUSIBLE_SIGNATURES.toLocaleString('de-DE')} müssen Sie ausdrücklich bestätigen.`}
        value={values.signatures}
        errors={errors}
        required={false}
      />
      {confirm ? (
        <Checkbox
          name="signaturesConfirmed"
          value="ja"
          label="Die Zahl der Unterschriften ist geprüft; sie stimmt."
          checked={values.signaturesConfirmed ?? false}
        />
      ) : null}
      <TextField
        name="representativeName"
        label="Name des Vertreters"
        value={values.representativeName}
        errors={errors}
        required={false}
      />
      <TextField
        name="representativeProfession"
        label="Beruf des Vertreters"
        value={values.representativeProfession}
        errors={errors}
        required={false}
      />
      <TextArea
        name="representativeAddress"
        label="Anschrift des Vertreters"
        value={values.representativeAddress}
        errors={errors}
        required={false}
        rows={2}
      />
    </fieldset>
  );
}
