/**
 * The indicators of the monitoring dashboard as versioned data. A change of target, rule or
 * computation gets a new `version` and `validFrom`; the page states both. Targets name their
 * source: the plan, a law or a Land plan. Where wording or a figure of the plan could not be
 * checked against the published text it is marked `open` and shown as „[offen]“.
 */
import type { IndicatorDefinition } from './indicator.types.ts';
import { DL_DE_BY, PLAN, PLATFORM_LICENCE, PLATFORM_SOURCE } from './indicator.sources.ts';
import { LIVE, V1 } from './indicators.common.ts';
import { PERMIT_INDICATORS } from './indicators.permits.ts';

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    ...V1,
    id: 'industrie-kennzahlen',
    planPoint: 1,
    title: 'Die Industrie in Nordrhein-Westfalen: Kennzahlen des Plans',
    description:
      'Die Zahlen, mit denen der Plan die Bedeutung der Industrie beschreibt. Sie stammen aus dem Plan selbst, nicht aus einer Messung der Plattform.',
    unit: 'je Kennzahl',
    rule: { kind: 'context' },
    ruleText: 'Kontextzahlen des Plans ohne eigenes Ziel.',
    origin: { kind: 'plan' },
    chart: 'none',
    source: PLAN,
    licence: { ...DL_DE_BY, open: true },
    updateEvery: 'yearly',
  },
  {
    ...V1,
    id: 'industrie-emissionen',
    planPoint: 1,
    title: 'CO₂-Emissionen der Industrieanlagen im Emissionshandel',
    description:
      'Emissionen der Industrieanlagen in NRW, die dem EU-Emissionshandel unterliegen, nach Branche, für 2018 und 2021 (ohne Kraftwerke).',
    unit: 'Mio. t CO₂',
    target: {
      value: 0,
      by: '2045-12-31',
      label: 'Treibhausgasneutralität bis 2045',
      source: {
        title:
          '§ 3 Abs. 1 Klimaschutzgesetz Nordrhein-Westfalen (Treibhausgasneutralität bis 2045)',
        kind: 'law',
        open: true,
      },
    },
    rule: { kind: 'pace' },
    ruleText:
      'Auf Kurs, wenn die Emissionen zwischen den beiden letzten Jahren mindestens so schnell gesunken sind, wie es bis 2045 jedes Jahr nötig ist; sonst hinter Plan.',
    origin: {
      kind: 'shipped',
      files: ['dehst_industry_co2_by_ags_2018_NRW.csv', 'dehst_industry_co2_by_ags_2021_NRW.csv'],
    },
    chart: 'bars',
    source: {
      title:
        'Deutsche Emissionshandelsstelle (DEHSt), Anlagendaten je Gemeinde, aufbereitet von GermanZero (localzero-data-public)',
      url: 'https://github.com/GermanZero-de/localzero-data-public',
      kind: 'statistics',
    },
    licence: { ...DL_DE_BY, name: 'Lizenz der Quelle nicht angegeben', open: true },
    updateEvery: 'yearly',
  },
  {
    ...V1,
    id: 'foerderantraege',
    planPoint: 2,
    title: 'Förderanträge und Zeit bis zur Entscheidung',
    description:
      'Eingereichte Förderanträge je Programm, davon entschieden, und die Tage von der Einreichung bis zur Entscheidung (Median und 90. Perzentil).',
    unit: 'Tage',
    rule: { kind: 'context' },
    ruleText: 'Der Plan nennt keine Frist für Förderentscheidungen; die Zahl dient dem Vergleich.',
    origin: LIVE,
    chart: 'bars',
    source: PLATFORM_SOURCE,
    licence: PLATFORM_LICENCE,
    updateEvery: 'daily',
  },
  {
    ...V1,
    id: 'foerdermittel-programme',
    planPoint: 2,
    title: 'Bewilligte und ausgezahlte Fördermittel je Programm',
    description:
      'Bindungen (Bewilligungen abzüglich Freigaben) und Auszahlungen (abzüglich Rückforderungen) aus dem Haushaltsbuch, je Förderprogramm.',
    unit: 'Euro',
    rule: { kind: 'context' },
    ruleText: 'Kontextzahl: der Plan nennt je Programm kein Ausgabenziel.',
    origin: LIVE,
    chart: 'bars',
    source: PLATFORM_SOURCE,
    licence: PLATFORM_LICENCE,
    updateEvery: 'daily',
  },
  {
    ...V1,
    id: 'foerdermittel-kreise',
    planPoint: 2,
    title: 'Bewilligte und ausgezahlte Fördermittel je Kreis',
    description:
      'Bindungen und Auszahlungen aus dem Haushaltsbuch nach dem Sitz des Antragstellers (Kreis oder kreisfreie Stadt).',
    unit: 'Euro',
    rule: { kind: 'context' },
    ruleText: 'Kontextzahl: der Plan nennt keine regionale Verteilung.',
    origin: LIVE,
    chart: 'bars',
    source: PLATFORM_SOURCE,
    licence: PLATFORM_LICENCE,
    updateEvery: 'daily',
  },
  {
    ...V1,
    id: 'foerderung-kleine-unternehmen',
    planPoint: 2,
    title: 'Anteil der Fördermittel, der kleine Unternehmen erreicht',
    description:
      'Bewilligte Beträge nach Unternehmensgröße der Empfänger (KMU-Definition, Anhang I AGVO), aus der Liste der gewährten Förderungen.',
    unit: '%',
    target: {
      label: 'Förderung soll kleine und mittlere Unternehmen erreichen (ohne bezifferten Anteil)',
      source: PLAN,
    },
    rule: { kind: 'context' },
    ruleText:
      'Der Plan beziffert keinen Anteil; die Zahl zeigt, wie viel bei kleinen Unternehmen ankommt.',
    origin: LIVE,
    chart: 'bars',
    source: PLATFORM_SOURCE,
    licence: PLATFORM_LICENCE,
    updateEvery: 'daily',
  },
  {
    ...V1,
    id: 'windflaechen',
    planPoint: 3,
    title: 'Anteil der Landesfläche für Windenergie',
    description:
      'Wirksam ausgewiesene Windenergiegebiete im Verhältnis zur amtlichen Landesfläche, je Stand des Registers der Windenergiegebiete und je Planungsregion; dieselben Zahlen wie im Zielerreichungs-Tracker (überlappende Gebiete einmal, Anrechnung nach § 4 WindBG, Entwürfe nicht).',
    unit: '%',
    target: {
      value: 1.8,
      by: '2032-12-31',
      label:
        '1,8 % der Landesfläche (Zwischenziel 1,1 % bis Ende 2027); der Plan nennt 1,8 % früher',
      source: {
        title:
          'Anlage zu § 3 Abs. 1 Windenergieflächenbedarfsgesetz (WindBG), Zeile Nordrhein-Westfalen',
        url: 'https://www.gesetze-im-internet.de/windbg/anlage.html',
        kind: 'law',
      },
    },
    rule: { kind: 'pace' },
    ruleText:
      'Auf Kurs, wenn der Flächenanteil zuletzt mindestens so schnell gewachsen ist, wie es bis Ende 2032 jedes Jahr nötig ist.',
    origin: { kind: 'register', layerId: 'wind-areas' },
    chart: 'line',
    source: {
      title:
        'Register der Windenergiegebiete der Plattform (Regionalpläne der Planungsregionen), Zielerreichungs-Tracker',
      url: '/windenergiegebiete',
      kind: 'register',
    },
    // Which licence the data of the regional planning bodies and the providers fall under is open.
    licence: { ...PLATFORM_LICENCE, open: true },
    updateEvery: 'daily',
    noDataReason:
      'Zu diesem Stand enthält das Register der Windenergiegebiete noch keine Version; der Anteil erscheint ab dem Stand der ersten eingespielten Version.',
  },
  {
    ...V1,
    id: 'erneuerbare-leistung',
    planPoint: 3,
    title: 'Installierte Leistung erneuerbarer Energien',
    description:
      'Installierte Leistung nach Energieträger in NRW zu zwei Zeitpunkten (Marktstammdatenregister, Stand etwa Ende 2021 und 2024); die Werte je Gemeinde stehen in der Detailtabelle.',
    unit: 'MW',
    target: {
      value: 12000,
      by: '2030-12-31',
      label: '12 GW Windenergie an Land bis 2030',
      source: {
        title: 'Energieversorgungsstrategie Nordrhein-Westfalen (Ausbauziel Windenergie)',
        kind: 'land-plan',
        open: true,
      },
    },
    rule: { kind: 'pace' },
    ruleText:
      'Bezogen auf Windenergie an Land: auf Kurs, wenn der Zubau je Jahr zwischen beiden Zeitpunkten mindestens so groß war, wie er bis 2030 jedes Jahr nötig ist.',
    origin: {
      kind: 'shipped',
      files: ['mastr_capacity_by_ags_2021_NRW.csv', 'mastr_capacity_by_ags_2024_NRW.csv'],
    },
    chart: 'bars',
    source: {
      title:
        'Bundesnetzagentur, Marktstammdatenregister, je Gemeinde aufbereitet von GermanZero (localzero-data-public)',
      url: 'https://github.com/GermanZero-de/localzero-data-public',
      kind: 'statistics',
    },
    licence: { ...DL_DE_BY, attribution: 'Bundesnetzagentur, Marktstammdatenregister', open: true },
    updateEvery: 'yearly',
  },
  {
    ...V1,
    id: 'kohleausstieg',
    planPoint: 3,
    title: 'Leistung der Braunkohlekraftwerke im Rheinischen Revier',
    description:
      'Am Markt befindliche Leistung der Braunkohlekraftwerke, aus eingespielten Statistiken.',
    unit: 'MW',
    target: {
      value: 0,
      by: '2030-03-31',
      label: 'Kohleausstieg im Rheinischen Revier bis 2030',
      source: {
        title: 'Anlage 2 Kohleverstromungsbeendigungsgesetz (KVBG) in der Fassung von 2022',
        url: 'https://www.gesetze-im-internet.de/kvbg/anlage_2.html',
        kind: 'law',
        open: true,
      },
    },
    rule: { kind: 'pace' },
    ruleText:
      'Auf Kurs, wenn die Leistung zuletzt mindestens so schnell gesunken ist, wie es bis 2030 nötig ist.',
    origin: { kind: 'import' },
    chart: 'line',
    source: { title: 'Eingespielte Statistik (Quelle je Einspielung)', kind: 'statistics' },
    licence: { ...DL_DE_BY, name: 'Lizenz je Einspielung' },
    updateEvery: 'on-import',
  },
  {
    ...V1,
    id: 'wasserstoff-kraftwerke',
    planPoint: 3,
    title: 'Wasserstofffähige Kraftwerke',
    description:
      'Leistung neuer wasserstofffähiger Gaskraftwerke in NRW, aus eingespielten Statistiken.',
    unit: 'MW',
    target: {
      value: 3000,
      by: '2030-12-31',
      label: 'etwa 3 GW wasserstofffähige Kraftwerke',
      source: PLAN,
    },
    rule: { kind: 'pace' },
    ruleText:
      'Auf Kurs, wenn der Zubau zuletzt mindestens so schnell war, wie es bis 2030 nötig ist.',
    origin: { kind: 'import' },
    chart: 'line',
    source: { title: 'Eingespielte Statistik (Quelle je Einspielung)', kind: 'statistics' },
    licence: { ...DL_DE_BY, name: 'Lizenz je Einspielung' },
    updateEvery: 'on-import',
  },
  ...PERMIT_INDICATORS,
  {
    ...V1,
    id: 'wasserstoff-netz',
    planPoint: 5,
    title: 'Wasserstoff-Kernnetz in NRW',
    description:
      'Länge der in Betrieb genommenen Leitungen des Wasserstoff-Kernnetzes in NRW, aus eingespielten Statistiken.',
    unit: 'km',
    rule: { kind: 'context' },
    ruleText: 'Kontextzahl, bis ein Ausbauziel für NRW beziffert ist.',
    origin: { kind: 'import' },
    chart: 'line',
    source: { title: 'Eingespielte Statistik (Quelle je Einspielung)', kind: 'statistics' },
    licence: { ...DL_DE_BY, name: 'Lizenz je Einspielung' },
    updateEvery: 'on-import',
  },
  {
    ...V1,
    id: 'brachflaechen',
    planPoint: 6,
    title: 'Reaktivierte Brachflächen',
    description:
      'Bruttofläche der reaktivierten Brachflächen im Flächenregister, je Stand und je Kreis. Reaktiviert heißt: Planungsrecht (rechtskräftiger Bebauungsplan oder § 34 BauGB), keine offene Altlast, nicht unter Bergaufsicht und sofort verfügbar; gezählt ab Beginn oder „Verfügbar ab“ bis zum Ende der Fläche.',
    unit: 'ha',
    target: {
      label: 'Brachflächen für die Industrie reaktivieren (ohne bezifferte Fläche)',
      source: PLAN,
    },
    rule: { kind: 'context' },
    ruleText: 'Kontextzahl: der Plan beziffert keine Fläche.',
    origin: { kind: 'register', layerId: 'sites' },
    chart: 'line',
    source: {
      title: 'Flächenregister der Plattform (Angaben der Wirtschaftsförderungen der Kommunen)',
      url: '/gewerbeflaechen',
      kind: 'register',
    },
    // Which licence the data of the regional planning bodies and the providers fall under is open.
    licence: { ...PLATFORM_LICENCE, open: true },
    updateEvery: 'daily',
    noDataReason:
      'Zu diesem Stand enthält das Flächenregister noch keine Fläche; die Hektar erscheinen ab dem Beginn der ersten Fläche.',
  },
  {
    ...V1,
    id: 'bildungspraemie',
    planPoint: 7,
    title: 'Ausgezahlte Bildungsprämien für Wärmepumpen-Fachkräfte',
    description: 'Ausgezahlte Bildungsprämien je Monat (Zahl und Betrag), aus dem Haushaltsbuch.',
    unit: 'Euro',
    target: {
      label: 'mehr Fachkräfte für Wärmepumpen ausbilden (ohne bezifferte Zahl)',
      source: PLAN,
    },
    rule: { kind: 'context' },
    ruleText: 'Kontextzahl: der Plan beziffert keine Zahl ausgebildeter Fachkräfte.',
    origin: LIVE,
    chart: 'line',
    source: PLATFORM_SOURCE,
    licence: PLATFORM_LICENCE,
    updateEvery: 'daily',
  },
];

export function findIndicator(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.id === id);
}
