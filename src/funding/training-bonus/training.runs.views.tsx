/** The payment runs of the training bonus: list, create, download, confirm or cancel. */
import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
import type { PaymentRunStatus } from '../../db/schema.ts';
import type { FieldError } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { germanDate } from './training.views.tsx';
import { BASE, Message, SubNav } from './training.body.views.tsx';

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
