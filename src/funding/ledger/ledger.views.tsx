/** The funding body's budget page: lines with balances, post an appropriation, add a line. */
import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
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
import { programmeChoices, type BudgetLine, type BudgetLineInput } from './budget-lines.ts';

export const BUDGET_BASE = '/foerderung/haushalt';

export interface AppropriationForm {
  lineId: string;
  amount: string;
  reason: string;
}

export interface BudgetView {
  body: { id: string; name: string };
  bodies: { id: string; name: string }[];
  lines: BudgetLine[];
}

export function lineName(l: BudgetLine): string {
  return `${l.year} · ${l.budgetLine} · ${l.programmeTitle}`;
}

export function BudgetPage(props: {
  ctx: PageContext;
  view: BudgetView;
  errors?: FieldError[];
  appropriation?: AppropriationForm;
  line?: BudgetLineInput;
  message?: string;
}): VNode {
  const { view } = props;
  const errors = props.errors ?? [];
  const q = `?stelle=${view.body.id}`;
  const sum = (pick: (l: BudgetLine) => number) => view.lines.reduce((s, l) => s + pick(l), 0);
  return (
    <Layout ctx={props.ctx} title="Haushalt und Mittelbindung" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <h1 class="kern-heading-large">Haushalt und Mittelbindung</h1>
      <p class="kern-body">
        {view.body.name}. Bewilligungen binden Mittel nur im Rahmen des Haushaltsansatzes (§ 38 LHO
        NRW); Buchungen werden nie geändert oder gelöscht, Korrekturen sind Gegenbuchungen.
      </p>
      {view.bodies.length > 1 ? (
        <ul class="kern-list kern-list--horizontal">
          {view.bodies.map((b) => (
            <li key={b.id}>
              <a
                class="kern-link"
                href={`${BUDGET_BASE}?stelle=${b.id}`}
                aria-current={b.id === view.body.id ? 'page' : undefined}
              >
                {b.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {view.lines.length === 0 ? (
        <p class="kern-body">Es sind noch keine Haushaltsstellen angelegt.</p>
      ) : (
        <DataTable
          caption="Haushaltsstellen und Salden"
          rowHeader={1}
          columns={[
            'Programm',
            'Haushaltsstelle',
            'Jahr',
            { label: 'Ansatz', numeric: true },
            { label: 'Gebunden', numeric: true },
            { label: 'Ausgezahlt', numeric: true },
            { label: 'Zurückgeflossen', numeric: true },
            { label: 'Verfügbar', numeric: true },
          ]}
          rows={[
            ...view.lines.map((l) => ({
              key: l.id,
              cells: [
                l.programmeTitle,
                l.label ? `${l.budgetLine} (${l.label})` : l.budgetLine,
                String(l.year),
                formatEuro(l.appropriatedCents),
                formatEuro(l.committedCents),
                formatEuro(l.paidCents),
                formatEuro(l.recoveredCents),
                formatEuro(l.availableCents),
              ],
            })),
            {
              key: 'summe',
              cells: [
                'Summe',
                'alle Haushaltsstellen',
                '',
                formatEuro(sum((l) => l.appropriatedCents)),
                formatEuro(sum((l) => l.committedCents)),
                formatEuro(sum((l) => l.paidCents)),
                formatEuro(sum((l) => l.recoveredCents)),
                formatEuro(sum((l) => l.availableCents)),
              ],
            },
          ]}
        />
      )}
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={`${BUDGET_BASE}.csv${q}`}>
            Salden als CSV (Tabellenkalkulation)
          </a>
        </li>
        <li>
          <a class="kern-link" href={`/foerderung/de-minimis-register.csv${q}`}>
            Hier bewilligte De-minimis-Beihilfen für das Zentralregister (CSV)
          </a>
        </li>
        <li>
          <a class="kern-link" href={`/foerderung/de-minimis-register.json${q}`}>
            dieselben Angaben als JSON
          </a>
        </li>
      </ul>
      {view.lines.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">Haushaltsansatz buchen</h2>
          <form method="post" action={`${BUDGET_BASE}/ansatz${q}`} class="kern-stack form-narrow">
            <CsrfField token={props.ctx.csrfToken} />
            <SelectField
              name="lineId"
              label="Haushaltsstelle"
              options={view.lines.map((l) => ({ value: l.id, label: lineName(l) }))}
              value={props.appropriation?.lineId}
              errors={errors}
            />
            <TextField
              name="amount"
              label="Betrag in Euro"
              hint="z. B. 250.000,00"
              value={props.appropriation?.amount}
              inputMode="text"
              errors={errors}
            />
            <TextField
              name="reason"
              label="Buchungsgrund"
              hint="z. B. Haushaltsplan 2027, Mittelzuweisung des Ministeriums vom 15.01.2027"
              value={props.appropriation?.reason}
              errors={errors}
            />
            <SubmitButton>Ansatz buchen</SubmitButton>
          </form>
        </>
      ) : null}
      <h2 class="kern-heading-medium">Haushaltsstelle anlegen</h2>
      <form method="post" action={`${BUDGET_BASE}/stellen${q}`} class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <SelectField
          name="programmeId"
          label="Förderprogramm"
          options={programmeChoices()}
          value={props.line?.programmeId}
          errors={errors}
        />
        <TextField
          name="budgetLine"
          label="Haushaltsstelle (Kapitel/Titel)"
          hint="z. B. 0710/686 10"
          value={props.line?.budgetLine}
          errors={errors}
        />
        <TextField
          name="year"
          label="Haushaltsjahr"
          value={props.line?.year}
          width="width-4"
          inputMode="numeric"
          errors={errors}
        />
        <TextField
          name="label"
          label="Bezeichnung"
          value={props.line?.label}
          required={false}
          errors={errors}
        />
        <SelectField
          name="callMode"
          label="Förderaufruf über die Plattform"
          options={[
            { value: 'single', label: 'einstufig (Antrag)' },
            {
              value: 'two-stage-competitive',
              label: 'zweistufig mit Begutachtung (Skizze, dann Antrag)',
            },
          ]}
          value={props.line?.callMode}
          errors={errors}
        />
        <TextField
          name="callOpenUntil"
          type="date"
          label="Antragsschluss des Aufrufs (leer: Jahresende)"
          value={props.line?.callOpenUntil}
          required={false}
          errors={errors}
        />
        <SubmitButton variant="secondary">Haushaltsstelle anlegen</SubmitButton>
      </form>
    </Layout>
  );
}
