import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import { Notice, SubmitButton, TextField } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { NrwMap } from '../../registers/map/nrw-map.tsx';
import type { ParticipationRecord } from '../../procedures/engine/index.ts';
import type { OpenProcedure } from './public.queries.ts';
import { phaseLabel, phaseOf } from './phase.ts';

export function ParticipationListPage(props: {
  ctx: PageContext;
  items: OpenProcedure[];
  q: string;
  all: boolean;
  today: string;
}): VNode {
  const { items, today } = props;
  const markers = items
    .filter((p) => p.lon !== null && p.lat !== null)
    .map((p) => ({
      id: p.id,
      lon: p.lon ?? 0,
      lat: p.lat ?? 0,
      label: `${p.title} (${p.gemeinde})`,
      href: `/beteiligung/${p.id}`,
      status: phaseLabel(p.participation, today),
    }));
  return (
    <Layout ctx={props.ctx} title="Öffentlichkeitsbeteiligung" feeds={[FEED]}>
      <h1 class="kern-heading-large">Öffentlichkeitsbeteiligung</h1>
      <p class="kern-body">
        Hier liegen die Unterlagen von Genehmigungsverfahren mit Öffentlichkeitsbeteiligung aus.
        Jede Person kann während der Einwendungsfrist Einwendungen erheben, ohne Konto und ohne
        Anmeldung (§ 10 Abs. 3 BImSchG).
      </p>
      <form method="get" action="/beteiligung" class="search-form kern-stack" role="search">
        <TextField
          name="q"
          type="search"
          label="Suche in Vorhaben und Bekanntmachungen"
          hint="Zum Beispiel Ort, Vorhabenträgerin, Anlagentyp oder Aktenzeichen."
          value={props.q}
          errors={[]}
          required={false}
        />
        <div class="kern-form-check">
          <input
            class="kern-form-check__checkbox"
            type="checkbox"
            id="alle"
            name="alle"
            value="1"
            checked={props.all}
          />
          <label class="kern-label" for="alle">
            Auch Verfahren mit beendeter Einwendungsfrist anzeigen
          </label>
        </div>
        <SubmitButton variant="secondary">Suchen</SubmitButton>
      </form>
      {items.length === 0 ? (
        <p class="kern-body">
          {props.q
            ? `Keine Verfahren zu „${props.q}“ gefunden.`
            : 'Zurzeit gibt es keine Verfahren in der Öffentlichkeitsbeteiligung.'}
        </p>
      ) : (
        <>
          <NrwMap
            title="Karte der Verfahren in Nordrhein-Westfalen"
            description="Jeder Punkt ist ein Vorhaben; der Link führt zur Auslegung. Dieselben Verfahren stehen in der Tabelle unter der Karte."
            markers={markers}
          />
          <DataTable
            caption={`${items.length} Verfahren`}
            columns={['Vorhaben', 'Gemeinde', 'Behörde', 'Stand', 'Einwendungen bis']}
            rows={items.map((p) => ({
              key: p.id,
              cells: [
                <a class="kern-link" href={`/beteiligung/${p.id}`}>
                  {p.title}
                </a>,
                p.gemeinde,
                p.authority,
                phaseLabel(p.participation, today),
                formatGermanDate(p.participation.objectionEnd),
              ],
            }))}
          />
        </>
      )}
    </Layout>
  );
}

export const FEED = { href: '/bekanntmachungen/feed.atom', title: 'Bekanntmachungen (Atom-Feed)' };

export interface DisplayView {
  id: string;
  reference: string;
  title: string;
  authority: string;
  closed: boolean;
  participation: ParticipationRecord;
  displayRationale: string;
  objectionRationale: string;
  documents: {
    id: string;
    label: string;
    filename: string;
    size: number;
    tradeSecret: boolean;
    neutralSummary: string | null;
  }[];
  notices: { id: string; title: string; publishedOn: string }[];
  decision: { displayStart: string; displayEnd: string; available: boolean } | null;
  alternativeAccess: string;
}

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} KB`;
}

export function DisplayPage(props: { ctx: PageContext; view: DisplayView; today: string }): VNode {
  const { view, today } = props;
  const p = view.participation;
  const phase = phaseOf(p, today);
  const open = phase === 'display';
  return (
    <Layout ctx={props.ctx} title={`Auslegung: ${view.title}`} feeds={[FEED]}>
      <p class="kern-body kern-body--small">
        Az. {view.reference} · {view.authority}
      </p>
      <h1 class="kern-heading-large">{view.title}</h1>
      <dl class="facts">
        <dt>Auslegung</dt>
        <dd>
          {formatGermanDate(p.displayStart)} bis {formatGermanDate(p.displayEnd)}
          <details>
            <summary>So wurde die Frist berechnet</summary>
            <p class="kern-body kern-body--small pre-line">{view.displayRationale}</p>
          </details>
        </dd>
        <dt>Einwendungen</dt>
        <dd>
          bis einschließlich {formatGermanDate(p.objectionEnd)}
          {p.eiaRequired
            ? ' (UVP-pflichtiges Vorhaben: ein Monat nach der Auslegung)'
            : ' (zwei Wochen nach der Auslegung)'}
          <details>
            <summary>So wurde die Frist berechnet</summary>
            <p class="kern-body kern-body--small pre-line">{view.objectionRationale}</p>
          </details>
        </dd>
        <dt>Stand</dt>
        <dd>{phaseLabel(p, today)}</dd>
      </dl>
      {view.closed ? (
        <Notice kind="info" title="Das Verfahren ist abgeschlossen." />
      ) : (
        <p class="kern-body">
          <a class="kern-btn kern-btn--primary" href={`/beteiligung/${view.id}/einwendung`}>
            <span class="kern-label">Einwendung erheben</span>
          </a>
        </p>
      )}
      {view.decision ? (
        <section aria-labelledby="bescheid">
          <h2 class="kern-heading-medium" id="bescheid">
            Bescheid (öffentliche Bekanntmachung nach § 10 Abs. 8 BImSchG)
          </h2>
          <p class="kern-body">
            Der Bescheid liegt vom {formatGermanDate(view.decision.displayStart)} bis zum{' '}
            {formatGermanDate(view.decision.displayEnd)} aus. Mit dem Ende der Auslegung gilt er
            gegenüber den Einwendenden als zugestellt.
          </p>
          {view.decision.available ? (
            <p class="kern-body">
              <a class="kern-link" href={`/beteiligung/${view.id}/bescheid`}>
                Bescheid mit Begründung (PDF)
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="unterlagen">
        <h2 class="kern-heading-medium" id="unterlagen">
          Ausgelegte Unterlagen
        </h2>
        {open ? null : (
          <p class="kern-body">
            {phase === 'announced'
              ? `Die Unterlagen können ab dem ${formatGermanDate(p.displayStart)} eingesehen werden.`
              : 'Die Auslegung ist beendet; die Unterlagen können hier nicht mehr abgerufen werden.'}
          </p>
        )}
        {view.documents.length === 0 ? (
          <p class="kern-body">Zu diesem Verfahren sind keine Unterlagen ausgelegt.</p>
        ) : (
          <DataTable
            caption="Unterlagen des Antrags"
            columns={['Unterlage', 'Datei']}
            rows={view.documents.map((d) => ({
              key: d.id,
              cells: [
                d.label,
                d.tradeSecret ? (
                  <>
                    <strong>
                      Enthält Betriebs- oder Geschäftsgeheimnisse (§ 10 Abs. 2 BImSchG); ausgelegt
                      wird die Inhaltsdarstellung:
                    </strong>{' '}
                    {d.neutralSummary ?? '–'}
                  </>
                ) : open ? (
                  <a class="kern-link" href={`/beteiligung/${view.id}/unterlagen/${d.id}`}>
                    {d.filename} ({sizeLabel(d.size)})
                  </a>
                ) : (
                  d.filename
                ),
              ],
            }))}
          />
        )}
        <h3 class="kern-heading-small">Anderer Zugang zu den Unterlagen</h3>
        <p class="kern-body">{view.alternativeAccess}</p>
      </section>
      <section aria-labelledby="bekanntmachungen">
        <h2 class="kern-heading-medium" id="bekanntmachungen">
          Bekanntmachungen
        </h2>
        <ul class="kern-list">
          {view.notices.map((n) => (
            <li key={n.id}>
              <a class="kern-link" href={`/bekanntmachungen/${n.id}`}>
                {n.title}
              </a>{' '}
              vom {formatGermanDate(n.publishedOn)}
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
