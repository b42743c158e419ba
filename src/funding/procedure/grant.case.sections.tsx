/**
 * Sections of the funding case page: the financing plan, the grant and its payments, the proof of
 * use with its check, and the assessment's proposal with the rules' trace.
 */
import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import { formatEuro } from '../../law/fees/money.ts';
import { DataTable } from '../../platform/table.tsx';
import { eligibleTotal, otherAidTotal } from './grant.types.ts';
import type { FundingCaseView } from './grant.view-model.ts';

export const day = (iso: string | null | undefined) =>
  iso ? formatGermanDate(iso, { weekday: false }) : '–';
const percent = (ppm: number) =>
  `${(ppm / 10_000).toLocaleString('de-DE', { maximumFractionDigits: 2 })} %`;
const PAYMENT_STATUS: Record<string, string> = {
  requested: 'beantragt',
  paid: 'ausgezahlt',
  rejected: 'zurückgewiesen',
};

export function FinancingPlanTable(props: { view: FundingCaseView }): VNode {
  const { plan, requestedCents } = props.view.row.application;
  return (
    <DataTable
      caption="Finanzierungsplan"
      columns={['Position', { label: 'Betrag', numeric: true }]}
      rowHeader={0}
      rows={[
        ...plan.costs.map((c) => ({
          key: c.key,
          cells: [`Förderfähige Ausgaben: ${c.label}`, formatEuro(c.cents)],
        })),
        {
          key: 'sum',
          cells: ['Summe der förderfähigen Ausgaben', formatEuro(eligibleTotal(plan))],
        },
        { key: 'own', cells: ['Eigenmittel', formatEuro(plan.ownFundsCents)] },
        ...plan.otherAid.map((a, i) => ({
          key: `o${i}`,
          cells: [`Andere Förderung: ${a.source}`, formatEuro(a.cents)],
        })),
        { key: 'other', cells: ['Summe anderer Förderung', formatEuro(otherAidTotal(plan))] },
        { key: 'req', cells: ['Beantragte Zuwendung', formatEuro(requestedCents)] },
      ]}
    />
  );
}

export function Money(props: { view: FundingCaseView }): VNode | null {
  const { view } = props;
  const f = view.figures;
  if (f.grantedCents === null) return null;
  return (
    <section aria-labelledby="geld">
      <h2 class="kern-heading-medium" id="geld">
        Zuwendung und Zahlungen
      </h2>
      <dl class="facts">
        <dt>Bewilligt am</dt>
        <dd>{day(f.grantedOn)}</dd>
        <dt>Zuwendung (Höchstbetrag)</dt>
        <dd>{formatEuro(f.grantedCents)}</dd>
        <dt>Bewilligungszeitraum</dt>
        <dd>
          {day(f.periodStart)} bis {day(f.periodEnd)}
        </dd>
        <dt>Ausgezahlt</dt>
        <dd>{formatEuro(view.position.paidCents)}</dd>
        <dt>Noch abrufbar</dt>
        <dd>
          {formatEuro(
            Math.max(
              0,
              f.grantedCents -
                view.payments
                  .filter((p) => p.status !== 'rejected')
                  .reduce((s, p) => s + p.amount_cents, 0),
            ),
          )}
        </dd>
        {f.recoveryCents !== null ? (
          <>
            <dt>Zurückgefordert</dt>
            <dd>
              {formatEuro(f.recoveryCents)} zuzüglich {formatEuro(f.interestCents ?? 0)} Zinsen (§
              49a Abs. 3 VwVfG NRW)
              {view.position.recoveredCents > 0
                ? ` – erstattet ${formatEuro(view.position.recoveredCents)}`
                : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {view.payments.length > 0 ? (
        <DataTable
          caption="Mittelabrufe"
          columns={[
            'Nr.',
            'Eingang',
            { label: 'Betrag', numeric: true },
            'Benötigt bis',
            'Zweck',
            'Stand',
          ]}
          rows={view.payments.map((p) => ({
            key: String(p.number),
            cells: [
              String(p.number),
              day(p.requested_on),
              formatEuro(p.amount_cents),
              day(p.needed_by),
              p.purpose,
              `${PAYMENT_STATUS[p.status] ?? p.status}${p.decided_on ? ` am ${day(p.decided_on)}` : ''}${p.decision_reason ? `: ${p.decision_reason}` : ''}`,
            ],
          }))}
        />
      ) : (
        <p class="kern-body">Noch keine Mittel abgerufen.</p>
      )}
    </section>
  );
}

export function Proof(props: { view: FundingCaseView }): VNode | null {
  const { proof, proofAssessment: a } = props.view;
  if (!proof) return null;
  return (
    <section aria-labelledby="nachweis">
      <h2 class="kern-heading-medium" id="nachweis">
        Verwendungsnachweis
      </h2>
      <p class="kern-body">
        Eingegangen am {day(proof.submitted_on)}. Ausgaben insgesamt{' '}
        {formatEuro(proof.spent_total_cents)}, Eigenmittel {formatEuro(proof.own_funds_cents)},
        andere Förderung {formatEuro(proof.other_aid_cents)}.
      </p>
      <details>
        <summary>Sachbericht</summary>
        <p class="kern-body keep-lines">{proof.report}</p>
      </details>
      {a ? (
        <>
          <DataTable
            caption="Prüfung des Verwendungsnachweises"
            columns={[
              'Position',
              { label: 'Geplant', numeric: true },
              { label: 'Nachgewiesen', numeric: true },
              { label: 'Anerkannt', numeric: true },
            ]}
            rowHeader={0}
            rows={a.recognised.map((r) => ({
              key: r.key,
              cells: [
                r.label,
                formatEuro(r.plannedCents),
                formatEuro(r.spentCents),
                formatEuro(r.recognisedCents),
              ],
            }))}
          />
          <ul class="kern-list kern-list--bullet">
            <li>Anerkannte Ausgaben: {formatEuro(a.recognisedTotalCents)}</li>
            <li>
              Zuwendung danach: {formatEuro(a.dueCents)}; ausgezahlt: {formatEuro(a.paidCents)}
            </li>
            <li>
              Zurückzufordern: {formatEuro(a.recoveryCents)}; Zinsen: {formatEuro(a.interestCents)}
            </li>
            {a.findings.map((x, i) => (
              <li key={`f${i}`}>{x}</li>
            ))}
            {a.interestSteps.map((x, i) => (
              <li key={`z${i}`}>{x}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function Proposal(props: { view: FundingCaseView }): VNode | null {
  const p = props.view.proposal;
  if (!p) return null;
  return (
    <section aria-labelledby="vorschlag">
      <h2 class="kern-heading-medium" id="vorschlag">
        Ergebnis der fachlichen Prüfung
      </h2>
      <p class="kern-body">
        Empfehlung:{' '}
        <strong>
          {p.recommendation === 'grant'
            ? `Bewilligung von ${formatEuro(p.grantCents)}`
            : 'Ablehnung'}
        </strong>{' '}
        (förderfähige Ausgaben {formatEuro(p.eligibleCents)}, Fördersatz {percent(p.ratePpm)};{' '}
        {p.aidLabel}).
      </p>
      <h3 class="kern-heading-small">Berechnung</h3>
      <ol class="kern-list kern-list--number">
        {p.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <details>
        <summary>Förderregeln mit Rechtsgrundlagen</summary>
        <ul class="kern-list kern-list--bullet">
          {p.decidingRules.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      </details>
      <p class="kern-body keep-lines">Prüfvermerk: {p.note}</p>
    </section>
  );
}
