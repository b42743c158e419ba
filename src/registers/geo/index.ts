/**
 * Pure geo and cadastre lookups for NRW. All reference data comes from data/ (see
 * data/SOURCES.md) and is loaded lazily on first use.
 */
export {
  boundingBox,
  boxContains,
  isAreaGeometry,
  pointInPolygon,
  type AreaGeometry,
  type BoundingBox,
  type LinearRing,
  type LonLat,
  type MultiPolygonGeometry,
  type PolygonGeometry,
  type Position,
} from './polygon.ts';
export {
  findMunicipality,
  isInsideNrw,
  municipalityByName,
  type Municipality,
} from './municipalities.ts';
export {
  formatFlurRanges,
  searchGemarkungen,
  validateParcel,
  type GemarkungInfo,
  type ParcelProblem,
  type ParcelReference,
  type ParcelValidation,
} from './cadastre.ts';
export { parseCoordinate } from './coordinates.ts';
