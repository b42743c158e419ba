import { SupportInputError } from '../rules/index.ts';
import type { Facts } from '../rules/index.ts';
import { parseNaceCode } from './nace.ts';
import { determineSmeStatus } from './sme-status.ts';
import type { SmeInput, SmeResult } from './sme-status.ts';

/** What the company profile ("tell us once") contributes to every programme check. */
export interface CompanyProfileInput extends SmeInput {
  naceCode: string;
  /** Amtlicher Gemeindeschlüssel of the seat, 8 digits; NRW keys start with 05. */
  seatAgs?: string;
  craftsChamberMember?: boolean;
  /** Trade for craft programmes, e.g. 'shk', 'kaelte-klima'. */
  trade?: string;
  undertakingInDifficulty?: boolean;
}

export interface CompanyFacts {
  facts: Facts;
  sme: SmeResult;
}

const AGS = /^\d{8}$/;

/**
 * Turns a company profile into the facts the programme rules read. Staff and money figures are
 * the aggregated ones (own + partners pro rata + linked in full), because funding guidelines
 * that set size limits refer to the EU SME definition [open: per guideline]. The seat is in NRW
 * when the AGS starts with the Land key 05. Measure-specific facts (project start, site, building
 * type) are added by the caller.
 */
export function companyFacts(profile: CompanyProfileInput): CompanyFacts {
  const nace = parseNaceCode(profile.naceCode);
  let seatInNrw: boolean | undefined;
  if (profile.seatAgs !== undefined) {
    if (typeof profile.seatAgs !== 'string' || !AGS.test(profile.seatAgs)) {
      throw new SupportInputError(
        'ags',
        'Der Amtliche Gemeindeschlüssel des Sitzes muss aus 8 Ziffern bestehen (z. B. „05315000“ für Köln).',
      );
    }
    seatInNrw = profile.seatAgs.startsWith('05');
  }
  const sme = determineSmeStatus(profile);
  return {
    sme,
    facts: {
      naceDivision: nace.division,
      staffHeadcount: sme.aggregated.staffHeadcount,
      turnoverCents: sme.aggregated.turnoverCents,
      balanceSheetCents: sme.aggregated.balanceSheetCents,
      sizeClass: sme.sizeClass === 'unknown' ? undefined : sme.sizeClass,
      seatInNrw,
      craftsChamberMember: profile.craftsChamberMember,
      trade: profile.trade,
      undertakingInDifficulty: profile.undertakingInDifficulty,
    },
  };
}
