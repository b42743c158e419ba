import { loadGemeinden, loadNrwOutline, type GemeindeFeature } from './data-files.ts';
import {
  boundingBox,
  boxContains,
  pointInPolygon,
  type BoundingBox,
  type LonLat,
} from './polygon.ts';

export interface Municipality {
  /** Amtlicher Gemeindeschlüssel, 8 digits, e.g. '05774024'. */
  ags: string;
  name: string;
  /** Kreis or kreisfreie Stadt, e.g. 'Kreis Paderborn', 'Hochsauerlandkreis', 'Bielefeld'. */
  kreis: string;
  /** Regierungsbezirk name without prefix, e.g. 'Detmold'. */
  regierungsbezirk: string;
}

interface IndexedGemeinde {
  municipality: Municipality;
  feature: GemeindeFeature;
  box: BoundingBox;
}

let index: IndexedGemeinde[] | undefined;
let byName: Map<string, Municipality> | undefined;

/** Bounding boxes first: a Gemeinde box test is a handful of comparisons, the polygon test is not. */
function gemeindeIndex(): IndexedGemeinde[] {
  index ??= loadGemeinden().map((feature) => ({
    municipality: {
      ags: feature.ags,
      name: feature.name,
      kreis: feature.kreis,
      regierungsbezirk: feature.regierungsbezirk,
    },
    feature,
    box: boundingBox(feature.geometry),
  }));
  return index;
}

function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
}

export function findMunicipality(point: LonLat): Municipality | undefined {
  for (const entry of gemeindeIndex()) {
    if (boxContains(entry.box, point) && pointInPolygon(point, entry.feature.geometry)) {
      return { ...entry.municipality };
    }
  }
  return undefined;
}

/** Exact name, ignoring case and surplus whitespace. NRW has no two Gemeinden of the same name. */
export function municipalityByName(name: string): Municipality | undefined {
  byName ??= new Map(
    gemeindeIndex().map((e) => [normalizeName(e.municipality.name), e.municipality]),
  );
  const found = byName.get(normalizeName(name));
  return found ? { ...found } : undefined;
}

/**
 * The state outline (BKG VG5000, 1:5 Mio.) and the Gemeinde polygons (VG250, simplified) are
 * generalised differently, so near the border they disagree by a few hundred metres. A point
 * counts as NRW if either says so: rejecting a real NRW site is worse than letting a border case
 * through, and it guarantees that every point with a Gemeinde is also "in NRW".
 */
export function isInsideNrw(point: LonLat): boolean {
  return (
    loadNrwOutline().some((geometry) => pointInPolygon(point, geometry)) ||
    findMunicipality(point) !== undefined
  );
}
