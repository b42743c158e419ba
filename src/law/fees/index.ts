/**
 * Fees for BImSchG permit decisions in NRW (GebG NRW, AVwGebO NRW): versioned tariff data and a
 * pure computation with a printable trace. Money in integer cents only.
 */
export type { FeeInputField } from './errors.ts';
export { FeeInputError } from './errors.ts';
export { applyPpm, formatEuro, formatPercent, PPM_PER_PERCENT } from './money.ts';
export type {
  FeeOutcome,
  FeePermitType,
  FeeProcedure,
  IncludedDecisionFee,
  PermitFeeInput,
} from './permit-fee.input.ts';
export { MAX_COSTS_CENTS } from './permit-fee.input.ts';
export type { FeeTraceStep, PermitFeeResult } from './permit-fee.ts';
export { computePermitFee, ROUNDING_RULE } from './permit-fee.ts';
export type { FeeBand, PermitFeeTariff } from './tariff.ts';
export { permitFeeTariffs, specialCases, tariffFor } from './tariff.ts';
export { formatFeeTrace } from './trace-format.ts';
