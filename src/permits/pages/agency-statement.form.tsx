import type { VNode } from 'preact';
import type { StatementVerdict } from '../../db/schema.ts';
import type { FieldError } from '../../platform/errors.ts';
import { fieldId, TextArea } from '../../platform/forms.tsx';
import { VERDICT_LABELS } from './statement.views.tsx';

const VERDICTS = Object.keys(VERDICT_LABELS) as StatementVerdict[];

/** Empty entries for proposed conditions offered besides those already filled in. */
const SPARE_CONDITIONS = 2;

/** Form fields of one proposed condition: `<action>.conditions.<n>`, one entry each. */
export const conditionField = (action: string, index: number) => `${action}.conditions.${index}`;

/**
 * The agency's structured statement (§ 10 Abs. 5 BImSchG, § 11 9. BImSchV): the verdict, the
 * reasons (kept with their paragraphs) and proposed conditions, one per entry so that a
 * condition may span several lines. Works without script: there are always spare entries.
 */
export function AgencyStatementFields(props: {
  action: string;
  values: Record<string, string>;
  errors: FieldError[];
}): VNode {
  const { action, values, errors } = props;
  const verdictName = `${action}.verdict`;
  const filled = Object.keys(values).filter((k) => k.startsWith(`${action}.conditions.`)).length;
  const entries = Math.max(3, filled + SPARE_CONDITIONS);
  return (
    <>
      <fieldset class="kern-fieldset" id={fieldId(verdictName)}>
        <legend class="kern-label">Ergebnis der Stellungnahme</legend>
        <div class="kern-fieldset__body">
          {VERDICTS.map((verdict) => (
            <div class="kern-form-check" key={verdict}>
              <input
                class="kern-form-check__radio"
                type="radio"
                id={fieldId(`${verdictName}-${verdict}`)}
                name={verdictName}
                value={verdict}
                checked={values[verdictName] === verdict}
              />
              <label class="kern-label" for={fieldId(`${verdictName}-${verdict}`)}>
                {VERDICT_LABELS[verdict]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextArea
        name={`${action}.statement`}
        label="Begründung und Hinweise"
        hint="Bei Bedenken erforderlich. Absätze bleiben erhalten."
        value={values[`${action}.statement`]}
        errors={errors}
        rows={8}
        required={false}
      />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">Vorgeschlagene Nebenbestimmungen (je Feld eine)</legend>
        <div class="kern-fieldset__body kern-stack">
          {Array.from({ length: entries }, (_, index) => (
            <TextArea
              key={index}
              name={conditionField(action, index)}
              label={`Nebenbestimmung ${index + 1}`}
              value={values[conditionField(action, index)]}
              errors={errors}
              rows={3}
              required={false}
            />
          ))}
        </div>
      </fieldset>
    </>
  );
}
