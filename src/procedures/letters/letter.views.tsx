/** Pages of the letters of a case: list, draft, preview, sign-off, delivery, new version. */
import type { VNode } from 'preact';
import type { Signatory } from '../authority/authority.types.ts';
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
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import type { LetterRole } from './letter.access.ts';
import { LETTER_KIND_LABELS, LETTER_STATUS_LABELS } from './letter.kinds.ts';
import type { LetterRow, ProcedureHead } from './letter.queries.ts';
import type { LetterBlock, LetterContent, LetterKind } from './letter.types.ts';

export interface LettersView {
  head: ProcedureHead;
  roles: LetterRole[];
  letters: LetterRow[];
  draftableKinds: LetterKind[];
  signatories: Signatory[];
  actorId: string;
}

const base = (head: ProcedureHead) => `/verfahren/${head.id}/schreiben`;
/** Letters exist only for submitted applications, which carry an Aktenzeichen. */
const ref = (reference: string | null) => reference ?? 'ohne Aktenzeichen';

function who(name: string | null, at: Date | null): string {
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

function CaseHeading(props: { head: ProcedureHead }) {
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

/** The blocks as HTML, so that the letter can be read and checked without opening the PDF. */
export function LetterBody(props: { content: LetterContent }): VNode {
  const { content } = props;
  return (
    <article class="letter-preview" aria-label="Inhalt des Schreibens">
      <p class="kern-body">
        {content.addressee.name}
        {content.addressee.lines.map((line) => (
          <>
            <br />
            {line}
          </>
        ))}
      </p>
      <p class="kern-body kern-body--bold">{content.subject}</p>
      {content.references.map((r) => (
        <p class="kern-body kern-body--small" key={r.label}>
          {r.label}: {r.value}
        </p>
      ))}
      <p class="kern-body">{content.salutation}</p>
      {content.blocks.map((block, i) => (
        <Block
          block={block}
          key={i}
          tableNumber={content.blocks.slice(0, i + 1).filter((b) => b.kind === 'table').length}
        />
      ))}
      <p class="kern-body">{content.closing}</p>
    </article>
  );
}

function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text.split(/\n{2,}/).map((part, i) => (
        <p class="kern-body letter-text" key={i}>
          {part}
        </p>
      ))}
    </>
  );
}

/**
 * One block as HTML. Tables without a caption are named by their number and columns, so that each
 * table's scroll region has its own accessible name (several tables in one letter).
 */
function Block(props: { block: LetterBlock; tableNumber: number }): VNode | null {
  const { block } = props;
  switch (block.kind) {
    case 'heading':
      return <h3 class="kern-heading-small">{block.text}</h3>;
    case 'paragraph':
      return <Paragraphs text={block.text} />;
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Paragraphs text={item} />
        </li>
      ));
      return block.ordered ? (
        <ol class="kern-list">{items}</ol>
      ) : (
        <ul class="kern-list">{items}</ul>
      );
    }
    case 'table':
      return (
        <DataTable
          caption={block.caption ?? `Tabelle ${props.tableNumber}: ${block.columns.join(', ')}`}
          hideCaption={!block.caption}
          small
          columns={block.columns}
          rows={block.rows.map((row, i) => ({ key: String(i), cells: row }))}
        />
      );
    case 'keep-with-next':
      return null;
  }
}

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
