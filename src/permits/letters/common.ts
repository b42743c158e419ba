/** Parts every permit letter shares: subject line, references, salutation and closing. */
import { formatGermanDate } from '../../law/index.ts';
import type {
  LetterBlock,
  LetterContent,
  LetterKind,
} from '../../procedures/letters/letter.types.ts';
import type { PermitLetterSnapshot } from './snapshot.ts';

export function date(iso: string): string {
  return formatGermanDate(iso, { weekday: false });
}

export function letter(
  kind: LetterKind,
  snapshot: PermitLetterSnapshot,
  subject: string,
  blocks: LetterBlock[],
): LetterContent {
  const references = [{ label: 'Vorhaben', value: snapshot.title }];
  if (snapshot.submittedOn)
    references.push({ label: 'Ihr Antrag vom', value: date(snapshot.submittedOn) });
  return {
    kind,
    subject: `${subject} – ${snapshot.title}`,
    references,
    addressee: snapshot.applicant,
    salutation: 'Sehr geehrte Damen und Herren,',
    blocks,
    closing: 'Mit freundlichen Grüßen',
  };
}

export const heading = (text: string): LetterBlock => ({ kind: 'heading', text });
export const paragraph = (text: string): LetterBlock => ({ kind: 'paragraph', text });

/** "Gemarkung Etteln, Flur 3, Flurstück 12" as the application gives the site. */
export function siteText(snapshot: PermitLetterSnapshot): string {
  const { gemeinde, gemarkung, flur, flurstueck } = snapshot.site;
  const parcel = `Gemarkung ${gemarkung}, Flur ${flur}, Flurstück ${flurstueck}`;
  return gemeinde ? `${gemeinde}, ${parcel}` : parcel;
}
