/**
 * The conditions (Nebenbestimmungen) of a case for its case workers: the list in the order the
 * Bescheid prints it, agency proposals to adopt or reject with a reason, and forms to take one
 * from the authority's catalogue or to write one. Every form works without script (PRG).
 */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { CaseCondition } from '../../procedures/conditions/conditions.actions.ts';
import { TextBlock } from '../../participation/review/review.views.tsx';

export interface ConditionsView {
  procedure: { id: string; reference: string; title: string };
  conditions: CaseCondition[];
  catalogue: { id: string; category: string; title: string }[];
  /** Why nothing can change now (signed Bescheid, closed case), or null */
  closedReason: string | null;
}

export interface ConditionsValues {
  category?: string;
  text?: string;
  catalogueId?: string;
  /** Reason typed for one condition's rejection */
  reason?: { conditionId: string; text: string };
}

const STATUS: Record<CaseCondition['status'], string> = {
  proposed: 'vorgeschlagen, nicht entschieden',
  adopted: 'übernommen',
  rejected: 'nicht übernommen',
};

function origin(c: CaseCondition): string {
  switch (c.source) {
    case 'agency':
      return `Vorschlag von ${c.agencyName ?? 'einer Fachbehörde'}`;
    case 'catalogue':
      return 'aus dem Katalog';
    case 'case-worker':
      return 'eigene Formulierung';
  }
}

export const reasonField = (conditionId: string) => `begruendung-${conditionId}`;

function ConditionItem(props: {
  ctx: PageContext;
  procedureId: string;
  condition: CaseCondition;
  first: boolean;
  last: boolean;
  open: boolean;
  values: ConditionsValues;
  errors: FieldError[];
}): VNode {
  const c = props.condition;
  const base = `/verfahren/${props.procedureId}/nebenbestimmungen/${c.id}`;
  const typed = props.values.reason?.conditionId === c.id ? props.values.reason.text : undefined;
  return (
    <li class="kern-stack" id={`nb-${c.id}`}>
      <p class="kern-body">
        <strong>{c.category}</strong> – {origin(c)} – <span>{STATUS[c.status]}</span>
      </p>
      <TextBlock text={c.text} />
      {c.status === 'rejected' && c.reason ? (
        <p class="kern-body--small">Begründung: {c.reason}</p>
      ) : null}
      {props.open ? (
        <div class="inline-form">
          {c.status !== 'adopted' ? (
            <form method="post" action={`${base}/entscheidung`}>
              <CsrfField token={props.ctx.csrfToken} />
              <input type="hidden" name="decision" value="adopt" />
              <SubmitButton variant="secondary">Übernehmen</SubmitButton>
            </form>
          ) : null}
          {props.first ? null : (
            <form method="post" action={`${base}/verschieben`}>
              <CsrfField token={props.ctx.csrfToken} />
              <input type="hidden" name="direction" value="up" />
              <SubmitButton variant="tertiary">Nach oben</SubmitButton>
            </form>
          )}
          {props.last ? null : (
            <form method="post" action={`${base}/verschieben`}>
              <CsrfField token={props.ctx.csrfToken} />
              <input type="hidden" name="direction" value="down" />
              <SubmitButton variant="tertiary">Nach unten</SubmitButton>
            </form>
          )}
        </div>
      ) : null}
      {props.open && c.status !== 'rejected' ? (
        <form method="post" action={`${base}/entscheidung`} class="kern-stack form-narrow">
          <CsrfField token={props.ctx.csrfToken} />
          <input type="hidden" name="decision" value="reject" />
          <TextArea
            name={reasonField(c.id)}
            label="Begründung, warum sie nicht übernommen wird"
            value={typed}
            rows={2}
            errors={props.errors}
          />
          <SubmitButton variant="secondary">Nicht übernehmen</SubmitButton>
        </form>
      ) : null}
    </li>
  );
}

/** Count line for the case page's hook, e.g. "3 übernommen, 1 Vorschlag offen". */
export function conditionsSummary(conditions: readonly { status: string }[]): string {
  const adopted = conditions.filter((c) => c.status === 'adopted').length;
  const proposed = conditions.filter((c) => c.status === 'proposed').length;
  return `${adopted} übernommen, ${proposed === 1 ? '1 Vorschlag' : `${proposed} Vorschläge`} offen`;
}

/** The link on the case page (case workers only). */
export function ConditionsLink(props: { procedureId: string }): VNode {
  return (
    <p class="kern-body">
      <a class="kern-link" href={`/verfahren/${props.procedureId}/nebenbestimmungen`}>
        Nebenbestimmungen bearbeiten
      </a>
    </p>
  );
}

export function ConditionsPage(props: {
  ctx: PageContext;
  view: ConditionsView;
  errors?: FieldError[];
  values?: ConditionsValues;
  message?: string;
}): VNode {
  const { view } = props;
  const errors = props.errors ?? [];
  const values = props.values ?? {};
  const id = view.procedure.id;
  const open = view.closedReason === null;
  return (
    <Layout
      ctx={props.ctx}
      title={`Nebenbestimmungen – ${view.procedure.reference}`}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <h1 class="kern-heading-large">Nebenbestimmungen</h1>
      <p class="kern-body">
        {view.procedure.reference} – {view.procedure.title}. Übernommene Nebenbestimmungen
        erscheinen im Bescheid nach Kategorien geordnet in dieser Reihenfolge (§ 12 BImSchG); nicht
        übernommene Vorschläge von Fachbehörden werden in der Begründung mit ihrem Grund genannt.
      </p>
      <p class="kern-body">
        <a class="kern-link" href={`/verfahren/${id}`}>
          Zum Verfahren
        </a>
      </p>
      {view.closedReason ? <Notice kind="info" title={view.closedReason} /> : null}
      <h2 class="kern-heading-medium">Liste ({conditionsSummary(view.conditions)})</h2>
      {view.conditions.length === 0 ? (
        <p class="kern-body">Es sind noch keine Nebenbestimmungen erfasst.</p>
      ) : (
        <ol class="kern-list kern-stack">
          {view.conditions.map((c, i) => (
            <ConditionItem
              key={c.id}
              ctx={props.ctx}
              procedureId={id}
              condition={c}
              first={i === 0}
              last={i === view.conditions.length - 1}
              open={open}
              values={values}
              errors={errors}
            />
          ))}
        </ol>
      )}
      {open ? (
        <>
          <h2 class="kern-heading-medium">Aus dem Katalog übernehmen</h2>
          {view.catalogue.length === 0 ? (
            <p class="kern-body">Der Katalog Ihrer Behörde enthält keine aktiven Einträge.</p>
          ) : (
            <form
              method="post"
              action={`/verfahren/${id}/nebenbestimmungen/katalog`}
              class="kern-stack form-narrow"
            >
              <CsrfField token={props.ctx.csrfToken} />
              <SelectField
                name="catalogueId"
                label="Eintrag des Katalogs"
                options={[
                  { value: '', label: 'Bitte wählen' },
                  ...view.catalogue.map((e) => ({
                    value: e.id,
                    label: `${e.category}: ${e.title}`,
                  })),
                ]}
                value={values.catalogueId}
                errors={errors}
              />
              <SubmitButton>Übernehmen</SubmitButton>
            </form>
          )}
          <h2 class="kern-heading-medium">Eigene Nebenbestimmung</h2>
          <form
            method="post"
            action={`/verfahren/${id}/nebenbestimmungen/neu`}
            class="kern-stack form-narrow"
          >
            <CsrfField token={props.ctx.csrfToken} />
            <TextField
              name="category"
              label="Kategorie"
              hint="z. B. Schallschutz, Naturschutz, Rückbau"
              value={values.category}
              errors={errors}
            />
            <TextArea name="text" label="Wortlaut" value={values.text} rows={5} errors={errors} />
            <SubmitButton variant="secondary">Hinzufügen</SubmitButton>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
