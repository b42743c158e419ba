/**
 * The Aktenzeichen (file reference) of a case: built at submission from the authority's pattern
 * and a running number per authority and year. Pure; the counter lives in reference.queries.ts.
 */

/** The pattern an authority starts with; also the form references had before patterns existed. */
export const DEFAULT_REFERENCE_PATTERN = 'BImSchG-{JJJJ}-{NR}';

/** What pages, PDFs and mails show for a case that has no Aktenzeichen yet (a draft). */
export const NO_REFERENCE = 'noch kein Aktenzeichen';

export function referenceLabel(reference: string | null): string {
  return reference ?? NO_REFERENCE;
}

export const REFERENCE_PATTERN_MAX = 60;

/**
 * Why a pattern cannot be used, in German, or null. The number restarts every year, so the year
 * must be part of the reference or the numbers of two years would collide.
 */
export function referencePatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'Bitte geben Sie ein Muster für das Aktenzeichen an.';
  if (pattern.length > REFERENCE_PATTERN_MAX)
    return `Das Muster darf höchstens ${REFERENCE_PATTERN_MAX} Zeichen lang sein.`;
  // Printable characters only: the reference is printed in letters, file names and mail subjects.
  if (/[\p{C}\p{Zl}\p{Zp}]/u.test(pattern))
    return 'Das Muster darf nur druckbare Zeichen enthalten (keine Steuerzeichen oder Zeilenumbrüche).';
  if (!pattern.includes('{NR}'))
    return 'Das Muster muss den Platzhalter {NR} für die laufende Nummer enthalten.';
  if (!pattern.includes('{JJJJ}') && !pattern.includes('{JJ}'))
    return 'Das Muster muss das Jahr enthalten: {JJJJ} (vierstellig) oder {JJ} (zweistellig).';
  const unknown = pattern.replace(/\{(JJJJ|JJ|NR)\}/g, '').match(/\{[^}]*\}/);
  if (unknown) return `Unbekannter Platzhalter ${unknown[0]}; erlaubt sind {NR}, {JJJJ} und {JJ}.`;
  return null;
}

/** Fills the pattern: {NR} four digits with leading zeros (more when needed), {JJJJ}, {JJ}. */
export function formatReference(pattern: string, year: number, number: number): string {
  const yyyy = String(year).padStart(4, '0');
  return pattern
    .replaceAll('{NR}', String(number).padStart(4, '0'))
    .replaceAll('{JJJJ}', yyyy)
    .replaceAll('{JJ}', yyyy.slice(-2));
}
