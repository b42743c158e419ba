/**
 * Funding programmes as versioned rule data, the SME test and the amount computation (pure).
 */
export type { AmountInput, AmountResult, AmountStep } from './amount.ts';
export { computeFundingAmount } from './amount.ts';
export type { DeMinimisAid, DeMinimisHeadroom } from './de-minimis.ts';
export { deMinimisCeiling, deMinimisHeadroom } from './de-minimis.ts';
export type { Eligibility, ProgrammeAssessment } from './eligibility.ts';
export { assessProgramme, eligibilityLabel, programmeVersionAt } from './eligibility.ts';
export { factLabel, fundingFactLabel } from './facts.ts';
export type { NaceCode } from './nace.ts';
export { parseNaceCode } from './nace.ts';
export type {
  AmountRule,
  FundingMeasure,
  FundingProgrammeVersion,
  RateTier,
  StateAidBasis,
  UnitTier,
} from './programme.types.ts';
export * from './programmes/index.ts';
export type {
  EnterpriseFigures,
  RelatedEnterprise,
  SizeClass,
  SmeInput,
  SmeResult,
  SmeStep,
} from './sme-status.ts';
export {
  determineSmeStatus,
  sizeClassLabel,
  sizeClassRule,
  smeParameterTables,
} from './sme-status.ts';
export type { CompanyFacts, CompanyProfileInput } from './company-facts.ts';
export { companyFacts } from './company-facts.ts';
