import type { VNode } from 'preact';
import {
  bridgePriceSchemes,
  draftTitle,
  reliefStatusLabel,
  type ReliefInstrumentResult,
} from '../../law/relief/index.ts';
import { formatEuro } from '../../law/fees/money.ts';
import { formatGermanDateShort } from '../../law/german-format.ts';
import { factLabel } from '../../law/funding/index.ts';
import { formatParameterUse, formatTrace } from '../../law/rules/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { FIELD_BY_NAME, type ReliefFormField, type ReliefTextValues } from './relief.fields.ts';
import { formatCentsPerKwh, gapText, inputRows, priceRows, schemeRows } from './relief.present.ts';
import type { ReliefComputation } from './relief.request.ts';

export interface ReliefProofLink {
  href: string;
  sha256: string;
  bytes: number;
}

function Field(props: {
  name: ReliefFormField;
  values: ReliefTextValues;
  errors: FieldError[];
  required?: boolean;
  numeric?: boolean;
}): VNode {
  const spec = FIELD_BY_NAME.get(props.name)!;
  return (
    <TextField
      name={spec.name}
      label={spec.label}
      hint={spec.hint}
      value={props.values[props.name] ?? ''}
      errors={props.errors}
      required={props.required ?? false}
      inputMode={props.numeric === false ? 'text' : 'numeric'}
    />
  );
}

function Flag(props: { name: ReliefFormField; values: ReliefTextValues; errors: FieldError[] }) {
  const spec = FIELD_BY_NAME.get(props.name)!;
  return (
    <SelectField
      name={spec.name}
      label={spec.label}
      value={props.values[props.name] ?? ''}
      errors={props.errors}
      options={[
        { value: '', label: 'keine Angabe' },
        { value: 'ja', label: 'ja' },
        { value: 'nein', label: 'nein' },
      ]}
    />
  );
}

function ReliefForm(props: { values: ReliefTextValues; errors: FieldError[] }): VNode {
  const { values, errors } = props;
  const f = { values, errors };
  return (
    <form method="get" action="/stromkostenrechner#ergebnis" novalidate class="kern-stack">
      <input type="hidden" name="berechnen" value="1" />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">Unternehmen und Verbrauch</legend>
        <div class="kern-fieldset__body kern-stack">
          <Field name="date" {...f} required />
          <Field name="consumption" {...f} required />
          <Field name="electromobility" {...f} />
          <Field name="nonBusiness" {...f} />
          <Field name="nace" {...f} numeric={false} />
          <Field name="price" {...f} />
          <Flag name="difficulty" {...f} />
        </div>
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-label">Strompreiskompensation</legend>
        <div class="kern-fieldset__body kern-stack">
          <Flag name="ets" {...f} />
          <Field name="benchmark" {...f} />
          <Field name="eua" {...f} />
          <Field name="gva" {...f} />
        </div>
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-label">Industrie- bzw. Brückenstrompreis</legend>
        <div class="kern-fieldset__body kern-stack">
          <Flag name="kuebll" {...f} />
          <Field name="reference" {...f} />
          <SelectField
            name="scheme"
            label={FIELD_BY_NAME.get('scheme')!.label}
            value={values.scheme}
            errors={errors}
            options={bridgePriceSchemes.map((s) => ({
              value: s.id,
              label: `${s.title}${s.status === 'law' ? '' : ' – Entwurf'}`,
            }))}
          />
          <p class="kern-body--small">
            Eigene Werte (optional, nur für Entwürfe und Vorschläge): leer lassen, um die Werte der
            gewählten Regelung zu verwenden.
          </p>
          <Field name="schemeTarget" {...f} />
          <Field name="schemeShare" {...f} />
          <Field name="schemeFloor" {...f} />
          <Field name="schemePeriodFrom" {...f} numeric={false} />
          <Field name="schemePeriodUntil" {...f} numeric={false} />
        </div>
      </fieldset>
      <SubmitButton>Entlastung berechnen</SubmitButton>
    </form>
  );
}

function InstrumentDetails(props: { instrument: ReliefInstrumentResult; index: number }) {
  const { instrument } = props;
  const id = `instrument-${props.index + 1}`;
  return (
    <section aria-labelledby={id} class="kern-stack">
      <h3 class="kern-heading-small" id={id}>
        {instrument.title}
        {instrument.draft ? <strong class="kern-badge kern-badge--warning"> Entwurf</strong> : null}
      </h3>
      <p class="kern-body">
        {reliefStatusLabel[instrument.status]}: {formatEuro(instrument.amountCents)} im Jahr
      </p>
      {instrument.steps.length > 0 ? (
        <ol class="kern-list kern-list--numbered">
          {instrument.steps.map((step, i) => (
            <li key={i}>
              {step.text} <span class="kern-body--small">({step.citation})</span>
              {step.open ? <strong> [offen]</strong> : null}
              {step.parameters.length > 0 ? (
                <ul class="kern-list kern-body--small">
                  {step.parameters.map((p) => (
                    <li key={p.table}>Wert: {formatParameterUse(p)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {instrument.missing.length > 0 ? (
        <p class="kern-body">
          <strong>Es fehlen:</strong> {instrument.missing.join(', ')}.
        </p>
      ) : null}
      {instrument.notes.length > 0 ? (
        <ul class="kern-list kern-list--bullet kern-body--small">
          {instrument.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {instrument.trace ? (
        <details>
          <summary>Geprüfte Voraussetzungen</summary>
          <pre class="relief-trace">{formatTrace(instrument.trace, 0, factLabel).join('\n')}</pre>
        </details>
      ) : null}
    </section>
  );
}

function Result(props: { computation: ReliefComputation; proof: ReliefProofLink }): VNode {
  const { result, scheme, request } = props.computation;
  return (
    <section aria-labelledby="ergebnis" class="kern-stack">
      <h2 class="kern-heading-medium" id="ergebnis">
        Ergebnis
      </h2>
      <p class="kern-body">
        Berechnet am {formatGermanDateShort(request.computedOn)} für das Abrechnungsjahr{' '}
        {result.date.slice(0, 4)}. Unverbindliche Berechnung nach Ihren Angaben.
      </p>
      <DataTable
        caption="Entlastungen im Jahr"
        columns={['Instrument', 'Status', { label: 'Betrag', numeric: true }]}
        rowHeader={0}
        rows={result.instruments.map((i) => ({
          key: i.id,
          cells: [
            draftTitle(i.title, i.draft),
            reliefStatusLabel[i.status],
            formatEuro(i.amountCents),
          ],
        }))}
      />
      <DataTable
        caption="Effektiver Strompreis je kWh"
        columns={[
          'Stand',
          { label: 'Kosten im Jahr', numeric: true },
          { label: 'je kWh', numeric: true },
        ]}
        rowHeader={0}
        rows={priceRows(result, scheme).map((row) => ({
          key: row.label,
          cells: [
            row.label,
            row.costCents === undefined ? '–' : formatEuro(row.costCents),
            row.centsPerKwh === undefined ? 'nicht berechnet' : formatCentsPerKwh(row.centsPerKwh),
          ],
        }))}
      />
      <p class="kern-body">
        <strong>Abstand zum Zielpreis von {formatCentsPerKwh(result.target.centsPerKwh)}:</strong>{' '}
        {gapText(result)}.
      </p>
      <p class="kern-body--small">Zielpreis: {formatParameterUse(result.target.parameter)}</p>
      {result.notes.length > 0 ? (
        <ul class="kern-list kern-list--bullet">
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <h2 class="kern-heading-medium">Berechnung im Einzelnen</h2>
      {result.instruments.map((instrument, index) => (
        <InstrumentDetails key={instrument.id} instrument={instrument} index={index} />
      ))}
      {result.steps.length > 0 ? (
        <section aria-labelledby="preisvergleich" class="kern-stack">
          <h3 class="kern-heading-small" id="preisvergleich">
            Preisvergleich
          </h3>
          <ol class="kern-list kern-list--numbered">
            {result.steps.map((step, i) => (
              <li key={i}>
                {step.text} <span class="kern-body--small">({step.citation})</span>
                {step.open ? <strong> [offen]</strong> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <DataTable
        caption="Gewählte Regelung"
        small
        columns={['Angabe', 'Wert']}
        rowHeader={0}
        rows={schemeRows(scheme).map(([label, value]) => ({ key: label, cells: [label, value] }))}
      />
      {scheme.open.length > 0 ? (
        <ul class="kern-list kern-list--bullet kern-body--small">
          {scheme.open.map((note) => (
            <li key={note}>[offen] {note}</li>
          ))}
        </ul>
      ) : null}
      <DataTable
        caption="Ihre Eingaben"
        small
        columns={['Angabe', 'Wert']}
        rowHeader={0}
        rows={inputRows(request).map(([label, value]) => ({ key: label, cells: [label, value] }))}
      />
      <h2 class="kern-heading-medium" id="nachweis">
        Berechnungsnachweis
      </h2>
      <p class="kern-body">
        <a class="kern-link" href={props.proof.href} download>
          Berechnungsnachweis als PDF herunterladen ({Math.ceil(props.proof.bytes / 1024)} KB)
        </a>
      </p>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">SHA-256 der PDF-Datei</dt>
          <dd class="kern-description-list-item__value">
            <code class="relief-hash">{props.proof.sha256}</code>
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Prüfsumme der Berechnung</dt>
          <dd class="kern-description-list-item__value">
            <code class="relief-hash">{props.computation.sha256}</code>
          </dd>
        </div>
      </dl>
      <p class="kern-body--small">
        Die Prüfsumme der Berechnung ist der SHA-256 der kanonischen JSON-Darstellung von Eingaben,
        Regelung und Ergebnis; sie steht auch im PDF. Dieselben Eingaben mit demselben
        Berechnungsdatum ergeben dieselbe Prüfsumme und dieselbe PDF-Datei.
      </p>
    </section>
  );
}

export function ReliefPage(props: {
  ctx: PageContext;
  values: ReliefTextValues;
  errors: FieldError[];
  computation?: ReliefComputation;
  proof?: ReliefProofLink;
}): VNode {
  return (
    <Layout ctx={props.ctx} title="Stromkostenrechner" hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">Stromkostenrechner</h1>
      <p class="kern-body">
        Berechnet die Entlastungen bei den Stromkosten eines Unternehmens – Stromsteuer mit
        Entlastung nach § 9b StromStG, Strompreiskompensation und einen Industrie- bzw.
        Brückenstrompreis – und den effektiven Strompreis je kWh gegenüber dem Ziel von 6 ct/kWh.
        Jeder Schritt nennt seine Rechtsgrundlage und die verwendeten Werte. Regelungen, die noch
        kein geltendes Recht sind, sind als „Entwurf“ gekennzeichnet.
      </p>
      <ErrorSummary errors={props.errors} />
      <ReliefForm values={props.values} errors={props.errors} />
      {props.computation && props.proof ? (
        <Result computation={props.computation} proof={props.proof} />
      ) : null}
    </Layout>
  );
}
