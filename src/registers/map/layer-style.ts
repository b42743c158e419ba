/**
 * How each layer is drawn. Colour alone must not tell layers apart (WCAG 1.4.1), so every layer
 * also gets its own point symbol, line dash or outline dash; the legend shows the same swatch.
 * Every colour has ≥ 3:1 contrast against the land fill (WCAG 1.4.11), guarded by a test.
 */
import type { LayerGeometryKind } from '../catalogue/layer.ts';

export const LAND_FILL = '#eef1f6';
export const BACKGROUND_STROKE = '#7a8290';
export const PALETTE = [
  '#0b4a9e',
  '#a3360e',
  '#1b6e3a',
  '#6b2d8c',
  '#7a5200',
  '#00677a',
  '#b0124e',
  '#3d4450',
] as const;

export type PointSymbol = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'cross';
const SYMBOLS: readonly PointSymbol[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangle-down',
  'cross',
];
const DASHES = ['', '8 4', '2 3', '10 3 2 3', '14 4', '4 2'] as const;

export interface LayerStyle {
  colour: string;
  symbol: PointSymbol;
  /** stroke-dasharray of lines and polygon outlines; '' is solid. */
  dash: string;
}

/** By the layer's place in the full catalogue, so a layer keeps its look whatever is chosen. */
export function layerStyle(index: number): LayerStyle {
  const at = <T>(list: readonly T[]): T => list[index % list.length] as T;
  return { colour: at(PALETTE), symbol: at(SYMBOLS), dash: at(DASHES) };
}

/** SVG path of a point symbol centred on (0, 0), about 9 units across. */
export function symbolPath(symbol: PointSymbol): string {
  switch (symbol) {
    case 'circle':
      return 'M-4.5,0A4.5,4.5 0 1,0 4.5,0A4.5,4.5 0 1,0 -4.5,0Z';
    case 'square':
      return 'M-4,-4H4V4H-4Z';
    case 'triangle':
      return 'M0,-5L4.8,4H-4.8Z';
    case 'diamond':
      return 'M0,-5.5L5.5,0L0,5.5L-5.5,0Z';
    case 'triangle-down':
      return 'M0,5L4.8,-4H-4.8Z';
    case 'cross':
      return 'M-1.8,-5H1.8V-1.8H5V1.8H1.8V5H-1.8V1.8H-5V-1.8H-1.8Z';
  }
}

/** Which drawing the legend shows for a kind of geometry. */
export function swatchKind(geometry: LayerGeometryKind): 'symbol' | 'line' | 'area' {
  return geometry === 'point' ? 'symbol' : geometry === 'line' ? 'line' : 'area';
}
