import type { VNode } from 'preact';
import type { Actor } from '../platform/auth/actor.ts';
import { ROLE_LABELS } from '../platform/auth/actor.ts';
import type { FieldError } from '../platform/errors.ts';
import { CsrfField, ErrorSummary, Notice, SubmitButton, TextField } from '../platform/forms.tsx';
import { Layout, type PageContext } from '../platform/layout.tsx';
import { DataTable, formatTimestamp } from '../platform/table.tsx';

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export function AccountPage(props: {
  ctx: PageContext;
  user: Extract<Actor, { kind: 'user' }>;
  tokens: TokenRow[];
  newToken?: string;
  errors?: FieldError[];
  tokenName?: string;
  revoked?: boolean;
  passwordChanged?: boolean;
}): VNode {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={props.ctx} title="Mein Konto" hasErrors={errors.length > 0}>
      <h1 class="kern-heading-large">Mein Konto</h1>
      {props.passwordChanged ? (
        <Notice
          kind="success"
          title="Ihr Passwort wurde geändert. Alle anderen Anmeldungen Ihres Kontos wurden beendet."
        />
      ) : null}
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Name</dt>
          <dd class="kern-description-list-item__value">{props.user.displayName}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">E-Mail</dt>
          <dd class="kern-description-list-item__value">{props.user.email}</dd>
        </div>
      </dl>
      <p class="kern-body">
        <a class="kern-link" href="/konto/passwort">
          Passwort ändern
        </a>
      </p>
      <h2 class="kern-heading-medium">Meine Rollen</h2>
      <ul class="kern-list kern-list--bullet">
        {props.user.memberships.map((m) => (
          <li key={m.organisationId + m.role}>
            {ROLE_LABELS[m.role]} – {m.organisationName}
          </li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">API-Tokens</h2>
      <p class="kern-body">
        Mit einem API-Token greifen Fachverfahren in Ihrem Namen auf die Schnittstelle zu (Kopfzeile{' '}
        <code>Authorization: Bearer …</code>). Gespeichert wird nur ein Prüfwert; das Token selbst
        wird nur einmal angezeigt.
      </p>
      {props.newToken ? (
        <Notice kind="success" title="Neues API-Token erzeugt">
          <p class="kern-body">Kopieren Sie es jetzt – es wird nicht noch einmal angezeigt:</p>
          <p>
            <code class="token-value">{props.newToken}</code>
          </p>
        </Notice>
      ) : null}
      {props.revoked ? <Notice kind="success" title="Das API-Token wurde widerrufen." /> : null}
      {props.tokens.length > 0 ? (
        <DataTable
          caption="Ihre API-Tokens"
          hideCaption
          columns={['Bezeichnung', 'Beginn', 'Erzeugt', 'Zuletzt benutzt', 'Aktion']}
          rows={props.tokens.map((t) => ({
            key: t.id,
            cells: [
              t.name,
              <code>{t.prefix}…</code>,
              formatTimestamp(t.created_at),
              formatTimestamp(t.last_used_at),
              t.revoked_at ? (
                `widerrufen am ${formatTimestamp(t.revoked_at)}`
              ) : (
                <form method="post" action={`/konto/tokens/${t.id}/widerrufen`}>
                  <CsrfField token={props.ctx.csrfToken} />
                  <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small">
                    <span class="kern-label">Widerrufen: {t.name}</span>
                  </button>
                </form>
              ),
            ],
          }))}
        />
      ) : (
        <p class="kern-body">Sie haben noch keine API-Tokens.</p>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action="/konto/tokens" novalidate class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="name"
          label="Bezeichnung des neuen Tokens"
          hint="z. B. Fachverfahren Immissionsschutz"
          value={props.tokenName}
          errors={errors}
          required
        />
        <SubmitButton variant="secondary">API-Token erzeugen</SubmitButton>
      </form>
    </Layout>
  );
}
