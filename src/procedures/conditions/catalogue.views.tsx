/** The authority's catalogue of conditions, for its admins: list, add, edit, (de)activate. */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { CatalogueEntry, CatalogueInput } from './catalogue.actions.ts';

export interface CatalogueAdminView {
  organisation: { id: string; name: string };
  organisations: { id: string; name: string }[];
  entries: CatalogueEntry[];
}

/** Field names of the entry form; an edit form prefixes them with the entry's id. */
export const entryField = (entryId: string | null, field: keyof CatalogueInput) =>
  entryId === null ? field : `${field}-${entryId}`;

function EntryFields(props: {
  entryId: string | null;
  values: Partial<CatalogueInput>;
  errors: FieldError[];
}): VNode {
  const f = (field: keyof CatalogueInput) => entryField(props.entryId, field);
  return (
    <>
      <TextField
        name={f('category')}
        label="Kategorie"
        hint="z. B. Schallschutz, Naturschutz, Rückbau"
        value={props.values.category}
        errors={props.errors}
      />
      <TextField name={f('title')} label="Titel" value={props.values.title} errors={props.errors} />
      <TextArea
        name={f('text')}
        label="Wortlaut"
        value={props.values.text}
        rows={5}
        errors={props.errors}
      />
      <TextField
        name={f('citation')}
        label="Rechtsgrundlage"
        hint="z. B. § 12 Abs. 1 BImSchG"
        value={props.values.citation}
        required={false}
        errors={props.errors}
      />
    </>
  );
}

export function CatalogueAdminPage(props: {
  ctx: PageContext;
  view: CatalogueAdminView;
  errors?: FieldError[];
  /** Values typed into one form (entry id, or null for the new entry), kept after an error */
  values?: { entryId: string | null; input: CatalogueInput };
  message?: string;
}): VNode {
  const { view } = props;
  const errors = props.errors ?? [];
  const org = view.organisation.id;
  const base = `/organisation/nebenbestimmungen`;
  const typed = (entryId: string | null) =>
    props.values && props.values.entryId === entryId ? props.values.input : undefined;
  return (
    <Layout ctx={props.ctx} title="Katalog der Nebenbestimmungen" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <h1 class="kern-heading-large">Katalog der Nebenbestimmungen</h1>
      <p class="kern-body">
        {view.organisation.name}. Die Sachbearbeitung übernimmt aktive Einträge in die
        Nebenbestimmungen eines Verfahrens; deaktivierte Einträge werden nicht mehr angeboten,
        bereits übernommene bleiben unverändert.
      </p>
      {view.organisations.length > 1 ? (
        <ul class="kern-list kern-list--horizontal">
          {view.organisations.map((o) => (
            <li key={o.id}>
              <a
                class="kern-link"
                href={`${base}?organisation=${o.id}`}
                aria-current={o.id === org ? 'page' : undefined}
              >
                {o.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <h2 class="kern-heading-medium">Neuer Eintrag</h2>
      <form method="post" action={`${base}?organisation=${org}`} class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <EntryFields entryId={null} values={typed(null) ?? {}} errors={errors} />
        <SubmitButton>Eintrag anlegen</SubmitButton>
      </form>
      <h2 class="kern-heading-medium">Einträge ({view.entries.length})</h2>
      {view.entries.length === 0 ? <p class="kern-body">Der Katalog ist noch leer.</p> : null}
      {view.entries.map((e) => (
        <section class="kern-stack" key={e.id} aria-labelledby={`eintrag-${e.id}`}>
          <h3 class="kern-heading-small" id={`eintrag-${e.id}`}>
            {e.category}: {e.title}
            {e.active ? '' : ' (deaktiviert)'}
          </h3>
          <details>
            <summary class="kern-link">Bearbeiten</summary>
            <form
              method="post"
              action={`${base}/${e.id}?organisation=${org}`}
              class="kern-stack form-narrow"
            >
              <CsrfField token={props.ctx.csrfToken} />
              <EntryFields entryId={e.id} values={typed(e.id) ?? e} errors={errors} />
              <SubmitButton variant="secondary">Änderung speichern</SubmitButton>
            </form>
          </details>
          <form method="post" action={`${base}/${e.id}/status?organisation=${org}`}>
            <CsrfField token={props.ctx.csrfToken} />
            <input type="hidden" name="active" value={e.active ? 'nein' : 'ja'} />
            <SubmitButton variant="tertiary">
              {e.active ? 'Deaktivieren' : 'Wieder aktivieren'}
            </SubmitButton>
          </form>
        </section>
      ))}
    </Layout>
  );
}
