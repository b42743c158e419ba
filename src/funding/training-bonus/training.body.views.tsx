import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
import type { TrainingClaimStatus } from '../../db/schema.ts';
import type { FieldError } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, Notice, SubmitButton, TextField } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { CHECK_LABELS, type CheckResult } from './training.checks.ts';
import { STATUS_LABELS } from './training.views.tsx';

/** The funding body's pages of the training bonus: shared parts and the QA queue. */
export const BASE = '/foerderstelle/bildungspraemie';

const MESSAGES: Record<string, string> = {
  entschieden: 'Die Entscheidung wurde gespeichert.',
  kurs: 'Der Kurs wurde in die Liste aufgenommen.',
  kursstatus: 'Der Kurs wurde geändert.',
  einstellungen: 'Die Einstellungen wurden gespeichert.',
  lauf: 'Der Zahlungslauf wurde erstellt; die Datei kann heruntergeladen werden.',
  bestaetigt: 'Der Zahlungslauf wurde bestätigt; seine Anträge gelten als ausgezahlt.',
  verworfen: 'Der Zahlungslauf wurde verworfen.',
  gebunden:
    'Die wartenden Anträge wurden gebunden, soweit Haushaltsmittel verfügbar sind; die übrigen warten weiter (Begründung am Antrag).',
};

export function Message(props: { message?: string }): VNode | null {
  const text = props.message ? MESSAGES[props.message] : undefined;
  return text ? <Notice kind="success" title={text} /> : null;
}

export function SubNav(): VNode {
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
      {(props.counts['awaiting-funds'] ?? 0) > 0 ? (
        <form method="post" action={`${BASE}/mittel-binden`} class="kern-stack form-narrow">
          <CsrfField token={props.ctx.csrfToken} />
          <p class="kern-body">
            Anträge, die alle Prüfungen bestanden haben, werden erst mit gebundenen Haushaltsmitteln
            bewilligt. Nach einem neuen Haushaltsansatz (Seite „Haushalt“) werden die wartenden
            Anträge in der Reihenfolge ihres Eingangs gebunden, soweit die Mittel reichen.
          </p>
          <SubmitButton variant="secondary">Wartende Anträge jetzt binden</SubmitButton>
        </form>
      ) : null}
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
