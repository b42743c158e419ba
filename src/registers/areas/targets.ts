/**
 * The targets the designated wind-energy area is measured against, each with its norm.
 *
 * - Federal: § 3 Abs. 1 WindBG with Anlage 1 (Flächenbeitragswerte) sets for Nordrhein-Westfalen
 *   1.1 % of the Land area by 31.12.2027 and 1.8 % by 31.12.2032.
 * - Land: the Land government brought the 1.8 % forward to the end of 2025 through the change of
 *   the Landesentwicklungsplan (LEP NRW, Ziel 10.2-2) and the regional plans.
 * - Regional: the LEP NRW assigns each planning region a minimum of hectares of
 *   Windenergiebereiche (together about 1.8 % of the Land area, some 61,500 ha).
 *   [open] The hectares per region below could not be verified against the published LEP text;
 *   they must be checked before the tracker is published (the page marks them „[offen]“).
 */
import type { PlanningRegionKey } from './planning-regions.ts';

export interface ShareTarget {
  key: 'windbg-2027' | 'windbg-2032' | 'land-2025';
  title: string;
  /** Share of the land area in percent. */
  percent: number;
  /** Last day by which the share must be designated (ISO date). */
  deadline: string;
  citation: string;
}

export const LAND_TARGETS: readonly ShareTarget[] = [
  {
    key: 'land-2025',
    title: 'Landesziel NRW',
    percent: 1.8,
    deadline: '2025-12-31',
    citation: 'LEP NRW, Ziel 10.2-2 (Änderung 2024) [offen]',
  },
  {
    key: 'windbg-2027',
    title: 'Flächenbeitragswert des Bundes bis 2027',
    percent: 1.1,
    deadline: '2027-12-31',
    citation: '§ 3 Abs. 1 Satz 1 Nr. 1 WindBG mit Anlage 1',
  },
  {
    key: 'windbg-2032',
    title: 'Flächenbeitragswert des Bundes bis 2032',
    percent: 1.8,
    deadline: '2032-12-31',
    citation: '§ 3 Abs. 1 Satz 1 Nr. 2 WindBG mit Anlage 1',
  },
];

/** The federal value for 2032: the yardstick for Kreise and Gemeinden, which have no own target. */
export const YARDSTICK = LAND_TARGETS[2]!;

export interface RegionalTarget {
  hectares: number;
  deadline: string;
  citation: string;
  /** Not verified against the published plan. */
  open: boolean;
}

/** [open] Minimum hectares per planning region, LEP NRW Ziel 10.2-2 — to be verified. */
export const REGIONAL_TARGETS: Record<PlanningRegionKey, RegionalTarget> = {
  arnsberg: {
    hectares: 18_110,
    deadline: '2025-12-31',
    citation: 'LEP NRW, Ziel 10.2-2',
    open: true,
  },
  detmold: {
    hectares: 10_499,
    deadline: '2025-12-31',
    citation: 'LEP NRW, Ziel 10.2-2',
    open: true,
  },
  duesseldorf: {
    hectares: 3_500,
    deadline: '2025-12-31',
    citation: 'LEP NRW, Ziel 10.2-2',
    open: true,
  },
  koeln: { hectares: 14_500, deadline: '2025-12-31', citation: 'LEP NRW, Ziel 10.2-2', open: true },
  muenster: {
    hectares: 12_700,
    deadline: '2025-12-31',
    citation: 'LEP NRW, Ziel 10.2-2',
    open: true,
  },
  rvr: { hectares: 2_200, deadline: '2025-12-31', citation: 'LEP NRW, Ziel 10.2-2', open: true },
};
