/** Reading a step's form input and the case's funding figures, for the family's checks. */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { parseEuroToCents } from '../../platform/german-number.ts';
import type { CaseRow } from '../../procedures/case/case.queries.ts';
import { fundingFigures, type FundingCaseFigures } from './grant.queries.ts';
import type { FundingApplication } from './grant.types.ts';

type Trx = Transaction<Database>;
export type FundingRow = CaseRow<FundingApplication>;

export interface StepData {
  input: Record<string, unknown>;
  extraData: Record<string, unknown>;
}

export const str = (input: Record<string, unknown>, name: string, max = 4000): string => {
  const v = input[name];
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
};

export function invalid(errors: FieldError[]): never {
  throw new AppError('validation', errors[0]!.message, errors);
}

export function cents(
  input: Record<string, unknown>,
  name: string,
  label: string,
  errors: FieldError[],
): number {
  const value = parseEuroToCents(input[name]);
  if (value === undefined || Number.isNaN(value) || value < 0 || value > 100_000_000_000) {
    errors.push({
      field: name,
      message: `${label}: Bitte einen Betrag in Euro angeben (z. B. 12.500,00).`,
    });
    return 0;
  }
  return value;
}

export async function figuresOf(trx: Trx, row: FundingRow): Promise<FundingCaseFigures> {
  const figures = await fundingFigures(trx, row.id);
  if (!figures) throw new AppError('not_found', 'Zu diesem Verfahren gibt es keinen Förderantrag.');
  return figures;
}
