import type {
  SiteContamination,
  SiteGridConnection,
  SiteMiningSupervision,
  SiteOwnership,
  SitePlanningStatus,
  SiteReadiness,
  SiteZoning,
} from '../../db/schema.ts';

/**
 * The data standard of the site register (docs/site-register.md): every coded field with its
 * codes and their German labels. Files use the codes; imports also accept the German label.
 */
export const OWNERSHIP: Readonly<Record<SiteOwnership, string>> = {
  municipal: 'Kommune',
  private: 'Privat',
  'public-other': 'Sonstige öffentliche Hand',
  mixed: 'Gemischt',
};

/** Planning law status: §§ 30, 33, 34 BauGB and the Flächennutzungsplan (§ 5 BauGB). */
export const PLANNING_STATUS: Readonly<Record<SitePlanningStatus, string>> = {
  'binding-plan': 'Rechtskräftiger Bebauungsplan (§ 30 BauGB)',
  'plan-in-preparation': 'Bebauungsplan in Aufstellung (§ 33 BauGB)',
  'land-use-plan': 'Nur im Flächennutzungsplan dargestellt (§ 5 BauGB)',
  'section-34': 'Im Zusammenhang bebauter Ortsteil (§ 34 BauGB)',
  none: 'Kein Planungsrecht',
};

/** Type of building area under the BauNVO (§§ 6, 8, 9, 11). */
export const ZONING: Readonly<Record<SiteZoning, string>> = {
  GI: 'Industriegebiet (GI, § 9 BauNVO)',
  GE: 'Gewerbegebiet (GE, § 8 BauNVO)',
  SO: 'Sondergebiet (SO, § 11 BauNVO)',
  MI: 'Mischgebiet (MI, § 6 BauNVO)',
  other: 'Andere Festsetzung',
  none: 'Keine Festsetzung',
};

/** Contaminated land in the sense of § 2 Abs. 5 and 6 BBodSchG (Altlast, altlastverdächtig). */
export const CONTAMINATION: Readonly<Record<SiteContamination, string>> = {
  none: 'Keine Altlasten bekannt',
  remediated: 'Saniert',
  suspected: 'Altlastverdacht (§ 2 Abs. 6 BBodSchG)',
  contaminated: 'Altlast (§ 2 Abs. 5 BBodSchG)',
  unknown: 'Nicht untersucht',
};

/** Mining supervision ends with the completed closure plan (§ 69 Abs. 2 BBergG). */
export const MINING_SUPERVISION: Readonly<Record<SiteMiningSupervision, string>> = {
  never: 'Nie unter Bergaufsicht',
  released: 'Aus der Bergaufsicht entlassen (§ 69 Abs. 2 BBergG)',
  under: 'Unter Bergaufsicht',
};

export const GRID_CONNECTION: Readonly<Record<SiteGridConnection, string>> = {
  available: 'Stromnetzanschluss vorhanden',
  planned: 'Stromnetzanschluss geplant',
  none: 'Kein Stromnetzanschluss',
  unknown: 'Nicht bekannt',
};

/** When the site can be used, as the provider states it. */
export const READINESS: Readonly<Record<SiteReadiness, string>> = {
  immediate: 'Sofort verfügbar',
  'short-term': 'Kurzfristig (bis 2 Jahre)',
  'medium-term': 'Mittelfristig (2 bis 5 Jahre)',
  'long-term': 'Langfristig (über 5 Jahre)',
};

export const CODED = {
  ownership: OWNERSHIP,
  planningStatus: PLANNING_STATUS,
  zoning: ZONING,
  contamination: CONTAMINATION,
  miningSupervision: MINING_SUPERVISION,
  gridConnection: GRID_CONNECTION,
  readiness: READINESS,
} as const;
export type CodedField = keyof typeof CODED;

/** A site as the validator and the pages see it (camelCase, the GeoJSON property names). */
export interface SiteInput {
  reference: string;
  name: string;
  geometry: GeoJSON.Point | GeoJSON.Polygon | GeoJSON.MultiPolygon;
  grossHa: number;
  netHa: number | null;
  ownership: SiteOwnership;
  planningStatus: SitePlanningStatus;
  zoning: SiteZoning;
  contamination: SiteContamination;
  miningSupervision: SiteMiningSupervision;
  gridConnection: SiteGridConnection;
  readiness: SiteReadiness;
  availableFrom: string | null;
  contact: string;
  startDate: string | null;
  endDate: string | null;
}

/** What the platform adds to a site: derived from the geometry, never taken from a file. */
export interface SiteDerived {
  centre: [number, number];
  bbox: [number, number, number, number];
  geometryHa: number | null;
  ags: string | null;
  gemeinde: string | null;
  hydrogenDistanceKm: number | null;
}

export interface StoredSite extends SiteInput, SiteDerived {
  id: string;
  providerId: string;
  provider: string;
  startDate: string;
  endReason: string | null;
  example: boolean;
}

/**
 * One field of the standard: its name in CSV files and GeoJSON properties and whether it is
 * mandatory. The table in docs/site-register.md shows the same list.
 */
export interface StandardField {
  key: string;
  csv: string;
  label: string;
  mandatory: boolean;
  /** 'derived': written by the platform on export, ignored on import. */
  origin: 'input' | 'derived';
}

export const STANDARD_FIELDS: readonly StandardField[] = [
  { key: 'reference', csv: 'kennung', label: 'Kennung', mandatory: true, origin: 'input' },
  { key: 'name', csv: 'bezeichnung', label: 'Bezeichnung', mandatory: true, origin: 'input' },
  { key: 'provider', csv: 'anbieter', label: 'Anbieter', mandatory: false, origin: 'derived' },
  { key: 'lon', csv: 'laenge', label: 'Länge (WGS84)', mandatory: false, origin: 'input' },
  { key: 'lat', csv: 'breite', label: 'Breite (WGS84)', mandatory: false, origin: 'input' },
  { key: 'geometry', csv: 'geometrie', label: 'Geometrie', mandatory: false, origin: 'input' },
  {
    key: 'grossHa',
    csv: 'flaeche_brutto_ha',
    label: 'Fläche brutto (ha)',
    mandatory: true,
    origin: 'input',
  },
  {
    key: 'netHa',
    csv: 'flaeche_netto_ha',
    label: 'Fläche netto (ha)',
    mandatory: false,
    origin: 'input',
  },
  { key: 'ownership', csv: 'eigentum', label: 'Eigentum', mandatory: true, origin: 'input' },
  {
    key: 'planningStatus',
    csv: 'planungsstand',
    label: 'Planungsstand',
    mandatory: true,
    origin: 'input',
  },
  { key: 'zoning', csv: 'gebietsart', label: 'Gebietsart', mandatory: true, origin: 'input' },
  {
    key: 'contamination',
    csv: 'altlasten',
    label: 'Altlasten',
    mandatory: true,
    origin: 'input',
  },
  {
    key: 'miningSupervision',
    csv: 'bergaufsicht',
    label: 'Bergaufsicht',
    mandatory: true,
    origin: 'input',
  },
  {
    key: 'gridConnection',
    csv: 'netzanschluss',
    label: 'Netzanschluss',
    mandatory: true,
    origin: 'input',
  },
  {
    key: 'readiness',
    csv: 'verfuegbarkeit',
    label: 'Verfügbarkeit',
    mandatory: true,
    origin: 'input',
  },
  {
    key: 'availableFrom',
    csv: 'verfuegbar_ab',
    label: 'Verfügbar ab',
    mandatory: false,
    origin: 'input',
  },
  { key: 'contact', csv: 'kontakt', label: 'Kontakt', mandatory: true, origin: 'input' },
  { key: 'startDate', csv: 'beginn', label: 'Beginn', mandatory: false, origin: 'input' },
  { key: 'endDate', csv: 'ende', label: 'Ende', mandatory: false, origin: 'input' },
  { key: 'ags', csv: 'ags', label: 'Gemeindeschlüssel', mandatory: false, origin: 'derived' },
  { key: 'gemeinde', csv: 'gemeinde', label: 'Gemeinde', mandatory: false, origin: 'derived' },
  {
    key: 'geometryHa',
    csv: 'flaeche_geometrie_ha',
    label: 'Fläche der Geometrie (ha)',
    mandatory: false,
    origin: 'derived',
  },
  {
    key: 'hydrogenDistanceKm',
    csv: 'h2_entfernung_km',
    label: 'Entfernung zum Wasserstoff-Kernnetz (km)',
    mandatory: false,
    origin: 'derived',
  },
];

/** Limits that keep hostile input cheap to refuse. */
export const LIMITS = {
  reference: 60,
  name: 200,
  contact: 300,
  endReason: 500,
  /** Vertices of one geometry. */
  vertices: 5_000,
  /** Rows or features of one import. */
  rows: 5_000,
} as const;
