/**
 * The one error type of the application (style.md rule 9). Domain code throws it with a code and
 * a German message for the user; the error handler in server.ts maps the code to HTTP. Domain code
 * never imports HTTP errors.
 */
export type ErrorCode =
  | 'validation' // 400: input does not meet the rules; message names the field
  | 'unauthenticated' // 401: login or API token needed
  | 'forbidden' // 403: logged in, but not allowed
  | 'csrf' // 403: form token missing or stale
  | 'not_found' // 404
  | 'conflict' // 409: state changed meanwhile, duplicate, transition not allowed
  | 'payload_too_large' // 413
  | 'rate_limited' // 429
  | 'unavailable'; // 503: database or dependency down

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];

  constructor(code: ErrorCode, message: string, fieldErrors: FieldError[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  /** The errors to show on a form: the field errors, or the message at `fallbackField`. */
  formErrors(fallbackField: string): FieldError[] {
    return this.fieldErrors.length > 0
      ? this.fieldErrors
      : [{ field: fallbackField, message: this.message }];
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export const STATUS_TITLES: Record<number, string> = {
  400: 'Ungültige Eingabe',
  401: 'Anmeldung erforderlich',
  403: 'Zugriff verweigert',
  404: 'Seite nicht gefunden',
  405: 'Methode nicht erlaubt',
  409: 'Konflikt',
  413: 'Datei oder Anfrage zu groß',
  414: 'Adresse zu lang',
  415: 'Format nicht unterstützt',
  429: 'Zu viele Anfragen',
  500: 'Interner Fehler',
  503: 'Dienst nicht verfügbar',
};
