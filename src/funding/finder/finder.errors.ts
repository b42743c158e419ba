import { SupportInputError } from '../../law/rules/index.ts';
import type { SupportInputField } from '../../law/rules/index.ts';

/**
 * Bad finder input: the field is named by its path in the API body ('company.naceCode'), the
 * message is German and starts with the field's subject. Forms map the path to their own names.
 */
export class FinderInputError extends Error {
  override readonly name = 'FinderInputError';

  constructor(
    public readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const PATHS: Partial<Record<SupportInputField, string>> = {
  date: 'date',
  staffHeadcount: 'company.staffHeadcount',
  turnoverCents: 'company.turnoverCents',
  balanceSheetCents: 'company.balanceSheetCents',
  naceCode: 'company.naceCode',
  ags: 'company.seatAgs',
  undertakingInDifficulty: 'company.undertakingInDifficulty',
  consumptionKwh: 'company.consumptionKwh',
  eligibleCostsCents: 'measure.eligibleCostsCents',
  consultantDays: 'measure.consultantDays',
  units: 'measure.units',
  trainingDays: 'measure.trainingDaysPerEmployee',
};

/** Runs a law-layer check and restates its error with the finder's field path. */
export function asFinderError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SupportInputError) {
      throw new FinderInputError(PATHS[error.field] ?? 'company', error.message);
    }
    throw error;
  }
}

/** A calendar day 'YYYY-MM-DD' of a finder field, with the field's own German subject. */
export function finderDate(value: unknown, field: string, subject: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (
      year >= 1900 &&
      year <= 2200 &&
      probe.getUTCMonth() === month - 1 &&
      probe.getUTCDate() === day
    )
      return text;
  }
  throw new FinderInputError(
    field,
    `${subject} ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT, z. B. 01.03.2027).`,
  );
}
