/**
 * A geodata layer and dashboard figures for the open-data tests, standing in for the registers
 * and the dashboard: the catalogue reads them only through the layer contract and FigureSource.
 */
import type { FigureData, FigureSource, PublishedFigure } from '../../src/opendata/published.ts';
import type { FeatureLayer } from '../../src/registers/catalogue/layer.ts';

export const HOSTILE = `<b>Fake & Co</b> "GmbH" 'x' ]]> \u0007Ende`;

export const layer: FeatureLayer = {
  id: 'windenergieanlagen',
  title: 'Windenergieanlagen',
  description: 'Windenergieanlagen an Land bis 2015.',
  geometry: 'point',
  source: {
    name: 'Helmholtz-Zentrum für Umweltforschung (UFZ)',
    url: 'https://www.ufz.de/',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
    attribution: '© UFZ, Eichhorn et al. 2019',
    dataDate: '2015-12-31',
  },
  labelProperty: 'name',
  properties: [],
  extent: () => Promise.resolve(undefined),
  items: () => Promise.resolve({ features: [], numberMatched: 0 }),
  item: () => Promise.resolve(undefined),
};

export const figures: PublishedFigure[] = [
  {
    id: 'genehmigungsdauer',
    title: 'Dauer der Genehmigungsverfahren',
    description: 'Median und 90. Perzentil je Verfahrensschritt.',
    planPoint: 5,
    pageUrl: '/monitoring/genehmigungsdauer',
    csvUrl: '/monitoring/genehmigungsdauer.csv',
    jsonUrl: '/monitoring/genehmigungsdauer.json',
    csvMetadataUrl: '/monitoring/genehmigungsdauer.csv-metadata.json',
    source: { name: 'Plattform Industrieland (eigene Verfahren)' },
    own: true,
    licence: { name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0' },
    dataDate: '2026-12-02',
    updated: '2026-12-02T23:00:00.000Z',
  },
  {
    id: 'emissionen',
    title: HOSTILE,
    description: HOSTILE,
    pageUrl: '/monitoring/emissionen',
    csvUrl: '/monitoring/emissionen.csv',
    jsonUrl: '/monitoring/emissionen.json',
    source: { name: 'DEHSt', url: 'https://www.dehst.de/' },
    own: false,
    licence: { name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0' },
    dataDate: '2021-12-31',
    updated: '2026-11-20T08:00:00.000Z',
  },
];

export const DATA: Record<string, FigureData> = {
  genehmigungsdauer: {
    columns: [
      { name: 'schritt', title: 'Verfahrensschritt', type: 'string' },
      { name: 'median_tage', title: 'Median', type: 'number', unit: 'Tage', decimals: 1 },
      { name: 'anzahl', title: 'Verfahren', type: 'integer' },
    ],
    rows: [
      ['Vollständigkeit', 31.54, 12],
      ['Entscheidung, "förmlich"; mit Erörterung', 190, 4],
      ['=SUMME(A1)', null, 0],
    ],
  },
  emissionen: {
    columns: [
      { name: 'jahr', title: 'Jahr', type: 'integer' },
      { name: 'mt_co2', title: 'Emissionen', type: 'number', unit: 'Mt CO₂' },
    ],
    rows: [
      [2018, 45.26],
      [2021, 41.94],
    ],
  },
};

export const figureSource: FigureSource = {
  list: () => Promise.resolve(figures),
  data: (_context, figure) => Promise.resolve(DATA[figure.id]!),
};
