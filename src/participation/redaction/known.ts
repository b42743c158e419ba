/** Values the platform already knows about the author, found wherever they occur in the text. */
import {
  makeSpan,
  type KnownIdentity,
  type PersonalDataKind,
  type RedactionSpan,
} from './kinds.ts';

interface KnownValue {
  value: string;
  kind: PersonalDataKind;
}

const POSTCODE_TOWN = /^(?:D-?)?\d{5}\s+(.+)$/u;
const STREET_THEN_TOWN = /^(.*?\d+\s?[a-zA-Z]?)\s+((?:D-?)?\d{5}\s+.+)$/u;

/**
 * Splits "Hauptstraße 12, 47533 Kleve" into the street part, the postcode+town part and the town
 * alone: objectors often write only "wir in Kleve" or "unser Haus in der Hauptstraße 12".
 */
function addressParts(address: string): KnownValue[] {
  const parts: KnownValue[] = [{ value: address, kind: 'address' }];
  let pieces = address.split(/\s*[,;\n]\s*/u).filter((p) => p !== '');
  if (pieces.length === 1) {
    const split = STREET_THEN_TOWN.exec(address);
    if (split !== null) pieces = [split[1]!, split[2]!];
  }
  for (const piece of pieces) {
    const town = POSTCODE_TOWN.exec(piece);
    if (town === null) {
      parts.push({ value: piece, kind: 'address' });
    } else {
      parts.push({ value: piece, kind: 'postcode' }, { value: town[1]!, kind: 'postcode' });
    }
  }
  return parts;
}

function knownValues(known: KnownIdentity): KnownValue[] {
  const values: KnownValue[] = [];
  const name = known.name?.trim();
  if (name) {
    values.push({ value: name, kind: 'name' });
    // "Müller, Anna" in lists and signatures.
    const words = name.split(/\s+/u);
    if (words.length === 2) values.push({ value: `${words[1]}, ${words[0]}`, kind: 'name' });
  }
  const address = known.address?.trim();
  if (address) values.push(...addressParts(address));
  const email = known.email?.trim();
  if (email) values.push({ value: email, kind: 'email' });
  // Very short values ("A", "12") would match everywhere.
  return values.filter((v) => v.value.replace(/[^\p{L}\p{N}]/gu, '').length >= 3);
}

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Case-insensitive, whole words, any whitespace (also line breaks) between the words. */
function valuePattern(value: string): RegExp {
  const words = value.split(/\s+/u).map(escapeRegExp);
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}])${words.join(String.raw`\s+`)}(?![\p{L}\p{N}])`,
    'giu',
  );
}

export function findKnownIdentity(text: string, known: KnownIdentity, out: RedactionSpan[]): void {
  for (const { value, kind } of knownValues(known)) {
    for (const match of text.matchAll(valuePattern(value))) {
      out.push(makeSpan(text, match.index, match.index + match[0].length, kind));
    }
  }
}
