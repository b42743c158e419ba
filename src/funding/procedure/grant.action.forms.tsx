/**
 * One form per step a person may take now on a funding case (no JavaScript needed). Steps that
 * end the procedure ask for a confirmation; every form carries the number of events seen, so a
 * step taken by someone else in between is refused instead of silently overwritten.
 */
import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  CsrfField,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import { CONFIRM_FIELD, DESTRUCTIVE_EFFECTS } from '../../procedures/case/destructive-actions.ts';
import type { AvailableAction } from '../../procedures/engine/index.ts';
import type { FundingCaseView } from './grant.view-model.ts';

const err = (errors: FieldError[], action: string, field: string) =>
  errors.find((e) => e.field === field || e.field === `${action}.${field}`)?.message;

function Fields(props: {
  view: FundingCaseView;
  action: AvailableAction;
  errors: FieldError[];
  values: Record<string, string>;
}): VNode | null {
  const { view, action, errors, values } = props;
  const n = (f: string) => `${action.action}.${f}`;
  const errs = errors.map((x) => (x.field.includes('.') ? x : { ...x, field: n(x.field) }));
  const v = (f: string) => values[f] ?? '';
  const plan = view.row.application.plan;
  const openRequests = view.payments.filter((p) => p.status === 'requested');
  switch (action.action) {
    case 'request-documents':
      return (
        <>
          <TextArea
            name={n('items')}
            label="Nachgeforderte Unterlagen (eine je Zeile)"
            value={v('items')}
            errors={errs}
            rows={4}
          />
          <TextField
            name={n('wochen')}
            label="Frist in Wochen (1–12)"
            value={v('wochen') || '4'}
            errors={errs}
            inputMode="numeric"
            width="width-2"
          />
          <TextArea
            name={n('note')}
            label="Hinweis an das Unternehmen"
            value={v('note')}
            errors={errs}
            rows={2}
            required={false}
          />
        </>
      );
    case 'submit-documents':
      return (
        <>
          <TextArea
            name={n('documents')}
            label="Eingereichte Unterlagen (eine je Zeile)"
            value={v('documents')}
            errors={errs}
            rows={3}
          />
          <input type="hidden" name={n('requestId')} value="" />
        </>
      );
    case 'complete-assessment':
      return (
        <>
          <TextArea
            name={n('note')}
            label="Prüfvermerk (Plausibilität der Kosten, Ergebnis der Begutachtung)"
            value={v('note')}
            errors={errs}
            rows={4}
          />
          <TextField
            name={n('hoechstbetrag')}
            label="Zuwendung nach Plausibilitätsprüfung (Euro; leer: wie von den Regeln berechnet)"
            value={v('hoechstbetrag')}
            errors={errs}
            required={false}
            width="width-4"
          />
        </>
      );
    case 'refuse':
    case 'decline-outline':
    case 'reject-incomplete':
    case 'withdraw':
      return (
        <TextArea
          name={n('reasons')}
          label={
            action.action === 'withdraw'
              ? 'Grund der Rücknahme (freiwillig)'
              : action.action === 'refuse'
                ? 'Begründung (leer: die nicht erfüllten Förderregeln aus der Prüfung)'
                : 'Begründung'
          }
          value={v('reasons')}
          errors={errs}
          rows={3}
          required={action.action === 'decline-outline' || action.action === 'reject-incomplete'}
        />
      );
    case 'request-payment':
      return (
        <>
          <TextField
            name={n('betrag')}
            label="Angeforderter Betrag (Euro)"
            value={v('betrag')}
            errors={errs}
            width="width-4"
          />
          <TextField
            name={n('faellige_ausgaben')}
            label="Fällige Ausgaben, für die die Mittel benötigt werden (Euro)"
            value={v('faellige_ausgaben')}
            errors={errs}
            width="width-4"
          />
          <TextField
            name={n('benoetigt_bis')}
            type="date"
            label="Benötigt bis (höchstens zwei Monate ab heute)"
            value={v('benoetigt_bis')}
            errors={errs}
          />
          <TextArea
            name={n('zweck')}
            label="Fällige Zahlungen (Rechnungen, Abschläge)"
            value={v('zweck')}
            errors={errs}
            rows={2}
          />
        </>
      );
    case 'approve-payment':
    case 'reject-payment':
      return (
        <>
          <SelectField
            name={n('antrag')}
            label="Mittelabruf"
            value={v('antrag')}
            errors={errs}
            options={openRequests.map((p) => ({
              value: String(p.number),
              label: `Nr. ${p.number}: ${formatEuro(p.amount_cents)}, benötigt bis ${p.needed_by.split('-').reverse().join('.')}`,
            }))}
          />
          {action.action === 'reject-payment' ? (
            <TextArea
              name={n('grund')}
              label="Begründung der Zurückweisung"
              value={v('grund')}
              errors={errs}
              rows={2}
            />
          ) : null}
        </>
      );
    case 'submit-proof':
      return (
        <>
          <TextArea
            name={n('bericht')}
            label="Sachbericht (Durchführung, Ergebnis, Abweichungen)"
            value={v('bericht')}
            errors={errs}
            rows={5}
          />
          <fieldset class="kern-fieldset">
            <legend class="kern-label">Zahlenmäßiger Nachweis: tatsächliche Ausgaben (Euro)</legend>
            {plan.costs.map((c) => (
              <TextField
                key={c.key}
                name={n(`ausgaben_${c.key}`)}
                label={`${c.label} (geplant ${formatEuro(c.cents)})`}
                value={v(`ausgaben_${c.key}`)}
                errors={errs}
                width="width-4"
              />
            ))}
            <TextField
              name={n('eigenmittel')}
              label="Eingesetzte Eigenmittel"
              value={v('eigenmittel')}
              errors={errs}
              width="width-4"
            />
            <TextField
              name={n('andere')}
              label="Erhaltene andere Förderung"
              value={v('andere') || '0'}
              errors={errs}
              width="width-4"
            />
          </fieldset>
        </>
      );
    case 'assess-proof':
      return (
        <>
          <fieldset class="kern-fieldset">
            <legend class="kern-label">
              Anerkannte Ausgaben je Position (Euro; leer: wie nachgewiesen, höchstens geplant + 20
              %)
            </legend>
            {plan.costs.map((c) => (
              <TextField
                key={c.key}
                name={n(`anerkannt_${c.key}`)}
                label={`${c.label} (nachgewiesen ${formatEuro(view.proof?.spent[c.key] ?? 0)})`}
                value={v(`anerkannt_${c.key}`)}
                errors={errs}
                required={false}
                width="width-4"
              />
            ))}
          </fieldset>
          <TextArea name={n('note')} label="Prüfvermerk" value={v('note')} errors={errs} rows={3} />
        </>
      );
    case 'record-repayment':
      return (
        <TextField
          name={n('betrag')}
          label="Eingegangener Betrag (Euro)"
          value={v('betrag')}
          errors={errs}
          width="width-4"
        />
      );
    default:
      return null;
  }
}

export function ActionForm(props: {
  view: FundingCaseView;
  action: AvailableAction;
  csrfToken: string;
  errors: FieldError[];
  values: Record<string, string>;
}): VNode {
  const { view, action } = props;
  const destructive = DESTRUCTIVE_EFFECTS.has(action.effect);
  const confirmError = err(props.errors, action.action, CONFIRM_FIELD);
  return (
    <form
      method="post"
      action={`/foerderung/antraege/${view.row.id}/schritt/${action.action}`}
      class="action-form"
    >
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="version" value={String(view.row.eventCount)} />
      <h3 class="kern-heading-small">{action.label}</h3>
      <Fields view={view} action={action} errors={props.errors} values={props.values} />
      {destructive ? (
        <>
          {confirmError ? <p class="kern-error">{confirmError}</p> : null}
          <Checkbox
            name={`${action.action}.${CONFIRM_FIELD}`}
            value="ja"
            checked={false}
            label="Ich bestätige, dass dieser Schritt das Verfahren endgültig beendet."
          />
        </>
      ) : null}
      <p class="kern-body--small">{action.citations.join('; ')}</p>
      <SubmitButton variant={destructive ? 'secondary' : 'primary'}>{action.label}</SubmitButton>
    </form>
  );
}
