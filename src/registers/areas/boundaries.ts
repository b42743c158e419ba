/**
 * The Gemeinde boundaries and official land areas the statistics are computed against:
 * data/geo/nrw_gemeinden.geojson (BKG VG250, simplified) for splitting areas by Gemeinde, and
 * data/geo/nrw_gemeinde_flaechen.csv (Flächenerhebung 31.12.2021, hectares) as the denominator of
 * every share, because the targets are shares of the official land area (§ 3 Abs. 1 WindBG), not
 * of a generalised outline. Loaded once and cached.
 */
import { readFileSync } from 'node:fs';
import { loadGemeinden } from '../geo/data-files.ts';
import { bboxOf, toMultiPoly } from './area.geometry.ts';
import type { Boundary } from './area.statistics.ts';

export interface GemeindeInfo {
  ags: string;
  name: string;
  kreis: string;
  /** Land area in hectares (official statistics). */
  landHa: number;
}

let boundaries: Boundary[] | undefined;
let infos: Map<string, GemeindeInfo> | undefined;
let landTotal: number | undefined;

export function gemeindeBoundaries(): Boundary[] {
  boundaries ??= loadGemeinden().map((g) => {
    const geometry = toMultiPoly(g.geometry);
    return { ags: g.ags, geometry, bbox: bboxOf(geometry) };
  });
  return boundaries;
}

function loadAreas(): Map<string, number> {
  const file = new URL('../../../data/geo/nrw_gemeinde_flaechen.csv', import.meta.url);
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return new Map(
    rows.map((line) => {
      const [ags, ha] = line.split(',');
      return [ags!, Number(ha)];
    }),
  );
}

export function gemeindeInfos(): Map<string, GemeindeInfo> {
  if (!infos) {
    const areas = loadAreas();
    landTotal = areas.get('05000000');
    infos = new Map(
      loadGemeinden().map((g) => [
        g.ags,
        { ags: g.ags, name: g.name, kreis: g.kreis, landHa: areas.get(g.ags) ?? 0 },
      ]),
    );
  }
  return infos;
}

/** The official land area of NRW in hectares. */
export function nrwLandHa(): number {
  gemeindeInfos();
  return landTotal!;
}
