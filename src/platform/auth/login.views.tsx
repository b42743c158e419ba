import type { VNode } from 'preact';
import type { FieldError } from '../errors.ts';
import { CsrfField, ErrorSummary, Notice, SubmitButton, TextField } from '../forms.tsx';
import { Layout, type PageContext } from '../layout.tsx';

export function LoginPage(props: {
  ctx: PageContext;
  email?: string;
  next?: string;
  errors?: FieldError[];
  message?: string;
}): VNode {
  const errors = props.errors ?? [];
  return (
    <Layout
      ctx={props.ctx}
      title="Anmelden"
      hasErrors={errors.length > 0 || Boolean(props.message)}
    >
      <h1 class="kern-heading-large">Anmelden</h1>
      {props.message ? <Notice kind="danger" title={props.message} /> : null}
      <ErrorSummary errors={errors} />
      <p class="kern-body">
        Für Behörden, Fachbehörden und Antragstellende. Bürgerinnen und Bürger können öffentliche
        Verfahren ohne Konto einsehen.
      </p>
      <form method="post" action="/anmelden" novalidate class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        {props.next ? <input type="hidden" name="weiter" value={props.next} /> : null}
        <TextField
          name="email"
          label="E-Mail-Adresse"
          type="email"
          autocomplete="username"
          value={props.email}
          errors={errors}
          required
        />
        <TextField
          name="password"
          label="Passwort"
          type="password"
          autocomplete="current-password"
          errors={errors}
          required
        />
        <SubmitButton>Anmelden</SubmitButton>
      </form>
    </Layout>
  );
}
