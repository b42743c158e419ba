import { PROCEDURE_TYPE_VERSIONS } from '../permits/procedure-types/index.ts';

/**
 * The kinds of deadline that can be overrun by the authority or an agency: deadlines whose
 * expiry is somebody's failure (escalation, reminder, deemed "no comment"), not periods that
 * simply end (display, objection period) and not the applicant's own periods (missing
 * documents, § 7 Abs. 1 S. 3 9. BImSchV), which bind the applicant, not the administration.
 */
export const BINDING_ROLES = ['case_worker', 'agency_member'] as const;
export const PERIOD_EFFECTS = ['none', 'auto-action'] as const;

export interface DeadlineKind {
  key: string;
  label: string;
  responsible: string;
}

function collectKinds(): DeadlineKind[] {
  const kinds = new Map<string, DeadlineKind>();
  for (const type of PROCEDURE_TYPE_VERSIONS)
    for (const d of type.deadlines) {
      if (!(BINDING_ROLES as readonly string[]).includes(d.responsible)) continue;
      if ((PERIOD_EFFECTS as readonly string[]).includes(d.effectOnExpiry)) continue;
      if (!kinds.has(d.key))
        kinds.set(d.key, { key: d.key, label: d.label, responsible: d.responsible });
    }
  return [...kinds.values()].sort((a, b) => a.label.localeCompare(b.label, 'de'));
}

export const OVERRUN_KINDS: readonly DeadlineKind[] = collectKinds();

export const RESPONSIBLE_LABELS: Record<string, string> = {
  case_worker: 'Genehmigungsbehörde',
  agency_member: 'Fachbehörde',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A deadline row's name for people: the kind's German label, with the agency's name for a
 * per-agency deadline (saveDeadlines put it into the stored label) — never an internal key such
 * as "document-submission#N1".
 */
export function readableDeadline(
  key: string,
  storedLabel: string,
): { kind: string; label: string } {
  const [kindKey = key, instance] = key.split('#');
  const kind = OVERRUN_KINDS.find((k) => k.key === kindKey);
  const base = kind?.label ?? storedLabel.split(':')[0] ?? storedLabel;
  if (!instance) return { kind: kindKey, label: base };
  if (UUID.test(instance)) {
    // The stored label names the agency unless it was unknown when the deadline was saved.
    return { kind: kindKey, label: storedLabel.includes(instance) ? base : storedLabel };
  }
  const request = /^N(\d+)$/.exec(instance);
  return { kind: kindKey, label: request ? `${base} (Nachforderung ${request[1]})` : base };
}
