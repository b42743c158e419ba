/** The company profile page: the current version, the SME status with the rules' trace, the history. */
import type { VNode } from 'preact';
import { factLabel, type SmeResult } from '../../law/funding/index.ts';
import {
  formatFactValue,
  formatParameterUse,
  truthLabel,
  type TraceNode,
} from '../../law/rules/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import { ErrorSummary, Notice } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { type FormValues } from './profile.form.ts';
import { displayValue, relationText, scalarLabel, type HistoryEntry } from './profile.history.ts';
import { type CompanyProfile } from './profile.types.ts';
import { PROFILE_FIELD_LABELS } from './profile.validation.ts';
import { EditForm } from './profile.edit.views.tsx';

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
