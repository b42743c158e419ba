/**
 * Consents other authorities give to a wind permit, inside the BImSchG permit (concentration
 * effect, § 13 BImSchG): the municipality's Einvernehmen for a project in the outer area
 * (§ 36 Abs. 1 S. 1 BauGB with § 35 BauGB) and the aviation authority's consent for structures
 * higher than 100 m (§ 14 Abs. 1 LuftVG). Both count as given when not refused within two months
 * of the request; only the municipality's refusal may be replaced. See docs/agencies.md.
 */
import type {
  ConsentDef,
  DeadlineDef,
  Guard,
  TransitionDef,
} from '../../procedures/engine/index.ts';
import { cite } from './citations.ts';
import type { ClosingEvents } from './deadlines.ts';

export const consentCite = {
  municipality: '§ 36 Abs. 1 Satz 1 BauGB',
  municipalityFiction: '§ 36 Abs. 2 Satz 2 BauGB',
  // [open] The replacing authority in NRW (BauO NRW 2018; § 74 or § 73 Abs. 4 are cited) and
  // whether the municipality must be heard before its consent is replaced.
  municipalityReplacement: '§ 36 Abs. 2 Satz 3 BauGB',
  aviation: '§ 14 Abs. 1 LuftVG',
  aviationFiction: '§ 14 Abs. 1 i. V. m. § 12 Abs. 2 Satz 2 LuftVG',
} as const;

/** The events that answer a consent; the request comes with the involvement of the agency. */
const ANSWERED = ['consent-given', 'consent-refused', 'consent-deemed-given'];

export const CONSENTS: readonly ConsentDef[] = [
  {
    key: 'municipality',
    label: 'Einvernehmen der Gemeinde',
    deadline: 'municipal-consent',
    replaceable: true,
    citations: [consentCite.municipality, consentCite.municipalityReplacement],
  },
  {
    key: 'aviation',
    label: 'Zustimmung der Luftfahrtbehörde',
    deadline: 'aviation-consent',
    replaceable: false,
    citations: [consentCite.aviation],
  },
];

/**
 * Two months from the request, one deadline per agency asked for the consent. The period runs
 * from the request reaching the agency; the request goes out electronically on the day it is
 * made, so that day is taken as the start [open]. Shift: on, as for statements — silence has a
 * legal consequence for the agency (§ 31 Abs. 3 VwVfG NRW) [open]. The period does not restart
 * when the agency asks for more documents (BVerwG, 16.09.2004 – 4 C 7.03). Expiry: the watcher
 * records the fiction. A decision refusing the permit makes the consent moot.
 */
function consentDeadline(
  def: { key: string; label: string; trigger: string; fiction: string; basis: string },
  closing: ClosingEvents,
): DeadlineDef {
  return {
    key: def.key,
    label: def.label,
    duration: { kind: 'fixed', duration: 'P2M' },
    counting: 'event',
    start: {
      kind: 'event',
      events: ['completeness-confirmed', 'agencies-asked'],
      occurrence: 'first',
      label: 'Ersuchen der Genehmigungsbehörde',
      citation: def.fiction,
    },
    instances: { triggerField: def.trigger, matchField: 'agency' },
    satisfiedBy: ANSWERED,
    cancelledBy: [...closing, 'decision-issued'],
    extensions: [],
    shiftPastNonWorkingDays: true,
    shiftCitation: cite.shift,
    responsible: 'agency_member',
    effectOnExpiry: 'deemed-consent',
    expiryAction: 'deem-consent-given',
    citations: [def.fiction, def.basis, cite.concentration],
  };
}

export function consentDeadlines(closing: ClosingEvents): DeadlineDef[] {
  return [
    consentDeadline(
      {
        key: 'municipal-consent',
        label: 'Einvernehmen der Gemeinde',
        trigger: 'municipalConsents',
        fiction: consentCite.municipalityFiction,
        basis: consentCite.municipality,
      },
      closing,
    ),
    // [open] § 12 Abs. 2 S. 3 LuftVG lets the period be extended where the assessment needs
    // more time; no extension is modelled.
    consentDeadline(
      {
        key: 'aviation-consent',
        label: 'Zustimmung der Luftfahrtbehörde',
        trigger: 'aviationConsents',
        fiction: consentCite.aviationFiction,
        basis: consentCite.aviation,
      },
      closing,
    ),
  ];
}

const requested: Guard = {
  check: { kind: 'consent-is', status: 'requested' },
  message:
    'Über das Einvernehmen bzw. die Zustimmung Ihrer Behörde ist bereits entschieden; eine weitere Erklärung ist nicht möglich.',
};

/** The consent steps, in the steps in which the agency may answer and the decision is open. */
export function consentTransitions(from: readonly string[]): TransitionDef[] {
  const citations = [
    consentCite.municipality,
    consentCite.municipalityFiction,
    consentCite.aviation,
    consentCite.aviationFiction,
  ];
  return [
    {
      action: 'give-consent',
      label: 'Einvernehmen bzw. Zustimmung erteilen',
      from,
      to: null,
      roles: ['agency_member'],
      guards: [requested],
      effect: { kind: 'give-consent' },
      event: 'consent-given',
      citations,
    },
    {
      action: 'refuse-consent',
      label: 'Einvernehmen bzw. Zustimmung verweigern',
      from,
      to: null,
      roles: ['agency_member'],
      guards: [requested],
      effect: { kind: 'refuse-consent' },
      event: 'consent-refused',
      citations,
    },
    {
      action: 'replace-consent',
      label: 'Verweigertes Einvernehmen der Gemeinde ersetzen',
      from,
      to: null,
      roles: ['case_worker', 'supervisor'],
      guards: [
        {
          check: { kind: 'consent-is', status: 'refused', replaceable: true },
          message: `Ersetzt werden kann nur ein verweigertes Einvernehmen der Gemeinde (${consentCite.municipalityReplacement}).`,
        },
      ],
      effect: { kind: 'replace-consent' },
      event: 'consent-replaced',
      citations: [consentCite.municipalityReplacement],
    },
    {
      action: 'deem-consent-given',
      label: 'Einvernehmen bzw. Zustimmung gilt als erteilt (Fristablauf)',
      from,
      to: null,
      roles: ['system'],
      guards: [
        requested,
        {
          check: { kind: 'consent-deadline-expired' },
          message: `Die Frist von zwei Monaten ist noch nicht abgelaufen; erst danach gilt die Erklärung als erteilt (${consentCite.municipalityFiction}; ${consentCite.aviationFiction}).`,
        },
      ],
      effect: { kind: 'deem-consent-given' },
      event: 'consent-deemed-given',
      citations,
    },
  ];
}

/**
 * The permit may be granted only with the consents (§ 36 Abs. 1 BauGB, § 14 Abs. 1 LuftVG);
 * refusing it stays possible while they are open or refused.
 */
export const consentsSettled: Guard = {
  check: { kind: 'consents-settled' },
  message:
    'Die Genehmigung kann erst erteilt werden, wenn jedes erbetene Einvernehmen und jede Zustimmung erteilt ist oder als erteilt gilt und ein verweigertes Einvernehmen der Gemeinde ersetzt ist (§ 36 BauGB, § 14 LuftVG). Eine Ablehnung des Antrags bleibt möglich.',
  onlyIf: { field: 'outcome', value: 'granted', label: 'Genehmigung erteilen' },
};
