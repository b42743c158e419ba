import { formatGermanDate } from '../../law/index.ts';
import type { ParticipationRecord } from '../../procedures/engine/index.ts';

export type Phase = 'announced' | 'display' | 'objections' | 'ended';

/** Where the public part stands on `today` (dates from the notice, computed by the engine). */
export function phaseOf(p: ParticipationRecord, today: string): Phase {
  if (today < p.displayStart) return 'announced';
  if (today <= p.displayEnd) return 'display';
  if (today <= p.objectionEnd) return 'objections';
  return 'ended';
}

export function phaseLabel(p: ParticipationRecord, today: string): string {
  switch (phaseOf(p, today)) {
    case 'announced':
      return `Bekannt gemacht; Auslegung ab ${formatGermanDate(p.displayStart)}`;
    case 'display':
      return `Auslegung bis ${formatGermanDate(p.displayEnd)}`;
    case 'objections':
      return `Einwendungen bis ${formatGermanDate(p.objectionEnd)}`;
    case 'ended':
      return `Einwendungsfrist endete am ${formatGermanDate(p.objectionEnd)}`;
  }
}
