/** The company's de-minimis page: the three-year sum with its computation, and the declaration. */
import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
import { formatGermanDateShort } from '../../law/german-format.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import type { DeclarationInput } from './de-minimis.actions.ts';
import type { DeMinimisCheck } from './de-minimis.check.ts';
import { AID_INSTRUMENTS, REGULATIONS, regulationLabel } from './de-minimis.types.ts';

export const DE_MINIMIS_BASE = '/unternehmen/de-minimis';

export interface CompanyDeMinimisView {
  company: { id: string; name: string };
  companies: { id: string; name: string }[];
  check: DeMinimisCheck;
}

const STATUS = {
  in: 'angerechnet',
  outside: 'außerhalb der drei Jahre',
  dawi: 'DAWI, eigener Höchstbetrag',
} as const;

export function CompanyDeMinimisPage(props: {
  ctx: PageContext;
  view: CompanyDeMinimisView;
  errors?: FieldError[];
  values?: DeclarationInput;
  message?: string;
}): VNode {
  const { view } = props;
  const { check } = view;
  const errors = props.errors ?? [];
  const v = props.values;
  return (
    <Layout ctx={props.ctx} title="De-minimis-Beihilfen" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <h1 class="kern-heading-large">De-minimis-Beihilfen</h1>
      <p class="kern-body">
        {view.company.name}. Ein Unternehmen und die mit ihm verbundenen Unternehmen dürfen in drei
        Jahren zusammen höchstens {formatEuro(check.ceilingCents)} De-minimis-Beihilfen erhalten
        (Art. 2 Abs. 2 und Art. 3 Abs. 2 VO (EU) 2023/2831).
      </p>
      {view.companies.length > 1 ? (
        <ul class="kern-list kern-list--horizontal">
          {view.companies.map((c) => (
            <li key={c.id}>
              <a
                class="kern-link"
                href={`${DE_MINIMIS_BASE}?unternehmen=${c.id}`}
                aria-current={c.id === view.company.id ? 'page' : undefined}
              >
                {c.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <Notice
        kind="info"
        title={`Seit ${formatGermanDateShort(check.windowFrom)}: ${formatEuro(check.usedCents)} von ${formatEuro(check.ceilingCents)}`}
      >
        <p class="kern-body">Verbleibender Spielraum: {formatEuro(check.headroomCents)}.</p>
      </Notice>
      {check.entries.length === 0 ? (
        <p class="kern-body">Es sind keine De-minimis-Beihilfen erfasst.</p>
      ) : (
        <DataTable
          caption="Erfasste De-minimis-Beihilfen"
          columns={[
            'Tag der Gewährung',
            'Empfänger',
            'Gewährt von',
            'Rechtsgrundlage',
            { label: 'Betrag', numeric: true },
            'Angerechnet',
          ]}
          rows={check.entries.map((e) => ({
            key: e.id,
            cells: [
              formatGermanDateShort(e.grantedOn),
              e.recipient,
              `${e.grantingBody}${e.source === 'declared' ? ' (erklärt)' : ''}`,
              regulationLabel(e.regulation),
              formatEuro(e.amountCents),
              STATUS[e.status],
            ],
          }))}
        />
      )}
      <details>
        <summary class="kern-link">Berechnung</summary>
        <ol class="kern-list">
          {check.trace.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      </details>
      <h2 class="kern-heading-medium">Andere De-minimis-Beihilfe erklären</h2>
      <p class="kern-body">
        Beihilfen anderer Stellen an Ihr Unternehmen oder an ein mit ihm verbundenes Unternehmen.
        Beihilfen, die diese Förderstelle bewilligt, werden selbst erfasst.
      </p>
      <form
        method="post"
        action={`${DE_MINIMIS_BASE}?unternehmen=${view.company.id}`}
        class="kern-stack form-narrow"
      >
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="grantingBody"
          label="Gewährt von"
          hint="z. B. Stadt Paderborn, NRW.BANK"
          value={v?.grantingBody}
          errors={errors}
        />
        <TextField
          name="grantedOn"
          label="Tag der Gewährung"
          hint="Tag des Bescheids oder Vertrags, nicht der Auszahlung"
          type="date"
          value={v?.grantedOn}
          errors={errors}
        />
        <TextField
          name="amount"
          label="Betrag in Euro"
          hint="Bruttosubventionsäquivalent laut Bescheid, z. B. 12.500,00"
          value={v?.amount}
          errors={errors}
        />
        <SelectField
          name="regulation"
          label="Rechtsgrundlage"
          options={REGULATIONS.map((r) => ({ value: r.value, label: r.label }))}
          value={v?.regulation}
          errors={errors}
        />
        <SelectField
          name="aidInstrument"
          label="Form der Beihilfe"
          options={AID_INSTRUMENTS.map((i) => ({ value: i.value, label: i.label }))}
          value={v?.aidInstrument}
          errors={errors}
        />
        <TextField
          name="recipientName"
          label="Empfänger, wenn ein verbundenes Unternehmen"
          value={v?.recipientName}
          required={false}
          errors={errors}
        />
        <TextField
          name="reference"
          label="Aktenzeichen der gewährenden Stelle"
          value={v?.reference}
          required={false}
          errors={errors}
        />
        <SubmitButton>Beihilfe erklären</SubmitButton>
      </form>
    </Layout>
  );
}
