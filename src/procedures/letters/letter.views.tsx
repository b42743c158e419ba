/** Pages of the letters of a case: list with the new-letter form, the section on the case page, the sign-off queue. */
import type { VNode } from 'preact';
import type { Signatory } from '../authority/authority.types.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import type { LetterRole } from './letter.access.ts';
import { LETTER_KIND_LABELS, LETTER_STATUS_LABELS } from './letter.kinds.ts';
import type { LetterRow, ProcedureHead } from './letter.queries.ts';
import type { LetterKind } from './letter.types.ts';

export interface LettersView {
  head: ProcedureHead;
  roles: LetterRole[];
  letters: LetterRow[];
  draftableKinds: LetterKind[];
  signatories: Signatory[];
  actorId: string;
}

export const base = (head: ProcedureHead) => `/verfahren/${head.id}/schreiben`;
/** Letters exist only for submitted applications, which carry an Aktenzeichen. */
export const ref = (reference: string | null) => reference ?? 'ohne Aktenzeichen';

export function who(name: string | null, at: Date | null): string {
  return at ? `${name ?? '–'}, ${formatTimestamp(at)}` : '–';
}

/** The letters of a case, for the case page: what exists, its state, and where to act on it. */
export function LettersSection(props: { view: LettersView; headingLevel?: 2 | 3 }): VNode {
  const { view } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const staff = view.roles.includes('drafter') || view.roles.includes('signer');
  return (
    <section aria-labelledby="schreiben-titel">
      <Heading class="kern-heading-medium" id="schreiben-titel">
        Schreiben
      </Heading>
      {view.letters.length === 0 ? (
        <p class="kern-body">
          {staff
            ? 'Zu diesem Verfahren gibt es noch keine Schreiben.'
            : 'Es wurden Ihnen noch keine Schreiben zugestellt.'}
        </p>
      ) : (
        <DataTable
          caption="Schreiben zu diesem Verfahren"
          hideCaption
          rowHeader={0}
          columns={['Schreiben', 'Fassung', 'Stand', 'Entworfen', 'Gezeichnet', 'Zugestellt']}
          rows={view.letters.map((l) => ({
            key: l.id,
            cells: [
              <a class="kern-link" href={`${base(view.head)}/${l.id}`}>
                {LETTER_KIND_LABELS[l.kind]}
                {l.series > 1 ? ` (${l.series}.)` : ''}
              </a>,
              String(l.version),
              LETTER_STATUS_LABELS[l.status],
              staff ? who(l.draftedByName, l.draftedAt) : '–',
              who(l.signedByName, l.signedAt),
              l.deliveredAt ? formatTimestamp(l.deliveredAt) : '–',
            ],
          }))}
        />
      )}
      {staff ? (
        <p class="kern-body">
          <a class="kern-link" href={base(view.head)}>
            Alle Schreiben und neues Schreiben entwerfen
          </a>
        </p>
      ) : null}
    </section>
  );
}

function NewLetterForm(props: { ctx: PageContext; view: LettersView; errors: FieldError[] }) {
  const { view } = props;
  if (!view.roles.includes('drafter')) return null;
  if (view.draftableKinds.length === 0)
    return <p class="kern-body">Im jetzigen Stand des Verfahrens ist kein Schreiben vorgesehen.</p>;
  return (
    <form method="post" action={base(view.head)} class="action-form">
      <h2 class="kern-heading-medium">Neues Schreiben entwerfen</h2>
      <CsrfField token={props.ctx.csrfToken} />
      <SelectField
        name="kind"
        label="Art des Schreibens"
        hint="Der Entwurf wird aus der Verfahrensakte und den Textvorlagen Ihrer Behörde erzeugt. Ein noch nicht gezeichneter Entwurf derselben Art wird dabei ersetzt."
        options={view.draftableKinds.map((k) => ({ value: k, label: LETTER_KIND_LABELS[k] }))}
        errors={props.errors}
      />
      <SubmitButton>Entwurf erzeugen</SubmitButton>
    </form>
  );
}

export function CaseHeading(props: { head: ProcedureHead }) {
  return (
    <p class="kern-body">
      <a class="kern-link" href={`/verfahren/${props.head.id}`}>
        Zurück zum Verfahren {ref(props.head.reference)} – {props.head.title}
      </a>
    </p>
  );
}

export function LettersPage(props: {
  ctx: PageContext;
  view: LettersView;
  errors?: FieldError[];
  message?: string;
}): VNode {
  const errors = props.errors ?? [];
  return (
    <Layout
      ctx={props.ctx}
      title={`Schreiben – ${ref(props.view.head.reference)}`}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <h1 class="kern-heading-large">Schreiben zum Verfahren {ref(props.view.head.reference)}</h1>
      <CaseHeading head={props.view.head} />
      <LettersSection view={props.view} />
      <NewLetterForm ctx={props.ctx} view={props.view} errors={errors} />
    </Layout>
  );
}
export interface QueueItem extends LetterRow {
  reference: string | null;
  title: string;
}

export function SignOffQueuePage(props: { ctx: PageContext; items: QueueItem[] }): VNode {
  return (
    <Layout ctx={props.ctx} title="Zur Zeichnung">
      <h1 class="kern-heading-large">Zur Zeichnung</h1>
      <p class="kern-body">
        Schreiben Ihrer Behörde, die zur Prüfung und Zeichnung vorgelegt sind, die ältesten zuerst.
      </p>
      {props.items.length === 0 ? (
        <p class="kern-body">Zurzeit liegt Ihnen nichts zur Zeichnung vor.</p>
      ) : (
        <DataTable
          caption="Schreiben zur Zeichnung"
          hideCaption
          rowHeader={0}
          columns={['Schreiben', 'Verfahren', 'Entworfen', 'Vorgelegt']}
          rows={props.items.map((l) => ({
            key: l.id,
            cells: [
              <a class="kern-link" href={`/verfahren/${l.procedureId}/schreiben/${l.id}`}>
                {LETTER_KIND_LABELS[l.kind]} (Fassung {l.version})
              </a>,
              `${ref(l.reference)} – ${l.title}`,
              who(l.draftedByName, l.draftedAt),
              l.reviewRequestedAt ? formatTimestamp(l.reviewRequestedAt) : '–',
            ],
          }))}
        />
      )}
    </Layout>
  );
}
