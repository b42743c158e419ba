import { findMunicipality, isInsideNrw } from '../geo/index.ts';
import {
  bboxOf,
  centreOf,
  geodesicAreaHa,
  overlapOf,
  swapAxes,
  verticesOf,
  type SiteGeometry,
} from './site.geometry.ts';
import { hydrogenDistance, type HydrogenNetwork } from './site.hydrogen.ts';
import type { SiteDerived, SiteInput } from './site.types.ts';

/**
 * The validator of the site register. It REFUSES what cannot be a correct entry (outside NRW,
 * swapped coordinates, a reference the provider already uses) and FLAGS what may be correct but
 * needs a look (overlap with another site, stated hectares far from the geometry's area, vertices
 * outside NRW). Refusals stop the save or the whole import; flags are stored as open problems.
 * Missing and malformed fields are refused earlier, in site.fields.ts. Pure: the other sites and
 * the hydrogen network are passed in.
 */
export type SiteRule =
  | 'missing-field'
  | 'invalid-value'
  | 'outside-nrw'
  | 'swapped-coordinates'
  | 'duplicate-reference'
  | 'partly-outside-nrw'
  | 'overlap'
  | 'hectares-mismatch';

export interface SiteIssue {
  rule: SiteRule;
  field: string;
  message: string;
}

/** Another site the new one is compared with: stored ones, or earlier rows of the same file. */
export interface OtherSite {
  id?: string;
  providerId: string;
  provider: string;
  reference: string;
  name: string;
  geometry: SiteGeometry;
  /** Where it comes from, for messages: undefined for stored sites, 'Zeile 4' for a file row. */
  origin?: string;
  /** An ended site keeps its reference but overlaps nothing any more. */
  ended?: boolean;
}

/**
 * Stated gross hectares may differ from the drawn geometry (roads, rounding, an outline drawn
 * roughly); beyond 20 % and half a hectare the figure or the geometry is probably wrong.
 */
export const HECTARE_TOLERANCE = { share: 0.2, minimumHa: 0.5 } as const;

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const place = ([lon, lat]: [number, number]) => `Länge ${fmt(lon, 4)}, Breite ${fmt(lat, 4)}`;

function locationIssues(geometry: SiteGeometry, centre: [number, number]): SiteIssue[] {
  const field = geometry.type === 'Point' ? 'laenge' : 'geometrie';
  if (!isInsideNrw({ lon: centre[0], lat: centre[1] })) {
    const swapped = centreOf(swapAxes(geometry));
    const there = { lon: swapped[0], lat: swapped[1] };
    if (isInsideNrw(there)) {
      const gemeinde = findMunicipality(there)?.name;
      return [
        {
          rule: 'swapped-coordinates',
          field,
          message: `Länge und Breite sind offenbar vertauscht: ${place(centre)} liegt außerhalb von Nordrhein-Westfalen, mit getauschten Werten (${place(swapped)}) läge die Fläche in NRW${gemeinde ? ` (${gemeinde})` : ''}. Bitte Länge (Ost, etwa 5,8 bis 9,5) und Breite (Nord, etwa 50,3 bis 52,6) prüfen.`,
        },
      ];
    }
    return [
      {
        rule: 'outside-nrw',
        field,
        message: `Die Fläche liegt außerhalb von Nordrhein-Westfalen (${place(centre)}).`,
      },
    ];
  }
  if (geometry.type === 'Point') return [];
  const outside = verticesOf(geometry).filter(([lon, lat]) => !isInsideNrw({ lon, lat })).length;
  return outside > 0
    ? [
        {
          rule: 'partly-outside-nrw',
          field,
          message: `${outside} Eckpunkte der Geometrie liegen außerhalb von Nordrhein-Westfalen.`,
        },
      ]
    : [];
}

function describe(other: OtherSite): string {
  return other.origin
    ? `${other.origin} (Kennung ${other.reference})`
    : `„${other.name}“ (Kennung ${other.reference}, ${other.provider})`;
}

export function checkSite(options: {
  site: SiteInput;
  providerId: string;
  /** The stored site being edited: it is not compared with itself. */
  selfId?: string;
  others: readonly OtherSite[];
  network: HydrogenNetwork;
}): { refusals: SiteIssue[]; flags: SiteIssue[]; derived: SiteDerived } {
  const { site, providerId, selfId } = options;
  const centre = centreOf(site.geometry);
  const geometryHa = geodesicAreaHa(site.geometry);
  const municipality = findMunicipality({ lon: centre[0], lat: centre[1] });
  const derived: SiteDerived = {
    centre,
    bbox: bboxOf(site.geometry),
    geometryHa,
    ags: municipality?.ags ?? null,
    gemeinde: municipality?.name ?? null,
    hydrogenDistanceKm: hydrogenDistance(centre, options.network)?.km ?? null,
  };
  const refusals: SiteIssue[] = [];
  const flags: SiteIssue[] = [];
  for (const issue of locationIssues(site.geometry, centre)) {
    (issue.rule === 'partly-outside-nrw' ? flags : refusals).push(issue);
  }
  const others = options.others.filter((o) => o.id === undefined || o.id !== selfId);
  const twin = others.find((o) => o.providerId === providerId && o.reference === site.reference);
  if (twin)
    refusals.push({
      rule: 'duplicate-reference',
      field: 'kennung',
      message: `Kennung ${site.reference}: ist bereits vergeben an ${describe(twin)}. Jede Kennung steht für genau eine Fläche.`,
    });
  if (refusals.some((r) => r.rule === 'outside-nrw' || r.rule === 'swapped-coordinates'))
    return { refusals, flags, derived };
  for (const other of others) {
    if (other.ended || (other.providerId === providerId && other.reference === site.reference))
      continue;
    const overlap = overlapOf(site.geometry, other.geometry);
    if (!overlap) continue;
    flags.push({
      rule: 'overlap',
      field: site.geometry.type === 'Point' ? 'laenge' : 'geometrie',
      message:
        overlap.kind === 'area'
          ? `Überschneidet sich auf ${fmt(overlap.hectares, 2)} ha mit ${describe(other)}: möglicherweise dieselbe Fläche doppelt erfasst.`
          : `Liegt an derselben Stelle wie ${describe(other)}: möglicherweise dieselbe Fläche doppelt erfasst.`,
    });
  }
  if (geometryHa !== null) {
    const gap = Math.abs(site.grossHa - geometryHa);
    if (gap > Math.max(HECTARE_TOLERANCE.share * geometryHa, HECTARE_TOLERANCE.minimumHa))
      flags.push({
        rule: 'hectares-mismatch',
        field: 'flaeche_brutto_ha',
        message: `Fläche brutto: angegeben sind ${fmt(site.grossHa)} ha, die Geometrie misst ${fmt(geometryHa)} ha (Abweichung über 20 %).`,
      });
  }
  return { refusals, flags, derived };
}
