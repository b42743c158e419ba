/**
 * Which real turbine groups become demo projects, and which example areas surround them.
 * Chosen by hand from the UFZ data so that sizes range from 1 to 25 turbines, all five
 * Regierungsbezirke appear and repowering sites have older turbines nearby (the generator
 * checks this). A group is identified by Gemeinde and turbine type; see build-demo-data.ts.
 */

export interface ProjectSelection {
  /** Stable handle for areas below; not the project key (that comes from the title). */
  id: string;
  gemeinde: string;
  powerKw: number;
  hubM: number;
  rotorM: number;
  /** Keep at most this many turbines, the ones nearest to the group's centre. */
  maxTurbines?: number;
  repowering?: boolean;
  /**
   * Gemarkung name when no Gemarkung is named like the Gemeinde (same Katasteramt). The data has
   * no geometries, so this is a plausible part of the Gemeinde, not the turbines' true Gemarkung.
   */
  gemarkung?: string;
}

export const PROJECTS: readonly ProjectSelection[] = [
  // Regierungsbezirk Düsseldorf
  { id: 'rheurdt', gemeinde: 'Rheurdt', powerKw: 1000, hubM: 70.5, rotorM: 58 },
  { id: 'kempen', gemeinde: 'Kempen', powerKw: 800, hubM: 73.25, rotorM: 53 },
  { id: 'wesel', gemeinde: 'Wesel', powerKw: 2300, hubM: 138.38, rotorM: 82 },
  { id: 'juechen', gemeinde: 'Jüchen', powerKw: 3400, hubM: 124.66, rotorM: 104 },
  { id: 'uedem', gemeinde: 'Uedem', powerKw: 2350, hubM: 103.9, rotorM: 92, repowering: true },
  // Regierungsbezirk Köln
  { id: 'bedburg', gemeinde: 'Bedburg', powerKw: 3170, hubM: 143, rotorM: 114 },
  { id: 'schleiden', gemeinde: 'Schleiden', powerKw: 3050, hubM: 135.4, rotorM: 101 },
  { id: 'titz', gemeinde: 'Titz', powerKw: 2050, hubM: 100, rotorM: 92 },
  { id: 'linnich', gemeinde: 'Linnich', powerKw: 2350, hubM: 138.4, rotorM: 92, repowering: true },
  // Regierungsbezirk Münster
  { id: 'ahlen', gemeinde: 'Ahlen', powerKw: 2300, hubM: 108.38, rotorM: 82 },
  { id: 'saerbeck', gemeinde: 'Saerbeck', powerKw: 3050, hubM: 149, rotorM: 101 },
  {
    id: 'emsdetten',
    gemeinde: 'Emsdetten',
    powerKw: 2530,
    hubM: 139,
    rotorM: 120,
    repowering: true,
  },
  {
    id: 'steinfurt',
    gemeinde: 'Steinfurt',
    powerKw: 3000,
    hubM: 139,
    rotorM: 122,
    repowering: true,
    gemarkung: 'Burgsteinfurt',
  },
  // Regierungsbezirk Detmold
  {
    id: 'lichtenau-500',
    gemeinde: 'Lichtenau',
    powerKw: 500,
    hubM: 65,
    rotorM: 40,
    maxTurbines: 25,
  },
  {
    id: 'lichtenau-2350',
    gemeinde: 'Lichtenau',
    powerKw: 2350,
    hubM: 138.38,
    rotorM: 92,
    repowering: true,
  },
  { id: 'bueren', gemeinde: 'Büren', powerKw: 2000, hubM: 138.38, rotorM: 82 },
  {
    id: 'bad-wuennenberg',
    gemeinde: 'Bad Wünnenberg',
    powerKw: 2300,
    hubM: 138,
    rotorM: 82,
    gemarkung: 'Haaren',
  },
  {
    id: 'kalletal',
    gemeinde: 'Kalletal',
    powerKw: 3075,
    hubM: 119,
    rotorM: 112,
    gemarkung: 'Hohenhausen',
  },
  // Regierungsbezirk Arnsberg
  {
    id: 'marsberg',
    gemeinde: 'Marsberg',
    powerKw: 1650,
    hubM: 78,
    rotorM: 66,
    gemarkung: 'Meerhof',
  },
  { id: 'brilon', gemeinde: 'Brilon', powerKw: 2000, hubM: 98, rotorM: 70 },
  { id: 'ruethen', gemeinde: 'Rüthen', powerKw: 800, hubM: 73.25, rotorM: 53, repowering: true },
  { id: 'wilnsdorf', gemeinde: 'Wilnsdorf', powerKw: 3000, hubM: 143, rotorM: 112 },
  // Further projects for the formal procedures of the demo (public participation up to the end)
  { id: 'paderborn', gemeinde: 'Paderborn', powerKw: 2300, hubM: 138.38, rotorM: 82 },
  { id: 'altenbeken', gemeinde: 'Altenbeken', powerKw: 2300, hubM: 138.38, rotorM: 82 },
  {
    id: 'borchen',
    gemeinde: 'Borchen',
    powerKw: 1300,
    hubM: 69,
    rotorM: 62,
    gemarkung: 'Kirchborchen',
  },
  { id: 'willebadessen', gemeinde: 'Willebadessen', powerKw: 600, hubM: 75, rotorM: 50 },
  {
    id: 'marienmuenster',
    gemeinde: 'Marienmünster',
    powerKw: 660,
    hubM: 65,
    rotorM: 47,
    gemarkung: 'Vörden',
  },
  {
    id: 'extertal',
    gemeinde: 'Extertal',
    powerKw: 2000,
    hubM: 100,
    rotorM: 80,
    gemarkung: 'Bösingfeld',
  },
  {
    id: 'schoeppingen',
    gemeinde: 'Schöppingen',
    powerKw: 1500,
    hubM: 100,
    rotorM: 77,
    gemarkung: 'Schöppingen-Kirchspiel',
  },
  { id: 'altenberge', gemeinde: 'Altenberge', powerKw: 1000, hubM: 70, rotorM: 60 },
  { id: 'sassenberg', gemeinde: 'Sassenberg', powerKw: 1800, hubM: 85, rotorM: 70 },
  { id: 'horstmar', gemeinde: 'Horstmar', powerKw: 1800, hubM: 98, rotorM: 70 },
  { id: 'warendorf', gemeinde: 'Warendorf', powerKw: 2000, hubM: 98, rotorM: 71 },
  { id: 'laer', gemeinde: 'Laer', powerKw: 1800, hubM: 114, rotorM: 70 },
];

export interface AreaSelection {
  name: string;
  kind: 'acceleration' | 'wind-energy';
  planningRegion: string;
  designatedOn: string;
  /** Selection ids whose turbines the area must contain completely. */
  projects: readonly string[];
}

const EXAMPLE = '(Beispielgebiet, keine echte Ausweisung)';

export const AREAS: readonly AreaSelection[] = [
  {
    name: `Beschleunigungsgebiet Lichtenau-Sintfeld ${EXAMPLE}`,
    kind: 'acceleration',
    planningRegion: 'Planungsregion Detmold',
    designatedOn: '2025-11-20',
    projects: ['lichtenau-2350'],
  },
  {
    name: `Windenergiebereich Bedburg ${EXAMPLE}`,
    kind: 'wind-energy',
    planningRegion: 'Planungsregion Köln',
    designatedOn: '2025-06-30',
    projects: ['bedburg'],
  },
  {
    name: `Beschleunigungsgebiet Emsdetten ${EXAMPLE}`,
    kind: 'acceleration',
    planningRegion: 'Planungsregion Münster',
    designatedOn: '2026-02-12',
    projects: ['emsdetten'],
  },
  {
    name: `Windenergiebereich Marsberg ${EXAMPLE}`,
    kind: 'wind-energy',
    planningRegion: 'Planungsregion Arnsberg',
    designatedOn: '2025-09-04',
    projects: ['marsberg'],
  },
  {
    name: `Beschleunigungsgebiet Rheurdt ${EXAMPLE}`,
    kind: 'acceleration',
    planningRegion: 'Planungsregion Düsseldorf',
    designatedOn: '2026-03-26',
    projects: ['rheurdt'],
  },
];
