/**
 * German wording the permit letters share: the procedure named in the operative part and the
 * number of turbines with correct case and number. Pure functions, unit-tested for grammar.
 */

/** Dative phrase naming the procedure, used after "im": "im vereinfachten Verfahren nach § 19 BImSchG". */
export function procedurePhrase(typeKey: string): string {
  switch (typeKey) {
    case 'bimschg-formal':
      return 'im förmlichen Verfahren nach § 10 BImSchG';
    case 'bimschg-simplified':
      return 'im vereinfachten Verfahren nach § 19 BImSchG';
    default:
      return 'im Genehmigungsverfahren';
  }
}

/** The legal basis of the permit in the procedure: § 4 with § 10 or § 19 BImSchG. */
export function permitBasis(typeKey: string): string {
  return typeKey === 'bimschg-simplified'
    ? '§ 4 in Verbindung mit § 19 BImSchG'
    : '§ 4 in Verbindung mit § 10 BImSchG';
}

const NUMBER_WORDS = [
  '',
  'eine',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'elf',
  'zwölf',
];

/**
 * "zur Errichtung und zum Betrieb einer Windenergieanlage" / "… von drei Windenergieanlagen":
 * German spells out numbers up to twelve in running text and uses digits above.
 */
export function turbinesDative(count: number): string {
  if (count === 1) return 'einer Windenergieanlage';
  const number = count <= 12 ? NUMBER_WORDS[count] : count.toLocaleString('de-DE');
  return `von ${number} Windenergieanlagen`;
}

/** Nominative with the article-free number: "eine Windenergieanlage", "25 Windenergieanlagen". */
export function turbinesNominative(count: number): string {
  if (count === 1) return 'eine Windenergieanlage';
  const number = count <= 12 ? NUMBER_WORDS[count] : count.toLocaleString('de-DE');
  return `${number} Windenergieanlagen`;
}

/** "die Windenergieanlage" / "die Windenergieanlagen", for sentences about the installations. */
export function theTurbines(count: number): string {
  return count === 1 ? 'die Windenergieanlage' : 'die Windenergieanlagen';
}

/** Integer cents as "12.345,67 €" (money stays in integer cents; architecture: money). */
export function formatEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const euros = Math.floor(abs / 100).toLocaleString('de-DE');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')} €`;
}

/** "160,5" — German decimal comma for measurements in tables. */
export function formatNumber(value: number, digits = 1): string {
  return value.toLocaleString('de-DE', { maximumFractionDigits: digits });
}

/** IBAN in groups of four, as printed on payment details. */
export function formatIban(iban: string): string {
  return iban
    .replace(/\s+/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();
}
