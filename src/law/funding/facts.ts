/**
 * The facts funding rules read, with their German names for the trace and for the finder's
 * follow-up questions ("need more information": the finder asks exactly for these).
 */
export const fundingFactLabel: Readonly<Record<string, string>> = {
  naceDivision: 'Abteilung des Wirtschaftszweigs (WZ 2008)',
  staffHeadcount: 'Zahl der Beschäftigten',
  turnoverCents: 'Jahresumsatz',
  balanceSheetCents: 'Jahresbilanzsumme',
  sizeClass: 'Unternehmensgröße nach EU-Definition',
  seatInNrw: 'Sitz in Nordrhein-Westfalen',
  siteInNrw: 'Vorhaben in Nordrhein-Westfalen',
  craftsChamberMember: 'Mitglied einer Handwerkskammer',
  trade: 'Gewerk',
  measure: 'geplante Maßnahme',
  projectStarted: 'Vorhaben bereits begonnen',
  buildingType: 'Neubau oder Bestand',
  requiredByGeg: 'Anlage dient der Erfüllung des Gebäudeenergiegesetzes',
  collectorAreaM2: 'Bruttokollektorfläche (m²)',
  trainingForPlanningStaff:
    'Fortbildung für technische Führungskräfte oder Planungsverantwortliche',
  undertakingInDifficulty: 'Unternehmen in Schwierigkeiten',
  reliefCents: 'Entlastungsbetrag',
  sectorOnEtsList: 'Sektor auf der Liste der EU-EHS-Beihilfeleitlinien',
  sectorOnKueblList1: 'Sektor auf Liste 1 des Anhangs I der KUEBLL',
  inSchemePeriod: 'Abrechnungsjahr im Zeitraum der Regelung',
};

/** German name of a fact, or the key itself for facts a caller added. */
export function factLabel(fact: string): string {
  return fundingFactLabel[fact] ?? fact;
}
