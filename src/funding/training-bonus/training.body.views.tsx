import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
import type { PaymentRunStatus, TrainingClaimStatus } from '../../db/schema.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import { CHECK_LABELS, type CheckResult } from './training.checks.ts';
import { ROLE_LABELS } from './training.rules.ts';
import { germanDate, STATUS_LABELS } from './training.views.tsx';
import type { TrainingRole } from '../../db/schema.ts';

export const BASE = '/foerderstelle/bildungspraemie';

const OUTCOME_LABELS: Record<CheckResult['outcome'], string> = {
  passed: 'bestanden',
  failed: 'nicht bestanden',
  reduced: 'gekürzt',
  'passed-by-hand': 'von Hand bestanden',
};

const MESSAGES: Record<string, string> = {
  entschieden: 'Die Entscheidung wurde gespeichert.',
  kurs: 'Der Kurs wurde in die Liste aufgenommen.',
  kursstatus: 'Der Kurs wurde geändert.',
  einstellungen: 'Die Einstellungen wurden gespeichert.',
  lauf: 'Der Zahlungslauf wurde erstellt; die Datei kann heruntergeladen werden.',
  bestaetigt: 'Der Zahlungslauf wurde bestätigt; seine Anträge gelten als ausgezahlt.',
  verworfen: 'Der Zahlungslauf wurde verworfen.',
};

function Message(props: { message?: string }): VNode | null {
  const text = props.message ? MESSAGES[props.message] : undefined;
  return text ? <Notice kind="success" title={text} /> : null;
}

function SubNav(): VNode {
  return (
    <nav aria-label="Bildungsprämie" class="kern-body">
      <a class="kern-link" href={BASE}>
        Prüfkorb
      </a>{' '}
      ·{' '}
      <a class="kern-link" href={`${BASE}/kurse`}>
        Kursliste
      </a>{' '}
      ·{' '}
      <a class="kern-link" href={`${BASE}/zahlungslaeufe`}>
        Zahlungsläufe
      </a>
    </nav>
  );
}

export interface QueueRow {
  id: string;
  employee_name: string;
  company_name: string;
  course_code: string;
  granted_cents: number | null;
  sampled: boolean;
  checks: unknown;
  submitted_at: Date;
}

export function QueuePage(props: {
  ctx: PageContext;
  bodyName: string;
  counts: Partial<Record<TrainingClaimStatus, number>>;
  queue: QueueRow[];
  settings?: {
    qa_sample_permille: number;
    debtor_name: string;
    debtor_iban: string;
    debtor_bic: string;
  };
  settingsValues?: Record<string, string>;
  errors: FieldError[];
  isSupervisor: boolean;
  message?: string;
}): VNode {
  const s = props.settingsValues ?? {
    samplePermille: String(props.settings?.qa_sample_permille ?? 50),
    debtorName: props.settings?.debtor_name ?? '',
    debtorIban: props.settings?.debtor_iban ?? '',
    debtorBic: props.settings?.debtor_bic ?? '',
  };
  return (
    <Layout ctx={props.ctx} title="Bildungsprämie: Prüfkorb" hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">Bildungsprämie Wärmepumpe – Prüfkorb</h1>
      <p class="kern-body">{props.bodyName}</p>
      <SubNav />
      <Message message={props.message} />
      <ErrorSummary errors={props.errors} />
      <DataTable
        caption="Anträge nach Stand"
        columns={['Stand', { label: 'Anzahl', numeric: true }]}
        rowHeader={0}
        rows={(Object.keys(STATUS_LABELS) as TrainingClaimStatus[]).map((status) => ({
          key: status,
          cells: [STATUS_LABELS[status], props.counts[status] ?? 0],
        }))}
      />
      <h2 class="kern-heading-medium">In manueller Prüfung</h2>
      {props.queue.length === 0 ? (
        <p class="kern-body">Keine Anträge in der manuellen Prüfung.</p>
      ) : (
        <DataTable
          caption={`Die ältesten ${props.queue.length} Anträge in der manuellen Prüfung`}
          columns={['Antrag', 'Betrieb', 'Kurs', 'Grund', { label: 'Betrag', numeric: true }]}
          rowHeader={0}
          rows={props.queue.map((q) => {
            const failed = ((q.checks ?? []) as CheckResult[]).filter(
              (c) => c.outcome === 'failed',
            );
            return {
              key: q.id,
              cells: [
                <a class="kern-link" href={`${BASE}/antraege/${q.id}`}>
                  {q.employee_name}
                </a>,
                q.company_name,
                q.course_code,
                failed.length > 0
                  ? failed.map((c) => CHECK_LABELS[c.id]).join('; ')
                  : q.sampled
                    ? 'Stichprobe'
                    : '',
                formatEuro(q.granted_cents ?? 0),
              ],
            };
          })}
        />
      )}
      <h2 class="kern-heading-medium">Einstellungen</h2>
      {props.isSupervisor ? (
        <form
          method="post"
          action={`${BASE}/einstellungen`}
          novalidate
          class="kern-stack form-narrow"
        >
          <CsrfField token={props.ctx.csrfToken} />
          <TextField
            name="samplePermille"
            label="Stichprobe für die manuelle Prüfung (Promille der bestandenen Anträge)"
            inputMode="numeric"
            width="width-4"
            value={s.samplePermille}
            errors={props.errors}
          />
          <TextField
            name="debtorName"
            label="Auszahlungskonto: Kontoinhaber"
            value={s.debtorName}
            errors={props.errors}
          />
          <TextField
            name="debtorIban"
            label="Auszahlungskonto: IBAN"
            value={s.debtorIban}
            errors={props.errors}
          />
          <TextField
            name="debtorBic"
            label="Auszahlungskonto: BIC"
            value={s.debtorBic}
            errors={props.errors}
          />
          <SubmitButton variant="secondary">Einstellungen speichern</SubmitButton>
        </form>
      ) : (
        <p class="kern-body">
          Stichprobe: {props.settings?.qa_sample_permille ?? 50} ‰; Auszahlungskonto:{' '}
          {props.settings
            ? `${props.settings.debtor_name}, ${props.settings.debtor_iban}`
            : 'noch nicht hinterlegt'}
          . Ändern kann dies die Leitung.
        </p>
      )}
    </Layout>
  );
}

export interface ClaimDetail {
  id: string;
  employee_name: string;
  company_name: string;
  role: TrainingRole;
  course_code: string;
  course_title: string;
  course_start: string;
  course_end: string;
  training_days: number;
  iban: string;
  bic: string | null;
  account_holder: string;
  status: TrainingClaimStatus;
  requested_cents: number;
  granted_cents: number | null;
  checks: unknown;
  sampled: boolean;
  decision_reason: string | null;
}

function factsText(c: CheckResult): string {
  const f = c.facts ?? {};
  if (c.id === 'cap')
    return `beantragt ${formatEuro(Number(f.requestedCents))}; Höchstbetrag ${formatEuro(Number(f.capCents))}; schon gebunden ${formatEuro(Number(f.heldBeforeCents))}; davor in derselben Einreichung ${formatEuro(Number(f.earlierInBatchCents))}; bewilligbar ${formatEuro(Number(f.grantedCents))}`;
  return Object.entries(f)
    .map(([k, v]) => `${k}: ${v === null ? '–' : String(v)}`)
    .join('; ');
}

export function ClaimPage(props: {
  ctx: PageContext;
  claim: ClaimDetail;
  events: { kind: string; reason: string | null; actor_name: string; at: Date }[];
  values: { decision?: string; reason?: string; passedByHand?: string[] };
  errors: FieldError[];
}): VNode {
  const c = props.claim;
  const checks = (c.checks ?? []) as CheckResult[];
  const failed = checks.filter((x) => x.outcome === 'failed');
  return (
    <Layout ctx={props.ctx} title={`Antrag ${c.employee_name}`} hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">Antrag: {c.employee_name}</h1>
      <SubNav />
      <ErrorSummary errors={props.errors} />
      <dl class="kern-description-list">
        {(
          [
            ['Betrieb', c.company_name],
            ['Tätigkeit', ROLE_LABELS[c.role]],
            ['Kurs', `${c.course_title} (${c.course_code})`],
            [
              'Zeitraum',
              `${germanDate(c.course_start)} – ${germanDate(c.course_end)}, ${c.training_days} Tage`,
            ],
            ['Bankverbindung', `${c.account_holder}, ${c.iban}${c.bic ? `, ${c.bic}` : ''}`],
            ['Stand', STATUS_LABELS[c.status] + (c.sampled ? ' (Stichprobe)' : '')],
            [
              'Betrag',
              `${formatEuro(c.granted_cents ?? 0)} (beantragt ${formatEuro(c.requested_cents)})`,
            ],
            ['Begründung', c.decision_reason ?? '–'],
          ] as const
        ).map(([k, v]) => (
          <div class="kern-description-list-item" key={k}>
            <dt class="kern-description-list-item__key">{k}</dt>
            <dd class="kern-description-list-item__value">{v}</dd>
          </div>
        ))}
      </dl>
      <DataTable
        caption="Automatische Prüfungen"
        columns={['Prüfung', 'Ergebnis', 'Grundlage']}
        rowHeader={0}
        rows={checks.map((x) => ({
          key: x.id,
          cells: [CHECK_LABELS[x.id], OUTCOME_LABELS[x.outcome], factsText(x)],
        }))}
      />
      {c.status === 'qa' ? (
        <form
          method="post"
          action={`${BASE}/antraege/${c.id}/entscheidung`}
          novalidate
          class="kern-stack form-narrow"
        >
          <CsrfField token={props.ctx.csrfToken} />
          <h2 class="kern-heading-medium">Entscheidung</h2>
          {failed.length > 0 ? (
            <fieldset class="kern-fieldset" id="feld-passedByHand">
              <legend class="kern-label">
                Von Hand bestandene Prüfungen (nur bei Bewilligung)
              </legend>
              {failed.map((x) => (
                <Checkbox
                  key={x.id}
                  name="passedByHand"
                  value={x.id}
                  label={CHECK_LABELS[x.id]}
                  checked={props.values.passedByHand?.includes(x.id) ?? false}
                />
              ))}
            </fieldset>
          ) : null}
          <SelectField
            name="decision"
            label="Entscheidung"
            value={props.values.decision}
            errors={props.errors}
            options={[
              { value: 'approve', label: 'bewilligen' },
              { value: 'refuse', label: 'ablehnen' },
            ]}
          />
          <TextArea
            name="reason"
            label="Begründung"
            value={props.values.reason}
            errors={props.errors}
          />
          <SubmitButton>Entscheidung speichern</SubmitButton>
        </form>
      ) : null}
      <h2 class="kern-heading-medium">Verlauf</h2>
      {props.events.length === 0 ? (
        <p class="kern-body">Keine Bearbeitung von Hand.</p>
      ) : (
        <ul class="kern-list">
          {props.events.map((e, i) => (
            <li key={i}>
              {formatTimestamp(e.at)}:{' '}
              {e.kind === 'approved-by-hand'
                ? 'von Hand bewilligt'
                : e.kind === 'refused-by-hand'
                  ? 'von Hand abgelehnt'
                  : 'ausgezahlt'}{' '}
              ({e.actor_name}){e.reason ? ` – ${e.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function CoursesPage(props: {
  ctx: PageContext;
  courses: {
    id: string;
    code: string;
    title: string;
    provider: string;
    standard: string;
    days: number;
    active: boolean;
  }[];
  values: Record<string, string>;
  errors: FieldError[];
  message?: string;
}): VNode {
  const v = props.values;
  return (
    <Layout ctx={props.ctx} title="Bildungsprämie: Kursliste" hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">Kursliste (VDI 4645 oder gleichwertig)</h1>
      <SubNav />
      <Message message={props.message} />
      <ErrorSummary errors={props.errors} />
      <DataTable
        caption="Kurse"
        columns={[
          'Kennung',
          'Titel',
          'Anbieter',
          'Grundlage',
          { label: 'Tage', numeric: true },
          'Stand',
          'Aktion',
        ]}
        rowHeader={0}
        rows={props.courses.map((c) => ({
          key: c.id,
          cells: [
            c.code,
            c.title,
            c.provider,
            c.standard === 'vdi-4645' ? 'VDI 4645' : 'gleichwertig',
            c.days,
            c.active ? 'auf der Liste' : 'gestrichen',
            <form method="post" action={`${BASE}/kurse/${c.id}/status`}>
              <CsrfField token={props.ctx.csrfToken} />
              <input type="hidden" name="active" value={c.active ? 'false' : 'true'} />
              <button type="submit" class="kern-btn kern-btn--tertiary">
                <span class="kern-label">
                  {c.active ? 'Streichen' : 'Wieder aufnehmen'}
                  <span class="kern-sr-only"> ({c.code})</span>
                </span>
              </button>
            </form>,
          ],
        }))}
      />
      <h2 class="kern-heading-medium">Kurs aufnehmen</h2>
      <form method="post" action={`${BASE}/kurse`} novalidate class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="code"
          label="Kennung"
          hint="z. B. VDI4645-GRUNDLAGEN"
          value={v.code}
          errors={props.errors}
        />
        <TextField name="title" label="Titel" value={v.title} errors={props.errors} />
        <TextField name="provider" label="Anbieter" value={v.provider} errors={props.errors} />
        <SelectField
          name="standard"
          label="Grundlage"
          value={v.standard}
          errors={props.errors}
          options={[
            { value: 'vdi-4645', label: 'VDI 4645' },
            { value: 'equivalent', label: 'gleichwertig' },
          ]}
        />
        <TextField
          name="days"
          label="Kurstage"
          inputMode="numeric"
          width="width-4"
          value={v.days}
          errors={props.errors}
        />
        <SubmitButton>Kurs aufnehmen</SubmitButton>
      </form>
    </Layout>
  );
}

const RUN_STATUS: Record<PaymentRunStatus, string> = {
  created: 'erstellt, nicht bestätigt',
  confirmed: 'bestätigt (ausgezahlt)',
  cancelled: 'verworfen',
};

export function RunsPage(props: {
  ctx: PageContext;
  runs: {
    id: string;
    month: string;
    status: PaymentRunStatus;
    item_count: number;
    total_cents: number;
    execution_date: string;
    created_at: Date;
    message_id: string;
  }[];
  payable: { n: number; cents: number };
  values: Record<string, string>;
  errors: FieldError[];
  isSupervisor: boolean;
  message?: string;
}): VNode {
  return (
    <Layout
      ctx={props.ctx}
      title="Bildungsprämie: Zahlungsläufe"
      hasErrors={props.errors.length > 0}
    >
      <h1 class="kern-heading-large">Zahlungsläufe (SEPA-Überweisungen)</h1>
      <SubNav />
      <Message message={props.message} />
      <ErrorSummary errors={props.errors} />
      <p class="kern-body">
        Bewilligt und noch in keinem Zahlungslauf: {props.payable.n} Anträge,{' '}
        {formatEuro(props.payable.cents)}.
      </p>
      <form
        method="post"
        action={`${BASE}/zahlungslaeufe`}
        novalidate
        class="kern-stack form-narrow"
      >
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="month"
          label="Monat"
          hint="JJJJ-MM"
          value={props.values.month}
          errors={props.errors}
        />
        <TextField
          name="executionDate"
          label="Ausführungstag"
          hint="JJJJ-MM-TT"
          value={props.values.executionDate}
          errors={props.errors}
        />
        <SubmitButton>Zahlungslauf erstellen</SubmitButton>
      </form>
      {props.runs.length === 0 ? (
        <p class="kern-body">Noch keine Zahlungsläufe.</p>
      ) : (
        <DataTable
          caption="Zahlungsläufe"
          columns={[
            'Monat',
            'Nachricht',
            'Stand',
            { label: 'Überweisungen', numeric: true },
            { label: 'Summe', numeric: true },
            'Ausführung',
            'Aktionen',
          ]}
          rowHeader={0}
          rows={props.runs.map((r) => ({
            key: r.id,
            cells: [
              r.month,
              r.message_id,
              RUN_STATUS[r.status],
              r.item_count,
              formatEuro(r.total_cents),
              germanDate(r.execution_date),
              <div class="kern-stack">
                <a class="kern-link" href={`${BASE}/zahlungslaeufe/${r.id}/datei`}>
                  pain.001 herunterladen<span class="kern-sr-only"> ({r.message_id})</span>
                </a>
                {r.status === 'created' && props.isSupervisor ? (
                  <form method="post" action={`${BASE}/zahlungslaeufe/${r.id}/bestaetigen`}>
                    <CsrfField token={props.ctx.csrfToken} />
                    <button type="submit" class="kern-btn kern-btn--secondary">
                      <span class="kern-label">
                        Bestätigen (Bank hat ausgeführt)
                        <span class="kern-sr-only"> {r.message_id}</span>
                      </span>
                    </button>
                  </form>
                ) : null}
                {r.status === 'created' ? (
                  <form method="post" action={`${BASE}/zahlungslaeufe/${r.id}/verwerfen`}>
                    <CsrfField token={props.ctx.csrfToken} />
                    <button type="submit" class="kern-btn kern-btn--tertiary">
                      <span class="kern-label">
                        Verwerfen<span class="kern-sr-only"> {r.message_id}</span>
                      </span>
                    </button>
                  </form>
                ) : null}
              </div>,
            ],
          }))}
        />
      )}
    </Layout>
  );
}
