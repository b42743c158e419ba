/**
 * The company's funding page (every application, grant, deadline and due proof on one page), the
 * start of a new application (open calls → measure → form) and the funding body's work list.
 */
import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import { formatEuro } from '../../law/fees/money.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { referenceLabel } from '../../procedures/reference.ts';
import type { OpenCall } from './grant.application.ts';
import { fundingProcedureType } from './grant.family.ts';
import { amountUnit, type FormInput } from './grant.form.ts';
import { ApplicationFields } from './grant.form.views.tsx';
import type { bodyCases, companyCases, companyDeadlines } from './grant.lists.ts';
import { BODY_PAGE_SIZE } from './grant.lists.ts';

const day = (iso: string | null) => (iso ? formatGermanDate(iso, { weekday: false }) : '–');
const stepLabel = (r: { type_key: string; type_version: string; step: string }) =>
  fundingProcedureType(r.type_key, r.type_version).steps.find((s) => s.key === r.step)?.label ??
  r.step;
const euro = (c: number | string | null) => (c === null ? '–' : formatEuro(Number(c)));

export function CompanyFundingPage(props: {
  ctx: PageContext;
  company: string;
  cases: Awaited<ReturnType<typeof companyCases>>;
  deadlines: Awaited<ReturnType<typeof companyDeadlines>>;
  today: string;
}): VNode {
  const proofs = props.deadlines.filter((d) => d.key.startsWith('proof-of-use'));
  const others = props.deadlines.filter((d) => !d.key.startsWith('proof-of-use'));
  const list = (items: typeof props.deadlines) => (
    <ul class="kern-list kern-list--bullet">
      {items.map((d) => (
        <li key={`${d.id}${d.key}`}>
          <a class="kern-link" href={`/foerderung/antraege/${d.id}`}>
            {referenceLabel(d.reference)} {d.title}
          </a>
          : {d.label} bis {day(d.end_date)}
          {d.end_date < props.today ? ' – überschritten' : ''}
        </li>
      ))}
    </ul>
  );
  return (
    <Layout ctx={props.ctx} title="Förderverfahren des Unternehmens">
      <h1 class="kern-heading-large">Förderverfahren: {props.company}</h1>
      <p class="kern-body">
        <a class="kern-link" href="/foerderung/antraege/neu">
          Neuen Förderantrag stellen
        </a>{' '}
        ·{' '}
        <a class="kern-link" href="/foerderfinder">
          Förderfinder
        </a>{' '}
        ·{' '}
        <a class="kern-link" href="/unternehmen/de-minimis">
          De-minimis-Beihilfen
        </a>
      </p>
      <section aria-labelledby="nachweise">
        <h2 class="kern-heading-medium" id="nachweise">
          Fällige Verwendungsnachweise
        </h2>
        {proofs.length === 0 ? (
          <p class="kern-body">Keine Verwendungsnachweise fällig.</p>
        ) : (
          list(proofs)
        )}
      </section>
      <section aria-labelledby="fristen">
        <h2 class="kern-heading-medium" id="fristen">
          Ihre Fristen
        </h2>
        {others.length === 0 ? <p class="kern-body">Keine laufenden Fristen.</p> : list(others)}
      </section>
      <section aria-labelledby="verfahren">
        <h2 class="kern-heading-medium" id="verfahren">
          Anträge und Zuwendungen
        </h2>
        {props.cases.length === 0 ? (
          <p class="kern-body">Noch keine Förderanträge.</p>
        ) : (
          <DataTable
            caption="Anträge und Zuwendungen"
            hideCaption
            columns={[
              'Vorhaben',
              'Programm',
              'Förderstelle',
              'Stand',
              { label: 'Beantragt', numeric: true },
              { label: 'Bewilligt', numeric: true },
              { label: 'Ausgezahlt', numeric: true },
              'Nachweis bis',
            ]}
            rowHeader={0}
            rows={props.cases.map((c) => ({
              key: c.id,
              cells: [
                <a class="kern-link" href={`/foerderung/antraege/${c.id}`}>
                  {referenceLabel(c.reference)} {c.title}
                </a>,
                c.programme_version,
                c.funding_body,
                stepLabel(c),
                euro(c.requested_cents),
                euro(c.granted_cents),
                euro(c.paid_cents),
                day(c.period_end),
              ],
            }))}
          />
        )}
      </section>
    </Layout>
  );
}

const MODE_LABEL = {
  single: 'einstufig',
  'two-stage-competitive': 'zweistufig mit Begutachtung (Wettbewerb)',
} as const;

export function NewApplicationPage(props: {
  ctx: PageContext;
  calls: OpenCall[];
  call?: OpenCall;
  measureId?: string;
  input: FormInput;
  errors: FieldError[];
}): VNode {
  const { call } = props;
  const measure =
    call?.version.measures.find((m) => m.id === props.measureId) ??
    (call?.version.measures.length === 1 ? call.version.measures[0] : undefined);
  return (
    <Layout ctx={props.ctx} title="Neuer Förderantrag" hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">Neuer Förderantrag</h1>
      <ErrorSummary errors={props.errors} />
      {props.calls.length === 0 ? (
        <Notice
          kind="info"
          title="Derzeit nimmt keine Förderstelle Anträge über die Plattform an."
        />
      ) : (
        <form method="get" action="/foerderung/antraege/neu">
          <SelectField
            name="aufruf"
            label="Förderaufruf"
            value={call?.lineId}
            errors={props.errors}
            options={props.calls.map((c) => ({
              value: c.lineId,
              label: `${c.version.title} – ${c.fundingBody} (${MODE_LABEL[c.mode]}${c.openUntil ? `, Anträge bis ${day(c.openUntil)}` : ''})`,
            }))}
          />
          {call && call.version.measures.length > 1 ? (
            <SelectField
              name="massnahme"
              label="Maßnahme"
              value={measure?.id}
              errors={props.errors}
              options={call.version.measures.map((m) => ({ value: m.id, label: m.label }))}
            />
          ) : null}
          <SubmitButton variant="secondary">Auswählen</SubmitButton>
        </form>
      )}
      {call && measure ? (
        <form method="post" action="/foerderung/antraege/neu">
          <h2 class="kern-heading-medium">{call.version.title}</h2>
          <p class="kern-body">
            Maßnahme: {measure.label}. Förderstelle: {call.fundingBody}. Die Angaben zu Ihrem
            Unternehmen (Größe, Sitz, Wirtschaftszweig) übernimmt der Antrag aus Ihrem
            Unternehmensprofil; der Förderfinder prüft sie beim Speichern.
            {call.mode === 'two-stage-competitive'
              ? ' In diesem Aufruf reichen Sie zuerst eine Projektskizze ein; nach ihrer Auswahl stellen Sie den Antrag.'
              : ''}
          </p>
          <CsrfField token={props.ctx.csrfToken} />
          <input type="hidden" name="aufruf" value={call.lineId} />
          <input type="hidden" name="massnahme" value={measure.id} />
          <ApplicationFields
            unit={amountUnit(call.version)}
            measure={measure}
            input={props.input}
            errors={props.errors}
            dayRateCap={
              call.version.amount.kind === 'share-of-costs' &&
              call.version.amount.dayRateCapCents !== undefined
            }
          />
          <SubmitButton>Entwurf anlegen</SubmitButton>
        </form>
      ) : null}
    </Layout>
  );
}

export const BODY_STEP_FILTER = [
  'received',
  'outline-review',
  'full-application',
  'formal-check',
  'assessment',
  'decision',
  'granted',
  'proof-check',
  'recovery',
  'closed',
  'refused',
  'rejected',
  'withdrawn',
  'outline-declined',
];

export function BodyCasesPage(props: {
  ctx: PageContext;
  result: Awaited<ReturnType<typeof bodyCases>>;
  step: string;
  offset: number;
}): VNode {
  const { rows, total } = props.result;
  const type = fundingProcedureType('funding-competitive', '2026-12');
  const label = (s: string) => type.steps.find((x) => x.key === s)?.label ?? s;
  const q = (offset: number) => `?schritt=${encodeURIComponent(props.step)}&ab=${offset}`;
  return (
    <Layout ctx={props.ctx} title="Förderanträge">
      <h1 class="kern-heading-large">Förderanträge</h1>
      <p class="kern-body">
        <a
          class="kern-link"
          href={`/foerderstelle/antraege.csv${props.step ? `?schritt=${encodeURIComponent(props.step)}` : ''}`}
        >
          Alle als CSV (Excel)
        </a>{' '}
        ·{' '}
        <a class="kern-link" href="/foerderung/haushalt">
          Haushalt
        </a>{' '}
        ·{' '}
        <a class="kern-link" href="/zeichnung">
          Zur Zeichnung vorgelegt
        </a>
      </p>
      <form method="get" action="/foerderstelle/antraege">
        <SelectField
          name="schritt"
          label="Stand"
          value={props.step}
          options={[
            { value: '', label: 'alle' },
            ...BODY_STEP_FILTER.map((s) => ({ value: s, label: label(s) })),
          ]}
        />
        <SubmitButton variant="secondary">Filtern</SubmitButton>
      </form>
      <p class="kern-body">
        {total.toLocaleString('de-DE')} Anträge
        {total > BODY_PAGE_SIZE
          ? `, angezeigt ${props.offset + 1}–${Math.min(total, props.offset + BODY_PAGE_SIZE)}`
          : ''}
        .
      </p>
      <DataTable
        caption="Förderanträge"
        hideCaption
        columns={[
          'Antrag',
          'Unternehmen',
          'Programm',
          'Stand',
          { label: 'Beantragt', numeric: true },
          { label: 'Bewilligt', numeric: true },
          'Eingang',
        ]}
        rowHeader={0}
        rows={rows.map((r) => ({
          key: r.id,
          cells: [
            <a class="kern-link" href={`/foerderung/antraege/${r.id}`}>
              {referenceLabel(r.reference)} {r.title}
            </a>,
            r.company,
            r.programme_version,
            stepLabel(r),
            euro(r.requested_cents),
            euro(r.granted_cents),
            r.submitted_at
              ? r.submitted_at.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' })
              : '–',
          ],
        }))}
      />
      <nav aria-label="Seiten">
        {props.offset > 0 ? (
          <a class="kern-link" href={q(Math.max(0, props.offset - BODY_PAGE_SIZE))}>
            Vorherige Seite
          </a>
        ) : null}{' '}
        {props.offset + BODY_PAGE_SIZE < total ? (
          <a class="kern-link" href={q(props.offset + BODY_PAGE_SIZE)}>
            Nächste Seite
          </a>
        ) : null}
      </nav>
    </Layout>
  );
}
