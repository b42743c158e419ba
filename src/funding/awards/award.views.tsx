/** The public award list: GET filter form, table with totals, paging, downloads, licence line. */
import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
import { formatGermanDateShort } from '../../law/german-format.ts';
import type { FieldError } from '../../platform/errors.ts';
import { ErrorSummary, SelectField, SubmitButton } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { awardQueryString, type AwardFilters, type AwardQueryValues } from './award.filters.ts';
import { LICENSE_NAME, LICENSE_URL } from './award.json.ts';
import {
  PAGE_SIZE,
  type AwardPage,
  type FilterOptions,
  type PublicAward,
} from './award.queries.ts';

export const AWARDS_PATH = '/foerderung/vergaben';
/** New awards as an Atom feed (served with the open-data feeds). */
const AWARD_FEED = { href: `${AWARDS_PATH}.atom`, title: 'Gewährte Förderungen (Atom-Feed)' };

type Option = { value: string; label: string };

/** The options of a filter; a value not among them (after an error) stays visible and selected. */
function withTyped(options: Option[], typed: string, all: string): Option[] {
  const list = [{ value: '', label: all }, ...options];
  if (typed !== '' && !list.some((o) => o.value === typed))
    list.push({ value: typed, label: `„${typed.slice(0, 60)}“ (ungültig)` });
  return list;
}

function place(a: PublicAward): string {
  if (a.gemeinde && a.kreis && a.gemeinde !== a.kreis) return `${a.gemeinde}, ${a.kreis}`;
  return a.gemeinde ?? a.kreis ?? (a.kreisKey ? `Kreisschlüssel ${a.kreisKey}` : '–');
}

const COLUMNS: { label: string; numeric?: boolean }[] = [
  { label: 'Bewilligt am' },
  { label: 'Zuwendungsempfänger' },
  { label: 'Sitz' },
  { label: 'Förderprogramm' },
  { label: 'Rechtsgrundlage' },
  { label: 'Zweck' },
  { label: 'Bewilligungsbehörde' },
  { label: 'Betrag', numeric: true },
];

/**
 * The list is wider than a narrow screen: its scrolling region takes the keyboard focus and is
 * named by the caption, so it can be scrolled without a mouse (WCAG 2.1.1).
 */
function AwardTable(props: { awards: PublicAward[] }): VNode {
  const cell = (numeric?: boolean) =>
    `kern-table__cell${numeric ? ' kern-table__cell--numeric' : ''}`;
  return (
    <div class="kern-table-responsive" role="region" aria-labelledby="vergaben-titel" tabIndex={0}>
      <table class="kern-table">
        <caption class="kern-title" id="vergaben-titel">
          Veröffentlichte Einzelbeihilfen
        </caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            {COLUMNS.map((c) => (
              <th
                scope="col"
                key={c.label}
                class={`kern-table__header${c.numeric ? ' kern-table__header--numeric' : ''}`}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {props.awards.map((a) => (
            <tr class="kern-table__row" key={a.id}>
              <td class={cell()}>{formatGermanDateShort(a.grantedOn)}</td>
              <th scope="row" class={cell()}>
                {a.recipientName}
              </th>
              <td class={cell()}>{place(a)}</td>
              <td class={cell()}>{a.programmeTitle}</td>
              <td class={cell()}>{a.aidBasis}</td>
              <td class={cell()}>{a.purpose}</td>
              <td class={cell()}>{a.fundingBody}</td>
              <td class={cell(true)}>{formatEuro(a.amountCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FilterForm(props: {
  options: FilterOptions;
  values: AwardQueryValues;
  errors: FieldError[];
}): VNode {
  const { options, values, errors } = props;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <form method="get" action={AWARDS_PATH} class="kern-body">
      <fieldset class="kern-fieldset">
        <legend class="kern-label">Liste eingrenzen</legend>
        <SelectField
          name="programm"
          label="Förderprogramm"
          errors={errors}
          value={values.programm}
          options={withTyped(
            options.programmes.map((p) => ({ value: p.id, label: p.title })),
            values.programm,
            'Alle Programme',
          )}
        />
        <SelectField
          name="jahr"
          label="Jahr der Bewilligung"
          errors={errors}
          value={values.jahr}
          options={withTyped(
            options.years.map((y) => ({ value: String(y), label: String(y) })),
            values.jahr,
            'Alle Jahre',
          )}
        />
        <SelectField
          name="kreis"
          label="Kreis oder kreisfreie Stadt des Empfängers"
          errors={errors}
          value={values.kreis}
          options={withTyped(
            options.kreise.map((k) => ({ value: k.key, label: k.name })),
            values.kreis,
            'Alle Kreise',
          )}
        />
        {error('seite') ? (
          <p class="kern-error" id="feld-seite">
            <span class="kern-sr-only">Fehler: </span>
            {error('seite')}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton>Anzeigen</SubmitButton>{' '}
      <a class="kern-link" href={AWARDS_PATH}>
        Alle Filter zurücksetzen
      </a>
    </form>
  );
}

function Paging(props: { filters: AwardFilters; page: number; count: number }): VNode | null {
  const pages = Math.max(1, Math.ceil(props.count / PAGE_SIZE));
  if (pages <= 1) return null;
  const link = (page: number) => `${AWARDS_PATH}${awardQueryString(props.filters, page)}`;
  return (
    <nav aria-label="Seiten der Liste" class="kern-body">
      <p class="kern-body">
        Seite {props.page} von {pages}
      </p>
      <ul class="kern-list kern-list--horizontal">
        {props.page > 1 ? (
          <li>
            <a class="kern-link" href={link(props.page - 1)} rel="prev">
              Vorherige Seite
            </a>
          </li>
        ) : null}
        {props.page < pages ? (
          <li>
            <a class="kern-link" href={link(props.page + 1)} rel="next">
              Nächste Seite
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function AwardListPage(props: {
  ctx: PageContext;
  options: FilterOptions;
  values: AwardQueryValues;
  errors?: FieldError[];
  result?: { filters: AwardFilters; page: number; list: AwardPage };
}): VNode {
  const errors = props.errors ?? [];
  const result = props.result;
  const query = result ? awardQueryString(result.filters) : '';
  return (
    <Layout
      ctx={props.ctx}
      title="Gewährte Förderungen"
      hasErrors={errors.length > 0}
      feeds={[AWARD_FEED]}
    >
      <ErrorSummary errors={errors} />
      <h1 class="kern-heading-large">Gewährte Förderungen (Transparenzliste)</h1>
      <p class="kern-body">
        Einzelbeihilfen von mehr als 100.000 €, die Bewilligungsbehörden auf dieser Plattform
        gewährt haben. Die Veröffentlichung folgt Art. 9 Abs. 1 Buchst. c der Allgemeinen
        Gruppenfreistellungsverordnung (AGVO, in der Fassung der VO (EU) 2023/1315); eine
        Bewilligung erscheint hier noch am Tag des Bescheids. Empfänger sind Unternehmen; bei
        Einzelunternehmen wird der Name nicht veröffentlicht.
      </p>
      <FilterForm options={props.options} values={props.values} errors={errors} />
      {result ? (
        <>
          <p class="kern-body" role="status">
            {result.list.count === 1
              ? '1 Förderung'
              : `${result.list.count.toLocaleString('de-DE')} Förderungen`}
            , zusammen {formatEuro(result.list.totalCents)}.
          </p>
          {result.list.awards.length === 0 ? (
            <p class="kern-body">Für diese Auswahl sind keine Förderungen veröffentlicht.</p>
          ) : (
            <AwardTable awards={result.list.awards} />
          )}
          <Paging filters={result.filters} page={result.page} count={result.list.count} />
          <h2 class="kern-heading-medium">Herunterladen</h2>
          <ul class="kern-list">
            <li>
              <a class="kern-link" href={`${AWARDS_PATH}.csv${query}`}>
                Diese Auswahl als CSV (Tabellenkalkulation)
              </a>
            </li>
            <li>
              <a class="kern-link" href={`${AWARDS_PATH}.json${query}`}>
                Diese Auswahl als JSON (360Giving-Datenstandard)
              </a>
            </li>
            <li>
              <a class="kern-link" href={AWARD_FEED.href}>
                Neue Förderungen als Atom-Feed
              </a>
            </li>
          </ul>
        </>
      ) : null}
      <p class="kern-body--small">
        Quelle: Bewilligungsbehörden auf Industrieland. Lizenz:{' '}
        <a class="kern-link" href={LICENSE_URL}>
          {LICENSE_NAME}
        </a>
        .
      </p>
    </Layout>
  );
}
