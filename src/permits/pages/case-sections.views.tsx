import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import { EVENT_LABELS, letterEventLabel } from './labels.ts';
import { StatementSummary } from './statement.views.tsx';
import { ConsentSummary, consentEventLabel } from './consent.views.tsx';
import type { CasePageProps } from './case-page.types.ts';

/* Sections of a permit case page that depend on the case's history: participation, agencies,
 * timeline. */

/** Audit events of the authority's internal organisation: not part of the parties' timeline. */
const INTERNAL_EVENTS = new Set([
  'case-assigned',
  'case-reassigned',
  // A letter exists for the applicant only once delivered (the letter page answers 404 before).
  'letter-drafted',
  'letter-revised',
  'letter-review-requested',
  'letter-returned',
  'letter-signed',
]);

export function Participation(props: CasePageProps & { isWorker: boolean }): VNode | null {
  const { view, isWorker } = props;
  const isApplicant = view.roles.includes('applicant');
  if (!view.row.state.participation || !(isWorker || isApplicant)) return null;
  return (
    <section class="case-section" aria-labelledby="beteiligung">
      <h2 class="kern-heading-medium" id="beteiligung">
        Öffentlichkeitsbeteiligung
      </h2>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={`/beteiligung/${view.row.id}`}>
            Öffentliche Auslegung und Bekanntmachungen
          </a>
        </li>
        {isWorker ? (
          <>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/einwendungen`}>
                Einwendungen prüfen und schwärzen
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/einwendungen/neu`}>
                Einwendung erfassen (Papier, E-Mail, Unterschriftenliste)
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/einwendungen/gruppen`}>
                Gleichförmige Einwendungen
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/belange`}>
                Belange und Würdigung
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/eroerterung`}>
                Erörterung: Tagesordnung und Niederschrift je Belang
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/export/einwendungen.csv`}>
                Einwendungen als CSV (ohne personenbezogene Daten)
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/export/einwendungen.xlsx`}>
                Einwendungen als Excel-Tabelle (ohne personenbezogene Daten)
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/export/akte.zip`}>
                Verfahrensakte als ZIP
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/auftraege`}>
                Aufträge im Hintergrund (Exporte großer Verfahren, Schwärzungsvorschläge)
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/verfahren/${view.row.id}/zustellung`}>
                Zustellung des Bescheids und Briefliste
              </a>
            </li>
            {view.row.state.facts.eiaRequired === true ? (
              <li>
                <a class="kern-link" href={`/verfahren/${view.row.id}/uvp-portal.zip`}>
                  Paket für das UVP-Portal (§ 20 UVPG)
                </a>
              </li>
            ) : null}
          </>
        ) : (
          <li>
            <a class="kern-link" href={`/verfahren/${view.row.id}/einwendungen-antragstellerin`}>
              Einwendungen (§ 12 Abs. 2 9. BImSchV)
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}

export function Agencies(props: CasePageProps): VNode | null {
  const { view } = props;
  if (view.agencies.length === 0) return null;
  return (
    <section class="case-section" aria-labelledby="behoerden">
      <h2 class="kern-heading-medium" id="behoerden">
        Beteiligte Behörden
      </h2>
      <DataTable
        caption="Beteiligte Behörden und ihre Stellungnahmen"
        hideCaption
        columns={['Behörde', 'Frist', 'Stand', 'Stellungnahme', 'Einvernehmen / Zustimmung']}
        rows={view.agencies.map((a) => ({
          key: a.agency_org_id,
          cells: [
            a.name,
            formatGermanDate(a.due_date),
            {
              asked: 'angefragt',
              answered: 'Stellungnahme liegt vor',
              'no-comment': 'keine Äußerung (Frist abgelaufen)',
            }[a.status],
            <StatementSummary verdict={a.verdict} statement={a.statement} />,
            <ConsentSummary
              consent={a.consent}
              status={a.consent_status}
              due={a.consent_due}
              reasons={a.consent_reasons}
            />,
          ],
        }))}
      />
    </section>
  );
}

export function Timeline(props: CasePageProps & { isWorker: boolean }): VNode | null {
  const events = props.isWorker
    ? props.view.events
    : props.view.events.filter((e) => !INTERNAL_EVENTS.has(e.type));
  if (events.length === 0) return null;
  return (
    <section class="case-section" aria-labelledby="verlauf">
      <h2 class="kern-heading-medium" id="verlauf">
        Verlauf
      </h2>
      <ol class="timeline">
        {events.map((e) => (
          <li key={e.seq}>
            {formatTimestamp(e.at)}:{' '}
            {consentEventLabel(e.type, e.data) ??
              letterEventLabel(e.type, e.data) ??
              EVENT_LABELS[e.type] ??
              e.type}
            {e.display_name
              ? ` – ${e.display_name}`
              : e.actor_role === 'system'
                ? ' – automatisch'
                : ''}
          </li>
        ))}
      </ol>
      <p class="kern-body--small">
        Jeder Eintrag ist mit dem vorherigen über eine Hash-Kette verbunden; Änderungen fallen bei
        der Prüfung der Akte auf.
      </p>
    </section>
  );
}
