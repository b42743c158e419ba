import type { Db } from '../../db/database.ts';

/**
 * Import of designated wind energy / acceleration areas from GeoJSON (a FeatureCollection of
 * Polygons or MultiPolygons in WGS84). All features are checked first; one bad feature rejects
 * the whole file with a message per feature, so nothing is half-imported.
 */
export type AreaKind = 'acceleration' | 'wind-energy';

export interface AreaInput {
  kind: AreaKind;
  name: string;
  designation: {
    planningRegion: string | null;
    designatedOn: string | null;
    seaDone: boolean | null;
    protectedAreaOverlap: boolean | null;
  };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  bbox: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  example: boolean;
}

export interface ImportProblem {
  feature: number;
  message: string;
}

function collectPositions(coordinates: unknown, into: [number, number][]): boolean {
  if (!Array.isArray(coordinates)) return false;
  if (
    coordinates.length >= 2 &&
    typeof coordinates[0] === 'number' &&
    typeof coordinates[1] === 'number'
  ) {
    into.push([coordinates[0], coordinates[1]]);
    return true;
  }
  return coordinates.length > 0 && coordinates.every((c) => collectPositions(c, into));
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function flag(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

export function parseAreaCollection(
  raw: unknown,
  options: { example: boolean },
): { ok: true; areas: AreaInput[] } | { ok: false; problems: ImportProblem[] } {
  const collection = raw as { type?: unknown; features?: unknown };
  if (
    !collection ||
    collection.type !== 'FeatureCollection' ||
    !Array.isArray(collection.features)
  ) {
    return {
      ok: false,
      problems: [{ feature: 0, message: 'Die Datei ist keine GeoJSON-FeatureCollection.' }],
    };
  }
  const problems: ImportProblem[] = [];
  const areas: AreaInput[] = [];
  collection.features.forEach(
    (
      feature: {
        geometry?: { type?: unknown; coordinates?: unknown };
        properties?: Record<string, unknown>;
      },
      index,
    ) => {
      const number = index + 1;
      const props = feature?.properties ?? {};
      const name = text(props.name);
      const kind =
        props.kind === 'acceleration' || props.kind === 'wind-energy' ? props.kind : undefined;
      const type = feature?.geometry?.type;
      const positions: [number, number][] = [];
      if (!name)
        problems.push({
          feature: number,
          message: `Gebiet ${number}: Der Name (properties.name) fehlt.`,
        });
      if (!kind) {
        problems.push({
          feature: number,
          message: `Gebiet ${number}: Die Art (properties.kind) muss „acceleration“ oder „wind-energy“ sein.`,
        });
      }
      if (
        (type !== 'Polygon' && type !== 'MultiPolygon') ||
        !collectPositions(feature.geometry?.coordinates, positions)
      ) {
        problems.push({
          feature: number,
          message: `Gebiet ${number}: Die Geometrie muss ein Polygon oder MultiPolygon sein.`,
        });
        return;
      }
      const outside = positions.some(
        ([lon, lat]) => !(lon >= 5 && lon <= 10 && lat >= 50 && lat <= 53),
      );
      if (outside) {
        problems.push({
          feature: number,
          message: `Gebiet ${number}: Koordinaten liegen nicht in NRW (erwartet WGS84, Länge 5–10°, Breite 50–53°).`,
        });
      }
      if (!name || !kind || outside) return;
      areas.push({
        kind,
        name,
        designation: {
          planningRegion: text(props.planningRegion),
          designatedOn: text(props.designatedOn),
          seaDone: flag(props.seaDone),
          protectedAreaOverlap: flag(props.protectedAreaOverlap),
        },
        geometry: { type, coordinates: feature.geometry!.coordinates },
        bbox: {
          minLon: Math.min(...positions.map((p) => p[0])),
          minLat: Math.min(...positions.map((p) => p[1])),
          maxLon: Math.max(...positions.map((p) => p[0])),
          maxLat: Math.max(...positions.map((p) => p[1])),
        },
        example: options.example || props.example === true,
      });
    },
  );
  if (areas.length === 0 && problems.length === 0) {
    problems.push({ feature: 0, message: 'Die Datei enthält keine Gebiete.' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, areas };
}

export async function importAreas(db: Db, areas: AreaInput[], source: string): Promise<number> {
  await db.transaction().execute(async (trx) => {
    for (const area of areas) {
      await trx
        .insertInto('areas')
        .values({
          kind: area.kind,
          name: area.name,
          designation: JSON.stringify(area.designation),
          geometry: JSON.stringify(area.geometry),
          min_lon: area.bbox.minLon,
          min_lat: area.bbox.minLat,
          max_lon: area.bbox.maxLon,
          max_lat: area.bbox.maxLat,
          example: area.example,
          source,
        })
        .execute();
    }
  });
  return areas.length;
}
