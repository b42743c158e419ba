/**
 * Where each marker is drawn. Markers closer than a finger's width would hide each other and
 * only the top one could be clicked, so such groups are fanned out on a small circle around
 * their centre and joined to their true position by a leader line.
 */
import { boxContains } from '../geo/polygon.ts';
import type { MapProjection, Point } from './projection.ts';

export interface MapMarker {
  id: string;
  lon: number;
  lat: number;
  label: string;
  href: string;
  /** Free text such as „Auslegung bis 30.06.2025“; becomes part of the accessible name. */
  status?: string;
}

export interface PlacedMarker {
  marker: MapMarker;
  /** The projected true location. */
  anchor: Point;
  /** Where the marker is drawn; differs from the anchor only in a fanned group. */
  position: Point;
  /** Drawn away from its anchor because it overlapped others. */
  fanned: boolean;
}

export interface MarkerLayout {
  placed: PlacedMarker[];
  /** Centres of fanned groups, drawn as a small hub. */
  hubs: Point[];
  /** Markers without coordinates inside NRW's bounding box. */
  skipped: number;
}

export const MARKER_RADIUS = 8;
/** Radius of the focus ring; markers are kept this far inside the viewBox. */
export const FOCUS_RADIUS = 14;
/** Anchors closer than this (viewBox units ≈ px at 1000 px width) count as overlapping. */
const OVERLAP_DISTANCE = 6;
const FAN_SPACING = 2 * MARKER_RADIUS + 6;
const MIN_FAN_RADIUS = 16;

function isInside(projection: MapProjection, marker: MapMarker): boolean {
  return (
    Number.isFinite(marker.lon) &&
    Number.isFinite(marker.lat) &&
    boxContains(projection.box, { lon: marker.lon, lat: marker.lat })
  );
}

/** Single-linkage groups of markers closer than OVERLAP_DISTANCE (union–find). */
function overlapGroups(items: readonly PlacedMarker[]): PlacedMarker[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[i] = root;
    return root;
  };
  items.forEach((a, i) => {
    items.slice(i + 1).forEach((b, offset) => {
      const distance = Math.hypot(a.anchor.x - b.anchor.x, a.anchor.y - b.anchor.y);
      if (distance < OVERLAP_DISTANCE) parent[find(i + 1 + offset)] = find(i);
    });
  });
  const groups = new Map<number, PlacedMarker[]>();
  items.forEach((item, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()];
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, FOCUS_RADIUS), max - FOCUS_RADIUS);
}

export function layoutMarkers(
  projection: MapProjection,
  markers: readonly MapMarker[],
): MarkerLayout {
  const placed = markers
    .filter((marker) => isInside(projection, marker))
    .map((marker): PlacedMarker => {
      const anchor = projection.project(marker.lon, marker.lat);
      return { marker, anchor, position: anchor, fanned: false };
    });
  const hubs: Point[] = [];
  for (const group of overlapGroups(placed)) {
    if (group.length < 2) continue;
    const hub = {
      x: group.reduce((sum, item) => sum + item.anchor.x, 0) / group.length,
      y: group.reduce((sum, item) => sum + item.anchor.y, 0) / group.length,
    };
    hubs.push(hub);
    const radius = Math.max(MIN_FAN_RADIUS, (group.length * FAN_SPACING) / (2 * Math.PI));
    group.forEach((item, k) => {
      // Start at twelve o'clock and go clockwise, in the caller's order (= tab order).
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / group.length;
      item.fanned = true;
      item.position = {
        x: clamp(hub.x + radius * Math.cos(angle), projection.width),
        y: clamp(hub.y + radius * Math.sin(angle), projection.height),
      };
    });
  }
  return { placed, hubs, skipped: markers.length - placed.length };
}
