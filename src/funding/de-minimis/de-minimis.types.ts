/** The de-minimis regulations and aid instruments a company or funding body records. */
import type { AidInstrument, DeMinimisRegulation } from '../../db/schema.ts';

export type { AidInstrument, DeMinimisRegulation };

/**
 * Which regulations count against the general ceiling of Art. 3 (2) VO (EU) 2023/2831.
 * Agricultural and fishery de-minimis aid may be cumulated with general de-minimis aid only up to
 * the general ceiling (Art. 5 (2)), so it counts. De-minimis aid for services of general economic
 * interest (DAWI, VO (EU) 2023/2832, before 360/2012) has its own ceiling and may be cumulated up
 * to that one (Art. 5 (1)); it is shown but not counted here, and its own ceiling is not checked
 * [open].
 */
export const REGULATIONS: readonly {
  value: DeMinimisRegulation;
  label: string;
  countsAgainstGeneralCeiling: boolean;
}[] = [
  {
    value: '2023/2831',
    label: 'Allgemeine De-minimis-Verordnung (EU) 2023/2831',
    countsAgainstGeneralCeiling: true,
  },
  {
    value: '1407/2013',
    label: 'Allgemeine De-minimis-Verordnung (EU) Nr. 1407/2013 (bis 2023)',
    countsAgainstGeneralCeiling: true,
  },
  {
    value: '1408/2013',
    label: 'Agrar-De-minimis-Verordnung (EU) Nr. 1408/2013',
    countsAgainstGeneralCeiling: true,
  },
  {
    value: '717/2014',
    label: 'Fischerei-De-minimis-Verordnung (EU) Nr. 717/2014',
    countsAgainstGeneralCeiling: true,
  },
  {
    value: '2023/2832',
    label: 'DAWI-De-minimis-Verordnung (EU) 2023/2832',
    countsAgainstGeneralCeiling: false,
  },
  {
    value: '360/2012',
    label: 'DAWI-De-minimis-Verordnung (EU) Nr. 360/2012 (bis 2023)',
    countsAgainstGeneralCeiling: false,
  },
];

export const AID_INSTRUMENTS: readonly { value: AidInstrument; label: string }[] = [
  { value: 'grant', label: 'Zuschuss' },
  { value: 'loan', label: 'Darlehen' },
  { value: 'guarantee', label: 'Bürgschaft oder Garantie' },
  { value: 'tax', label: 'Steuervergünstigung' },
  { value: 'equity', label: 'Beteiligung' },
  { value: 'other', label: 'andere Form' },
];

export function regulationLabel(value: DeMinimisRegulation): string {
  return REGULATIONS.find((r) => r.value === value)?.label ?? value;
}

export function instrumentLabel(value: AidInstrument): string {
  return AID_INSTRUMENTS.find((i) => i.value === value)?.label ?? value;
}

export function countsAgainstGeneralCeiling(value: DeMinimisRegulation): boolean {
  return REGULATIONS.find((r) => r.value === value)?.countsAgainstGeneralCeiling ?? true;
}

/** One aid in the computation, with the enterprise of the single undertaking that received it. */
export interface DeMinimisEntry {
  id: string;
  /** The organisation on the platform it is recorded for. */
  organisationId: string;
  /** Who received it: the organisation's name or the declared linked enterprise. */
  recipient: string;
  grantingBody: string;
  grantedOn: string;
  amountCents: number;
  regulation: DeMinimisRegulation;
  aidInstrument: AidInstrument;
  source: 'granted' | 'declared';
  reference: string | null;
}
