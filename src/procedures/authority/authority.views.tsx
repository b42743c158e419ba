import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { missingLabels, missingProfileFields } from './authority.queries.ts';
import type { AuthorityProfile } from './authority.types.ts';
import { PROFILE_FIELD_TITLES, type ProfileInput } from './authority.validation.ts';
import { LOGO_MAX_PIXELS, PNG_MAX_BYTES, SVG_MAX_BYTES } from './logo.ts';

export interface FormState {
  /** Which form the values and errors belong to: the master data, the logo or a signatory. */
  form: 'profile' | 'logo' | 'signatory-new' | `signatory-${string}`;
  values: Record<string, string>;
  errors: FieldError[];
}

/** The form's values from the stored profile (what the fields show before any edit). */
export function profileValues(profile: AuthorityProfile): Record<keyof ProfileInput, string> {
  return {
    department: profile.department ?? '',
    postal_street: profile.postalAddress?.street ?? '',
    postal_code: profile.postalAddress?.postalCode ?? '',
    postal_city: profile.postalAddress?.city ?? '',
    visiting_street: profile.visitingAddress?.street ?? '',
    visiting_code: profile.visitingAddress?.postalCode ?? '',
    visiting_city: profile.visitingAddress?.city ?? '',
    office_hours: profile.officeHours ?? '',
    phone: profile.phone ?? '',
    email: profile.email ?? '',
    website: profile.website ?? '',
    bank_holder: profile.bankAccount?.holder ?? '',
    bank_name: profile.bankAccount?.bankName ?? '',
    bank_iban: profile.bankAccount?.iban ?? '',
    bank_bic: profile.bankAccount?.bic ?? '',
    reference_pattern: profile.referencePattern,
  };
}

const MESSAGES: Record<string, string> = {
  gespeichert: 'Die Stammdaten wurden gespeichert.',
  logo: 'Das Logo wurde gespeichert.',
  'logo-entfernt': 'Das Logo wurde entfernt.',
  person: 'Die zeichnungsberechtigte Person wurde gespeichert.',
};

export function ProfilePage(props: {
  ctx: PageContext;
  base: string;
  profile: AuthorityProfile;
  state?: FormState;
  message?: string;
}): VNode {
  const { profile, base, state } = props;
  const errors = state?.errors ?? [];
  const values =
    state?.form === 'profile'
      ? { ...profileValues(profile), ...state.values }
      : profileValues(profile);
  const field = (name: keyof ProfileInput, extra: { hint?: string; type?: 'email' } = {}) => (
    <TextField
      name={name}
      label={PROFILE_FIELD_TITLES[name]}
      value={values[name]}
      errors={state?.form === 'profile' ? errors : []}
      required={false}
      {...extra}
    />
  );
  const noticeGaps = missingProfileFields(profile, 'notice');
  const feeGaps = missingProfileFields(profile, 'fee-letter');
  const csrfQuery = `?_csrf=${encodeURIComponent(props.ctx.csrfToken)}`;
  return (
    <Layout ctx={props.ctx} title={`Stammdaten: ${profile.name}`} hasErrors={errors.length > 0}>
      <h1 class="kern-heading-large">Stammdaten: {profile.name}</h1>
      {props.message && MESSAGES[props.message] ? (
        <Notice kind="success" title={MESSAGES[props.message]!} />
      ) : null}
      <ErrorSummary errors={errors} />
      <p class="kern-body">
        Bekanntmachungen, Schreiben, Bescheide und E-Mails der Behörde übernehmen ihre Angaben von
        hier. Eine Bekanntmachung kann erst veröffentlicht werden, wenn die dafür nötigen Angaben
        vollständig sind.
      </p>
      {noticeGaps.length > 0 || feeGaps.length > 0 ? (
        <Notice kind="warning" title="Noch unvollständig">
          <ul class="kern-list">
            {noticeGaps.length > 0 ? (
              <li>Für Bekanntmachungen fehlen: {missingLabels(noticeGaps)}.</li>
            ) : null}
            {feeGaps.length > 0 ? (
              <li>Für Gebührenbescheide fehlen: {missingLabels(feeGaps)}.</li>
            ) : null}
          </ul>
        </Notice>
      ) : null}

      <form method="post" action={base} novalidate class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <h2 class="kern-heading-medium">Behörde</h2>
        {field('department', { hint: 'z. B. Untere Immissionsschutzbehörde' })}
        <h2 class="kern-heading-medium">Postanschrift</h2>
        {field('postal_street')}
        {field('postal_code')}
        {field('postal_city')}
        <h2 class="kern-heading-medium">Besucheranschrift und Öffnungszeiten</h2>
        <p class="kern-body">
          Hier können Einwendungen abgegeben und die Antragsunterlagen eingesehen werden (§ 10 Abs.
          3 und 4 BImSchG).
        </p>
        {field('visiting_street')}
        {field('visiting_code')}
        {field('visiting_city')}
        <TextArea
          name="office_hours"
          label={PROFILE_FIELD_TITLES.office_hours}
          hint="Eine Zeile je Tagesgruppe, z. B. Mo–Do 8:30–15:30 Uhr"
          value={values.office_hours}
          errors={state?.form === 'profile' ? errors : []}
          required={false}
        />
        <h2 class="kern-heading-medium">Kontakt</h2>
        {field('phone', { hint: 'z. B. 05251 308-0' })}
        {field('email', { type: 'email' })}
        {field('website', { hint: 'vollständig mit https://' })}
        <h2 class="kern-heading-medium">Bankverbindung für Gebühren</h2>
        {field('bank_holder', { hint: 'z. B. Kreiskasse Paderborn' })}
        {field('bank_name')}
        {field('bank_iban')}
        {field('bank_bic')}
        <h2 class="kern-heading-medium">Aktenzeichen</h2>
        <TextField
          name="reference_pattern"
          label={PROFILE_FIELD_TITLES.reference_pattern}
          hint="Platzhalter: {NR} laufende Nummer je Jahr (vierstellig), {JJJJ} Jahr, {JJ} zweistelliges Jahr; z. B. 53.{NR}/{JJ}-BImSchG. Neue Anträge erhalten ihr Aktenzeichen bei der Einreichung."
          value={values.reference_pattern}
          errors={state?.form === 'profile' ? errors : []}
          required
        />
        <SubmitButton>Stammdaten speichern</SubmitButton>
      </form>

      <h2 class="kern-heading-medium">Logo</h2>
      {profile.logo ? (
        <p>
          <img
            src={`/organisation/logo/${profile.organisationId}?v=${profile.logo.sha256.slice(0, 12)}`}
            alt={`Logo: ${profile.name}`}
            class="authority-logo"
            height={80}
          />
        </p>
      ) : (
        <p class="kern-body">Noch kein Logo hinterlegt.</p>
      )}
      <form
        method="post"
        action={`${base}/logo${csrfQuery}`}
        enctype="multipart/form-data"
        novalidate
        class="kern-stack form-narrow"
      >
        <div class="kern-form-input">
          <label class="kern-label" for="feld-logo">
            Logo hochladen
          </label>
          <div class="kern-hint" id="feld-logo-hinweis">
            PNG bis {PNG_MAX_BYTES / 1024} KB und {LOGO_MAX_PIXELS} Pixel je Seite, oder SVG bis{' '}
            {SVG_MAX_BYTES / 1024} KB ohne Skripte und externe Verweise.
          </div>
          {state?.form === 'logo'
            ? errors.map((e) => (
                <p class="kern-error" id="feld-logo-fehler" key={e.message}>
                  {e.message}
                </p>
              ))
            : null}
          <input
            class="kern-form-input__input"
            type="file"
            id="feld-logo"
            name="logo"
            accept=".png,.svg,image/png,image/svg+xml"
            aria-describedby={
              state?.form === 'logo' && errors.length > 0
                ? 'feld-logo-hinweis feld-logo-fehler'
                : 'feld-logo-hinweis'
            }
          />
        </div>
        <SubmitButton variant="secondary">Logo speichern</SubmitButton>
      </form>
      {profile.logo ? (
        <form method="post" action={`${base}/logo/entfernen`}>
          <CsrfField token={props.ctx.csrfToken} />
          <SubmitButton variant="tertiary">Logo entfernen</SubmitButton>
        </form>
      ) : null}

      <h2 class="kern-heading-medium">Zeichnungsberechtigte Personen</h2>
      <p class="kern-body">
        Ein schriftlicher Verwaltungsakt trägt die Unterschrift oder Namenswiedergabe der
        Behördenleitung, ihrer Vertretung oder einer beauftragten Person (§ 37 Abs. 3 VwVfG NRW).
      </p>
      {profile.signatories.length === 0 ? (
        <p class="kern-body">Noch keine Person eingetragen.</p>
      ) : null}
      {profile.signatories.map((s) => {
        const key = `signatory-${s.id}` as const;
        const own = state?.form === key;
        const p = `${s.id}.`;
        const v = own
          ? state.values
          : {
              [`${p}name`]: s.name,
              [`${p}function`]: s.function,
              [`${p}active`]: String(s.active),
            };
        return (
          <form
            method="post"
            action={`${base}/zeichnungsberechtigte/${s.id}`}
            novalidate
            class="kern-stack form-narrow signatory"
            key={s.id}
          >
            <CsrfField token={props.ctx.csrfToken} />
            <fieldset class="kern-fieldset">
              <legend class="kern-label">
                {s.name}
                {s.active ? '' : ' (nicht mehr zeichnungsberechtigt)'}
              </legend>
              <TextField
                name={`${p}name`}
                label="Name"
                value={v[`${p}name`]}
                errors={own ? errors : []}
                required
              />
              <TextField
                name={`${p}function`}
                label="Funktion"
                value={v[`${p}function`]}
                errors={own ? errors : []}
                required
              />
              <SelectField
                name={`${p}active`}
                label="Status"
                value={v[`${p}active`]}
                options={[
                  { value: 'true', label: 'zeichnungsberechtigt' },
                  { value: 'false', label: 'nicht mehr zeichnungsberechtigt' },
                ]}
              />
            </fieldset>
            <SubmitButton variant="secondary">Änderung speichern</SubmitButton>
          </form>
        );
      })}
      <form
        method="post"
        action={`${base}/zeichnungsberechtigte`}
        novalidate
        class="kern-stack form-narrow"
      >
        <CsrfField token={props.ctx.csrfToken} />
        <h3 class="kern-heading-small">Person hinzufügen</h3>
        <TextField
          name="neu.name"
          label="Name"
          value={state?.form === 'signatory-new' ? state.values['neu.name'] : ''}
          errors={state?.form === 'signatory-new' ? errors : []}
          required
        />
        <TextField
          name="neu.function"
          label="Funktion"
          hint="z. B. Leiterin der Unteren Immissionsschutzbehörde"
          value={state?.form === 'signatory-new' ? state.values['neu.function'] : ''}
          errors={state?.form === 'signatory-new' ? errors : []}
          required
        />
        <SubmitButton variant="secondary">Person hinzufügen</SubmitButton>
      </form>
    </Layout>
  );
}
