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
  'decision-deadline-extended': 'Entscheidungsfrist verlängert',
  'applicant-consent-recorded': 'Zustimmung der Antragstellerin erfasst',
  'participation-prepared': 'Bereit für die Öffentlichkeitsbeteiligung',
  'agency-involvement-completed': 'Behördenbeteiligung abgeschlossen',
  'decision-issued': 'Entscheidung getroffen',
  'decision-delivered': 'Bescheid zugestellt',
  'application-withdrawn': 'Antrag zurückgenommen',
  'application-refused': 'Antrag abgelehnt',
  'deadline-escalated': 'Fristüberschreitung an die Aufsicht gemeldet',
};

export const STATUS_LABELS: Record<string, string> = {
  running: 'läuft',
  met: 'eingehalten',
  expired: 'abgelaufen',
  cancelled: 'entfallen',
};
