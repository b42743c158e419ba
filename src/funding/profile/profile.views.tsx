import type { VNode } from 'preact';
import { factLabel, type SmeResult } from '../../law/funding/index.ts';
import {
  formatFactValue,
  formatParameterUse,
  truthLabel,
  type TraceNode,
} from '../../law/rules/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { RELATION_FIELDS, type FormValues, type RelationKind } from './profile.form.ts';
import { displayValue, relationText, scalarLabel, type HistoryEntry } from './profile.history.ts';
import { CRAFTS_TRADES, LEGAL_FORMS, type CompanyProfile } from './profile.types.ts';
import { PROFILE_FIELD_LABELS } from './profile.validation.ts';

export interface ProfilePageProps {
  ctx: PageContext;
  companyName: string;
  profile?: CompanyProfile;
  sme?: { result: SmeResult; date: string } | { error: string };
  history: HistoryEntry[];
  values: FormValues;
  errors: FieldError[];
  message?: string;
}

const MESSAGES: Record<string, string> = {
  gespeichert: 'Das Unternehmensprofil wurde als neue Fassung gespeichert.',
  unveraendert: 'Es gab keine Änderung; es wurde keine neue Fassung gespeichert.',
};

const RELATION_LABELS: Record<(typeof RELATION_FIELDS)[number], string> = {
  name: 'Name',
  share: 'Beteiligung in %',
  staffAwu: 'Beschäftigte (JAE)',
  turnover: 'Jahresumsatz in Euro',
  balanceSheet: 'Jahresbilanzsumme in Euro',
};

const germanDate = (iso: string) => iso.split('-').reverse().join('.');
const dateTime = (d: Date) =>
  d.toLocaleString('de-DE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'medium',
    timeStyle: 'short',
  });

function Summary(props: { profile: CompanyProfile }): VNode {
  const p = props.profile;
  const fields = [
    'legalForm',
    ...(p.legalFormOther ? (['legalFormOther'] as const) : []),
    'registerCourt',
    'registerNumber',
    'naceCode',
    'seatAgs',
    'staffAwu',
    'turnoverCents',
    'balanceSheetCents',
    'figuresYear',
    'craftsChamberMember',
    ...(p.craftsChamberMember ? (['trade'] as const) : []),
    'publicBodiesSharePpm',
    'undertakingInDifficulty',
  ] as const;
  return (
    <section aria-labelledby="stand">
      <h2 class="kern-heading-medium" id="stand">
        Aktueller Stand (Fassung {p.version}, gültig ab {germanDate(p.validFrom)})
      </h2>
      <dl class="kern-description-list">
        {fields.map((f) => (
          <div class="kern-description-list-item" key={f}>
            <dt class="kern-description-list-item__key">{scalarLabel(f)}</dt>
            <dd class="kern-description-list-item__value">{displayValue(p, f)}</dd>
          </div>
        ))}
        {(['partners', 'linked'] as const).map((kind) => (
          <div class="kern-description-list-item" key={kind}>
            <dt class="kern-description-list-item__key">{PROFILE_FIELD_LABELS[kind]}</dt>
            <dd class="kern-description-list-item__value">
              {p[kind].length === 0 ? (
                'keine'
              ) : (
                <ul class="kern-list">
                  {p[kind].map((r) => (
                    <li key={r.name}>{relationText(r)}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A fact as read by the rules, in German: cents as euro, numbers with a decimal comma. */
/** One rule of the engine's trace as a nested list item: outcome, citation, inputs, values. */
function TraceItem(props: { node: TraceNode }): VNode {
  const n = props.node;
  return (
    <li>
      <span class={n.decisive ? 'trace-decisive' : undefined}>
        {n.description} – <strong>{truthLabel[n.truth]}</strong> ({n.citation})
        {n.open ? ' [offen]' : ''}
      </span>
      {n.inputs.length + n.parameters.length > 0 ? (
        <ul class="kern-list">
          {n.inputs.map((i) => (
            <li key={`i-${i.fact}`}>
              Angabe „
              {i.fact === 'publicBodiesSharePpm'
                ? 'Anteil öffentlicher Stellen'
                : factLabel(i.fact)}
              “: {formatFactValue(i.fact, i.value)}
            </li>
          ))}
          {n.parameters.map((p) => (
            <li key={`p-${p.table}`}>Wert: {formatParameterUse(p)}</li>
          ))}
        </ul>
      ) : null}
      {n.children.length > 0 ? (
        <ul class="kern-list">
          {n.children.map((c) => (
            <TraceItem node={c} key={c.ruleId} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function SmeStatus(props: { sme: NonNullable<ProfilePageProps['sme']> }): VNode {
  if ('error' in props.sme) {
    return (
      <section aria-labelledby="kmu">
        <h2 class="kern-heading-medium" id="kmu">
          KMU-Status
        </h2>
        <Notice kind="warning" title="Der KMU-Status lässt sich nicht bestimmen">
          <p class="kern-body">{props.sme.error}</p>
        </Notice>
      </section>
    );
  }
  const { result, date } = props.sme;
  return (
    <section aria-labelledby="kmu">
      <h2 class="kern-heading-medium" id="kmu">
        KMU-Status: {result.label}
      </h2>
      <p class="kern-body">
        Nach der KMU-Definition der EU (Anhang I der Allgemeinen Gruppenfreistellungsverordnung, VO
        (EU) Nr. 651/2014), berechnet mit den Schwellenwerten vom {germanDate(date)}.
      </p>
      <h3 class="kern-heading-small">Rechenweg</h3>
      <ol class="kern-list">
        {result.steps.map((s, i) => (
          <li key={i}>
            {s.text} <span class="kern-body--small">({s.citation})</span>
          </li>
        ))}
      </ol>
      <details class="kern-body">
        <summary>Geprüfte Regeln im Einzelnen</summary>
        <ul class="kern-list">
          {result.traces.map((t) => (
            <TraceItem node={t} key={t.ruleId} />
          ))}
        </ul>
      </details>
      <h3 class="kern-heading-small">Hinweise</h3>
      <ul class="kern-list">
        {result.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}

function History(props: { history: HistoryEntry[] }): VNode {
  return (
    <section aria-labelledby="verlauf">
      <h2 class="kern-heading-medium" id="verlauf">
        Verlauf der Änderungen
      </h2>
      {props.history.length === 0 ? (
        <p class="kern-body">Noch keine Fassung gespeichert.</p>
      ) : (
        <DataTable
          caption="Gespeicherte Fassungen, neueste zuerst"
          columns={['Fassung', 'Gültig ab', 'Gespeichert am', 'Von', 'Was sich geändert hat']}
          rowHeader={0}
          small
          rows={props.history.map((h) => ({
            key: String(h.version),
            cells: [
              String(h.version),
              germanDate(h.validFrom),
              dateTime(h.recordedAt),
              h.recordedBy,
              <ul class="kern-list" key="c">
                {h.changes.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>,
            ],
          }))}
        />
      )}
    </section>
  );
}

function RelationRows(props: {
  kind: RelationKind;
  values: FormValues;
  errors: FieldError[];
}): VNode {
  const { kind, values } = props;
  const rows = Math.max(1, Number.parseInt(values[`${kind}Rows`] ?? '1', 10) || 1);
  const word = kind === 'partners' ? 'Partnerunternehmen' : 'Verbundenes Unternehmen';
  return (
    <fieldset class="kern-fieldset">
      <legend class="kern-title">{PROFILE_FIELD_LABELS[kind]}</legend>
      <p class="kern-hint">
        {kind === 'partners'
          ? 'Unternehmen, die 25 % bis 50 % des Kapitals oder der Stimmrechte halten oder an denen Sie so beteiligt sind (Anhang I Art. 3 Abs. 2 AGVO). Ihre Zahlen zählen anteilig.'
          : 'Unternehmen, die mehr als 50 % halten oder an denen Sie mehr als 50 % halten (Anhang I Art. 3 Abs. 3 AGVO). Ihre Zahlen zählen voll. Leere Zeilen werden nicht gespeichert.'}
      </p>
      <input type="hidden" name={`${kind}Rows`} value={String(rows)} />
      {Array.from({ length: rows }, (_, i) => (
        <fieldset class="relation-row" key={i}>
          <legend class="kern-label">
            {word} {i + 1}
          </legend>
          {RELATION_FIELDS.map((f) => (
            <TextField
              key={f}
              name={`${kind}.${i}.${f}`}
              label={RELATION_LABELS[f]}
              value={values[`${kind}.${i}.${f}`] ?? ''}
              errors={props.errors}
              required={false}
              inputMode={f === 'name' ? undefined : 'text'}
            />
          ))}
        </fieldset>
      ))}
      <button
        type="submit"
        name="aktion"
        value={`weitere-${kind}`}
        class="kern-btn kern-btn--secondary"
      >
        <span class="kern-label">
          Weitere Zeile für {kind === 'partners' ? 'Partnerunternehmen' : 'verbundene Unternehmen'}
        </span>
      </button>
    </fieldset>
  );
}

function EditForm(props: { ctx: PageContext; values: FormValues; errors: FieldError[] }): VNode {
  const { values, errors } = props;
  const field = (
    name: string,
    extra: { hint?: string; required?: boolean; type?: 'date'; width?: 'width-4' } = {},
  ) => (
    <TextField
      name={name}
      label={PROFILE_FIELD_LABELS[name] ?? name}
      value={values[name] ?? ''}
      errors={errors}
      required={extra.required ?? true}
      hint={extra.hint}
      type={extra.type}
      width={extra.width}
    />
  );
  return (
    <section aria-labelledby="bearbeiten">
      <h2 class="kern-heading-medium" id="bearbeiten">
        Angaben ändern
      </h2>
      <p class="kern-body">
        Jede Speicherung legt eine neue Fassung an; frühere Fassungen bleiben unverändert erhalten.
      </p>
      <form method="post" action="/unternehmen/profil" novalidate class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        {field('validFrom', {
          type: 'date',
          hint: 'Stichtag der Zahlen oder der Änderung (z. B. Bilanzstichtag); nicht in der Zukunft.',
        })}
        <h3 class="kern-heading-small">Rechtsform und Register</h3>
        <SelectField
          name="legalForm"
          label={PROFILE_FIELD_LABELS.legalForm!}
          value={values.legalForm ?? ''}
          errors={errors}
          options={[
            { value: '', label: 'Bitte wählen' },
            ...LEGAL_FORMS.map((f) => ({ value: f.value, label: f.label })),
          ]}
        />
        {field('legalFormOther', { required: false, hint: 'Nur bei „andere Rechtsform“.' })}
        {field('registerCourt', { required: false, hint: 'z. B. Amtsgericht Paderborn' })}
        {field('registerNumber', {
          required: false,
          hint: 'z. B. HRB 12345, HRA 6789, GnR 123; nicht bei GbR und nicht eingetragenem Einzelunternehmen.',
        })}
        <h3 class="kern-heading-small">Tätigkeit und Sitz</h3>
        {field('naceCode', { hint: 'WZ-2008-/NACE-Code, z. B. 35.11 oder C 24.42' })}
        {field('seatAgs', {
          hint: 'Amtlicher Gemeindeschlüssel, 8 Ziffern, z. B. 05774028 für Lichtenau',
        })}
        <h3 class="kern-heading-small">Größe (letzter abgeschlossener Rechnungsabschluss)</h3>
        {field('figuresYear', { hint: 'z. B. 2025' })}
        {field('staffAwu', {
          hint: 'Jahresarbeitseinheiten: Teilzeit anteilig, Inhaber zählen mit; z. B. 42,5',
        })}
        {field('turnover', { required: false, hint: 'ohne Umsatzsteuer, z. B. 4.500.000,00' })}
        {field('balanceSheet', { required: false, hint: 'z. B. 12.000.000' })}
        {field('publicBodiesShare', {
          required: false,
          hint: 'Anteil von Bund, Land, Kommunen oder anderen öffentlichen Stellen am Kapital oder den Stimmrechten in %',
        })}
        <SelectField
          name="undertakingInDifficulty"
          label={PROFILE_FIELD_LABELS.undertakingInDifficulty!}
          hint="Nach Art. 2 Nr. 18 AGVO; solche Unternehmen erhalten in der Regel keine Beihilfen."
          value={values.undertakingInDifficulty ?? ''}
          errors={errors}
          options={[
            { value: '', label: 'keine Angabe' },
            { value: 'nein', label: 'nein' },
            { value: 'ja', label: 'ja' },
          ]}
        />
        <h3 class="kern-heading-small">Handwerk</h3>
        <Checkbox
          name="craftsChamberMember"
          label="Mitglied einer Handwerkskammer"
          checked={values.craftsChamberMember === 'true'}
        />
        <SelectField
          name="trade"
          label={PROFILE_FIELD_LABELS.trade!}
          hint="Nur bei Mitgliedschaft in einer Handwerkskammer."
          value={values.trade ?? ''}
          errors={errors}
          options={[{ value: '', label: 'keine Angabe' }, ...CRAFTS_TRADES]}
        />
        <h3 class="kern-heading-small">Partner- und verbundene Unternehmen</h3>
        <RelationRows kind="partners" values={values} errors={errors} />
        <RelationRows kind="linked" values={values} errors={errors} />
        <button type="submit" name="aktion" value="speichern" class="kern-btn kern-btn--primary">
          <span class="kern-label">Als neue Fassung speichern</span>
        </button>
      </form>
    </section>
  );
}

export function CompanyProfilePage(props: ProfilePageProps): VNode {
  const title = `Unternehmensprofil: ${props.companyName}`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">{title}</h1>
      {props.message && MESSAGES[props.message] ? (
        <Notice kind="success" title={MESSAGES[props.message]!} />
      ) : null}
      <ErrorSummary errors={props.errors} />
      <p class="kern-body">
        Einmal angeben, überall nutzen: Förderfinder und Förderanträge übernehmen diese Angaben.
        Jede Änderung wird mit Datum und Person als neue Fassung gespeichert.
      </p>
      {props.profile ? (
        <Summary profile={props.profile} />
      ) : (
        <Notice kind="info" title="Noch kein Profil gespeichert">
          <p class="kern-body">Bitte füllen Sie das Formular unten aus.</p>
        </Notice>
      )}
      {props.sme ? <SmeStatus sme={props.sme} /> : null}
      <History history={props.history} />
      <EditForm ctx={props.ctx} values={props.values} errors={props.errors} />
    </Layout>
  );
}
