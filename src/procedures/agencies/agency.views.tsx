import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import {
  AGENCY_ROLE_LABELS,
  AGENCY_ROLES,
  PROJECT_KINDS,
  type DirectoryEntry,
} from './agency.types.ts';

export const DIRECTORY_PATH = '/organisation/beteiligte-stellen';

/** The directory of agencies of one authority, kept by its admins. */
export function DirectoryPage(props: {
  ctx: PageContext;
  authority: { id: string; name: string };
  authorities: { id: string; name: string }[];
  entries: DirectoryEntry[];
  organisations: { id: string; name: string }[];
  errors: FieldError[];
  values: Record<string, string>;
  message?: string;
}): VNode {
  const { ctx, authority, entries, errors, values } = props;
  const listed = new Set(entries.map((e) => e.agencyOrgId));
  return (
    <Layout ctx={ctx} title="Beteiligte Stellen" hasErrors={errors.length > 0}>
      <h1 class="kern-heading-large">Beteiligte Stellen (Träger öffentlicher Belange)</h1>
      <p class="kern-body">
        Die Fachbehörden und Stellen, die {authority.name} in Genehmigungsverfahren beteiligt.
        Stellen mit Standardauswahl sind beim Beteiligen der Behörden vorausgewählt; die
        Sachbearbeitung kann die Auswahl im Verfahren ändern (§ 10 Abs. 5 BImSchG, § 11 9. BImSchV).
      </p>
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <ErrorSummary errors={errors} />
      {props.authorities.length > 1 ? (
        <form method="get" action={DIRECTORY_PATH} class="inline-form">
          <SelectField
            name="behoerde"
            label="Behörde"
            options={props.authorities.map((a) => ({ value: a.id, label: a.name }))}
            value={authority.id}
          />
          <SubmitButton variant="secondary">Anzeigen</SubmitButton>
        </form>
      ) : null}
      {entries.length === 0 ? (
        <p class="kern-body">Das Verzeichnis ist noch leer.</p>
      ) : (
        <DataTable
          caption={`${entries.length} Stellen im Verzeichnis`}
          columns={['Stelle', 'Rolle', `Standardauswahl: ${PROJECT_KINDS.wind}`, 'Entfernen']}
          rowHeader={0}
          rows={entries.map((e) => ({
            key: e.agencyOrgId,
            cells: [
              e.example ? `${e.name} – Beispieldaten` : e.name,
              AGENCY_ROLE_LABELS[e.role],
              e.defaultFor.includes('wind') ? 'ja' : 'nein',
              <form method="post" action={`${DIRECTORY_PATH}/entfernen`} class="inline-form">
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="authorityId" value={authority.id} />
                <input type="hidden" name="agencyOrgId" value={e.agencyOrgId} />
                <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small">
                  <span class="kern-label">
                    Entfernen<span class="kern-sr-only">: {e.name}</span>
                  </span>
                </button>
              </form>,
            ],
          }))}
        />
      )}
      <form method="post" action={DIRECTORY_PATH} class="kern-stack form-narrow" novalidate>
        <h2 class="kern-heading-medium">Stelle aufnehmen oder ändern</h2>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="authorityId" value={authority.id} />
        <SelectField
          name="agencyOrgId"
          label="Stelle"
          hint="Fachbehörden, die auf der Plattform eingerichtet sind. Eine neue Stelle richtet die Plattformadministration ein."
          options={[
            { value: '', label: 'Bitte wählen' },
            ...props.organisations.map((o) => ({
              value: o.id,
              label: listed.has(o.id) ? `${o.name} (im Verzeichnis)` : o.name,
            })),
          ]}
          value={values.agencyOrgId ?? ''}
          errors={errors}
        />
        <SelectField
          name="role"
          label="Rolle im Verfahren"
          options={[
            { value: '', label: 'Bitte wählen' },
            ...AGENCY_ROLES.map((role) => ({ value: role, label: AGENCY_ROLE_LABELS[role] })),
          ]}
          value={values.role ?? ''}
          errors={errors}
        />
        <Checkbox
          name="defaultFor"
          value="wind"
          label={`Bei ${PROJECT_KINDS.wind} standardmäßig beteiligen`}
          checked={values.defaultFor === 'wind'}
        />
        <SubmitButton>Speichern</SubmitButton>
      </form>
    </Layout>
  );
}
