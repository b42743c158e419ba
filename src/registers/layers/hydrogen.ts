/**
 * Hydrogen readiness of an industrial site: the ellipsoidal distance to the nearest element of
 * the hydrogen network in the data (a location of the core network's measure lists or a hydrogen
 * pipeline route) and that element's planned commissioning where known.
 *
 * Planned commissioning: the core network approved by the Bundesnetzagentur on 22.10.2024
 * (§ 28q EnWG) goes into operation step by step from 2025 to 2032; the measure lists' year per
 * measure is not in the data, so a core-network location carries that span, not a year. The
 * pipeline routes carry no date at all and say so [open: per-measure years from the FNB lists].
 */
import {
  readCoreNetworkLocations,
  readPipelineRoutes,
  type IndustrialSiteRecord,
} from './energy.read.ts';
import { nearestTarget, type LonLat, type NetworkTarget } from './nearest.ts';

export const CORE_NETWORK_COMMISSIONING =
  '2025–2032 (Wasserstoff-Kernnetz; Jahr je Maßnahme nicht in den Daten)';

export type NetworkKind = 'Kernnetz-Ort' | 'Wasserstoffleitung';

export interface HydrogenReadiness {
  distanceKm: number;
  nearestId: string;
  nearestLabel: string;
  nearestKind: NetworkKind;
  /** Planned commissioning of the nearest element; null where the data has none. */
  commissioning: string | null;
  nearestPoint: LonLat;
}

/** The hydrogen network of the data as distance targets: every location and every route part. */
export function hydrogenNetwork(): NetworkTarget[] {
  const points: NetworkTarget[] = readCoreNetworkLocations().map((l) => ({
    id: `kernnetz-${l.id}`,
    label: `${l.name} (${l.state})`,
    kind: 'point',
    positions: [l.position],
    commissioning: CORE_NETWORK_COMMISSIONING,
  }));
  const lines: NetworkTarget[] = readPipelineRoutes('hydrogen').flatMap((route) => {
    const parts =
      route.geometry.type === 'LineString'
        ? [route.geometry.coordinates]
        : route.geometry.coordinates;
    return parts.map((part, index) => ({
      id: parts.length > 1 ? `${route.id}#${index + 1}` : route.id,
      label: route.name ?? `Wasserstoffleitung ${route.projectId} (Global Energy Monitor)`,
      kind: 'line' as const,
      positions: part.map((p) => [p[0]!, p[1]!] as const),
      commissioning: null,
    }));
  });
  return [...points, ...lines];
}

export function hydrogenReadiness(
  site: Pick<IndustrialSiteRecord, 'position'>,
  network: readonly NetworkTarget[],
): HydrogenReadiness | undefined {
  const found = nearestTarget(site.position, network);
  if (!found) return undefined;
  return {
    distanceKm: Math.round(found.distanceM / 10) / 100,
    nearestId: found.target.id,
    nearestLabel: found.target.label,
    nearestKind: found.target.kind === 'point' ? 'Kernnetz-Ort' : 'Wasserstoffleitung',
    commissioning: found.target.commissioning,
    nearestPoint: found.point,
  };
}
