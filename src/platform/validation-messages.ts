import type { FieldError } from './errors.ts';

interface AjvLikeError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The parts of a request that are validated, as Fastify names them. */
export type InputPlace = 'querystring' | 'body' | 'params' | 'headers';

const PLACES: Record<string, string> = {
  querystring: 'Parameter',
  body: 'Feld',
  params: 'Pfadteil',
  headers: 'Kopfzeile',
} satisfies Record<InputPlace, string>;

/** The message for a NUL character in an input (see input-guard.ts). */
export function nulMessage(place: InputPlace, field: string): string {
  return `${PLACES[place]!} „${field}“ enthält ein unzulässiges Steuerzeichen (NUL-Zeichen). Bitte entfernen Sie es und senden Sie die Eingabe erneut.`;
}

/** Schema validation errors in German, each naming its field (architecture invariant 6). */
export function translateValidation(
  errors: AjvLikeError[],
  context: string | undefined,
): FieldError[] {
  const place = PLACES[context ?? 'body'] ?? 'Feld';
  return errors.map((e) => {
    const missing =
      typeof e.params.missingProperty === 'string' ? e.params.missingProperty : undefined;
    const field =
      missing ?? (e.instancePath.replace(/^\//, '').replace(/\//g, '.') || context || 'anfrage');
    const name = `${place} „${field}“`;
    switch (e.keyword) {
      case 'required':
        return { field, message: `${name} fehlt; bitte angeben.` };
      case 'enum':
        return {
          field,
          message: `${name} muss einer dieser Werte sein: ${((e.params.allowedValues as unknown[]) ?? []).join(', ')}.`,
        };
      case 'pattern':
      case 'format':
        return { field, message: `${name} hat ein ungültiges Format.` };
      case 'type':
        return {
          field,
          message: `${name} hat den falschen Typ (erwartet: ${String(e.params.type)}).`,
        };
      case 'minLength':
        return {
          field,
          message: `${name} ist zu kurz (mindestens ${String(e.params.limit)} Zeichen).`,
        };
      case 'maxLength':
        return {
          field,
          message: `${name} ist zu lang (höchstens ${String(e.params.limit)} Zeichen).`,
        };
      case 'minimum':
      case 'maximum':
        return { field, message: `${name} liegt außerhalb des erlaubten Bereichs.` };
      case 'additionalProperties': {
        const extra =
          typeof e.params.additionalProperty === 'string' ? e.params.additionalProperty : field;
        return { field: extra, message: `${place} „${extra}“ ist nicht vorgesehen.` };
      }
      default:
        return { field, message: `${name} ist ungültig.` };
    }
  });
}
