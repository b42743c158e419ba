import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, fieldId, Notice, SubmitButton } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { referenceLabel } from '../../procedures/reference.ts';
import { CONFIRM_FIELD } from '../../procedures/case/destructive-actions.ts';
import type { CaseView } from '../procedure.view-model.ts';
import { ActionFields } from './action.forms.tsx';

/**
 * The confirmation step of a step that ends the procedure (refusal, rejection, withdrawal): a
 * page of its own with a required checkbox, so it works without JavaScript and is never one
 * accidental click away on the case page.
 */
export function ConfirmActionPage(props: {
  ctx: PageContext;
  view: CaseView;
  action: CaseView['actions'][number];
  errors: FieldError[];
  values: Record<string, string>;
}): VNode {
  const { view, action, ctx } = props;
  const checkboxId = fieldId(`${action.action}.${CONFIRM_FIELD}`);
  const checkboxError = props.errors.find((e) => e.field === `${action.action}.${CONFIRM_FIELD}`);
  return (
    <Layout ctx={ctx} title={`${action.label}: bestätigen`} hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">{action.label}</h1>
      <ErrorSummary errors={props.errors} />
      <Notice kind="warning" title="Dieser Schritt beendet das Verfahren endgültig.">
        <p class="kern-body">
          Verfahren {referenceLabel(view.row.reference)} „{view.row.title}“. Der Schritt kann nicht
          rückgängig gemacht werden; die Beteiligten werden benachrichtigt.
        </p>
      </Notice>
      <form
        method="post"
        action={`/verfahren/${view.row.id}/aktionen/${action.action}`}
        novalidate
        class="action-form kern-stack"
        id={fieldId(action.action)}
      >
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(view.row.eventCount)} />
        <input type="hidden" name="bestaetigungsseite" value="ja" />
        <ActionFields
          procedureId={view.row.id}
          action={action.action}
          label={action.label}
          effect={action.effect}
          csrfToken={ctx.csrfToken}
          version={view.row.eventCount}
          today={view.today}
          agencies={view.agencyChoices}
          missingDocuments={[]}
          errors={props.errors}
          values={props.values}
          variant="primary"
        />
        <div class="kern-form-check">
          {checkboxError ? (
            <p class="kern-error" id={`${checkboxId}-fehler`}>
              {checkboxError.message}
            </p>
          ) : null}
          <input
            class="kern-form-check__checkbox"
            type="checkbox"
            id={checkboxId}
            name={CONFIRM_FIELD}
            value="ja"
            required
            aria-describedby={checkboxError ? `${checkboxId}-fehler` : undefined}
          />
          <label class="kern-label" for={checkboxId}>
            Ich will das Verfahren mit diesem Schritt endgültig beenden.
          </label>
        </div>
        <SubmitButton variant="primary">{action.label}</SubmitButton>
      </form>
      <p>
        <a class="kern-link" href={`/verfahren/${view.row.id}#aktionen`}>
          Abbrechen und zurück zur Verfahrensakte
        </a>
      </p>
    </Layout>
  );
}
