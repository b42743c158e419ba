/** The page of one letter: facts, PDF link, the forms for each step and the content. */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
  TextArea,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { formatTimestamp } from '../../platform/table.tsx';
import { LETTER_KIND_LABELS, LETTER_STATUS_LABELS } from './letter.kinds.ts';
import type { LetterRow } from './letter.queries.ts';
import { base, CaseHeading, ref, who, type LettersView } from './letter.views.tsx';
import { LetterBody } from './letter.body.tsx';

export interface LetterPageProps {
  ctx: PageContext;
  view: LettersView;
  letter: LetterRow;
  /** A newer version of this letter in work or signed (then no new version can be started). */
  hasNewerVersion: boolean;
  errors?: FieldError[];
  values?: Record<string, string>;
  message?: string;
}

function Facts(props: { letter: LetterRow; staff: boolean }) {
  const { letter } = props;
  const items: [string, string][] = [
    ['Art', LETTER_KIND_LABELS[letter.kind]],
    ['Fassung', String(letter.version)],
    ['Stand', LETTER_STATUS_LABELS[letter.status]],
  ];
  if (props.staff) {
    items.push(['Entworfen', who(letter.draftedByName, letter.draftedAt)]);
    if (letter.reviewRequestedAt)
      items.push(['Zur Zeichnung vorgelegt', formatTimestamp(letter.reviewRequestedAt)]);
  }
  if (letter.signatory)
    items.push(['Unterzeichnung', `${letter.signatory.name}, ${letter.signatory.function}`]);
  if (letter.signedAt) items.push(['Gezeichnet', who(letter.signedByName, letter.signedAt)]);
  if (letter.deliveredAt) items.push(['Zugestellt', formatTimestamp(letter.deliveredAt)]);
  if (letter.pdfSha256) items.push(['SHA-256 des PDF', letter.pdfSha256]);
  if (letter.changeReason) items.push(['Grund der neuen Fassung', letter.changeReason]);
  return (
    <dl class="kern-description-list">
      {items.map(([key, value]) => (
        <div class="kern-description-list-item" key={key}>
          <dt class="kern-description-list-item__key">{key}</dt>
          <dd class="kern-description-list-item__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ActionForm(props: {
  ctx: PageContext;
  action: string;
  title: string;
  children?: VNode | VNode[] | null;
  submit: string;
  variant?: 'primary' | 'secondary';
}) {
  return (
    <form method="post" action={props.action} class="action-form">
      <h2 class="kern-heading-medium">{props.title}</h2>
      <CsrfField token={props.ctx.csrfToken} />
      {props.children}
      <SubmitButton variant={props.variant}>{props.submit}</SubmitButton>
    </form>
  );
}

function LetterActions(props: LetterPageProps): VNode {
  const { ctx, view, letter } = props;
  const errors = props.errors ?? [];
  const values = props.values ?? {};
  const url = `${base(view.head)}/${letter.id}`;
  const drafter = view.roles.includes('drafter');
  const signer = view.roles.includes('signer');
  const forms: VNode[] = [];
  if (drafter && letter.status === 'draft') {
    forms.push(
      <ActionForm
        ctx={ctx}
        action={`${url}/vorlage`}
        title="Zur Zeichnung vorlegen"
        submit="Zur Zeichnung vorlegen"
      >
        <SelectField
          name="signatoryId"
          label="Unterzeichnung durch"
          hint="Die Person, die das Schreiben im Auftrag unterzeichnet; gezeichnet wird es von einer zweiten Person mit der Rolle Aufsicht."
          options={[
            { value: '', label: 'Bitte wählen' },
            ...view.signatories.map((s) => ({ value: s.id, label: `${s.name} – ${s.function}` })),
          ]}
          value={values.signatoryId ?? letter.signatoryId ?? ''}
          errors={errors}
        />
      </ActionForm>,
    );
  }
  if (drafter && (letter.status === 'draft' || letter.status === 'in-review')) {
    forms.push(
      <ActionForm
        ctx={ctx}
        action={base(view.head)}
        title="Neu aus der Akte entwerfen"
        submit="Entwurf neu erzeugen"
        variant="secondary"
      >
        <input type="hidden" name="kind" value={letter.kind} />
        <p class="kern-body">
          Erzeugt den Entwurf mit dem jetzigen Stand der Akte und der Vorlagen neu; eine Vorlage zur
          Zeichnung wird damit zurückgenommen.
        </p>
      </ActionForm>,
    );
  }
  const ownWork = letter.draftedBy === view.actorId || letter.reviewRequestedBy === view.actorId;
  if (signer && letter.status === 'in-review') {
    if (ownWork) {
      forms.push(
        <Notice kind="info" title="Zeichnung durch eine zweite Person">
          <p class="kern-body">
            Sie haben dieses Schreiben selbst entworfen oder vorgelegt; zeichnen muss es eine andere
            Person mit der Rolle Aufsicht.
          </p>
        </Notice>,
      );
    } else {
      forms.push(
        <ActionForm
          ctx={ctx}
          action={`${url}/zeichnen`}
          title="Zeichnen"
          submit="Schreiben zeichnen"
        >
          <p class="kern-body">
            Mit der Zeichnung wird das PDF mit heutigem Datum erzeugt, in der Akte abgelegt und sein
            Hash in die Hash-Kette der Akte aufgenommen. Danach ist das Schreiben unveränderlich.
          </p>
        </ActionForm>,
        <ActionForm
          ctx={ctx}
          action={`${url}/zurueckgeben`}
          title="Zur Überarbeitung zurückgeben"
          submit="Zurückgeben"
          variant="secondary"
        >
          <TextArea
            name="comment"
            label="Hinweis an die Sachbearbeitung"
            value={values.comment}
            errors={errors}
            rows={4}
          />
        </ActionForm>,
      );
    }
  }
  if ((drafter || signer) && letter.status === 'signed') {
    forms.push(
      <ActionForm
        ctx={ctx}
        action={`${url}/zustellen`}
        title="Zustellen"
        submit="Schreiben zustellen"
      >
        <p class="kern-body">
          Das Schreiben wird der Antragstellerin in der Verfahrensakte bereitgestellt; sie erhält
          eine E-Mail mit einem Link.
        </p>
      </ActionForm>,
    );
  }
  if (
    drafter &&
    (letter.status === 'signed' || letter.status === 'delivered') &&
    !props.hasNewerVersion
  ) {
    forms.push(
      <ActionForm
        ctx={ctx}
        action={`${url}/neue-fassung`}
        title="Neue Fassung anlegen"
        submit="Neue Fassung anlegen"
        variant="secondary"
      >
        <TextArea
          name="reason"
          label="Grund der neuen Fassung"
          hint="Ein gezeichnetes Schreiben bleibt unverändert; die neue Fassung ersetzt es, sobald sie gezeichnet ist."
          value={values.reason}
          errors={errors}
          rows={3}
        />
      </ActionForm>,
    );
  }
  return <>{forms}</>;
}

export function LetterPage(props: LetterPageProps): VNode {
  const { view, letter } = props;
  const errors = props.errors ?? [];
  const staff = view.roles.includes('drafter') || view.roles.includes('signer');
  const url = `${base(view.head)}/${letter.id}`;
  const title = `${LETTER_KIND_LABELS[letter.kind]} (Fassung ${letter.version}) – ${ref(view.head.reference)}`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <h1 class="kern-heading-large">{title}</h1>
      <CaseHeading head={view.head} />
      {staff && letter.status === 'draft' && letter.reviewerComment ? (
        <Notice kind="warning" title="Zurückgegeben mit Hinweis">
          <p class="kern-body letter-text">{letter.reviewerComment}</p>
        </Notice>
      ) : null}
      <Facts letter={letter} staff={staff} />
      <p class="kern-body">
        <a class="kern-link" href={`${url}/pdf`}>
          {letter.pdfSha256
            ? 'Gezeichnetes Schreiben als PDF herunterladen'
            : 'Vorschau als PDF herunterladen (genau so, wie es heute gezeichnet würde)'}
        </a>
      </p>
      <LetterActions {...props} />
      <h2 class="kern-heading-medium">Inhalt</h2>
      <LetterBody content={letter.content} />
    </Layout>
  );
}
