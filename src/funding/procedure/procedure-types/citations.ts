/**
 * Norms of the grant procedure in NRW (§§ 23, 44 LHO NRW with their administrative rules, the
 * general ancillary provisions for project funding ANBest-P, §§ 48–49a VwVfG NRW). The periods
 * the ANBest-P set (payment requests, proof of use) apply as part of each grant decision; their
 * NRW wording is [open] until legal sign-off.
 */
export const fundingCite = {
  application: '§ 44 LHO NRW i. V. m. VV Nr. 3 zu § 44 LHO NRW',
  outline: 'Förderaufruf (zweistufiges Verfahren: Projektskizze, dann Antrag)',
  receipt: '§ 24 Abs. 3 VwVfG NRW',
  documentRequest: '§ 25 Abs. 1 VwVfG NRW (Hinweis auf unvollständige Anträge)',
  incomplete: '§ 24 VwVfG NRW; VV Nr. 3 zu § 44 LHO NRW [offen]',
  assessment: 'VV Nr. 3.3, 4 zu § 44 LHO NRW (Prüfung des Antrags) [offen]',
  decision: '§ 35 VwVfG NRW; VV Nr. 4 zu § 44 LHO NRW (Zuwendungsbescheid)',
  ancillary:
    'ANBest-P (Allgemeine Nebenbestimmungen für Zuwendungen zur Projektförderung) als Bestandteil des Bescheids',
  paymentRequest: 'ANBest-P Nr. 1.4 (Anforderung nur, soweit binnen zwei Monaten benötigt) [offen]',
  proofOfUse:
    'ANBest-P Nr. 6.1 (Verwendungsnachweis binnen sechs Monaten nach Ende des Bewilligungszeitraums) [offen]',
  proofCheck: 'VV Nr. 11 zu § 44 LHO NRW (Prüfung des Verwendungsnachweises) [offen]',
  revocation:
    '§ 49 Abs. 3 VwVfG NRW (Widerruf bei zweckwidriger Verwendung oder nicht erfüllter Auflage)',
  recovery:
    '§ 49a Abs. 1, 3 VwVfG NRW (Erstattung, Verzinsung mit 5 Prozentpunkten über dem Basiszinssatz)',
  withdrawal: '§ 22 VwVfG NRW (Rücknahme des Antrags)',
  shift: '§ 31 Abs. 3 VwVfG NRW',
  ownPeriod: 'Bearbeitungsziel der Förderstelle, keine gesetzliche Frist [offen]',
} as const;
