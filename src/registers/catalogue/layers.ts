/**
 * Every geodata layer of the platform, in the order the map legend and the OGC API list them.
 * Each register adds its layer here; the map pages and the OGC API read only this list.
 */
import type { FeatureLayer } from './layer.ts';

export const featureLayers: readonly FeatureLayer[] = [];
