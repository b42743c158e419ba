import type { IsoDate } from '../../law/index.ts';
import type { InputRecord } from './input.ts';
import type { ProcedureState } from './state.ts';
import type { ProcedureTypeVersion } from './types.ts';

export interface EffectContext {
  readonly type: ProcedureTypeVersion;
  readonly state: ProcedureState;
  readonly at: IsoDate;
  readonly input: InputRecord;
}

export interface EffectOutcome {
  readonly state: ProcedureState;
  readonly data: Record<string, unknown>;
}

/**
 * Input validated, change not yet made: guards run between the two, so that a guard can use
 * the validated input (e.g. which agency) and a failing guard leaves nothing changed.
 */
export type Prepared =
  | { readonly ok: true; readonly agency?: string; readonly commit: () => EffectOutcome }
  | { readonly ok: false; readonly message: string };

export const prepared = (commit: () => EffectOutcome, agency?: string): Prepared =>
  agency === undefined ? { ok: true, commit } : { ok: true, agency, commit };

export const rejected = (message: string): Prepared => ({ ok: false, message });
