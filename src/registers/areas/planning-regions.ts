/**
 * The six planning regions of NRW and the Kreise and kreisfreie Städte that belong to each. The
 * Regionalräte at the five Bezirksregierungen draw up the Regionalpläne for their
 * Regierungsbezirk (§ 4 Abs. 1, § 6 LPlG NRW); for the area of the Regionalverband Ruhr its
 * assembly does (§ 4 Abs. 2 LPlG NRW). The RVR area (§ 1 Abs. 1 RVRG: eleven kreisfreie Städte and
 * four Kreise) cuts through the Regierungsbezirke Düsseldorf, Münster and Arnsberg, so those three
 * planning regions are their Regierungsbezirk without the RVR members.
 * [open] Paragraph numbers of LPlG NRW and RVRG to be confirmed by legal sign-off.
 */
export type PlanningRegionKey =
  'rvr' | 'duesseldorf' | 'koeln' | 'muenster' | 'detmold' | 'arnsberg';

export interface PlanningRegion {
  key: PlanningRegionKey;
  /** German name as shown. */
  name: string;
  /** The regional planning body (Regionalplanungsbehörde). */
  body: string;
}

export const PLANNING_REGIONS: readonly PlanningRegion[] = [
  { key: 'arnsberg', name: 'Planungsregion Arnsberg', body: 'Bezirksregierung Arnsberg' },
  { key: 'detmold', name: 'Planungsregion Detmold', body: 'Bezirksregierung Detmold' },
  { key: 'duesseldorf', name: 'Planungsregion Düsseldorf', body: 'Bezirksregierung Düsseldorf' },
  { key: 'koeln', name: 'Planungsregion Köln', body: 'Bezirksregierung Köln' },
  { key: 'muenster', name: 'Planungsregion Münster', body: 'Bezirksregierung Münster' },
  { key: 'rvr', name: 'Planungsregion Ruhr', body: 'Regionalverband Ruhr' },
];

/** Kreisschlüssel (first five digits of the AGS) of the RVR members, § 1 Abs. 1 RVRG. */
const RVR_KREISE = new Set([
  '05112', // Duisburg
  '05113', // Essen
  '05117', // Mülheim an der Ruhr
  '05119', // Oberhausen
  '05170', // Kreis Wesel
  '05512', // Bottrop
  '05513', // Gelsenkirchen
  '05562', // Kreis Recklinghausen
  '05911', // Bochum
  '05913', // Dortmund
  '05914', // Hagen
  '05915', // Hamm
  '05916', // Herne
  '05954', // Ennepe-Ruhr-Kreis
  '05978', // Kreis Unna
]);

/** Third digit of the AGS: the Regierungsbezirk (1 Düsseldorf … 9 Arnsberg). */
const BY_REGIERUNGSBEZIRK: Record<string, PlanningRegionKey> = {
  '1': 'duesseldorf',
  '3': 'koeln',
  '5': 'muenster',
  '7': 'detmold',
  '9': 'arnsberg',
};

/** The planning region of a Gemeinde or Kreis by its key (AGS or Kreisschlüssel). */
export function planningRegionOf(ags: string): PlanningRegionKey | undefined {
  if (!/^05\d{3}/.test(ags)) return undefined;
  if (RVR_KREISE.has(ags.slice(0, 5))) return 'rvr';
  return BY_REGIERUNGSBEZIRK[ags[2]!];
}

export function planningRegion(key: PlanningRegionKey): PlanningRegion {
  return PLANNING_REGIONS.find((r) => r.key === key)!;
}

/** Accepts the key or the German name, with or without „Planungsregion“ (import files). */
export function parsePlanningRegion(value: string): PlanningRegionKey | undefined {
  const text = value.trim().toLocaleLowerCase('de');
  for (const region of PLANNING_REGIONS) {
    const short = region.name.replace('Planungsregion ', '').toLocaleLowerCase('de');
    if (
      text === region.key ||
      text === region.name.toLocaleLowerCase('de') ||
      text === short ||
      text === region.body.toLocaleLowerCase('de')
    )
      return region.key;
  }
  if (text === 'ruhr' || text === 'rvr' || text === 'regionalverband ruhr') return 'rvr';
  return undefined;
}
