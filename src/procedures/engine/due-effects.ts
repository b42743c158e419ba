/**
 * What the deadline watcher should do today. The watcher may run late or twice, so effects are
 * windows, not exact days, and each carries a dedupeKey (including the end date, so that an
 * extended deadline reminds again): the job table stores the key and sends each effect once.
 */
import { formatGermanDate } from '../../law/index.ts';
import type { IsoDate } from '../../law/index.ts';
import { daysBetween } from './dates.ts';
import type { CaseDeadline } from './deadlines.ts';
import type { ProcedureTypeVersion, Role } from './types.ts';

interface DueBase {
  readonly deadline: string;
  readonly instance: string | null;
  readonly end: IsoDate;
  readonly dedupeKey: string;
  /** German text for the notification or the case file. */
  readonly message: string;
}

export type DueEffect =
  | (DueBase & { readonly kind: 'reminder'; readonly daysBefore: 7 | 1; readonly recipient: Role })
  | (DueBase & { readonly kind: 'escalation'; readonly recipient: Role })
  | (DueBase & { readonly kind: 'expiry-notice'; readonly recipient: Role })
  | (DueBase & {
      readonly kind: 'no-comment' | 'auto-action' | 'deemed-consent';
      /**
       * Apply with applyAction as role 'system' (silence as "no comment" or as consent, end of a
       * period).
       */
      readonly command: {
        readonly action: string;
        readonly role: 'system';
        readonly input: Record<string, unknown>;
      };
    });

function base(d: CaseDeadline, suffix: string, message: string): DueBase {
  const id = d.instance === null ? d.key : `${d.key}#${d.instance}`;
  return {
    deadline: d.key,
    instance: d.instance,
    end: d.end,
    dedupeKey: `${id}@${d.end}:${suffix}`,
    message,
  };
}

function reminder(d: CaseDeadline, daysLeft: number): DueEffect | null {
  const when = `am ${formatGermanDate(d.end)}`;
  if (daysLeft >= 2 && daysLeft <= 7) {
    const message = `Erinnerung: Die Frist „${d.label}“ endet in ${daysLeft} Tagen, ${when}.`;
    return {
      ...base(d, 'reminder-7', message),
      kind: 'reminder',
      daysBefore: 7,
      recipient: d.responsible,
    };
  }
  if (daysLeft === 0 || daysLeft === 1) {
    const lead = daysLeft === 1 ? 'morgen' : 'heute';
    const message = `Erinnerung: Die Frist „${d.label}“ endet ${lead}, ${when}, um 24:00 Uhr.`;
    return {
      ...base(d, 'reminder-1', message),
      kind: 'reminder',
      daysBefore: 1,
      recipient: d.responsible,
    };
  }
  return null;
}

function overrun(type: ProcedureTypeVersion, d: CaseDeadline): DueEffect | null {
  const expired = `Die Frist „${d.label}“ ist mit Ablauf des ${formatGermanDate(d.end, { weekday: false })} abgelaufen.`;
  switch (d.effectOnExpiry) {
    case 'remind-only':
      return {
        ...base(d, 'expired', `${expired} Bitte prüfen Sie das weitere Vorgehen.`),
        kind: 'expiry-notice',
        recipient: 'case_worker',
      };
    case 'escalate':
      return {
        ...base(d, 'escalation', `${expired} Die Überschreitung wird der Aufsicht gemeldet.`),
        kind: 'escalation',
        recipient: d.escalateTo ?? 'supervisor',
      };
    case 'none':
      return null;
    case 'auto-action': {
      const def = type.deadlines.find((candidate) => candidate.key === d.key);
      if (!def?.expiryAction) return null;
      return {
        ...base(
          d,
          'auto-action',
          `Der Zeitraum „${d.label}“ ist mit Ablauf des ${formatGermanDate(d.end, { weekday: false })} beendet.`,
        ),
        kind: 'auto-action',
        command: { action: def.expiryAction, role: 'system', input: {} },
      };
    }
    case 'no-comment':
    case 'deemed-consent': {
      const def = type.deadlines.find((candidate) => candidate.key === d.key);
      if (!def?.expiryAction || !def.instances || d.instance === null) return null;
      const consequence =
        d.effectOnExpiry === 'no-comment'
          ? 'Es wird davon ausgegangen, dass keine Äußerung beabsichtigt ist.'
          : 'Da sie nicht verweigert wurde, gilt die Erklärung als erteilt.';
      return {
        ...base(d, d.effectOnExpiry, `${expired} ${consequence}`),
        kind: d.effectOnExpiry,
        command: {
          action: def.expiryAction,
          role: 'system',
          input: { [def.instances.matchField]: d.instance },
        },
      };
    }
  }
}

/**
 * Reminders 7 days (window 7…2 days) and 1 day (window 1…0 days) before the end to the person
 * responsible; after the end: escalation, automatic "no comment", or a notice to the case worker.
 */
export function dueEffects(
  type: ProcedureTypeVersion,
  deadlines: readonly CaseDeadline[],
  today: IsoDate,
): DueEffect[] {
  const effects: DueEffect[] = [];
  for (const d of deadlines) {
    if (d.status === 'met' || d.status === 'cancelled') continue;
    const daysLeft = daysBetween(today, d.end);
    // A period is nobody's task: no reminders before its end.
    const period = d.effectOnExpiry === 'none' || d.effectOnExpiry === 'auto-action';
    if (period && daysLeft >= 0) continue;
    const effect = daysLeft < 0 ? overrun(type, d) : reminder(d, daysLeft);
    if (effect) effects.push(effect);
  }
  return effects;
}
