import type { VNode } from 'preact';
import type { FieldError } from '../platform/errors.ts';
import { CsrfField, ErrorSummary, Notice, SubmitButton, TextField } from '../platform/forms.tsx';
import { Layout, type PageContext } from '../platform/layout.tsx';

/** Own password: current one and the new one twice. Passwords are never sent back in the page. */
export function ChangePasswordPage(props: {
  ctx: PageContext;
  errors?: FieldError[];
  message?: string;
}): VNode {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={props.ctx} title="Passwort ändern" hasErrors={errors.length > 0}>
      <h1 class="kern-heading-large">Passwort ändern</h1>
      {props.message ? <Notice kind="danger" title={props.message} /> : null}
      <ErrorSummary errors={errors} />
      <p class="kern-body">
        Nach der Änderung bleiben Sie angemeldet; alle anderen Anmeldungen Ihres Kontos (zum
        Beispiel auf anderen Geräten) werden beendet.
      </p>
      <form method="post" action="/konto/passwort" novalidate class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="currentPassword"
          label="Bisheriges Passwort"
          type="password"
          autocomplete="current-password"
          errors={errors}
          required
        />
        <TextField
          name="newPassword"
          label="Neues Passwort"
          type="password"
          autocomplete="new-password"
          hint="Mindestens 12 Zeichen. Nicht nur Leerzeichen, kein wiederholtes Zeichen, kein häufig verwendetes Passwort und nicht Ihre E-Mail-Adresse. Gut merkbar sind mehrere zufällige Wörter."
          errors={errors}
          required
        />
        <TextField
          name="newPasswordRepeat"
          label="Neues Passwort wiederholen"
          type="password"
          autocomplete="new-password"
          errors={errors}
          required
        />
        <SubmitButton>Passwort ändern</SubmitButton>
      </form>
      <p class="kern-body">
        <a class="kern-link" href="/konto">
          Zurück zu „Mein Konto“
        </a>
      </p>
    </Layout>
  );
}
