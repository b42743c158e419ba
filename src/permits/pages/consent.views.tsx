import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import type { ConsentKind, ConsentStatus } from '../../db/schema.ts';
import { consentCite } from '../procedure-types/consents.ts';
import { Paragraphs } from './statement.views.tsx';

const NOUN: Record<ConsentKind, string> = {
  municipality: 'Einvernehmen',
  aviation: 'Zustimmung',
};

/** The rule that makes silence a consent, per kind (§ 36 Abs. 2 S. 2 BauGB, § 12 Abs. 2 LuftVG). */
const FICTION: Record<ConsentKind, string> = {
  municipality: consentCite.municipalityFiction,
  aviation: consentCite.aviationFiction,
};

/** German state of a consent, e.g. "Einvernehmen gilt als erteilt (§ 36 Abs. 2 Satz 2 BauGB)". */
export function consentText(kind: ConsentKind, status: ConsentStatus, due: string | null): string {
  const noun = NOUN[kind];
  switch (status) {
    case 'requested':
      return due
        ? `${noun} erbeten; gilt als erteilt, wenn es nicht bis zum ${formatGermanDate(due, { weekday: false })} verweigert wird (${FICTION[kind]})`
        : `${noun} erbeten`;
    case 'given':
      return `${noun} erteilt`;
    case 'refused':
      return `${noun} verweigert`;
    case 'deemed-given':
      return `${noun} gilt als erteilt (${FICTION[kind]})`;
    case 'replaced':
      return `${noun} ersetzt (${consentCite.municipalityReplacement})`;
  }
}

/** The consent column of the agencies table: the state, then the reasons with their paragraphs. */
export function ConsentSummary(props: {
  consent: ConsentKind | null;
  status: ConsentStatus | null;
  due: string | null;
  reasons: string | null;
}): VNode {
  if (props.consent === null || props.status === null) return <>–</>;
  return (
    <div class="consent">
      <p class="kern-body">
        <strong>{consentText(props.consent, props.status, props.due)}</strong>
      </p>
      {props.reasons ? <Paragraphs text={props.reasons} /> : null}
    </div>
  );
}

const EVENT_VERBS: Record<string, ConsentStatus> = {
  'consent-given': 'given',
  'consent-refused': 'refused',
  'consent-deemed-given': 'deemed-given',
  'consent-replaced': 'replaced',
};

/** Timeline label of a consent event, naming the kind of consent; null for other events. */
export function consentEventLabel(type: string, data: unknown): string | null {
  const status = EVENT_VERBS[type];
  if (!status) return null;
  const kind = (data as { kind?: unknown } | null)?.kind;
  if (kind !== 'municipality' && kind !== 'aviation') return null;
  const label = consentText(kind, status, null);
  return kind === 'municipality'
    ? label
    : label.replace('Zustimmung', 'Zustimmung der Luftfahrtbehörde');
}
