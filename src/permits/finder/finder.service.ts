import type { Db } from '../../db/database.ts';
import type { FieldError } from '../../platform/errors.ts';
import { locateProject, type AreaHit } from '../../registers/areas/area.queries.ts';
import { isInsideNrw, parseCoordinate } from '../../registers/geo/index.ts';
import {
  classifyWindProject,
  parseWindProjectInput,
  type Classification,
} from '../classification/index.ts';

export type AreaMode = 'coordinates' | 'acceleration' | 'wind-energy' | 'outside';

export interface FinderRequest {
  fields: Record<string, unknown>;
  areaMode: AreaMode;
  turbines: { lon: unknown; lat: unknown }[];
}

/**
 * The procedure finder's one use case, for page and API: validate, place the site in the area
 * register (when coordinates are given), classify under the rules valid today.
 */
export async function findProcedure(options: {
  db: Db;
  request: FinderRequest;
  today: string;
}): Promise<
  | { ok: true; result: Classification; areas: AreaHit[] | undefined }
  | { ok: false; errors: FieldError[] }
> {
  const { db, request, today } = options;
  const errors: FieldError[] = [];
  const points: { lon: number; lat: number }[] = [];
  if (request.areaMode === 'coordinates') {
    request.turbines.forEach((t, index) => {
      const lon = parseCoordinate(t.lon as string | number, 'lon');
      const lat = parseCoordinate(t.lat as string | number, 'lat');
      const suffix = request.turbines.length > 1 ? ` (Anlage ${index + 1})` : '';
      if (lon === undefined)
        errors.push({
          field: 'lon',
          message: `Bitte geben Sie die geografische Länge als Zahl an, z. B. 8,7611${suffix}.`,
        });
      if (lat === undefined)
        errors.push({
          field: 'lat',
          message: `Bitte geben Sie die geografische Breite als Zahl an, z. B. 51,6205${suffix}.`,
        });
      if (lon !== undefined && lat !== undefined) {
        if (!isInsideNrw({ lon, lat })) {
          errors.push({
            field: 'lon',
            message: `Der Standort ${String(lat)}, ${String(lon)} liegt nicht in Nordrhein-Westfalen${suffix}.`,
          });
        } else points.push({ lon, lat });
      }
    });
    if (request.turbines.length === 0) {
      errors.push({
        field: 'lon',
        message:
          'Bitte geben Sie Koordinaten an oder wählen Sie die Lage des Standorts aus der Liste.',
      });
    }
  }
  let areas: AreaHit[] | undefined;
  let location = {
    inAccelerationArea: request.areaMode === 'acceleration',
    inWindEnergyArea: request.areaMode === 'acceleration' || request.areaMode === 'wind-energy',
  };
  if (request.areaMode === 'coordinates' && errors.length === 0) {
    const located = await locateProject(db, points);
    areas = located.areas;
    location = {
      inAccelerationArea: located.inAccelerationArea,
      inWindEnergyArea: located.inWindEnergyArea,
    };
  }
  const parsed = parseWindProjectInput({ ...request.fields, ...location });
  if (!parsed.ok)
    errors.unshift(...parsed.problems.map((p) => ({ field: p.field, message: p.message })));
  if (!parsed.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, result: classifyWindProject(parsed.value, today), areas };
}

export const AREA_MODES: AreaMode[] = ['coordinates', 'acceleration', 'wind-energy', 'outside'];
