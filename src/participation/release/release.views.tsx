/** The case worker's release page and the applicant's list of released batches. */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, fieldId, Notice, SubmitButton } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import { Pagination, TextBlock, type ProcedureHeading } from '../review/review.views.tsx';
import type { ReleaseBatch, ReleasedObjection, ReleaseOverview } from './release.queries.ts';
import type { ReleaseScope } from './release.actions.ts';

const num = (n: number) => n.toLocaleString('de-DE');

function objections(n: number): string {
  return n === 1 ? '1 Einwendung' : `${num(n)} Einwendungen`;
}

function BatchTable(props: { batches: ReleaseBatch[]; link?: (b: ReleaseBatch) => string }): VNode {
  return (
    <DataTable
      caption="Freigaben"
      columns={['Freigabe', 'Freigegeben am', 'Einwendungen']}
      rowHeader={0}
      rows={props.batches.map((b) => ({
        key: b.id,
        cells: [
          props.link ? (
            <a class="kern-link" href={props.link(b)}>
              Freigabe {b.number}
            </a>
          ) : (
            `Freigabe ${b.number}`
          ),
          formatTimestamp(b.releasedAt),
          num(b.count),
        ],
      }))}
    />
  );
}

export function ReleasePage(props: {
  ctx: PageContext;
  procedure: ProcedureHeading;
  overview: ReleaseOverview;
  canWork: boolean;
  scope: ReleaseScope;
  errors?: FieldError[];
  message?: string;
}): VNode {
  const { procedure, overview } = props;
  const errors = props.errors ?? [];
  const ready = overview.unreleased - overview.unreviewedTotal;
  const base = `/verfahren/${procedure.id}`;
  return (
    <Layout
      ctx={props.ctx}
      title={`Einwendungen freigeben – ${procedure.reference}`}
      hasErrors={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <h1 class="kern-heading-large">Einwendungen an die Antragstellerin freigeben</h1>
      <p class="kern-body">
        {procedure.reference} – {procedure.title}. Die Antragstellerin erhält die Einwendungen nach
        § 12 Abs. 2 der 9. BImSchV erst mit der Freigabe, und nur geschwärzt: Name und Anschrift, wo
        die Person es verlangt hat; alle bei der Prüfung bestätigten Stellen im Text (etwa
        Gesundheitsangaben und Namen Dritter) immer. Die E-Mail-Adresse wird nie weitergegeben.
      </p>
      <p class="kern-body">
        <a class="kern-link" href={`${base}/einwendungen`}>
          Zu den Einwendungen
        </a>
      </p>
      <h2 class="kern-heading-medium">Stand</h2>
      <ul class="kern-list">
        <li>Noch nicht freigegeben: {objections(overview.unreleased)}</li>
        <li>davon mit geprüfter Schwärzung: {objections(ready)}</li>
        <li>davon Schwärzung noch nicht geprüft: {objections(overview.unreviewedTotal)}</li>
      </ul>
      {overview.unreviewed.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">Schwärzung noch nicht geprüft</h2>
          <ul class="kern-list">
            {overview.unreviewed.map((o) => (
              <li key={o.id}>
                <a class="kern-link" href={`${base}/einwendungen/${o.id}`}>
                  {o.reference}
                </a>
              </li>
            ))}
          </ul>
          {overview.unreviewedTotal > overview.unreviewed.length ? (
            <p class="kern-body">
              und {num(overview.unreviewedTotal - overview.unreviewed.length)} weitere (Filter
              „Schwärzung offen“ in der Liste der Einwendungen).
            </p>
          ) : null}
        </>
      ) : null}
      {props.canWork ? (
        <form method="post" action={`${base}/einwendungen/freigabe`}>
          <CsrfField token={props.ctx.csrfToken} />
          <fieldset class="kern-fieldset" id={fieldId('umfang')}>
            <legend class="kern-label">Welche Einwendungen freigeben?</legend>
            <div class="kern-fieldset__body">
              {(
                [
                  ['all', 'alle noch nicht freigegebenen (nur möglich, wenn alle geprüft sind)'],
                  ['reviewed', 'nur die mit geprüfter Schwärzung; die übrigen folgen später'],
                ] as const
              ).map(([value, label]) => (
                <div class="kern-form-check" key={value}>
                  <input
                    class="kern-form-check__radio"
                    type="radio"
                    id={`umfang-${value}`}
                    name="umfang"
                    value={value}
                    checked={props.scope === value}
                  />
                  <label class="kern-label" for={`umfang-${value}`}>
                    {label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <SubmitButton>Freigeben</SubmitButton>
        </form>
      ) : (
        <Notice
          kind="info"
          title="In diesem Verfahrensschritt können keine Einwendungen freigegeben werden; das ist zwischen öffentlicher Bekanntmachung und Entscheidung möglich."
        />
      )}
      <h2 class="kern-heading-medium">Bisherige Freigaben</h2>
      {overview.batches.length === 0 ? (
        <p class="kern-body">Noch keine.</p>
      ) : (
        <BatchTable batches={overview.batches} />
      )}
    </Layout>
  );
}

function ReleasedItem(props: { item: ReleasedObjection }): VNode {
  const { item } = props;
  const withheld = item.name === null && item.address === null;
  return (
    <section class="kern-stack applicant-objection" aria-labelledby={`ew-${item.id}`}>
      <h3 class="kern-heading-small" id={`ew-${item.id}`}>
        {item.reference}
      </h3>
      <p class="kern-body--small">Eingang: {formatTimestamp(item.receivedAt)}</p>
      {withheld ? (
        <p class="kern-body">
          Name und Anschrift sind unkenntlich gemacht (§ 12 Abs. 2 Satz 3 9. BImSchV) oder wurden
          nicht angegeben.
        </p>
      ) : (
        <dl class="kern-description-list">
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Name</dt>
            <dd class="kern-description-list-item__value">{item.name ?? 'nicht angegeben'}</dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Anschrift</dt>
            <dd class="kern-description-list-item__value">{item.address ?? 'nicht angegeben'}</dd>
          </div>
        </dl>
      )}
      <TextBlock text={item.text} />
    </section>
  );
}

export function ApplicantReleasesPage(props: {
  ctx: PageContext;
  procedure: ProcedureHeading;
  batches: ReleaseBatch[];
  selected: ReleaseBatch | null;
  items: ReleasedObjection[];
  page: number;
}): VNode {
  const { procedure, selected } = props;
  const path = `/verfahren/${procedure.id}/einwendungen-antragstellerin`;
  return (
    <Layout ctx={props.ctx} title={`Einwendungen – ${procedure.reference}`}>
      <h1 class="kern-heading-large">Einwendungen zu Ihrem Antrag</h1>
      <p class="kern-body">
        {procedure.reference} – {procedure.title}. Die Genehmigungsbehörde gibt Ihnen die
        Einwendungen nach § 12 Abs. 2 der 9. BImSchV in Freigaben bekannt, geschwärzt: Name und
        Anschrift, wo die Person es verlangt hat, und schutzbedürftige Angaben im Text.
      </p>
      <p class="kern-body">
        <a class="kern-link" href={`/verfahren/${procedure.id}`}>
          Zum Verfahren
        </a>
      </p>
      {props.batches.length === 0 ? (
        <p class="kern-body">Die Behörde hat Ihnen noch keine Einwendungen freigegeben.</p>
      ) : (
        <BatchTable
          batches={props.batches}
          link={(b) => `${path}?${new URLSearchParams({ freigabe: String(b.number) }).toString()}`}
        />
      )}
      {selected ? (
        <>
          <h2 class="kern-heading-medium">
            Freigabe {selected.number} vom {formatTimestamp(selected.releasedAt)}:{' '}
            {objections(selected.count)}
          </h2>
          {props.items.map((item) => (
            <ReleasedItem item={item} key={item.id} />
          ))}
          <Pagination
            path={path}
            query={{ freigabe: String(selected.number) }}
            page={props.page}
            total={selected.count}
          />
        </>
      ) : null}
    </Layout>
  );
}
