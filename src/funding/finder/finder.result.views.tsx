import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
import { formatGermanDate } from '../../law/german-format.ts';
import { factLabel } from '../../law/funding/index.ts';
import { draftTitle } from '../../law/relief/index.ts';
import { formatFactValue, formatParameterUse, truthLabel } from '../../law/rules/index.ts';
import type { FactValue, ParameterUse, TraceNode } from '../../law/rules/index.ts';
import type { FinderEntry, FinderResult } from './finder.types.ts';

/** The inputs a rule read and the parameter versions it used, as one line of small print. */
function details(
  inputs: readonly { fact: string; value: FactValue | undefined | null }[],
  parameters: readonly ParameterUse[],
): string {
  return [
    ...inputs.map((i) => `Angabe „${factLabel(i.fact)}“: ${formatFactValue(i.fact, i.value)}`),
    ...parameters.map((p) => `Wert: ${formatParameterUse(p)}`),
  ].join('; ');
}

/**
 * One rule with its outcome, citation, the inputs it read and the parameter versions, and its
 * children nested below. Plain text in few elements: a result lists hundreds of rules.
 */
function Rule(props: {
  node: {
    truth: TraceNode['truth'];
    description: string;
    citation: string;
    open?: string;
    inputs: readonly { fact: string; value: FactValue | undefined | null }[];
    parameters: readonly ParameterUse[];
  };
  nodes?: readonly TraceNode[];
}): VNode {
  const r = props.node;
  const small = details(r.inputs, r.parameters);
  return (
    <li>
      <strong>{truthLabel[r.truth]}:</strong> {r.description} ({r.citation})
      {r.open ? ` [offen: ${r.open}]` : ''}
      {small ? <span class="kern-body--small"> – {small}</span> : null}
      {props.nodes && props.nodes.length > 0 ? (
        <ul class="kern-list">
          {props.nodes.map((c, i) => (
            <Rule key={i} node={c} nodes={c.children} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function amountText(entry: FinderEntry): string {
  if (entry.amount.status === 'computed') return formatEuro(entry.amount.amountCents);
  return 'weitere Angaben nötig';
}

function Entry(props: { entry: FinderEntry; index: number }): VNode {
  const e = props.entry;
  const headingId = `eintrag-${props.index}`;
  return (
    <section class="kern-card finder-entry" aria-labelledby={headingId}>
      <div class="kern-card__container">
        <div class="kern-card__header">
          <h3 class="kern-title" id={headingId}>
            {draftTitle(e.title, e.draft)}
          </h3>
        </div>
        <div class="kern-card__body">
          <p class="kern-body">
            <strong class={`finder-status finder-status--${e.eligibility}`}>
              {e.eligibilityLabel}
            </strong>
            {e.kind === 'relief' ? ' – Entlastung bei den Stromkosten' : ''}
          </p>
          <dl class="kern-description-list">
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">Geschätzter Betrag</dt>
              <dd class="kern-description-list-item__value">{amountText(e)}</dd>
            </div>
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">Art der Beihilfe</dt>
              <dd class="kern-description-list-item__value">{e.stateAid.label}</dd>
            </div>
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">Fördergeber</dt>
              <dd class="kern-description-list-item__value">{e.fundingBody}</dd>
            </div>
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">Antragsfrist</dt>
              <dd class="kern-description-list-item__value">
                {e.deadline
                  ? `bis ${formatGermanDate(e.deadline, { weekday: false })}`
                  : 'keine Frist veröffentlicht'}
                {e.kind === 'programme'
                  ? e.callOpen
                    ? ' – Aufruf offen'
                    : ' – Aufruf geschlossen'
                  : ''}
              </dd>
            </div>
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key">Rechtsgrundlage</dt>
              <dd class="kern-description-list-item__value">
                {e.legalBasis.join('; ')}
                {e.validFrom
                  ? ` (Fassung gültig ab ${formatGermanDate(e.validFrom, { weekday: false })})`
                  : ''}
              </dd>
            </div>
          </dl>
          <h4 class="kern-heading-small">Entscheidende Voraussetzungen</h4>
          <ul class="kern-list finder-reasons">
            {e.decidingReasons.map((r) => (
              <Rule key={r.ruleId} node={r} />
            ))}
          </ul>
          {e.missing.length > 0 ? (
            <>
              <h4 class="kern-heading-small">Noch offene Fragen</h4>
              <ul class="kern-list kern-list--bullet">
                {e.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          ) : null}
          {e.link ? (
            <p class="kern-body">
              <a class="kern-link" href={e.link}>
                Im Stromkostenrechner mit Verbrauch und Preisen berechnen
              </a>
            </p>
          ) : null}
          <details class="finder-details">
            <summary>Alle Voraussetzungen ({e.reasons.length} Regeln)</summary>
            {e.trace ? (
              <ul class="kern-list finder-reasons">
                <Rule node={e.trace} nodes={e.trace.children} />
              </ul>
            ) : null}
          </details>
          {e.amount.steps.length > 0 ? (
            <details class="finder-details">
              <summary>Berechnung des Betrags ({e.amount.steps.length} Schritte)</summary>
              <ol class="kern-list kern-list--number">
                {e.amount.steps.map((s, i) => (
                  <li key={i}>
                    {s.text} <span class="kern-body--small">({s.citation})</span>
                    {s.open ? <span class="kern-body--small"> [offen]</span> : null}
                  </li>
                ))}
              </ol>
            </details>
          ) : e.amount.missing.length > 0 ? (
            <p class="kern-body--small">
              Für den Betrag fehlt noch: {e.amount.missing.join(', ')}.
            </p>
          ) : null}
          {e.open.length > 0 ? (
            <details class="finder-details">
              <summary>Offene Punkte der Rechtsprüfung</summary>
              <ul class="kern-list kern-list--bullet">
                {e.open.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      </div>
    </section>
  );
}

export function FinderResults(props: { result: FinderResult }): VNode {
  const { result } = props;
  const count = (kind: FinderEntry['eligibility']) =>
    result.entries.filter((e) => e.eligibility === kind).length;
  return (
    <section aria-labelledby="ergebnis" class="finder-results">
      <h2 class="kern-heading-medium" id="ergebnis">
        Ergebnis: {result.entries.length} von {result.assessed} Programmen und Entlastungen
      </h2>
      <p class="kern-body" role="status">
        {count('eligible')} förderfähig, {count('need-info')} mit offenen Fragen,{' '}
        {count('not-eligible')} nicht förderfähig (Stichtag{' '}
        {formatGermanDate(result.date, { weekday: false })}). Unternehmensgröße nach EU-Definition:{' '}
        {result.sme.label}.
      </p>
      <ul class="kern-list kern-list--bullet">
        {result.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {result.entries.length === 0 ? (
        <p class="kern-body">Kein Programm passt zu den gewählten Filtern.</p>
      ) : (
        result.entries.map((e, i) => <Entry key={e.id} entry={e} index={i + 1} />)
      )}
    </section>
  );
}
