/**
 * Real contributions from public participation procedures (CIMT PartEval corpus, Raddialog Bonn
 * 2017 and FreiRaum Ottensen 2021, CC BY 4.0, via shared/data/text), shortened; used by the
 * tests as unrelated texts and as form-letter templates.
 */
export const REAL_TEXTS: readonly string[] = [
  'Von der markierten Ecke der Innenstadt kommt man grundsätzlich nicht gut in Richtung Osten. Die Fahrradstraßen enden abrupt, und an der Kreuzung müssen Radfahrende auf den Gehweg ausweichen. Eine durchgehende Verbindung würde viele Wege sicherer machen.',
  'Der Alma Wartenberg Platz ist ein wichtiger Ort für Begegnungen. Menschen sitzen hier zusammen, essen, trinken und plaudern. Die Gestaltung trägt diesem Ort nicht Rechnung, große Busse fahren durch, es gibt zweispurigen Verkehr und die Radfahrer haben keinen Platz.',
  'Die Ampelschaltung an der Kennedybrücke ist für Fußgänger viel zu kurz. Ältere Menschen schaffen es nicht in einer Grünphase über die Straße und bleiben auf der Mittelinsel stehen, während der Autoverkehr dicht an ihnen vorbeifährt.',
  'Im Bereich des Bahnhofs fehlen sichere Abstellanlagen für Fahrräder. Viele Räder werden gestohlen oder beschädigt, deshalb sollte ein bewachtes Fahrradparkhaus mit ausreichend Plätzen gebaut werden, das auch abends geöffnet ist.',
];
