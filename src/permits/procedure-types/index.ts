/**
 * The BImSchG procedure types for onshore wind turbines as versioned data: the July 2024 rules
 * and the RED III variants of § 10a BImSchG (from 15.08.2025). Pick one with
 * selectProcedureVersion(PROCEDURE_TYPE_VERSIONS, key, receiptDate).
 */
import type { ProcedureTypeVersion } from '../../procedures/engine/index.ts';
import { BIMSCHG_FORMAL_VERSIONS } from './bimschg-formal.ts';
import { BIMSCHG_SIMPLIFIED_VERSIONS } from './bimschg-simplified.ts';

export const PROCEDURE_TYPE_VERSIONS: readonly ProcedureTypeVersion[] = [
  ...BIMSCHG_FORMAL_VERSIONS,
  ...BIMSCHG_SIMPLIFIED_VERSIONS,
];

export { BIMSCHG_FORMAL_VERSIONS } from './bimschg-formal.ts';
export { BIMSCHG_SIMPLIFIED_VERSIONS } from './bimschg-simplified.ts';
export { WIND_REQUIRED_DOCUMENTS } from './required-documents.ts';
