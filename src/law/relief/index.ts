/**
 * Electricity-cost relief calculator (pure): electricity tax and § 9b StromStG relief, the price
 * compensation for indirect CO₂ costs, a configurable industrial/bridge price scheme, and the
 * effective price per kWh against the plan's target. Every step names its norm and parameters.
 */
export type { BridgePriceInput, BridgePriceScheme } from './bridge-price.ts';
export {
  aidPerMwh,
  BRIDGE_PRICE_PROPOSAL_2023,
  bridgePriceSchemes,
  computeBridgePrice,
  INDUSTRIAL_PRICE_DRAFT_2026,
} from './bridge-price.ts';
export { calculateRelief } from './calculator.ts';
export type { ElectricityTaxInput, ElectricityTaxResult } from './electricity-tax.ts';
export {
  computeElectricityTax,
  producingSectorDivisions,
  section9bRule,
} from './electricity-tax.ts';
export { reliefParameters, reliefParameterTables } from './parameters.ts';
export type { PriceCompensationInput } from './price-compensation.ts';
export { computePriceCompensation, priceCompensationRule } from './price-compensation.ts';
export type {
  PricePoint,
  ReliefInput,
  ReliefInstrumentResult,
  ReliefResult,
  ReliefStatus,
  ReliefStep,
} from './relief.types.ts';
export { draftTitle, formatReliefTrace, reliefStatusLabel } from './trace-format.ts';
