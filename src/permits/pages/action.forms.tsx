/** The form of a step on the case page and the fields each effect needs. */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  fieldId,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import type { EffectKind } from '../../procedures/engine/index.ts';
import type { AgencyChoice } from '../../procedures/agencies/agency.queries.ts';
import { AgencySelectionFields } from './agency-selection.form.tsx';
import { AgencyStatementFields } from './agency-statement.form.tsx';
import { ParticipationFields } from './action.participation-fields.tsx';

export interface ActionFormProps {
  procedureId: string;
  action: string;
  label: string;
  effect: EffectKind;
  csrfToken: string;
  version: number;
  today: string;
  agencies: AgencyChoice[];
  /** Required documents not in the case (labels), for the completeness confirmation. */
  missingDocuments: string[];
  errors: FieldError[];
  values: Record<string, string>;
  /** One primary action leads the page; everything else is secondary. */
  variant: 'primary' | 'secondary';
  /** Municipalities whose refused consent the authority may replace (§ 36 Abs. 2 S. 3 BauGB). */
  refusedConsents?: { id: string; name: string }[];
}

/** The agencies ticked in a refused submission (one id per line), else none. */
function chosenAgencies(props: ActionFormProps): string[] | undefined {
  const sent = props.values[`${props.action}.agencies`];
  return sent === undefined ? undefined : sent.split('\n');
}

/** The input each effect needs (see src/procedures/engine/README.md), as a plain HTML form. */
export function ActionFields(props: ActionFormProps): VNode | null {
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
          <AgencySelectionFields
            action={props.action}
            legend="Zu beteiligende Behörden"
            choices={props.agencies}
            chosen={chosenAgencies(props)}
          />
          <TextArea
            name={f('timetable')}
            label="Zeitplan für das Verfahren"
            value={values[f('timetable')]}
            errors={errors}
          />
          {props.missingDocuments.length > 0 ? (
            <TextArea
              name={f('missingDocumentsReason')}
              label="Begründung für die Bestätigung trotz fehlender Unterlagen"
              hint={`Es fehlen: ${props.missingDocuments.join('; ')}. Warum sind diese Unterlagen entbehrlich oder liegen der Behörde schon vor? Die Begründung wird in der Verfahrensakte festgehalten.`}
              value={values[f('missingDocumentsReason')]}
              errors={errors}
            />
          ) : null}
        </>
      );
    case 'ask-agencies':
      return (
        <AgencySelectionFields
          action={props.action}
          legend="Weitere Behörden beteiligen"
          choices={props.agencies}
          chosen={chosenAgencies(props)}
        />
      );
    case 'record-agency-statement':
      return <AgencyStatementFields action={props.action} values={values} errors={errors} />;
    case 'give-consent':
      return (
        <TextArea
          name={f('reasons')}
          label="Hinweise zur Erteilung (optional)"
          value={values[f('reasons')]}
          errors={errors}
          required={false}
        />
      );
    case 'refuse-consent':
      return (
        <TextArea
          name={f('reasons')}
          label="Begründung der Verweigerung"
          hint="Erforderlich. Die Genehmigungsbehörde prüft, ob die Verweigerung rechtmäßig ist (§ 36 Abs. 2 Satz 1 BauGB). Absätze bleiben erhalten."
          value={values[f('reasons')]}
          errors={errors}
          rows={6}
        />
      );
    case 'replace-consent':
      return (
        <>
          <SelectField
            name={f('agency')}
            label="Gemeinde, deren verweigertes Einvernehmen ersetzt wird"
            options={(props.refusedConsents ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={values[f('agency')]}
            errors={errors}
          />
          <TextArea
            name={f('reasons')}
            label="Begründung der Ersetzung"
            hint="Warum ist die Verweigerung rechtswidrig? (§ 36 Abs. 2 Satz 3 BauGB)"
            value={values[f('reasons')]}
            errors={errors}
            rows={6}
          />
        </>
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
    case 'publish-notice':
    case 'request-hearing':
    case 'skip-hearing':
    case 'schedule-hearing':
    case 'record-hearing':
      return <ParticipationFields {...props} effect={props.effect} />;
    case 'submit-application':
    case 'confirm-receipt':
    case 'close-step':
    case 'deliver-decision':
    case 'record-agency-no-comment':
    case 'deem-consent-given':
    case 'publish-decision':
    case 'deem-delivered':
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
      <ActionFields {...props} />
      <SubmitButton variant={props.variant}>{props.label}</SubmitButton>
    </form>
  );
}
