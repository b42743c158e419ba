/**
 * The procedure history a Bescheid states in its facts (§ 21 Abs. 1 Nr. 5 and 6 9. BImSchV):
 * application, completeness, notice, display and objection period, hearing — read from the
 * hash-chained audit events, so the letter says exactly what the case file proves.
 */
import type { CaseEvent, ProcedureState } from '../../procedures/engine/index.ts';
import { date } from './common.ts';
import type { SnapshotMilestone } from './snapshot.ts';

export function milestonesFrom(
  history: readonly CaseEvent[],
  state: ProcedureState,
): SnapshotMilestone[] {
  const out: SnapshotMilestone[] = [];
  for (const event of history) {
    const text = describe(event, state);
    if (text) out.push({ on: event.at, text });
  }
  return out;
}

function describe(event: CaseEvent, state: ProcedureState): string | null {
  switch (event.type) {
    case 'application-submitted':
      return 'Der Antrag ist mit den Antragsunterlagen elektronisch eingegangen.';
    case 'receipt-confirmed':
      return 'Der Eingang des Antrags wurde bestätigt (§ 6 9. BImSchV).';
    case 'documents-requested': {
      const items = Array.isArray(event.data.items) ? event.data.items.length : 0;
      return `Es wurden ${items === 1 ? 'eine Unterlage' : `${items} Unterlagen`} nachgefordert (§ 7 Abs. 1 Satz 3 9. BImSchV).`;
    }
    case 'documents-submitted':
      return 'Nachgeforderte Unterlagen sind eingegangen.';
    case 'completeness-confirmed': {
      const on =
        typeof event.data.completenessDate === 'string'
          ? event.data.completenessDate
          : state.completeness?.date;
      return `Die Antragsunterlagen waren vollständig${on ? ` mit Stand vom ${date(on)}` : ''}; die Fachbehörden wurden beteiligt (§ 7 Abs. 2 9. BImSchV, § 10 Abs. 5 BImSchG).`;
    }
    case 'agencies-asked':
      return 'Weitere Behörden wurden um Stellungnahme gebeten.';
    case 'notice-published': {
      const p = state.participation;
      if (!p) return 'Das Vorhaben wurde öffentlich bekannt gemacht.';
      return `Das Vorhaben wurde öffentlich bekannt gemacht (§ 10 Abs. 3 BImSchG). Antrag und Unterlagen lagen vom ${date(p.displayStart)} bis zum ${date(p.displayEnd)} aus; Einwendungen konnten bis zum ${date(p.objectionEnd)} erhoben werden.`;
    }
    case 'hearing-skipped':
      return 'Die Behörde hat entschieden, keinen Erörterungstermin durchzuführen (§ 10 Abs. 6 BImSchG).';
    case 'hearing-scheduled': {
      const h = state.hearing;
      if (h?.format === 'online')
        return `Die Erörterung wurde als Online-Konsultation angesetzt; Äußerungen waren bis zum ${h.date ? date(h.date) : '–'} möglich.`;
      return `Der Erörterungstermin wurde auf den ${h?.date ? date(h.date) : '–'} angesetzt.`;
    }
    case 'hearing-held':
      return 'Die Einwendungen wurden erörtert; die Niederschrift liegt vor (§ 19 9. BImSchV).';
    case 'decision-deadline-extended':
      return 'Die Entscheidungsfrist wurde verlängert (§ 10 Abs. 6a BImSchG).';
    default:
      return null;
  }
}
