/** Pages of the objection review: the case workers' list and the applicant's view. */
import { CHANNEL_LABELS } from '../channel-labels.ts';
import type { VNode } from 'preact';
import { DISREGARDED_MARK, EARLY_LABELS, objectionCount } from '../intake/intake-rules.ts';
import { Notice, SubmitButton, TextField } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import { PAGE_SIZE, type ObjectionFilter, type ObjectionListItem } from './review.queries.ts';

export interface ProcedureHeading {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
}

/** Text as typed by its author: paragraphs and line breaks kept, everything escaped. */
export function TextBlock(props: { text: string }): VNode {
  const paragraphs = props.text.replace(/\r\n/g, '\n').split(/\n{2,}/);
  return (
    <div class="objection-text">
      {paragraphs.map((paragraph, index) => (
        <p class="kern-body" key={index}>
          {paragraph.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}

export function Pagination(props: {
  path: string;
  query: Record<string, string>;
  page: number;
  total: number;
}): VNode | null {
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  if (pages <= 1) return null;
  const link = (page: number) =>
    `${props.path}?${new URLSearchParams({ ...props.query, seite: String(page) }).toString()}`;
  return (
    <nav aria-label="Seiten" class="inline-form">
      {props.page > 1 ? (
        <a class="kern-link" href={link(props.page - 1)} rel="prev">
          Vorherige Seite
        </a>
      ) : null}
      <span class="kern-body">
        Seite {props.page} von {pages}
      </span>
      {props.page < pages ? (
        <a class="kern-link" href={link(props.page + 1)} rel="next">
          Nächste Seite
        </a>
      ) : null}
    </nav>
  );
}

export function ProcedureLinks(props: { procedure: ProcedureHeading }): VNode {
  const id = props.procedure.id;
  return (
    <ul class="kern-list kern-list--horizontal">
      <li>
        <a class="kern-link" href={`/verfahren/${id}`}>
          Zum Verfahren
        </a>
      </li>
      <li>
        <a class="kern-link" href={`/verfahren/${id}/einwendungen`}>
          Einwendungen
        </a>
      </li>
      <li>
        <a class="kern-link" href={`/verfahren/${id}/belange`}>
          Belange-Katalog
        </a>
      </li>
      <li>
        <a class="kern-link" href={`/verfahren/${id}/einwendungen/freigabe`}>
          Freigabe an die Antragstellerin
        </a>
      </li>
    </ul>
  );
}

function FilterCheckbox(props: { name: string; label: string; checked: boolean }): VNode {
  const id = `filter-${props.name}`;
  return (
    <div class="kern-form-check">
      <input
        class="kern-form-check__checkbox"
        type="checkbox"
        id={id}
        name={props.name}
        value="ja"
        checked={props.checked}
      />
      <label class="kern-label" for={id}>
        {props.label}
      </label>
    </div>
  );
}

export function filterQuery(filter: ObjectionFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (filter.lateOnly) query.spaet = 'ja';
  if (filter.earlyOnly) query.frueh = 'ja';
  if (filter.disregardedOnly) query.unberuecksichtigt = 'ja';
  if (filter.withoutConfirmedConcerns) query.ohneBelange = 'ja';
  if (filter.redactionOpen) query.schwaerzungOffen = 'ja';
  if (filter.search.trim() !== '') query.q = filter.search.trim();
  return query;
}

function GroupCell(props: { group: ObjectionListItem['group'] }): VNode | string {
  if (props.group === null) return '–';
  return `${props.group.size.toLocaleString('de-DE')} gleichförmige${props.group.representative ? ` (Vertreter benannt in ${props.group.representative})` : ' (kein Vertreter benannt)'}`;
}

export function ObjectionListPage(props: {
  ctx: PageContext;
  procedure: ProcedureHeading;
  filter: ObjectionFilter;
  page: number;
  total: number;
  items: ObjectionListItem[];
  message?: string;
}): VNode {
  const { procedure, filter } = props;
  const path = `/verfahren/${procedure.id}/einwendungen`;
  return (
    <Layout ctx={props.ctx} title={`Einwendungen – ${procedure.reference}`}>
      <h1 class="kern-heading-large">Einwendungen</h1>
      <p class="kern-body">
        {procedure.reference} – {procedure.title}
      </p>
      <ProcedureLinks procedure={procedure} />
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <form method="get" action={path} class="kern-stack form-narrow">
        <TextField
          name="q"
          label="Suche im Text, Aktenzeichen oder Namen"
          type="search"
          value={filter.search}
        />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">Nur zeigen</legend>
          <FilterCheckbox name="spaet" label="verspätete Einwendungen" checked={filter.lateOnly} />
          <FilterCheckbox
            name="frueh"
            label="vor Beginn der Auslegung oder der Bekanntmachung eingegangen"
            checked={filter.earlyOnly ?? false}
          />
          <FilterCheckbox
            name="unberuecksichtigt"
            label="unberücksichtigt nach § 17 Abs. 2 VwVfG"
            checked={filter.disregardedOnly ?? false}
          />
          <FilterCheckbox
            name="ohneBelange"
            label="ohne bestätigte Belange"
            checked={filter.withoutConfirmedConcerns}
          />
          <FilterCheckbox
            name="schwaerzungOffen"
            label="Schwärzung noch nicht bestätigt"
            checked={filter.redactionOpen}
          />
        </fieldset>
        <SubmitButton variant="secondary">Filtern</SubmitButton>
      </form>
      {props.items.length === 0 ? (
        <p class="kern-body">Keine Einwendungen gefunden.</p>
      ) : (
        <DataTable
          caption={objectionCount(props.total)}
          columns={[
            'Aktenzeichen',
            'Eingang',
            'Eingangsweg',
            { label: 'Unterschriften', numeric: true },
            'Zeitpunkt',
            'Gruppe',
            'Belange',
            'Schwärzung',
          ]}
          rows={props.items.map((o) => ({
            key: o.id,
            cells: [
              <a class="kern-link" href={`${path}/${o.id}`}>
                {o.reference}
              </a>,
              formatTimestamp(o.receivedAt),
              CHANNEL_LABELS[o.channel],
              o.signatures.toLocaleString('de-DE'),
              [
                o.late ? 'verspätet' : o.early ? EARLY_LABELS[o.early] : 'fristgerecht',
                o.disregarded ? DISREGARDED_MARK : '',
              ]
                .filter(Boolean)
                .join('; '),
              <GroupCell group={o.group} />,
              o.concerns.length === 0
                ? '–'
                : o.concerns
                    .map((c) => (c.confirmed ? c.label : `${c.label} (Vorschlag)`))
                    .join(', '),
              o.redactionConfirmed ? 'bestätigt' : 'offen',
            ],
          }))}
        />
      )}
      <Pagination path={path} query={filterQuery(filter)} page={props.page} total={props.total} />
    </Layout>
  );
}
