import type { VNode } from 'preact';
import {
  formatGermanDate,
  formatGermanDateShort,
  type DeadlineResult,
  type Holiday,
} from '../law/index.ts';
import type { FieldError } from '../platform/errors.ts';
import { ErrorSummary, fieldId, SelectField, SubmitButton, TextField } from '../platform/forms.tsx';
import { Layout, type PageContext } from '../platform/layout.tsx';
import { COUNTING_LABELS } from './deadline.service.ts';
import { DataTable } from '../platform/table.tsx';

export interface DeadlineForm {
  start: string;
  duration: string;
  counting: string;
  shift: string;
}

function CountingField(props: { value: string; errors: FieldError[] }): VNode {
  const error = props.errors.find((e) => e.field === 'counting')?.message;
  return (
    <fieldset
      class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}
      id={fieldId('counting')}
    >
      <legend class="kern-label">Zählweise</legend>
      {error ? (
        <p class="kern-error" id={`${fieldId('counting')}-fehler`}>
          <span class="kern-sr-only">Fehler: </span>
          {error}
        </p>
      ) : null}
      <div class="kern-fieldset__body">
        {(['event', 'day-start'] as const).map((value) => (
          <div class="kern-form-check" key={value}>
            <input
              class="kern-form-check__radio"
              type="radio"
              id={`zaehlweise-${value}`}
              name="counting"
              value={value}
              checked={props.value === value}
            />
            <label class="kern-label" for={`zaehlweise-${value}`}>
              {COUNTING_LABELS[value]}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function Result(props: { result: DeadlineResult }): VNode {
  const { result } = props;
  return (
    <section class="deadline-result" aria-labelledby="ergebnis">
      <h2 class="kern-heading-medium" id="ergebnis">
        Ergebnis
      </h2>
      <p class="kern-body--large deadline-end">
        Die Frist endet mit Ablauf des <strong>{formatGermanDate(result.end)}</strong> (
        {formatGermanDateShort(result.end)}, 24:00 Uhr).
      </p>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Dauer</dt>
          <dd class="kern-description-list-item__value">{result.duration.label}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Erster mitgezählter Tag</dt>
          <dd class="kern-description-list-item__value">{formatGermanDate(result.firstDay)}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Rechnerisches Fristende</dt>
          <dd class="kern-description-list-item__value">{formatGermanDate(result.rawEnd)}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Verschoben</dt>
          <dd class="kern-description-list-item__value">{result.shifted ? 'ja' : 'nein'}</dd>
        </div>
      </dl>
      {result.skipped.length > 0 ? (
        <>
          <h3 class="kern-heading-small">Übersprungene Tage</h3>
          <ul class="kern-list kern-list--bullet">
            {result.skipped.map((day) => (
              <li key={day.date}>
                {formatGermanDate(day.date)}: {day.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.officeClosedNotes.length > 0 ? (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__header">
            <h3 class="kern-title">Hinweis zu Schließtagen</h3>
          </div>
          <div class="kern-alert__body">
            <ul class="kern-list">
              {result.officeClosedNotes.map((day) => (
                <li key={day.date}>
                  {formatGermanDate(day.date)}: {day.reason} – die Dienststelle ist geschlossen; das
                  verschiebt das Fristende nicht.
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <h3 class="kern-heading-small">Begründung</h3>
      {result.rationale.split('\n').map((paragraph, index) => (
        <p class="kern-body" key={index}>
          {paragraph}
        </p>
      ))}
      <h3 class="kern-heading-small">Rechtsgrundlagen</h3>
      <ul class="kern-list kern-list--bullet">
        {result.citations.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </section>
  );
}

function HolidayTable(props: { year: number; holidays: Holiday[]; yearError?: string }): VNode {
  return (
    <section aria-labelledby="feiertage">
      <h2 class="kern-heading-medium" id="feiertage">
        Gesetzliche Feiertage in Nordrhein-Westfalen {props.year}
      </h2>
      <form method="get" action="/fristenrechner#feiertage" class="inline-form year-form">
        <TextField
          name="jahr"
          label="Jahr"
          value={String(props.year)}
          inputMode="numeric"
          width="width-4"
          errors={props.yearError ? [{ field: 'jahr', message: props.yearError }] : []}
        />
        <SubmitButton variant="secondary">Feiertage anzeigen</SubmitButton>
      </form>
      <DataTable
        caption={`Feiertage ${props.year} nach § 2 Feiertagsgesetz NW`}
        hideCaption
        small
        columns={['Datum', 'Feiertag']}
        rows={props.holidays.map((h) => ({
          key: h.date,
          cells: [formatGermanDate(h.date), h.name],
        }))}
      />
      <p class="kern-body--small">
        Schließtage der Dienststelle (z. B. 24. und 31. Dezember) sind keine gesetzlichen Feiertage
        und verschieben kein Fristende; der Rechner weist auf sie hin.
      </p>
    </section>
  );
}

export function DeadlinePage(props: {
  ctx: PageContext;
  form: DeadlineForm;
  errors: FieldError[];
  result?: DeadlineResult;
  year: number;
  holidays: Holiday[];
  yearError?: string;
}): VNode {
  const { form, errors } = props;
  return (
    <Layout
      ctx={props.ctx}
      title="Fristenrechner"
      hasErrors={errors.length > 0 || Boolean(props.yearError)}
    >
      <h1 class="kern-heading-large">Fristenrechner</h1>
      <p class="kern-body">
        Berechnet das Ende einer Frist nach §§ 187 bis 193 BGB in Verbindung mit § 31 VwVfG NRW –
        mit allen gesetzlichen Feiertagen in Nordrhein-Westfalen und einer Begründung, die Sie in
        die Akte übernehmen können.
      </p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/fristenrechner" novalidate class="kern-stack form-narrow">
        <TextField
          name="start"
          label="Fristbeginn oder Tag des Ereignisses"
          type="date"
          hint="Format JJJJ-MM-TT, z. B. 2026-03-09. Bei einer Ereignisfrist der Tag der Zustellung oder Bekanntgabe."
          value={form.start}
          errors={errors}
          required
        />
        <TextField
          name="duration"
          label="Dauer"
          hint="z. B. „2 Wochen“, „1 Monat“ oder nach ISO 8601: P14D, P2W, P1M, P7M, P1Y; Sonderfälle des § 189 BGB: P0.5M (halber Monat), P0.25Y (Vierteljahr), P0.5Y (halbes Jahr)."
          value={form.duration}
          errors={errors}
          required
        />
        <CountingField value={form.counting} errors={errors} />
        <SelectField
          name="shift"
          label="Ende am Wochenende oder Feiertag"
          options={[
            {
              value: 'true',
              label: 'auf den nächsten Werktag verschieben (§ 31 Abs. 3 VwVfG NRW)',
            },
            { value: 'false', label: 'nicht verschieben (§ 31 Abs. 4 und 5 VwVfG NRW)' },
          ]}
          value={form.shift}
          errors={errors}
        />
        <SubmitButton>Fristende berechnen</SubmitButton>
      </form>
      {props.result ? <Result result={props.result} /> : null}
      <HolidayTable year={props.year} holidays={props.holidays} yearError={props.yearError} />
    </Layout>
  );
}
