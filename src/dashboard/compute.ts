/**
 * Computing an indicator at a stand: the computation named by its id, then status and pace by the
 * definition's rule and the date of the next update. The one entry point for pages, files and the
 * open-data catalogue.
 */
import type { Db } from '../db/database.ts';
import { createMemo, NO_MEMO, type Memo } from './cache.ts';
import {
  computeApplications,
  computeMoneyByKreis,
  computeMoneyByProgramme,
  computeSmallFirms,
  computeTrainingBonus,
} from './compute.funding.ts';
import {
  computeAuthorities,
  computeDeadlines,
  computeDurations,
  computeObjections,
} from './compute.permits.ts';
import { computeImported, computeRegister, type RegisterFigures } from './compute.imported.ts';
import { computeCapacity, computeEmissions, computePlanFigures } from './compute.public.ts';
import type { Compute } from './compute.types.ts';
import type { IndicatorDefinition, IndicatorResult } from './indicator.types.ts';
import { INDICATORS } from './indicators.ts';
import { addDays, addMonths } from './stand.ts';
import { paceOf, statusOf } from './status.ts';

const LIVE: Record<string, Compute> = {
  genehmigungsdauer: computeDurations,
  genehmigungsbehoerden: computeAuthorities,
  entscheidungsfristen: computeDeadlines,
  einwendungen: computeObjections,
  foerderantraege: computeApplications,
  'foerdermittel-programme': computeMoneyByProgramme,
  'foerdermittel-kreise': computeMoneyByKreis,
  'foerderung-kleine-unternehmen': computeSmallFirms,
  bildungspraemie: computeTrainingBonus,
};

const SHIPPED: Record<string, Compute> = {
  'erneuerbare-leistung': computeCapacity,
  'industrie-emissionen': computeEmissions,
};

function computationOf(definition: IndicatorDefinition, registers: RegisterFigures): Compute {
  switch (definition.origin.kind) {
    case 'live':
      return LIVE[definition.id]!;
    case 'shipped':
      return SHIPPED[definition.id]!;
    case 'plan':
      return computePlanFigures;
    case 'import':
      return computeImported;
    case 'register':
      return computeRegister(registers);
  }
}

/** The next day new figures are due; undefined where they come with the next import. */
export function nextUpdateOf(definition: IndicatorDefinition, stand: string): string | undefined {
  switch (definition.updateEvery) {
    case 'daily':
      return addDays(stand, 1);
    case 'monthly':
      return addMonths(stand, 1);
    case 'yearly':
      return `${Number(stand.slice(0, 4)) + 1}-06-30`;
    case 'on-import':
      return undefined;
  }
}

export async function computeIndicator(
  db: Db,
  definition: IndicatorDefinition,
  stand: string,
  memo: Memo = NO_MEMO,
  registers: RegisterFigures = {},
): Promise<IndicatorResult> {
  const computed = await computationOf(definition, registers)(db, stand, definition, memo);
  const pace = paceOf(computed.measurements ?? [], definition.target, definition.unit);
  return {
    definition,
    stand,
    dataDate: computed.dataDate,
    headline: computed.headline,
    status: statusOf(definition.rule, computed.headline.value, pace),
    pace,
    series: computed.series,
    summary: computed.summary,
    nextUpdate: nextUpdateOf(definition, stand) ?? 'mit der nächsten Einspielung',
    details: computed.details,
    detailsTitle: computed.detailsTitle,
    provenance: computed.provenance ?? [],
  };
}

/** Every indicator at the stand (the overview and the recomputation benchmark). */
export async function computeAll(
  db: Db,
  stand: string,
  registers: RegisterFigures = {},
): Promise<IndicatorResult[]> {
  const results: IndicatorResult[] = [];
  const memo = createMemo();
  // One after the other: the live ones share the database pool with the portal's requests.
  for (const definition of INDICATORS) {
    results.push(await computeIndicator(db, definition, stand, memo, registers));
  }
  return results;
}
