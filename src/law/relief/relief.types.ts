import type { IsoDate } from '../calendar-date.ts';
import type { ParameterUse, TraceNode } from '../rules/index.ts';

export type ReliefStatus = 'eligible' | 'not-eligible' | 'need-info';

/** One line of a computation: what was done, with which figures and versions, under which norm. */
export interface ReliefStep {
  text: string;
  citation: string;
  /** Running or resulting amount in cents, where the step yields one. */
  amountCents?: number;
  parameters: ParameterUse[];
  open?: boolean;
}

export interface ReliefInstrumentResult {
  id: 'electricity-tax' | 'price-compensation' | 'bridge-price';
  title: string;
  status: ReliefStatus;
  /** Scheme is not law (draft or proposal); shown as "Entwurf". */
  draft: boolean;
  /** Relief in cents for the year (0 when not eligible; an estimate when information is missing). */
  amountCents: number;
  steps: ReliefStep[];
  /** Eligibility trace from the rules engine. */
  trace?: TraceNode;
  /** German names of missing facts or figures. */
  missing: string[];
  notes: string[];
}

export interface ReliefInput {
  /** A day in the accounting (calendar) year; selects the parameter versions. */
  date: IsoDate;
  /** Electricity consumed in the year, whole kWh. */
  consumptionKwh: number;
  /** Of which used for electromobility (excluded from § 9b relief). */
  electromobilityKwh?: number;
  /** Of which used for non-business purposes (excluded from § 9b relief). */
  nonBusinessKwh?: number;
  /** WZ 2008 / NACE code of the company's main activity. */
  naceCode?: string;
  /** Price paid per MWh without electricity tax (energy, grid, levies), in cents. */
  energyPriceCentsPerMwh?: number;
  undertakingInDifficulty?: boolean;
  /** Strompreiskompensation: the (sub)sector is on the list of the EU ETS state-aid guidelines. */
  sectorOnEtsList?: boolean;
  /** Strompreiskompensation: consumption under the product benchmark (benchmark × output), MWh. */
  productionBenchmarkMwh?: number;
  /** EU allowance forward price for the year, cents per tonne (published by DEHSt). */
  euaPriceCentsPerTonne?: number;
  grossValueAddedCents?: number;
  /** Industrial electricity price: the sector is on list 1 of Annex I CEEAG (KUEBLL). */
  sectorOnKueblList1?: boolean;
  /** Wholesale reference price for the scheme, cents per MWh. */
  referencePriceCentsPerMwh?: number;
}

export interface PricePoint {
  costCents: number;
  /** Cents per kWh with three decimals (e.g. 16.8). */
  centsPerKwh: number;
}

export interface ReliefResult {
  date: IsoDate;
  consumptionKwh: number;
  instruments: ReliefInstrumentResult[];
  /** Undefined when no price was given. */
  before?: PricePoint;
  /** After the instruments in force (§ 9b, price compensation). */
  after?: PricePoint;
  /** After the configured industrial/bridge price scheme instead of the price compensation. */
  afterWithScheme?: PricePoint;
  target: { centsPerKwh: number; parameter: ParameterUse };
  /** after − target in cents per kWh (negative: below target). */
  gapToTargetCentsPerKwh?: number;
  steps: ReliefStep[];
  notes: string[];
}
