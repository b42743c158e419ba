import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/german-format.ts';
import type { FieldError } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, Notice, SubmitButton } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { FundingAlertRow } from './alert.queries.ts';
import { queryFromAnswers } from './finder.form.ts';

const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });
const day = (d: Date) => formatGermanDate(BERLIN_DAY.format(d), { weekday: false });

export function AlertsPage(props: {
  ctx: PageContext;
  alerts: FundingAlertRow[];
  notice?: 'saved' | 'deleted';
  errors?: FieldError[];
}): VNode {
  const errors = props.errors ?? [];
  return (
    <Layout
      ctx={props.ctx}
      title="Benachrichtigungen des Förderfinders"
      hasErrors={errors.length > 0}
    >
      <h1 class="kern-heading-large">Benachrichtigungen des Förderfinders</h1>
      <ErrorSummary errors={errors} />
      {errors.length > 0 ? (
        <p class="kern-body" id="feld-label">
          Die Suche wurde nicht gespeichert.{' '}
          <a class="kern-link" href="/foerderfinder">
            Zurück zum Förderfinder
          </a>
        </p>
      ) : null}
      {props.notice === 'saved' ? (
        <Notice kind="success" title="Die Suche ist gespeichert.">
          <p class="kern-body">
            Einmal täglich prüft das Portal die Programme; passende neue Programme erhalten Sie per
            E-Mail, jedes nur einmal.
          </p>
        </Notice>
      ) : null}
      {props.notice === 'deleted' ? (
        <Notice kind="success" title="Die Benachrichtigung ist gelöscht." />
      ) : null}
      {props.alerts.length === 0 ? (
        <p class="kern-body">
          Ihr Unternehmen hat keine gespeicherten Suchen. Im{' '}
          <a class="kern-link" href="/foerderfinder">
            Förderfinder
          </a>{' '}
          können Sie eine Suche nach dem Ergebnis speichern.
        </p>
      ) : (
        <table class="kern-table">
          <caption class="kern-title">Gespeicherte Suchen Ihres Unternehmens</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">
                Suche
              </th>
              <th class="kern-table__header" scope="col">
                Angelegt
              </th>
              <th class="kern-table__header" scope="col">
                Zuletzt geprüft
              </th>
              <th class="kern-table__header" scope="col">
                Gemeldete Programme
              </th>
              <th class="kern-table__header" scope="col">
                Aktion
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {props.alerts.map((a) => (
              <tr class="kern-table__row" key={a.id}>
                <td class="kern-table__cell">
                  <a
                    class="kern-link"
                    href={`/foerderfinder?${queryFromAnswers(a.answers, a.filters)}`}
                  >
                    {a.label}
                  </a>
                </td>
                <td class="kern-table__cell">
                  {day(a.createdAt)} ({a.createdByName})
                </td>
                <td class="kern-table__cell">
                  {a.lastCheckedAt ? day(a.lastCheckedAt) : 'noch nicht'}
                </td>
                <td class="kern-table__cell">{a.sentCount}</td>
                <td class="kern-table__cell">
                  <form method="post" action={`/foerderfinder/benachrichtigungen/${a.id}/loeschen`}>
                    <CsrfField token={props.ctx.csrfToken} />
                    <SubmitButton variant="tertiary">
                      Löschen<span class="kern-sr-only">: {a.label}</span>
                    </SubmitButton>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
