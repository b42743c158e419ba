/**
 * Layers of every geometry kind for the map's tests and benchmark: named places in NRW, so a
 * test can say where a feature must appear, plus any number of extra points on a grid.
 */
import type { FeatureLayer, LayerFeature } from '../catalogue/layer.ts';
import { memoryLayer } from './memory-layer.ts';

export const FIXTURE_POINTS: LayerFeature[] = [
  {
    id: 'duesseldorf',
    geometry: { type: 'Point', coordinates: [6.7735, 51.2277] },
    properties: { name: 'Anlage Düsseldorf', leistung: 3000, inbetrieb: '2014-05-01' },
  },
  {
    id: 'paderborn',
    geometry: { type: 'Point', coordinates: [8.7544, 51.7189] },
    properties: { name: 'Anlage <Paderborn> & Co', leistung: 2300.5, inbetrieb: null },
  },
  {
    id: 'koeln',
    geometry: { type: 'Point', coordinates: [6.9578, 50.9375] },
    properties: { name: 'Anlage Köln', leistung: 800, inbetrieb: '2009-11-30' },
  },
];

/** `count` points on a regular grid inside NRW's box, each with a name and a capacity. */
export function gridPoints(count: number): LayerFeature[] {
  const side = Math.ceil(Math.sqrt(count));
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i + 1}`,
    geometry: {
      type: 'Point',
      coordinates: [
        6.2 + (2.8 * (i % side)) / side + 0.00012345,
        50.6 + (1.6 * Math.floor(i / side)) / side + 0.00054321,
      ],
    },
    properties: { name: `Anlage ${i + 1}`, leistung: 1000 + (i % 37) * 50, inbetrieb: null },
  }));
}

export function fixtureLayers(options: { extraPoints?: number } = {}): FeatureLayer[] {
  return [
    memoryLayer({
      id: 'test-flaechen',
      title: 'Testflächen',
      geometry: 'polygon',
      features: [
        {
          id: 'ruhr',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [6.9, 51.4],
                [7.3, 51.4],
                [7.3, 51.6],
                [6.9, 51.6],
                [6.9, 51.4],
              ],
            ],
          },
          properties: { name: 'Fläche Ruhr', hektar: 1234.5 },
        },
      ],
      properties: [
        { name: 'name', title: 'Name', type: 'string' },
        { name: 'hektar', title: 'Größe', type: 'number', unit: 'ha' },
      ],
      source: { name: 'Beispiel-Regionalplan', licenceOpen: true, dataDate: '2026-06-30' },
    }),
    memoryLayer({
      id: 'test-leitungen',
      title: 'Testleitungen',
      geometry: 'line',
      features: [
        {
          id: 'west-ost',
          geometry: {
            type: 'LineString',
            coordinates: [
              [6.2, 51.5],
              [7.5, 51.45],
              [8.9, 51.6],
            ],
          },
          properties: { name: 'Leitung West–Ost' },
        },
      ],
      source: { name: 'Beispiel-Netzbetreiber', url: 'https://example.org/netz' },
    }),
    memoryLayer({
      id: 'test-anlagen',
      title: 'Testanlagen',
      geometry: 'point',
      features: [...FIXTURE_POINTS, ...gridPoints(options.extraPoints ?? 0)],
      properties: [
        { name: 'name', title: 'Name', type: 'string' },
        { name: 'leistung', title: 'Leistung', type: 'number', unit: 'kW' },
        { name: 'inbetrieb', title: 'Inbetriebnahme', type: 'date' },
      ],
    }),
  ];
}
