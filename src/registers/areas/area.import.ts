/**
 * Import of designated wind-energy and acceleration areas from GeoJSON (a FeatureCollection of
 * Polygons or MultiPolygons in WGS84). All features are checked first; one bad feature rejects
 * the whole file with a message per feature (number and reason), so nothing is half-imported.
 * Storing the checked areas as a dated version of the register is area.version.ts.
 */
import { findMunicipality } from '../geo/index.ts';
import { geodesicArea, hectares, insetArea, toMultiPoly, type MultiPoly } from './area.geometry.ts';
import {
  parsePlanningRegion,
  planningRegion,
  planningRegionOf,
  type PlanningRegionKey,
} from './planning-regions.ts';
import { ROTOR_IN_INSET_METRES } from './counting-rule.ts';

export type AreaKind = 'acceleration' | 'wind-energy';
export type LegalStatus = 'draft' | 'in-force';
export type RotorRule = 'rotor-out' | 'rotor-in';

export interface AreaInput {
  kind: AreaKind;
  name: string;
  designation: {
    planningRegion: string | null;
    designatedOn: string | null;
    seaDone: boolean | null;
    protectedAreaOverlap: boolean | null;
  };
  planningRegion: PlanningRegionKey;
  legalStatus: LegalStatus;
  planSource: string | null;
  planDate: string | null;
  rotorRule: RotorRule;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  /** The part that counts towards the targets, where it differs from the geometry (rotor-in). */
  counted: MultiPoly | null;
  areaHa: number;
  countedHa: number;
  bbox: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  example: boolean;
}

export interface ImportProblem {
  feature: number;
  message: string;
}

/** Limits against hostile files: far above any real regional plan, far below memory trouble. */
export const MAX_FEATURES = 20_000;
const MAX_VERTICES = 50_000;
const MAX_TEXT = 300;

type Position = [number, number];

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    (value.length === 2 || value.length === 3) &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

/** A closed ring of at least four positions (RFC 7946, 3.1.6); the reason when it is not. */
function ringProblem(ring: unknown): string | undefined {
  if (!Array.isArray(ring) || !ring.every(isPosition))
    return 'Die Koordinaten sind keine Liste von Punkten [Länge, Breite].';
  if (ring.length < 4) return 'Ein Ring hat weniger als vier Punkte.';
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1])
    return 'Ein Ring ist nicht geschlossen (erster und letzter Punkt müssen gleich sein).';
  return undefined;
}

function geometryProblem(type: unknown, coordinates: unknown): string | undefined {
  if (type !== 'Polygon' && type !== 'MultiPolygon')
    return 'Die Geometrie muss ein Polygon oder MultiPolygon sein.';
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0)
    return 'Die Geometrie muss ein Polygon oder MultiPolygon sein.';
  let vertices = 0;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0)
      return 'Die Geometrie muss ein Polygon oder MultiPolygon sein.';
    for (const ring of polygon) {
      const problem = ringProblem(ring);
      if (problem) return problem;
      vertices += (ring as unknown[]).length;
    }
  }
  if (vertices > MAX_VERTICES)
    return `Die Geometrie hat mehr als ${MAX_VERTICES.toLocaleString('de-DE')} Punkte.`;
  return undefined;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, MAX_TEXT) : null;
}

function flag(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

function isoDate(value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value
    ? undefined
    : value;
}

const STATUS: Record<string, LegalStatus> = {
  'in-force': 'in-force',
  'in kraft': 'in-force',
  wirksam: 'in-force',
  draft: 'draft',
  entwurf: 'draft',
};
const ROTOR: Record<string, RotorRule> = {
  'rotor-out': 'rotor-out',
  'rotor-außerhalb': 'rotor-out',
  'rotor-in': 'rotor-in',
  'rotor-innerhalb': 'rotor-in',
};

/** Where the area lies: the Gemeinde of its outer ring's mean point, else of any vertex. */
function locate(multi: MultiPoly): PlanningRegionKey | undefined {
  const outer = multi[0]![0]!;
  const mean = outer.slice(1).reduce((s, [lon, lat]) => [s[0] + lon, s[1] + lat], [0, 0]);
  const candidates = [
    { lon: mean[0] / (outer.length - 1), lat: mean[1] / (outer.length - 1) },
    ...multi.flatMap((p) => p[0]!.map(([lon, lat]) => ({ lon, lat }))),
  ];
  for (const point of candidates) {
    const gemeinde = findMunicipality(point);
    if (gemeinde) return planningRegionOf(gemeinde.ags);
  }
  return undefined;
}

type RawFeature = {
  type?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
};

function parseFeature(
  feature: RawFeature,
  number: number,
  options: { example: boolean },
): { area?: AreaInput; problems: string[] } {
  const problems: string[] = [];
  const props =
    feature && typeof feature.properties === 'object' && feature.properties !== null
      ? feature.properties
      : {};
  const name = text(props.name);
  if (!name) problems.push('Der Name (properties.name) fehlt.');
  const kind =
    props.kind === 'acceleration' || props.kind === 'wind-energy' ? props.kind : undefined;
  if (!kind)
    problems.push('Die Art (properties.kind) muss „acceleration“ oder „wind-energy“ sein.');
  const statusText = text(props.legalStatus)?.toLocaleLowerCase('de');
  const legalStatus =
    statusText === undefined || statusText === null ? 'in-force' : STATUS[statusText];
  if (!legalStatus)
    problems.push('Der Rechtsstand (properties.legalStatus) muss „in-force“ oder „draft“ sein.');
  const rotorText = text(props.rotorRule)?.toLocaleLowerCase('de');
  const rotorRule = rotorText === undefined || rotorText === null ? 'rotor-out' : ROTOR[rotorText];
  if (!rotorRule)
    problems.push('Die Rotorregel (properties.rotorRule) muss „rotor-out“ oder „rotor-in“ sein.');
  const planDate = isoDate(props.planDate);
  if (planDate === undefined)
    problems.push('Das Plandatum (properties.planDate) muss ein Datum JJJJ-MM-TT sein.');
  const designatedOn = isoDate(props.designatedOn);
  if (designatedOn === undefined)
    problems.push('Das Ausweisungsdatum (properties.designatedOn) muss ein Datum JJJJ-MM-TT sein.');
  const regionText = text(props.planningRegion);
  const statedRegion = regionText ? parsePlanningRegion(regionText) : undefined;
  if (regionText && !statedRegion)
    problems.push(
      `Die Planungsregion „${regionText.slice(0, 60)}“ gibt es nicht (Arnsberg, Detmold, Düsseldorf, Köln, Münster oder Ruhr).`,
    );

  const type = feature?.geometry?.type;
  const coordinates = feature?.geometry?.coordinates;
  const shapeProblem = geometryProblem(type, coordinates);
  if (shapeProblem) return { problems: [...problems, shapeProblem] };
  const geometry = { type: type as 'Polygon' | 'MultiPolygon', coordinates };
  const multi = toMultiPoly(geometry);
  const positions = multi.flat(2);
  if (positions.some(([lon, lat]) => !(lon >= 5 && lon <= 10 && lat >= 50 && lat <= 53)))
    return {
      problems: [
        ...problems,
        'Koordinaten liegen nicht in NRW (erwartet WGS84, Länge 5–10°, Breite 50–53°).',
      ],
    };
  const region = locate(multi);
  if (!region) return { problems: [...problems, 'Das Gebiet liegt nicht in NRW.'] };
  if (statedRegion && statedRegion !== region)
    problems.push(
      `Die Planungsregion passt nicht zur Lage: Das Gebiet liegt in der ${planningRegion(region).name}.`,
    );
  const areaHa = hectares(geodesicArea(multi));
  if (!(areaHa > 0.01)) problems.push('Das Gebiet hat keine Fläche.');
  let counted: MultiPoly | null = null;
  let countedHa = areaHa;
  if (rotorRule === 'rotor-in' && problems.length === 0) {
    try {
      counted = insetArea(multi, ROTOR_IN_INSET_METRES);
      countedHa = hectares(geodesicArea(counted));
    } catch {
      problems.push('Die Geometrie ist ungültig (etwa ein Ring, der sich selbst schneidet).');
    }
  }
  if (problems.length > 0 || !name || !kind || !legalStatus || !rotorRule) return { problems };
  return {
    problems,
    area: {
      kind,
      name,
      designation: {
        planningRegion: regionText,
        designatedOn: designatedOn ?? null,
        seaDone: flag(props.seaDone),
        protectedAreaOverlap: flag(props.protectedAreaOverlap),
      },
      planningRegion: region,
      legalStatus,
      planSource: text(props.planSource),
      planDate: planDate ?? null,
      rotorRule,
      geometry,
      counted,
      areaHa,
      countedHa,
      bbox: {
        minLon: Math.min(...positions.map((p) => p[0])),
        minLat: Math.min(...positions.map((p) => p[1])),
        maxLon: Math.max(...positions.map((p) => p[0])),
        maxLat: Math.max(...positions.map((p) => p[1])),
      },
      example: options.example || props.example === true,
    },
  };
}

export function parseAreaCollection(
  raw: unknown,
  options: { example: boolean },
): { ok: true; areas: AreaInput[] } | { ok: false; problems: ImportProblem[] } {
  const collection = raw as { type?: unknown; features?: unknown } | null;
  if (
    !collection ||
    typeof collection !== 'object' ||
    collection.type !== 'FeatureCollection' ||
    !Array.isArray(collection.features)
  ) {
    return {
      ok: false,
      problems: [{ feature: 0, message: 'Die Datei ist keine GeoJSON-FeatureCollection.' }],
    };
  }
  if (collection.features.length > MAX_FEATURES) {
    const message = `Die Datei enthält mehr als ${MAX_FEATURES.toLocaleString('de-DE')} Gebiete.`;
    return { ok: false, problems: [{ feature: 0, message }] };
  }
  const problems: ImportProblem[] = [];
  const areas: AreaInput[] = [];
  collection.features.forEach((feature: RawFeature, index) => {
    const number = index + 1;
    const parsed = parseFeature(feature, number, options);
    for (const message of parsed.problems)
      problems.push({ feature: number, message: `Gebiet ${number}: ${message}` });
    if (parsed.area) areas.push(parsed.area);
  });
  if (areas.length === 0 && problems.length === 0) {
    problems.push({ feature: 0, message: 'Die Datei enthält keine Gebiete.' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, areas };
}
