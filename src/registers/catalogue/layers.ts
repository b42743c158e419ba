/** Every geodata layer of the platform, in the order the map and the OGC API list them. */
import { windAreasLayer } from '../areas/area.layer.ts';
import type { FeatureLayer } from './layer.ts';

export const LAYERS: readonly FeatureLayer[] = [windAreasLayer];
