import type { VNode } from 'preact';
import { formatGermanDateShort } from '../law/index.ts';
import type { FieldError } from '../platform/errors.ts';
import { ErrorSummary, Notice, SelectField, SubmitButton, TextField } from '../platform/forms.tsx';
import { Layout, type PageContext } from '../platform/layout.tsx';
import { DataTable } from '../platform/table.tsx';
import { referenceLabel } from '../procedures/reference.ts';
import { overrunQueryString, type OverrunQuery } from './overrun.filter.ts';
import { OVERRUN_KINDS } from './overrun.kinds.ts';
import type { OverrunRow } from './overrun.queries.ts';

export function OverrunPage(props: {
  ctx: PageContext;
  rows: OverrunRow[];
  authorities: { id: string; name: string }[];
  query: OverrunQuery;
  errors: FieldError[];
}): VNode {
  const { query, errors } = props;
  return (
    <Layout ctx={props.ctx} title="Fristüberschreitungen" hasErrors={errors.length > 0}>
      <h1 class="kern-heading-large">Fristüberschreitungen</h1>
      <p class="kern-body">
        Überschrittene Fristen laufender Verfahren, die die Genehmigungsbehörde oder eine beteiligte
        Fachbehörde einzuhalten hatte (§ 10 Abs. 6a BImSchG: Meldung an die Aufsichtsbehörde).
        Fristen der Antragstellerin, etwa zur Ergänzung der Unterlagen, sind keine Überschreitung
        der Verwaltung und erscheinen hier nicht.
      </p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/aufsicht/fristen" class="inline-form" novalidate>
        <SelectField
          name="behoerde"
          label="Behörde"
          options={[
            { value: '', label: 'alle' },
            ...props.authorities.map((a) => ({ value: a.id, label: a.name })),
          ]}
          value={query.behoerde ?? ''}
          errors={errors}
        />
        <SelectField
          name="art"
          label="Art der Frist"
          options={[
            { value: '', label: 'alle' },
            ...OVERRUN_KINDS.map((k) => ({ value: k.key, label: k.label })),
          ]}
          value={query.art ?? ''}
          errors={errors}
        />
        <TextField
          name="von"
          label="Fristende von"
          hint="TT.MM.JJJJ"
          value={query.von}
          errors={errors}
          required={false}
          width="width-4"
        />
        <TextField
          name="bis"
          label="Fristende bis"
          hint="TT.MM.JJJJ"
          value={query.bis}
          errors={errors}
          required={false}
          width="width-4"
        />
        <SubmitButton variant="secondary">Filtern</SubmitButton>
      </form>
      {errors.length > 0 ? null : (
        <>
          <p>
            <a class="kern-link" href={`/aufsicht/fristen.csv${overrunQueryString(query)}`}>
              Diese Liste als CSV herunterladen (für Excel, Semikolon-getrennt)
            </a>
          </p>
          {props.rows.length === 0 ? (
            <Notice kind="success" title="Keine Fristüberschreitungen." />
          ) : (
            <DataTable
              caption={`${props.rows.length} überschrittene Fristen`}
              columns={[
                'Aktenzeichen',
                'Vorhaben',
                'Behörde',
                'Frist',
                'Verantwortlich',
                'Fristende',
                { label: 'Tage darüber', numeric: true },
                'Gemeldet',
              ]}
              rows={props.rows.map((r) => ({
                key: `${r.id}-${r.key}`,
                cells: [
                  referenceLabel(r.reference),
                  <a class="kern-link" href={`/verfahren/${r.id}`}>
                    {r.title}
                  </a>,
                  r.authority,
                  r.label,
                  r.responsibleLabel,
                  formatGermanDateShort(r.end_date),
                  r.daysOver,
                  r.escalated_at ? 'ja' : 'nein',
                ],
              }))}
            />
          )}
        </>
      )}
    </Layout>
  );
}
