/**
 * The sources and licences the indicators name: the plan, the platform's own data and the laws
 * whose deadlines are measured.
 */
import type { Licence, SourceRef } from './indicator.types.ts';

/** [open] The plan's published text (title, date, page) still needs to be checked and linked. */
export const PLAN: SourceRef = {
  title:
    'Landesregierung Nordrhein-Westfalen: „Sieben Punkte für eine starke Industrie in Nordrhein-Westfalen“',
  kind: 'plan',
  open: true,
};

export const PLATFORM_SOURCE: SourceRef = {
  title: 'Industrieland – Verfahrensdaten der Plattform (anonymisiert)',
  kind: 'platform',
};

/** What the platform publishes of its own is under the Datenlizenz Deutschland (attribution). */
export const PLATFORM_LICENCE: Licence = {
  name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
  url: 'https://www.govdata.de/dl-de/by-2-0',
  attribution: 'Industrieland – offene Verfahrensplattform für Nordrhein-Westfalen',
};

export const DL_DE_BY: Licence = {
  name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
  url: 'https://www.govdata.de/dl-de/by-2-0',
};

export const BIMSCHG_10_6A: SourceRef = {
  title:
    '§ 10 Abs. 6a BImSchG (Entscheidung binnen sieben Monaten, im vereinfachten Verfahren drei Monaten)',
  url: 'https://www.gesetze-im-internet.de/bimschg/__10.html',
  kind: 'law',
};

export const PLAN_POINTS: Record<number, string> = {
  1: 'Industrie halten: wettbewerbsfähige Energiepreise und klimaneutrale Produktion',
  2: 'Investieren: Förderung, die Unternehmen jeder Größe erreicht',
  3: 'Neue Energie: Windflächen, Kohleausstieg 2030, wasserstofffähige Kraftwerke',
  4: 'Schneller planen und genehmigen: „NRW-Geschwindigkeit“',
  5: 'Netze: Wasserstoff-Kernnetz und Energieinfrastruktur',
  6: 'Flächen: Brachflächen für die Industrie reaktivieren',
  7: 'Menschen: Fachkräfte, Bildungsprämie Wärmepumpe',
};
