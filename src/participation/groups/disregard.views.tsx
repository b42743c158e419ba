import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { CsrfField, fieldId, Notice, SubmitButton, TextArea } from '../../platform/forms.tsx';
import type { PageContext } from '../../platform/layout.tsx';
import { formatTimestamp } from '../../platform/table.tsx';
import { DISREGARD_LABELS, signatureCount } from '../intake/intake-rules.ts';

/**
 * The case worker's decision on a uniform submission without a representative (§ 17 Abs. 2 S. 1
 * VwVfG), for a group or a single signature list. The law says MAY: the page says so, and the
 * decision needs a reason.
 */
export function DisregardForm(props: {
  ctx: PageContext;
  action: string;
  signatures: number;
  decided: { decision: 'disregard' | 'consider'; reason: string; at: Date } | null;
  values: { decision?: string; reason?: string };
  errors: FieldError[];
}): VNode {
  const { values, errors } = props;
  const chosen = values.decision ?? props.decided?.decision ?? '';
  const decisionError = errors.find((e) => e.field === 'decision')?.message;
  return (
    <div class="kern-stack">
      <Notice kind="warning" title="Kein Vertreter benannt">
        <p class="kern-body">
          Diese Eingabe hat {signatureCount(props.signatures)}, nennt aber keinen Vertreter mit
          Name, Beruf und Anschrift. Die Behörde kann sie deshalb unberücksichtigt lassen (§ 17 Abs.
          2 S. 1 VwVfG) – sie muss es nicht. Will sie so verfahren, hat sie dies ortsüblich bekannt
          zu machen (§ 17 Abs. 2 S. 2 VwVfG).
        </p>
      </Notice>
      {props.decided ? (
        <p class="kern-body">
          Entschieden am {formatTimestamp(props.decided.at)}:{' '}
          {DISREGARD_LABELS[props.decided.decision]}. Begründung: {props.decided.reason}
        </p>
      ) : null}
      <form method="post" action={props.action} class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <fieldset
          class={`kern-fieldset${decisionError ? ' kern-fieldset--error' : ''}`}
          id={fieldId('decision')}
        >
          <legend class="kern-label">
            {props.decided ? 'Entscheidung ändern' : 'Entscheidung'}
          </legend>
          {decisionError ? <p class="kern-error">{decisionError}</p> : null}
          <div class="kern-fieldset__body">
            {(['consider', 'disregard'] as const).map((value) => (
              <div class="kern-form-check" key={value}>
                <input
                  class="kern-form-check__radio"
                  type="radio"
                  id={fieldId(`decision-${value}`)}
                  name="decision"
                  value={value}
                  checked={chosen === value}
                />
                <label class="kern-label" for={fieldId(`decision-${value}`)}>
                  {DISREGARD_LABELS[value]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextArea
          name="reason"
          label="Begründung"
          hint="Wird mit der Entscheidung in der Verfahrensakte gespeichert."
          value={values.reason}
          errors={errors}
          rows={3}
        />
        <SubmitButton variant="secondary">Entscheidung speichern</SubmitButton>
      </form>
    </div>
  );
}
