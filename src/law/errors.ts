/** The input fields a caller can get wrong; the platform maps them to form fields. */
export type DeadlineInputField = 'start' | 'duration' | 'counting' | 'previousEnd' | 'days';

/**
 * Bad input to the deadline engine. The message is German and names the field, so that a form
 * can show it next to the field without translation (architecture invariant 6).
 */
export class DeadlineInputError extends Error {
  override readonly name = 'DeadlineInputError';

  constructor(
    public readonly field: DeadlineInputField,
    message: string,
  ) {
    super(message);
  }
}

/** German subject for each field, used at the start of an error message. */
export const fieldSubject: Readonly<Record<DeadlineInputField, string>> = {
  start: 'Der Fristbeginn',
  previousEnd: 'Das bisherige Fristende',
  duration: 'Die Fristdauer',
  counting: 'Die Zählweise',
  days: 'Die Anzahl der Arbeitstage',
};

/** Shows a rejected value in German quotes; long or odd values are shortened for the message. */
export function quoteValue(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `„${short}“`;
}
