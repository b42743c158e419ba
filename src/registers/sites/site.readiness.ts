import type { SiteInput } from './site.types.ts';
import {
  CONTAMINATION,
  GRID_CONNECTION,
  MINING_SUPERVISION,
  PLANNING_STATUS,
  ZONING,
} from './site.types.ts';

/**
 * The readiness score of a site (0–100): how soon an industrial investor could build there,
 * from the facts of the register. Each factor shows its points and the reason, so the score
 * explains itself. The weights are a platform choice, not a legal rule [open: to be agreed with
 * the economic-development offices and NRW.Invest]; docs/site-register.md lists them.
 */
export interface ReadinessFactor {
  key: 'size' | 'zoning' | 'contamination' | 'mining' | 'grid' | 'hydrogen';
  label: string;
  points: number;
  max: number;
  reason: string;
}

export interface Readiness {
  score: number;
  factors: ReadinessFactor[];
}

type Facts = Pick<
  SiteInput,
  | 'grossHa'
  | 'netHa'
  | 'planningStatus'
  | 'zoning'
  | 'contamination'
  | 'miningSupervision'
  | 'gridConnection'
> & { hydrogenDistanceKm: number | null };

const ha = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 1 });

function size(f: Facts): ReadinessFactor {
  const usable = f.netHa ?? f.grossHa;
  const basis = f.netHa === null ? 'brutto (netto nicht angegeben)' : 'netto';
  // Large contiguous plots are what industrial projects lack most in NRW.
  const points = usable >= 20 ? 20 : usable >= 10 ? 15 : usable >= 5 ? 10 : usable >= 1 ? 5 : 2;
  return {
    key: 'size',
    label: 'Größe',
    points,
    max: 20,
    reason: `${ha(usable)} ha ${basis}; volle Punktzahl ab 20 ha.`,
  };
}

function zoning(f: Facts): ReadinessFactor {
  // Building permits follow a binding plan directly (§ 30 BauGB); during its preparation only
  // under § 33 BauGB; otherwise a plan is needed first.
  const status = { 'binding-plan': 14, 'plan-in-preparation': 8, 'section-34': 6 }[
    f.planningStatus as string
  ];
  const industrial = f.zoning === 'GI' ? 6 : f.zoning === 'GE' || f.zoning === 'SO' ? 4 : 0;
  return {
    key: 'zoning',
    label: 'Planungsrecht',
    points: (status ?? 0) + industrial,
    max: 20,
    reason: `${PLANNING_STATUS[f.planningStatus]}; ${ZONING[f.zoning]}.`,
  };
}

function contamination(f: Facts): ReadinessFactor {
  const points = { none: 15, remediated: 15, suspected: 5, unknown: 3, contaminated: 0 }[
    f.contamination
  ];
  return {
    key: 'contamination',
    label: 'Altlasten',
    points,
    max: 15,
    reason: CONTAMINATION[f.contamination],
  };
}

function mining(f: Facts): ReadinessFactor {
  // Under mining supervision the land is not free for other use until the closure plan is done
  // (§§ 53, 69 Abs. 2 BBergG).
  const points = f.miningSupervision === 'under' ? 0 : 10;
  return {
    key: 'mining',
    label: 'Bergaufsicht',
    points,
    max: 10,
    reason: MINING_SUPERVISION[f.miningSupervision],
  };
}

function grid(f: Facts): ReadinessFactor {
  const points = { available: 15, planned: 8, none: 0, unknown: 0 }[f.gridConnection];
  return {
    key: 'grid',
    label: 'Stromnetz',
    points,
    max: 15,
    reason: GRID_CONNECTION[f.gridConnection],
  };
}

function hydrogen(f: Facts): ReadinessFactor {
  const km = f.hydrogenDistanceKm;
  const points = km === null ? 0 : km <= 2 ? 20 : km <= 5 ? 15 : km <= 10 ? 10 : km <= 25 ? 5 : 0;
  return {
    key: 'hydrogen',
    label: 'Wasserstoff-Kernnetz',
    points,
    max: 20,
    reason:
      km === null
        ? 'Entfernung nicht bekannt.'
        : `${ha(km)} km bis zum nächsten Punkt des Kernnetzes; volle Punktzahl bis 2 km.`,
  };
}

export function readinessOf(facts: Facts): Readiness {
  const factors = [size, zoning, contamination, mining, grid, hydrogen].map((f) => f(facts));
  return { score: factors.reduce((sum, f) => sum + f.points, 0), factors };
}
