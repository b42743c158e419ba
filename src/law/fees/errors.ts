/** The input fields of the fee computation a caller can get wrong; forms map them to fields. */
export type FeeInputField =
  | 'investmentCostsCents'
  | 'procedure'
  | 'permitType'
  | 'outcome'
  | 'decisionDate'
  | 'includedDecisions'
  | 'equity';

/**
 * Bad input to the fee computation, with a German message naming the field (architecture
 * invariant 6), so a form can show it next to the field.
 */
export class FeeInputError extends Error {
  override readonly name = 'FeeInputError';

  constructor(
    public readonly field: FeeInputField,
    message: string,
  ) {
    super(message);
  }
}
