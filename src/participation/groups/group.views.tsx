/**
 * Staff pages for groups of uniform submissions (§ 17 VwVfG). They show objection texts and are
 * served to case workers of the responsible authority only (group.access.ts).
 */
import type { VNode } from 'preact';
import { listCount, objectionCount, signatureCount } from '../intake/intake-rules.ts';
import type { FieldError } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, Notice, SubmitButton } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { Pagination, type Paging } from '../../platform/pagination.tsx';
import type { GroupListItem, GroupSummary } from './group.queries.ts';

export { Pagination, type Paging };

export interface ProcedureHeading {
  id: string;
  reference: string;
  title: string;
}

export const groupsPath = (procedureId: string) => `/verfahren/${procedureId}/einwendungen/gruppen`;

const number = (value: number) => value.toLocaleString('de-DE');

export function Facts(props: { items: [string, VNode | string, string?][] }): VNode {
  return (
    <dl class="kern-description-list">
      {props.items.map(([key, value, explanation]) => (
        <div class="kern-description-list-item" key={key}>
          <dt class="kern-description-list-item__key">{key}</dt>
          <dd class="kern-description-list-item__value">
            <strong>{value}</strong>
            {explanation ? <span class="kern-body--small"> – {explanation}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function SummaryFacts(props: { summary: GroupSummary }): VNode {
  const s = props.summary;
  return (
    <Facts
      items={[
        [
          'Einwendungen',
          number(s.objections),
          'alle eingegangenen Einwendungen; jede Kopie eines Formbriefs zählt einzeln',
        ],
        [
          'davon verspätet',
          number(s.late),
          'nach Ablauf der Einwendungsfrist eingegangen (§ 10 Abs. 3 S. 5 BImSchG); sie sind gespeichert und gekennzeichnet',
        ],
        [
          'Inhaltlich verschiedene Einwendungen',
          number(s.distinct),
          'jede Gruppe gleichförmiger Einwendungen zählt einmal, dazu jede Einwendung ohne Gruppe',
        ],
        [
          'Einwendende',
          number(s.objectors),
          'Summe der Unterschriften: wer auf einer Unterschriftenliste unterschrieben hat, zählt einzeln',
        ],
        [
          'Unterschriften auf Unterschriftenlisten',
          number(s.signaturesOnLists),
          `auf ${listCount(s.signatureLists)}`,
        ],
        [
          'Gruppen gleichförmiger Einwendungen',
          number(s.groups),
          `mit zusammen ${objectionCount(s.groupedObjections)} (§ 17 VwVfG)`,
        ],
        [
          'davon unberücksichtigt (§ 17 Abs. 2 VwVfG)',
          number(s.disregarded),
          `${objectionCount(s.disregarded)} mit ${signatureCount(s.disregardedSignatures)}: gleichförmige Eingaben ohne Vertreter, die die Behörde nach ihrer Entscheidung unberücksichtigt lässt`,
        ],
        [
          'vor Beginn der Auslegung eingegangen',
          number(s.early),
          'vor der Bekanntmachung oder vor Beginn der Auslegung eingegangen; gespeichert und gekennzeichnet',
        ],
      ]}
    />
  );
}

function GroupsTable(props: { procedureId: string; items: GroupListItem[]; offset: number }) {
  return (
    <div class="kern-table-responsive">
      <table class="kern-table kern-table--small">
        <caption class="kern-title">Gruppen, größte zuerst</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              Gruppe
            </th>
            <th scope="col" class="kern-table__header kern-table__header--numeric">
              Einwendungen
            </th>
            <th scope="col" class="kern-table__header kern-table__header--numeric">
              Unterschriften
            </th>
            <th scope="col" class="kern-table__header">
              Bestätigt
            </th>
            <th scope="col" class="kern-table__header">
              Vertreter
            </th>
            <th scope="col" class="kern-table__header">
              Textauszug (erste Einwendung)
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {props.items.map((g, i) => (
            <tr class="kern-table__row" key={g.id}>
              <th scope="row" class="kern-table__cell">
                <a class="kern-link" href={`${groupsPath(props.procedureId)}/${g.id}`}>
                  Gruppe {props.offset + i + 1} (ab {g.firstReference})
                </a>
              </th>
              <td class="kern-table__cell kern-table__cell--numeric">{number(g.size)}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{number(g.signatures)}</td>
              <td class="kern-table__cell">
                {g.confirmed ? 'ja' : g.origin === 'manual' ? 'nein (geändert)' : 'nein'}
              </td>
              <td class="kern-table__cell">
                {g.representative ? g.representative.reference : g.representativeNote}
              </td>
              <td class="kern-table__cell">{g.excerpt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GroupOverviewPage(props: {
  ctx: PageContext;
  procedure: ProcedureHeading;
  summary: GroupSummary;
  paging: Paging;
  offset: number;
  message?: string;
  errors?: FieldError[];
  /** False outside the steps of participation work: the detection would be refused (409). */
  canCompute: boolean;
}): VNode {
  const { ctx, procedure, summary } = props;
  const errors = props.errors ?? [];
  return (
    <Layout
      ctx={ctx}
      title={`Gleichförmige Einwendungen – ${procedure.reference}`}
      hasErrors={errors.length > 0}
    >
      <p class="kern-body">
        <a class="kern-link" href={`/verfahren/${procedure.id}`}>
          Zurück zum Verfahren {procedure.reference}
        </a>
      </p>
      <h1 class="kern-heading-large">Gleichförmige Einwendungen</h1>
      <p class="kern-body">
        {procedure.reference} – {procedure.title}
      </p>
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <ErrorSummary errors={errors} />
      <section aria-labelledby="zahlen">
        <h2 class="kern-heading-medium" id="zahlen">
          Zahlen für die Auswertung
        </h2>
        <SummaryFacts summary={summary} />
      </section>
      <section aria-labelledby="erkennen">
        <h2 class="kern-heading-medium" id="erkennen">
          Erkennen
        </h2>
        <p class="kern-body">
          Die Erkennung vergleicht die Texte aller Einwendungen und fasst fast gleiche zu Gruppen
          zusammen. Bestätigte und von Ihnen geänderte Gruppen bleiben dabei unverändert. Vertreter
          einer Gruppe mit mehr als 50 Unterschriften ist, wer in den Eingaben mit Name, Beruf und
          Anschrift als Vertreter bezeichnet ist (§ 17 Abs. 1 VwVfG); nennt keine Eingabe einen, hat
          die Gruppe keinen Vertreter, und die Behörde entscheidet, ob sie sie berücksichtigt (§ 17
          Abs. 2 VwVfG). Bei vielen tausend Einwendungen dauert die Erkennung bis zu einer Minute;
          sie läuft im Hintergrund, und eine Statusseite zeigt den Fortschritt. Sie arbeiten
          währenddessen weiter, und das Portal nimmt weiter Einwendungen an.
        </p>
        {props.canCompute ? (
          <form method="post" action={`${groupsPath(procedure.id)}/berechnen`} id="feld-berechnen">
            <CsrfField token={ctx.csrfToken} />
            <SubmitButton>Gleichförmige Einwendungen erkennen</SubmitButton>
          </form>
        ) : (
          <p class="kern-body">
            In diesem Verfahrensschritt werden gleichförmige Einwendungen nicht erkannt; das ist
            zwischen öffentlicher Bekanntmachung und Entscheidung möglich.
          </p>
        )}
      </section>
      <section aria-labelledby="gruppen">
        <h2 class="kern-heading-medium" id="gruppen">
          Gruppen
        </h2>
        {summary.items.length === 0 ? (
          <p class="kern-body">
            Es gibt noch keine Gruppen. Starten Sie die Erkennung, sobald Einwendungen eingegangen
            sind.
          </p>
        ) : (
          <>
            <GroupsTable procedureId={procedure.id} items={summary.items} offset={props.offset} />
            <Pagination paging={props.paging} label="Seiten der Gruppenliste" />
          </>
        )}
      </section>
    </Layout>
  );
}
