import type { DeadlineStatus } from '../../db/schema.ts';
import {
  isLetterKind,
  LETTER_EVENT_LABELS,
  LETTER_KIND_LABELS,
} from '../../procedures/letters/letter.kinds.ts';

/** German names of audit events and deadline states, for timelines and tables. */
export const EVENT_LABELS: Record<string, string> = {
  'application-created': 'Antrag angelegt',
  'application-saved': 'Entwurf gespeichert',
  'document-uploaded': 'Unterlage hochgeladen',
  'application-submitted': 'Antrag eingereicht',
  'receipt-confirmed': 'Eingang bestätigt',
  'documents-requested': 'Unterlagen nachgefordert',
  'documents-submitted': 'Unterlagen nachgereicht',
  'completeness-check-extended': 'Vollständigkeitsprüfung verlängert',
  'completeness-confirmed': 'Vollständigkeit bestätigt, Behörden beteiligt',
  'application-rejected': 'Antrag wegen Unvollständigkeit abgelehnt',
  'agencies-asked': 'Weitere Behörden beteiligt',
  'agency-statement-recorded': 'Stellungnahme eingegangen',
  'agency-no-comment-recorded': 'Keine Äußerung innerhalb der Frist',
  'consent-given': 'Einvernehmen bzw. Zustimmung erteilt',
  'consent-refused': 'Einvernehmen bzw. Zustimmung verweigert',
  'consent-deemed-given': 'Einvernehmen bzw. Zustimmung gilt als erteilt',
  'consent-replaced': 'Verweigertes Einvernehmen ersetzt',
  'decision-deadline-extended': 'Entscheidungsfrist verlängert',
  'applicant-consent-recorded': 'Zustimmung der Antragstellerin erfasst',
  'participation-prepared': 'Öffentlichkeitsbeteiligung vorbereitet',
  'notice-published': 'Vorhaben öffentlich bekannt gemacht (Auslegung, Einwendungsfrist)',
  'hearing-skipped': 'Entschieden: kein Erörterungstermin',
  'hearing-requested': 'Erörterungstermin von der Antragstellerin beantragt',
  'hearing-scheduled': 'Erörterungstermin angesetzt',
  'hearing-held': 'Erörterung durchgeführt, Niederschrift erfasst',
  'decision-published': 'Bescheid öffentlich bekannt gemacht (§ 10 Abs. 8 BImSchG)',
  'decision-deemed-delivered': 'Bescheid gilt als zugestellt; Verfahren abgeschlossen',
  'concern-added': 'Belang hinzugefügt',
  'concern-assessed': 'Belang bewertet',
  'concern-assessment-withdrawn': 'Bewertung eines Belangs zurückgezogen',
  'statement-concerns-confirmed': 'Belange einer Stellungnahme bestätigt',
  'objection-redactions-confirmed': 'Schwärzungsvorschläge übernommen',
  'objections-released': 'Einwendungen an die Antragstellerin freigegeben (§ 12 Abs. 2 9. BImSchV)',
  'uniform-submission-decided':
    'Gleichförmige Eingabe ohne Vertreter: entschieden, ob sie berücksichtigt wird (§ 17 Abs. 2 VwVfG)',
  'agency-involvement-completed': 'Behördenbeteiligung abgeschlossen',
  'decision-issued': 'Entscheidung getroffen',
  'decision-delivered': 'Bescheid zugestellt',
  'application-withdrawn': 'Antrag zurückgenommen',
  'application-refused': 'Antrag abgelehnt',
  'deadline-escalated': 'Fristüberschreitung an die Aufsicht gemeldet',
  'case-assigned': 'Zuständigkeit festgelegt',
  'case-reassigned': 'Zuständigkeit geändert',
  ...LETTER_EVENT_LABELS,
};

/** The timeline names the letter ("Schreiben gezeichnet: Bescheid"), as the letter list does. */
export function letterEventLabel(type: string, data: unknown): string | undefined {
  if (!type.startsWith('letter-') || !EVENT_LABELS[type]) return undefined;
  const kind = (data as { kind?: unknown } | null)?.kind;
  return isLetterKind(kind) ? `${EVENT_LABELS[type]}: ${LETTER_KIND_LABELS[kind]}` : undefined;
}

/** Signed letters are filed as documents of type `letter-<kind>` (letter.actions.ts). */
export function letterDocumentLabel(docType: string): string | undefined {
  const kind = docType.startsWith('letter-') ? docType.slice('letter-'.length) : '';
  return isLetterKind(kind) ? `${LETTER_KIND_LABELS[kind]} (gezeichnetes Schreiben)` : undefined;
}

export const STATUS_LABELS: Record<DeadlineStatus, string> = {
  running: 'läuft',
  met: 'eingehalten',
  expired: 'abgelaufen',
  // A period that ran its course (display, objection period); nothing was missed.
  ended: 'beendet',
  cancelled: 'entfallen',
};
