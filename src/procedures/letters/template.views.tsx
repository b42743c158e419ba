/** The authority's letter texts per kind, with the placeholders they may use. */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, Notice, SubmitButton, TextArea } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { LETTER_KINDS, LETTER_KIND_LABELS } from './letter.kinds.ts';
import {
  PLACEHOLDERS,
  TEMPLATE_FIELDS,
  TEMPLATE_FIELD_LABELS,
  type TemplateTexts,
} from './letter.templates.ts';
import type { LetterKind } from './letter.types.ts';
import { templateField } from './template.actions.ts';

export interface TemplatesView {
  authorities: { id: string; name: string }[];
  organisationId: string | undefined;
  templates: Record<LetterKind, TemplateTexts & { version: number }> | undefined;
}

export function TemplatesPage(props: {
  ctx: PageContext;
  view: TemplatesView;
  errors?: FieldError[];
  /** Values typed into the form of one kind, kept after an error */
  values?: { kind: LetterKind; texts: Record<string, string> };
  message?: string;
}): VNode {
  const { view } = props;
  const errors = props.errors ?? [];
  const current = view.authorities.find((a) => a.id === view.organisationId);
  return (
    <Layout ctx={props.ctx} title="Textvorlagen für Schreiben" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <h1 class="kern-heading-large">Textvorlagen für Schreiben</h1>
      {view.authorities.length === 0 || !current || !view.templates ? (
        <p class="kern-body">
          Sie verwalten keine Behörde. Die Textvorlagen bearbeitet die Administration der jeweiligen
          Behörde.
        </p>
      ) : (
        <>
          {view.authorities.length > 1 ? (
            <nav aria-label="Behörde wählen">
              <ul class="kern-list">
                {view.authorities.map((a) => (
                  <li key={a.id}>
                    <a
                      class="kern-link"
                      href={`/organisation/vorlagen?behoerde=${a.id}`}
                      aria-current={a.id === current.id ? 'page' : undefined}
                    >
                      {a.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <p class="kern-body">
            Texte der Behörde {current.name}. Jede Änderung wird als neue Fassung gespeichert;
            bereits gezeichnete Schreiben bleiben unverändert. Erlaubte Platzhalter:
          </p>
          <ul class="kern-list">
            {Object.entries(PLACEHOLDERS).map(([name, meaning]) => (
              <li key={name}>
                <code>{`{${name}}`}</code> – {meaning}
              </li>
            ))}
          </ul>
          {LETTER_KINDS.map((kind) => {
            const saved = view.templates![kind];
            const typed = props.values?.kind === kind ? props.values.texts : undefined;
            return (
              <form method="post" action="/organisation/vorlagen" class="action-form" key={kind}>
                <h2 class="kern-heading-medium" id={`vorlage-${kind}`}>
                  {LETTER_KIND_LABELS[kind]}
                </h2>
                <p class="kern-body kern-body--small">
                  {saved.version === 0
                    ? 'Voreinstellung (noch keine eigene Fassung)'
                    : `Fassung ${saved.version}`}
                </p>
                <CsrfField token={props.ctx.csrfToken} />
                <input type="hidden" name="organisationId" value={current.id} />
                <input type="hidden" name="kind" value={kind} />
                {TEMPLATE_FIELDS.map((field) => (
                  <TextArea
                    key={field}
                    name={templateField(kind, field)}
                    label={`${TEMPLATE_FIELD_LABELS[field]} – ${LETTER_KIND_LABELS[kind]}`}
                    value={typed?.[templateField(kind, field)] ?? saved[field]}
                    errors={errors}
                    rows={field === 'notes' ? 3 : 4}
                  />
                ))}
                <SubmitButton variant="secondary">
                  Vorlage „{LETTER_KIND_LABELS[kind]}“ speichern
                </SubmitButton>
              </form>
            );
          })}
        </>
      )}
    </Layout>
  );
}
