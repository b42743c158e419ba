/** One objection for the case worker: text, identity, redaction with preview, concerns. */
import type { VNode } from 'preact';
import {
  DISREGARD_LABELS,
  EARLY_LABELS,
  formatRepresentative,
  mayDisregard,
  representativeComplete,
  signatureCount,
} from '../intake/intake-rules.ts';
import { DisregardForm } from '../groups/disregard.views.tsx';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  fieldId,
  Notice,
  SelectField,
  SubmitButton,
  TextArea,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { formatTimestamp } from '../../platform/table.tsx';
import { KIND_LABELS, type RedactionSpan } from '../redaction/index.ts';
import type { ApplicantView } from './redaction.actions.ts';
import type { ObjectionDetail } from './review.queries.ts';
import { CHANNEL_LABELS } from '../channel-labels.ts';
import { ProcedureLinks, TextBlock, type ProcedureHeading } from './review.views.tsx';

export interface SpanChoice {
  readonly span: RedactionSpan;
  readonly checked: boolean;
}

export interface ConcernChoice {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly checked: boolean;
  readonly confirmed: boolean;
  readonly suggested: boolean;
  readonly evidence: readonly string[];
}

export interface ObjectionView {
  readonly procedure: ProcedureHeading;
  readonly objection: ObjectionDetail;
  readonly spans: SpanChoice[];
  /** The text as it would be published with the spans checked above. */
  readonly publishedPreview: string;
  readonly applicantPreview: ApplicantView;
  readonly concerns: ConcernChoice[];
  readonly applyToGroup: boolean;
  readonly extraTerms: string;
  readonly extraKind: string;
}

export function spanValue(span: Pick<RedactionSpan, 'start' | 'end' | 'kind'>): string {
  return `${span.start}:${span.end}:${span.kind}`;
}

function Facts(props: { items: [string, string][] }): VNode {
  return (
    <dl class="kern-description-list">
      {props.items.map(([k, v]) => (
        <div class="kern-description-list-item" key={k}>
          <dt class="kern-description-list-item__key">{k}</dt>
          <dd class="kern-description-list-item__value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function ChoiceBox(props: {
  name: string;
  value: string;
  checked: boolean;
  label: string;
  hint?: string;
}): VNode {
  const id = fieldId(`${props.name}-${props.value}`);
  return (
    <div class="kern-form-check">
      <input
        class="kern-form-check__checkbox"
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value}
        checked={props.checked}
        aria-describedby={props.hint ? `${id}-hinweis` : undefined}
      />
      <label class="kern-label" for={id}>
        {props.label}
      </label>
      {props.hint ? (
        <div class="kern-hint" id={`${id}-hinweis`}>
          {props.hint}
        </div>
      ) : null}
    </div>
  );
}

function RedactionForm(props: { ctx: PageContext; view: ObjectionView; errors: FieldError[] }) {
  const { view } = props;
  const o = view.objection;
  const action = `/verfahren/${view.procedure.id}/einwendungen/${o.id}/schwaerzung`;
  return (
    <form method="post" action={action} class="kern-stack form-narrow">
      <CsrfField token={props.ctx.csrfToken} />
      <fieldset class="kern-fieldset" id={fieldId('spans')}>
        <legend class="kern-label">Zu schwärzende Stellen</legend>
        {view.spans.length === 0 ? (
          <p class="kern-body">Keine personenbezogenen Daten erkannt.</p>
        ) : (
          view.spans.map((choice) => (
            <ChoiceBox
              key={spanValue(choice.span)}
              name="spans"
              value={spanValue(choice.span)}
              checked={choice.checked}
              label={`${KIND_LABELS[choice.span.kind]}: „${choice.span.text}“`}
            />
          ))
        )}
      </fieldset>
      <TextArea
        name="weitere"
        label="Weitere Stellen schwärzen"
        hint="Je Zeile ein Wort oder eine Wendung; jedes Vorkommen im Text wird geschwärzt."
        value={view.extraTerms}
        rows={3}
        required={false}
        errors={props.errors}
      />
      <SelectField
        name="weitereArt"
        label="Art der weiteren Stellen"
        options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
        value={view.extraKind}
        errors={props.errors}
      />
      <SubmitButton>Schwärzung bestätigen</SubmitButton>
    </form>
  );
}

function Preview(props: { view: ObjectionView }): VNode {
  const { view } = props;
  const o = view.objection;
  const confirmed = o.redactionConfirmedAt !== null;
  const applicant = view.applicantPreview;
  return (
    <section aria-labelledby="vorschau" class="kern-stack">
      <h2 class="kern-heading-medium" id="vorschau">
        Was wird veröffentlicht?
      </h2>
      {confirmed ? (
        <p class="kern-body">
          Schwärzung bestätigt am {formatTimestamp(o.redactionConfirmedAt)}. So wird der Text
          veröffentlicht:
        </p>
      ) : (
        <Notice kind="warning" title="Noch nicht bestätigt">
          <p class="kern-body">
            Vorschau mit den oben angekreuzten Stellen. Veröffentlicht wird erst nach Ihrer
            Bestätigung; bis dahin erscheint der Text nirgends.
          </p>
        </Notice>
      )}
      <h3 class="kern-heading-small">Öffentliche Fassung</h3>
      <TextBlock text={view.publishedPreview} />
      <h3 class="kern-heading-small">Fassung für die Antragstellerin (§ 12 Abs. 2 9. BImSchV)</h3>
      {applicant.identityWithheld ? (
        <p class="kern-body">Name und Anschrift: auf Wunsch unkenntlich gemacht.</p>
      ) : (
        <Facts
          items={[
            ['Name', applicant.name ?? 'nicht angegeben'],
            ['Anschrift', applicant.address ?? 'nicht angegeben'],
          ]}
        />
      )}
      {applicant.text === null ? (
        <p class="kern-body">
          Wird noch geschwärzt – die Antragstellerin sieht den Text erst nach der Bestätigung.
        </p>
      ) : (
        <TextBlock text={applicant.text} />
      )}
    </section>
  );
}

function ConcernForm(props: { ctx: PageContext; view: ObjectionView }) {
  const { view } = props;
  const o = view.objection;
  const action = `/verfahren/${view.procedure.id}/einwendungen/${o.id}/belange`;
  return (
    <form method="post" action={action} class="kern-stack form-narrow">
      <CsrfField token={props.ctx.csrfToken} />
      <fieldset class="kern-fieldset" id={fieldId('concerns')}>
        <legend class="kern-label">Belange dieser Einwendung</legend>
        {view.concerns.length === 0 ? (
          <p class="kern-body">
            Der Katalog ist noch leer. Legen Sie ihn im{' '}
            <a class="kern-link" href={`/verfahren/${view.procedure.id}/belange`}>
              Belange-Katalog
            </a>{' '}
            mit „Vorschläge berechnen“ an.
          </p>
        ) : (
          view.concerns.map((c) => (
            <ChoiceBox
              key={c.id}
              name="concerns"
              value={c.id}
              checked={c.checked}
              label={`${c.label}${c.confirmed ? ' (bestätigt)' : c.suggested ? ' (Vorschlag)' : ''}`}
              hint={
                c.evidence.length > 0 ? `Hinweise im Text: ${c.evidence.join(', ')}` : undefined
              }
            />
          ))
        )}
      </fieldset>
      {o.groupId !== null ? (
        <ChoiceBox
          name="gruppe"
          value="ja"
          checked={view.applyToGroup}
          label={`auf alle Einwendungen der Gruppe anwenden (${o.groupSize} Einwendungen)`}
        />
      ) : null}
      <SubmitButton>Belange bestätigen</SubmitButton>
    </form>
  );
}

export function ObjectionPage(props: {
  ctx: PageContext;
  view: ObjectionView;
  errors?: FieldError[];
  message?: string;
  /** The § 17 Abs. 2 decision form's values after an error. */
  disregardValues?: { decision?: string; reason?: string };
}): VNode {
  const { view } = props;
  const o = view.objection;
  const representative = formatRepresentative(o.representative);
  const complete = representativeComplete(o.representative);
  const decisionOpen = o.groupId === null && mayDisregard(o.signatures, complete);
  const errors = props.errors ?? [];
  return (
    <Layout ctx={props.ctx} title={`Einwendung ${o.reference}`} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <h1 class="kern-heading-large">Einwendung {o.reference}</h1>
      <p class="kern-body">
        {view.procedure.reference} – {view.procedure.title}
      </p>
      <ProcedureLinks procedure={view.procedure} />
      <Facts
        items={[
          ['Eingang', formatTimestamp(o.receivedAt)],
          ['Eingangsweg', CHANNEL_LABELS[o.channel]],
          [
            'Unterschriften',
            `${signatureCount(o.signatures)}${o.signaturesConfirmed ? ' (ungewöhnlich hohe Zahl, bei der Erfassung ausdrücklich bestätigt)' : ''}`,
          ],
          ['Verspätet', o.late ? 'ja – nach Ende der Einwendungsfrist eingegangen' : 'nein'],
          ['Vor Beginn eingegangen', o.early ? `ja – ${EARLY_LABELS[o.early]}` : 'nein'],
          ['Gruppe', o.groupId === null ? 'keine' : `${o.groupSize} gleichförmige Einwendungen`],
          [
            'Vertreter (§ 17 Abs. 1 VwVfG)',
            representative
              ? `${representative}${complete ? '' : ' – unvollständig: Name, Beruf und Anschrift sind nötig'}`
              : 'keiner benannt',
          ],
          [
            'Berücksichtigung (§ 17 Abs. 2 VwVfG)',
            o.disregard
              ? `${DISREGARD_LABELS[o.disregard.decision]} – ${o.disregard.reason} (${formatTimestamp(o.disregard.at)})`
              : decisionOpen
                ? 'offen: die Behörde kann diese Eingabe unberücksichtigt lassen'
                : 'keine Entscheidung nötig',
          ],
        ]}
      />
      {decisionOpen ? (
        <>
          <h2 class="kern-heading-medium">Ohne Vertreter: berücksichtigen oder nicht?</h2>
          <DisregardForm
            ctx={props.ctx}
            action={`/verfahren/${view.procedure.id}/einwendungen/${o.id}/beruecksichtigung`}
            signatures={o.signatures}
            decided={o.disregard}
            values={props.disregardValues ?? {}}
            errors={errors}
          />
        </>
      ) : null}
      <h2 class="kern-heading-medium">Angaben zur Person</h2>
      <Facts
        items={[
          ['Name', o.name ?? 'nicht angegeben'],
          ['Anschrift', o.address ?? 'nicht angegeben'],
          ['E-Mail', o.email ?? 'nicht angegeben'],
          [
            'Unkenntlichmachung verlangt',
            o.redactIdentity ? 'ja – Name und Anschrift nicht an die Antragstellerin' : 'nein',
          ],
        ]}
      />
      <h2 class="kern-heading-medium">Text der Einwendung (Original)</h2>
      <TextBlock text={o.body} />
      {o.attachments.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">Anlagen</h2>
          <ul class="kern-list">
            {o.attachments.map((a) => (
              <li key={a.position}>
                {a.filename} ({a.mediaType}, {Math.ceil(a.size / 1024).toLocaleString('de-DE')} KB)
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="kern-heading-medium">Schwärzung</h2>
      <RedactionForm ctx={props.ctx} view={view} errors={errors} />
      <Preview view={view} />
      <h2 class="kern-heading-medium">Belange</h2>
      <ConcernForm ctx={props.ctx} view={view} />
    </Layout>
  );
}
