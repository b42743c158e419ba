import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
import { formatGermanDate } from '../../law/german-format.ts';
import { formatParameterUse, truthLabel } from '../../law/rules/index.ts';
import type { TraceNode } from '../../law/rules/index.ts';
import { flattenTrace } from './finder.trace.ts';
import type { FinderEntry, FinderReason, FinderResult } from './finder.types.ts';

function value(v: FinderReason['inputs'][number]['value']): string {
  if (v === null) return 'nicht angegeben';
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  return String(v);
}

/** One rule with its outcome, citation, the inputs it read and the parameter versions. */
function Reason(props: { reason: FinderReason; nodes?: readonly TraceNode[] }): VNode {
  const r = props.reason;
  return (
    <li class={`finder-reason finder-reason--${r.truth}`}>
      <strong>{truthLabel[r.truth]}:</strong> {r.description}{' '}
      <span class="kern-body--small">({r.citation})</span>
      {r.open ? <span class="kern-body--small"> [offen: {r.open}]</span> : null}
      {r.inputs.length > 0 || r.parameters.length > 0 ? (
        <ul class="kern-list kern-body--small">
          {r.inputs.map((i) => (
            <li key={i.fact}>
              Angabe „{i.label}“: {value(i.value)}
            </li>
          ))}
          {r.parameters.map((p) => (
            <li key={p.table}>Wert: {formatParameterUse(p)}</li>
          ))}
        </ul>
      ) : null}
      {props.nodes && props.nodes.length > 0 ? (
        <ul class="kern-list finder-reasons">
          {props.nodes.map((c, i) => (
            <RuleTree key={`${c.ruleId}-${i}`} node={c} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The whole rule tree, nested as it was evaluated. */
function RuleTree(props: { node: TraceNode }): VNode {
  const [self] = flattenTrace({ ...props.node, children: [] });
  return <Reason reason={self!} nodes={props.node.children} />;
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
            {e.title}
            {e.draft ? ' (Entwurf)' : ''}
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
              <Reason key={r.ruleId} reason={{ ...r, depth: 0 }} />
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
                <RuleTree node={e.trace} />
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
