import type { VNode } from 'preact';
import type { OrganisationKind } from '../db/schema.ts';
import { ORGANISATION_KIND_LABELS, ROLE_LABELS } from '../platform/auth/actor.ts';
import type { FieldError } from '../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
} from '../platform/forms.tsx';
import { Layout, type PageContext } from '../platform/layout.tsx';
import { ORGANISATION_KINDS, ROLES } from './identity.actions.ts';
import type { UserRow } from './identity.queries.ts';
import type { ThrottledPair } from '../platform/auth/throttle.ts';
import { DataTable, formatTimestamp } from '../platform/table.tsx';

type Organisation = { id: string; name: string; kind: OrganisationKind; members: number };
type FormState = { values: Record<string, string>; errors: FieldError[] };
const EMPTY: FormState = { values: {}, errors: [] };

/** The platform administrators' pages (also shown on the monitoring's statistics page). */
export function AdminNav(props: { current: string }): VNode {
  const links = [
    ['/admin/benutzer', 'Benutzerkonten'],
    ['/admin/organisationen', 'Organisationen'],
    ['/admin/postausgang', 'Postausgang'],
    ['/monitoring/einspielen', 'Statistiken für das Monitoring'],
  ] as const;
  return (
    <nav aria-label="Administration">
      <ul class="kern-list kern-list--horizontal">
        {links.map(([href, label]) => (
          <li key={href}>
            <a
              class="kern-link"
              href={href}
              aria-current={props.current === href ? 'page' : undefined}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function organisationOptions(organisations: Organisation[]) {
  return [
    { value: '', label: 'Bitte wählen' },
    ...organisations.map((o) => ({ value: o.id, label: o.name })),
  ];
}
const roleOptions = [
  { value: '', label: 'Bitte wählen' },
  ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
];

export function UsersPage(props: {
  ctx: PageContext;
  users: UserRow[];
  organisations: Organisation[];
  form?: FormState;
  created?: boolean;
}): VNode {
  const form = props.form ?? EMPTY;
  return (
    <Layout ctx={props.ctx} title="Benutzerkonten" hasErrors={form.errors.length > 0}>
      <h1 class="kern-heading-large">Benutzerkonten</h1>
      <AdminNav current="/admin/benutzer" />
      {props.created ? <Notice kind="success" title="Das Benutzerkonto wurde angelegt." /> : null}
      <ErrorSummary errors={form.errors} />
      <DataTable
        caption={`${props.users.length} Benutzerkonten`}
        columns={['Name', 'E-Mail', 'Rollen', 'Status', 'Letzte Anmeldung']}
        rows={props.users.map((u) => ({
          key: u.id,
          cells: [
            <a class="kern-link" href={`/admin/benutzer/${u.id}`}>
              {u.displayName}
            </a>,
            u.email,
            u.memberships.map((m) => `${ROLE_LABELS[m.role]} (${m.organisationName})`).join('; '),
            u.disabled ? 'gesperrt' : 'aktiv',
            formatTimestamp(u.lastLoginAt),
          ],
        }))}
      />
      <h2 class="kern-heading-medium">Neues Benutzerkonto</h2>
      <form method="post" action="/admin/benutzer" novalidate class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="displayName"
          label="Name"
          value={form.values.displayName}
          errors={form.errors}
          required
        />
        <TextField
          name="email"
          label="E-Mail-Adresse"
          type="email"
          value={form.values.email}
          errors={form.errors}
          required
        />
        <TextField
          name="password"
          label="Erstes Passwort"
          type="password"
          autocomplete="new-password"
          hint="Mindestens 12 Zeichen, nicht nur Leerzeichen oder ein wiederholtes Zeichen, kein häufiges Passwort und nicht die E-Mail-Adresse. Teilen Sie es der Person auf sicherem Weg mit; sie kann es unter „Mein Konto“ ändern."
          errors={form.errors}
          required
        />
        <SelectField
          name="organisationId"
          label="Organisation"
          options={organisationOptions(props.organisations)}
          value={form.values.organisationId}
          errors={form.errors}
        />
        <SelectField
          name="role"
          label="Rolle"
          options={roleOptions}
          value={form.values.role}
          errors={form.errors}
        />
        <SubmitButton>Benutzerkonto anlegen</SubmitButton>
      </form>
    </Layout>
  );
}

export function UserPage(props: {
  ctx: PageContext;
  user: UserRow;
  organisations: Organisation[];
  form?: FormState;
  message?: string;
  throttled?: ThrottledPair[];
  now?: Date;
}): VNode {
  const form = props.form ?? EMPTY;
  const { user } = props;
  const throttled = props.throttled ?? [];
  return (
    <Layout
      ctx={props.ctx}
      title={`Benutzerkonto ${user.displayName}`}
      hasErrors={form.errors.length > 0}
    >
      <h1 class="kern-heading-large">{user.displayName}</h1>
      <AdminNav current="" />
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <ErrorSummary errors={form.errors} />
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">E-Mail</dt>
          <dd class="kern-description-list-item__value">{user.email}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Status</dt>
          <dd class="kern-description-list-item__value">{user.disabled ? 'gesperrt' : 'aktiv'}</dd>
        </div>
      </dl>
      <h2 class="kern-heading-medium">Rollen</h2>
      <ul class="kern-list kern-list--bullet">
        {user.memberships.map((m) => (
          <li key={m.organisationName + m.role}>
            {ROLE_LABELS[m.role]} – {m.organisationName}
          </li>
        ))}
      </ul>
      <form
        method="post"
        action={`/admin/benutzer/${user.id}/rollen`}
        novalidate
        class="kern-stack form-narrow"
      >
        <CsrfField token={props.ctx.csrfToken} />
        <SelectField
          name="organisationId"
          label="Organisation"
          options={organisationOptions(props.organisations)}
          value={form.values.organisationId}
          errors={form.errors}
        />
        <SelectField
          name="role"
          label="Rolle"
          options={roleOptions}
          value={form.values.role}
          errors={form.errors}
        />
        <SubmitButton variant="secondary">Rolle hinzufügen</SubmitButton>
      </form>
      <h2 class="kern-heading-medium">Zugang</h2>
      <form method="post" action={`/admin/benutzer/${user.id}/status`}>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
        <SubmitButton variant="secondary">
          {user.disabled ? 'Konto entsperren' : 'Konto sperren'}
        </SubmitButton>
      </form>
      <h2 class="kern-heading-medium">Fehlgeschlagene Anmeldungen</h2>
      {throttled.length === 0 ? (
        <p class="kern-body">Keine fehlgeschlagenen Anmeldeversuche in den letzten 24 Stunden.</p>
      ) : (
        <>
          <p class="kern-body">
            Falsche Passwörter verzögern weitere Versuche von derselben Adresse; das Konto selbst
            bleibt nutzbar. Heben Sie die Verzögerung auf, wenn die Person sich von einer dieser
            Adressen aus anmelden muss.
          </p>
          <DataTable
            caption="Anmeldeversuche je Adresse"
            columns={[
              'Adresse',
              { label: 'Fehlversuche', numeric: true },
              'Zuletzt',
              'Verzögert bis',
            ]}
            rows={throttled.map((t) => ({
              key: t.ip,
              cells: [
                t.ip,
                t.failures,
                formatTimestamp(t.lastFailureAt),
                t.blockedUntil && props.now && t.blockedUntil > props.now
                  ? formatTimestamp(t.blockedUntil)
                  : 'nicht verzögert',
              ],
            }))}
          />
          <form method="post" action={`/admin/benutzer/${user.id}/anmeldeversuche`}>
            <CsrfField token={props.ctx.csrfToken} />
            <SubmitButton variant="secondary">Verzögerung der Anmeldung aufheben</SubmitButton>
          </form>
        </>
      )}
    </Layout>
  );
}

export function OrganisationsPage(props: {
  ctx: PageContext;
  organisations: Organisation[];
  form?: FormState;
  created?: boolean;
}): VNode {
  const form = props.form ?? EMPTY;
  return (
    <Layout ctx={props.ctx} title="Organisationen" hasErrors={form.errors.length > 0}>
      <h1 class="kern-heading-large">Organisationen</h1>
      <AdminNav current="/admin/organisationen" />
      {props.created ? <Notice kind="success" title="Die Organisation wurde angelegt." /> : null}
      <ErrorSummary errors={form.errors} />
      <DataTable
        caption={`${props.organisations.length} Organisationen`}
        columns={['Name', 'Art', { label: 'Mitglieder', numeric: true }]}
        rows={props.organisations.map((o) => ({
          key: o.id,
          cells: [
            <a class="kern-link" href={`/admin/organisationen/${o.id}/stammdaten`}>
              {o.name}
            </a>,
            ORGANISATION_KIND_LABELS[o.kind],
            o.members,
          ],
        }))}
      />
      <h2 class="kern-heading-medium">Neue Organisation</h2>
      <form method="post" action="/admin/organisationen" novalidate class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="name"
          label="Name"
          value={form.values.name}
          errors={form.errors}
          hint="z. B. Kreis Paderborn"
          required
        />
        <SelectField
          name="kind"
          label="Art"
          options={[
            { value: '', label: 'Bitte wählen' },
            ...ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] })),
          ]}
          value={form.values.kind}
          errors={form.errors}
        />
        <SubmitButton>Organisation anlegen</SubmitButton>
      </form>
    </Layout>
  );
}

const STATUS_LABELS = {
  queued: 'wartet',
  stored: 'gespeichert (kein SMTP)',
  sent: 'versandt',
  failed: 'fehlgeschlagen',
};

export function OutboxPage(props: {
  ctx: PageContext;
  mails: {
    id: string;
    to_address: string;
    subject: string;
    body_text: string;
    link: string | null;
    status: keyof typeof STATUS_LABELS;
    created_at: Date;
    last_error: string | null;
  }[];
  smtpConfigured: boolean;
}): VNode {
  return (
    <Layout ctx={props.ctx} title="Postausgang">
      <h1 class="kern-heading-large">Postausgang</h1>
      <AdminNav current="/admin/postausgang" />
      <p class="kern-body">
        {props.smtpConfigured
          ? 'Nachrichten werden über den konfigurierten SMTP-Server versandt.'
          : 'Kein SMTP-Server konfiguriert (SMTP_URL): Nachrichten werden hier gespeichert und nicht versandt.'}
      </p>
      {props.mails.length === 0 ? <p class="kern-body">Noch keine Nachrichten.</p> : null}
      {props.mails.map((m) => (
        <details class="outbox-mail" key={m.id}>
          <summary>
            {formatTimestamp(m.created_at)} – an {m.to_address}: {m.subject} (
            {STATUS_LABELS[m.status]})
          </summary>
          <pre class="mail-body">{m.body_text}</pre>
          {m.link ? (
            <p>
              <a class="kern-link" href={m.link}>
                {m.link}
              </a>
            </p>
          ) : null}
          {m.last_error ? <p class="kern-error">Letzter Fehler: {m.last_error}</p> : null}
        </details>
      ))}
    </Layout>
  );
}
