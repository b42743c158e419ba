/**
 * Every geodata layer of the platform, in the order the map and the OGC API list them. A register
 * that exposes its data appends its FeatureLayer here; nothing else needs to change for it to
 * appear as a map layer and as an OGC API collection.
 */
import { windAreasLayer } from '../areas/area.layer.ts';
import { ENERGY_LAYERS } from '../layers/energy.layers.ts';
import { SITES_LAYER } from '../sites/site.layer.ts';
import type { FeatureLayer } from './layer.ts';

export const FEATURE_LAYERS: readonly FeatureLayer[] = [
  windAreasLayer,
  ...ENERGY_LAYERS,
  SITES_LAYER,
];

export function findLayer(id: string): FeatureLayer | undefined {
  return FEATURE_LAYERS.find((layer) => layer.id === id);
}
