import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  CsrfField,
  fieldId,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import type { EffectKind } from '../../procedures/engine/index.ts';

export interface ActionFormProps {
  procedureId: string;
  action: string;
  label: string;
  effect: EffectKind;
  csrfToken: string;
  version: number;
  today: string;
  agencies: { id: string; name: string }[];
  errors: FieldError[];
  values: Record<string, string>;
}

/** The input each effect needs (see src/procedures/engine/README.md), as a plain HTML form. */
function Fields(props: ActionFormProps): VNode | null {
  const { errors, values } = props;
  const f = (name: string) => `${props.action}.${name}`;
  switch (props.effect) {
    case 'request-documents':
      return (
        <>
          <TextArea
            name={f('items')}
            label="Nachzureichende Unterlagen (eine je Zeile)"
            value={values[f('items')]}
            errors={errors}
          />
          <SelectField
            name={f('period')}
            label="Frist für die Nachreichung"
            hint="Höchstens drei Monate (§ 20 Abs. 2 9. BImSchV)."
            options={[
              { value: 'P2W', label: '2 Wochen' },
              { value: 'P1M', label: '1 Monat' },
              { value: 'P2M', label: '2 Monate' },
              { value: 'P3M', label: '3 Monate' },
            ]}
            value={values[f('period')] ?? 'P1M'}
            errors={errors}
          />
        </>
      );
    case 'submit-documents':
      return (
        <TextArea
          name={f('documents')}
          label="Nachgereichte Unterlagen (eine je Zeile)"
          value={values[f('documents')]}
          errors={errors}
        />
      );
    case 'confirm-completeness':
      return (
        <>
          <TextField
            name={f('completenessDate')}
            label="Tag der Vollständigkeit"
            type="date"
            hint="Eingang der letzten erforderlichen Unterlage (§ 7 Abs. 2 9. BImSchV)."
            value={values[f('completenessDate')] ?? props.today}
            errors={errors}
          />
          <fieldset class="kern-fieldset">
            <legend class="kern-label">Zu beteiligende Behörden</legend>
            {props.agencies.map((a) => (
              <Checkbox
                key={a.id}
                name={f('agencies')}
                value={a.id}
                label={a.name}
                checked={false}
              />
            ))}
          </fieldset>
          <TextArea
            name={f('timetable')}
            label="Zeitplan für das Verfahren"
            value={values[f('timetable')]}
            errors={errors}
          />
        </>
      );
    case 'ask-agencies':
      return (
        <fieldset class="kern-fieldset">
          <legend class="kern-label">Weitere Behörden beteiligen</legend>
          {props.agencies.map((a) => (
            <Checkbox key={a.id} name={f('agencies')} value={a.id} label={a.name} checked={false} />
          ))}
        </fieldset>
      );
    case 'record-agency-statement':
      return (
        <TextArea
          name={f('statement')}
          label="Stellungnahme"
          value={values[f('statement')]}
          errors={errors}
          rows={8}
        />
      );
    case 'extend-completeness-check':
    case 'withdraw':
      return (
        <TextArea
          name={f('reason')}
          label="Begründung"
          value={values[f('reason')]}
          errors={errors}
        />
      );
    case 'extend-decision-deadline':
      return (
        <>
          <SelectField
            name={f('months')}
            label="Verlängerung um"
            options={[
              { value: '1', label: '1 Monat' },
              { value: '2', label: '2 Monate' },
              { value: '3', label: '3 Monate' },
            ]}
            value={values[f('months')] ?? '3'}
            errors={errors}
          />
          <TextArea
            name={f('reason')}
            label="Begründung (wird der Antragstellerin mitgeteilt)"
            value={values[f('reason')]}
            errors={errors}
          />
        </>
      );
    case 'record-applicant-consent':
      return (
        <TextArea
          name={f('statement')}
          label="Erklärung der Antragstellerin"
          value={values[f('statement')]}
          errors={errors}
          required={false}
        />
      );
    case 'decide':
      return (
        <>
          <SelectField
            name={f('outcome')}
            label="Entscheidung"
            options={[
              { value: 'granted', label: 'Genehmigung erteilen' },
              { value: 'refused', label: 'Antrag ablehnen' },
            ]}
            value={values[f('outcome')] ?? 'granted'}
            errors={errors}
          />
          <TextArea
            name={f('conditions')}
            label="Nebenbestimmungen (eine je Zeile, nur bei Genehmigung)"
            value={values[f('conditions')]}
            errors={errors}
            required={false}
            rows={6}
          />
          <TextArea
            name={f('reasons')}
            label="Begründung"
            value={values[f('reasons')]}
            errors={errors}
            rows={6}
          />
        </>
      );
    case 'reject-incomplete':
    case 'refuse':
      return (
        <TextArea
          name={f('reasons')}
          label="Begründung"
          value={values[f('reasons')]}
          errors={errors}
        />
      );
    case 'submit-application':
    case 'confirm-receipt':
    case 'close-step':
    case 'deliver-decision':
    case 'record-agency-no-comment':
      return null;
  }
}

export function ActionForm(props: ActionFormProps): VNode {
  return (
    <form
      method="post"
      action={`/verfahren/${props.procedureId}/aktionen/${props.action}`}
      novalidate
      class="action-form kern-stack"
      id={fieldId(props.action)}
    >
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="version" value={String(props.version)} />
      <Fields {...props} />
      <SubmitButton
        variant={props.effect === 'withdraw' || props.effect === 'refuse' ? 'secondary' : 'primary'}
      >
        {props.label}
      </SubmitButton>
    </form>
  );
}

/** Form fields (prefixed with the action) → the engine's input object. */
export function actionInput(
  action: string,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const lines = (value: unknown) =>
    (typeof value === 'string' ? value : '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith(`${action}.`)) continue;
    const name = key.slice(action.length + 1);
    if (['items', 'documents', 'conditions'].includes(name)) input[name] = lines(value);
    else if (name === 'agencies')
      input[name] = [value].flat().filter((v) => typeof v === 'string' && v !== '');
    else input[name] = typeof value === 'string' ? value.trim() : value;
  }
  return input;
}
