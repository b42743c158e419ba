/**
 * Reviews on the case page of the funding body (assign, see results) and the reviewers' own
 * pages: their queue, and per case the application, the declaration of a conflict of interest
 * and the review form; the others' reviews appear only after the own one is submitted.
 */
import { DocumentList } from './grant.documents.views.tsx';
import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { referenceLabel } from '../../procedures/reference.ts';
import type { loadReviewerCase, reviewerQueue } from './review.actions.ts';
import { MAX_SCORE } from './review.actions.ts';
import { eligibleTotal } from './grant.types.ts';
import type { FundingCaseView } from './grant.view-model.ts';

const reviewState = (r: { conflict: boolean | null; submitted_at: Date | null }) =>
  r.conflict === true
    ? 'befangen erklärt (gibt kein Gutachten ab)'
    : r.submitted_at
      ? 'abgegeben'
      : 'ausstehend';

export function ReviewPanel(props: { view: FundingCaseView; csrfToken: string }): VNode {
  const { view } = props;
  const assigned = new Set(view.reviews.map((r) => r.reviewer_id));
  const choices = view.reviewerChoices.filter((c) => !assigned.has(c.id));
  const submitted = view.reviews.filter((r) => r.submitted_at !== null && r.score !== null);
  const mean =
    submitted.length > 0
      ? submitted.reduce((s, r) => s + (r.score ?? 0), 0) / submitted.length
      : null;
  return (
    <section aria-labelledby="begutachtung">
      <h2 class="kern-heading-medium" id="begutachtung">
        Begutachtung (Wettbewerbsverfahren)
      </h2>
      {view.reviews.length === 0 ? (
        <p class="kern-body">Noch keine Gutachter bestellt.</p>
      ) : (
        <DataTable
          caption="Gutachten"
          columns={['Gutachter', 'Stand', { label: 'Punkte', numeric: true }, 'Begründung']}
          rowHeader={0}
          rows={view.reviews.map((r) => ({
            key: r.reviewer_id,
            cells: [
              r.display_name,
              reviewState(r),
              r.submitted_at ? `${r.score} / ${MAX_SCORE}` : '–',
              r.submitted_at ? (r.comment ?? '') : r.conflict ? (r.conflict_note ?? '') : '–',
            ],
          }))}
        />
      )}
      {mean !== null ? (
        <p class="kern-body">
          Mittelwert der abgegebenen Gutachten:{' '}
          {mean.toLocaleString('de-DE', { maximumFractionDigits: 1 })} Punkte.
        </p>
      ) : null}
      {view.roles.includes('case_worker') &&
      choices.length > 0 &&
      ['received', 'formal-check', 'outline-review', 'assessment'].includes(view.row.step) ? (
        <form method="post" action={`/foerderung/antraege/${view.row.id}/gutachter`}>
          <CsrfField token={props.csrfToken} />
          <SelectField
            name="gutachter"
            label="Gutachterin oder Gutachter bestellen"
            options={choices.map((c) => ({ value: c.id, label: c.display_name }))}
          />
          <SubmitButton variant="secondary">Bestellen</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}

export function ReviewerQueuePage(props: {
  ctx: PageContext;
  items: Awaited<ReturnType<typeof reviewerQueue>>;
}): VNode {
  return (
    <Layout ctx={props.ctx} title="Meine Begutachtungen">
      <h1 class="kern-heading-large">Meine Begutachtungen</h1>
      {props.items.length === 0 ? (
        <p class="kern-body">Ihnen sind keine Anträge zur Begutachtung zugewiesen.</p>
      ) : (
        <DataTable
          caption="Zugewiesene Anträge"
          hideCaption
          columns={['Antrag', 'Stand', 'Zugewiesen']}
          rowHeader={0}
          rows={props.items.map((i) => ({
            key: i.id,
            cells: [
              <a class="kern-link" href={`/begutachtung/${i.id}`}>
                {referenceLabel(i.reference)} {i.title}
              </a>,
              reviewState(i),
              i.assigned_at.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' }),
            ],
          }))}
        />
      )}
    </Layout>
  );
}

export function ReviewerCasePage(props: {
  ctx: PageContext;
  data: Awaited<ReturnType<typeof loadReviewerCase>>;
  errors?: FieldError[];
  values?: Record<string, string>;
  message?: string;
}): VNode {
  const { row, own, others, documents, open } = props.data;
  const app = row.application;
  const errors = props.errors ?? [];
  const v = (n: string) => props.values?.[n] ?? '';
  const done = own.submitted_at !== null || own.conflict === true;
  return (
    <Layout
      ctx={props.ctx}
      title={`Begutachtung ${referenceLabel(row.reference)}`}
      hasErrors={errors.length > 0}
    >
      <p class="kern-body--small">
        <a class="kern-link" href="/begutachtung">
          Alle Begutachtungen
        </a>
      </p>
      <h1 class="kern-heading-large">{row.title}</h1>
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <ErrorSummary errors={errors} />
      <p class="kern-body keep-lines">{app.description}</p>
      <p class="kern-body">
        Förderfähige Ausgaben {formatEuro(eligibleTotal(app.plan))}, beantragte Zuwendung{' '}
        {formatEuro(app.requestedCents)}, Antragsteller {app.applicant.name} (
        {app.applicant.sizeClass}).
      </p>
      <section aria-labelledby="unterlagen">
        <h2 class="kern-heading-medium" id="unterlagen">
          Unterlagen des Antrags
        </h2>
        {own.conflict === true ? (
          <p class="kern-body">
            Sie haben einen Interessenkonflikt erklärt; die Unterlagen sind für Sie gesperrt.
          </p>
        ) : (
          <>
            {own.conflict === null ? (
              <p class="kern-body">
                Besteht ein Interessenkonflikt, erklären Sie ihn, bevor Sie die Unterlagen öffnen.
              </p>
            ) : null}
            <DocumentList
              documents={documents}
              caption="Unterlagen des Antrags"
              href={(d) => `/begutachtung/${row.id}/unterlagen/${d.id}`}
            />
          </>
        )}
      </section>
      {done ? (
        <p class="kern-body">
          Ihr Stand: {reviewState(own)}
          {own.submitted_at ? `, ${own.score} / ${MAX_SCORE} Punkte` : ''}.
        </p>
      ) : open ? (
        <form method="post" action={`/begutachtung/${row.id}`}>
          <CsrfField token={props.ctx.csrfToken} />
          <fieldset class="kern-fieldset">
            <legend class="kern-label">
              Besteht ein Interessenkonflikt (§§ 20, 21 VwVfG NRW)? Erklären Sie das vor der
              Begutachtung.
            </legend>
            <div class="kern-form-check">
              <input
                class="kern-form-check__radio"
                type="radio"
                id="befangen-nein"
                name="befangen"
                value="nein"
                checked={v('befangen') === 'nein'}
              />
              <label class="kern-label" for="befangen-nein">
                Nein – ich gebe das Gutachten ab
              </label>
            </div>
            <div class="kern-form-check">
              <input
                class="kern-form-check__radio"
                type="radio"
                id="befangen-ja"
                name="befangen"
                value="ja"
                checked={v('befangen') === 'ja'}
              />
              <label class="kern-label" for="befangen-ja">
                Ja – ich begutachte diesen Antrag nicht
              </label>
            </div>
          </fieldset>
          <TextField
            name="befangen_grund"
            label="Grund des Interessenkonflikts (nur bei „Ja“)"
            value={v('befangen_grund')}
            errors={errors}
            required={false}
          />
          <TextField
            name="punkte"
            label={`Punkte (0–${MAX_SCORE})`}
            value={v('punkte')}
            errors={errors}
            width="width-2"
            inputMode="numeric"
            required={false}
          />
          <TextArea
            name="begruendung"
            label="Begründung"
            value={v('begruendung')}
            errors={errors}
            rows={6}
            required={false}
          />
          <SubmitButton>Erklärung und Gutachten abgeben</SubmitButton>
        </form>
      ) : (
        <p class="kern-body">Der Antrag ist nicht mehr in der Begutachtung.</p>
      )}
      <section aria-labelledby="andere">
        <h2 class="kern-heading-medium" id="andere">
          Gutachten der anderen
        </h2>
        {own.submitted_at === null ? (
          <p class="kern-body">
            Die anderen Gutachten sehen Sie erst, nachdem Sie Ihr eigenes abgegeben haben.
          </p>
        ) : others.length === 0 ? (
          <p class="kern-body">Noch keine weiteren Gutachten abgegeben.</p>
        ) : (
          <ul class="kern-list kern-list--bullet">
            {others.map((o) => (
              <li key={o.reviewer_id}>
                {o.display_name}: {o.score} / {MAX_SCORE} – {o.comment}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
