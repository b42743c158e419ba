import type { AgencyRole } from '../../db/schema.ts';

/** Roles of an agency in a procedure, as an authority's directory names them (German labels). */
export const AGENCY_ROLE_LABELS: Record<AgencyRole, string> = {
  municipality: 'Gemeinde (Standortgemeinde)',
  nature: 'Naturschutz',
  water: 'Wasser',
  monuments: 'Denkmalschutz',
  aviation: 'Luftfahrtbehörde',
  military: 'Bundeswehr (BAIUDBw)',
  weather: 'Deutscher Wetterdienst',
  roads: 'Straßenbaulastträger',
  other: 'Sonstige',
};

export const AGENCY_ROLES = Object.keys(AGENCY_ROLE_LABELS) as AgencyRole[];

/** Kinds of project an authority keeps a default selection for. */
export const PROJECT_KINDS = { wind: 'Windenergieanlagen an Land' } as const;
export type ProjectKind = keyof typeof PROJECT_KINDS;

/**
 * The agencies usually asked for onshore wind turbines, as a starting point for a new directory
 * entry: the municipality (planning, § 36 BauGB), nature conservation, water, monuments, the
 * aviation authority (§ 14 LuftVG), the Bundeswehr's infrastructure office (military air traffic
 * and radar), the weather service (radar, § 4 Abs. 2 DWD-Gesetz [open]) and the road authority
 * (distances to roads, § 9 FStrG / § 25 StrWG NRW [open]). Each authority decides its own list.
 */
export const WIND_DEFAULT_ROLES: readonly AgencyRole[] = [
  'municipality',
  'nature',
  'water',
  'monuments',
  'aviation',
  'military',
  'weather',
  'roads',
];

export interface DirectoryEntry {
  readonly agencyOrgId: string;
  readonly name: string;
  readonly role: AgencyRole;
  readonly defaultFor: readonly string[];
  readonly example: boolean;
}
