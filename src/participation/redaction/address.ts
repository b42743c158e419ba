/** Street addresses and postcodes with town ("47533 Kleve"). */
import { makeSpan, type RedactionSpan } from './kinds.ts';

// Performance: one cheap ASCII scan finds every "word + number" position; the Unicode patterns
// that decide whether it is a street only run on those few candidates. A single pattern that
// starts at every capitalised word is about ten times slower on ordinary text.
const NUMBER_AFTER_WORD = /[A-Za-zÄÖÜäöüß.][ \u00A0]?\d/g;

// House numbers above 999 do not occur in practice, nor with a leading zero ("Linie 041"); the
// limit keeps "Im Jahr 2025" out. A range
// must be taken whole ("10 - 15 cm" is not "10"), "30er" and "30-Zone" are not house numbers.
// A number followed by a unit is a distance, height or price ("Umweg 5 km").
const HOUSE_NUMBER = new RegExp(
  String.raw`[ \u00A0]?[1-9]\d{0,2}(?:[ \u00A0]?[a-zA-Z](?!\p{L}))?(?:[ \u00A0]?[-/–][ \u00A0]?\d{1,3}[a-zA-Z]?)?` +
    String.raw`(?!\p{N}|[.,]\d|-\p{L}|\p{L}{2}|[ \u00A0]?[-/–][ \u00A0]?\d)` +
    String.raw`(?![ \u00A0]?(?:m|km|cm|ha|%|€|Euro|EUR|kW|MW|dB|Uhr|Meter|Kilometer|Minuten|Stunden|Jahre)(?!\p{L}))`,
  'uy',
);

const SUFFIXES = 'straße strasse str. weg allee gasse platz ring damm ufer pfad chaussee'.split(
  ' ',
);
const SUFFIX = String.raw`(?:[sS]tra(?:ß|ss)e|[sS]tr\.|[wW]eg|[aA]llee|[gG]asse|[pP]latz|[rR]ing|[dD]amm|[uU]fer|[pP]fad|[cC]haussee)`;
// "Hauptstraße", "Konrad-Adenauer-Straße", "Berliner Str.", "Alte Kölner Allee".
const SUFFIX_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])(?:(?:Alte|Neue|Große|Kleine|Lange|Hohe|Obere|Untere|Sankt|St\.)[ \u00A0])?` +
    String.raw`(?:\p{Lu}[\p{L}-]{0,40}|\p{Lu}\p{L}{1,30}er[ \u00A0])${SUFFIX}$`,
  'u',
);
const WORD = String.raw`\p{Lu}\p{Ll}\p{L}{0,40}(?:-\p{L}{1,40}){0,3}`;
// "Am Mühlenbach", "wohne am Mühlenbach", "Auf dem Berg", "Am alten Markt", "Platz der Republik".
const S = String.raw`[ \u00A0]`;
const PREPOSITIONS = [
  '[AaIi]m',
  '[Zz]u[mr]',
  '[Bb]eim',
  `[Aa]n${S}d(?:er|en)`,
  `[Aa]uf${S}d(?:em|er|en)`,
  `[Ii]n${S}d(?:er|en)`,
  `[Uu]nter${S}den`,
  `[Vv]or${S}dem`,
  `[Hh]inter${S}de[mr]`,
].join('|');
const PREFIX_STREET = new RegExp(
  // Preposition, optional lower-case adjective ("alten"), the name; or "Platz der Republik".
  String.raw`(?:(?:${PREPOSITIONS})${S}(?:\p{Ll}{2,15}(?:en|er|e)${S})?(${WORD})` +
    String.raw`|(?:Platz|Straße|Allee)${S}de[rs]${S}${WORD})(?:${S}(${WORD}))?$`,
  'u',
);
// Nouns that follow "Im/Am/Zur …" with a number in ordinary prose ("Im Jahr 2025", "Zur Anlage 3").
const NOT_STREET_NAMES = new Set(
  (
    'Jahr Jahre Jahres Abschnitt Kapitel Punkt Absatz Anlage Anlagen Anhang Nummer Seite Tabelle ' +
    'Abbildung Standort Frage Paragraph Paragraf Schreiben Vergleich Umkreis Abstand Radius Mittel ' +
    'Durchschnitt Fall Zeitraum Bereich Gutachten Teil Ziffer Monat Tag Ende Anfang Beginn Windpark ' +
    'Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März April Mai Juni ' +
    'Juli August September Oktober November Dezember Rahmen Sinne Zuge Wege Verfahren Plan Entwurf ' +
    'Zone Variante Szenario Stufe Spalte Zeile Band Phase Schritt Schnitt Klasse Raum Gebiet Los ' +
    'Block Runde Reihe Gruppe Kategorie Version Fassung Randnummer Haushalt Sektor Feld Tempo ' +
    'Turbine Position Mast Rotor Gondel Route Veloroute Gleis Ausgang Eingang Tor Ebene Etage'
  ).split(' '),
);
// Compounds of the same kind: "Windenergieanlage 5", "Buslinie 604", "Querungsstelle 2".
const NOT_STREET_ENDINGS = ['anlage', 'anlagen', 'linie', 'stelle', 'punkt', 'bahn', 'route'];
const isNotStreetName = (word: string | undefined): boolean =>
  word !== undefined &&
  (NOT_STREET_NAMES.has(word) || NOT_STREET_ENDINGS.some((e) => word.toLowerCase().endsWith(e)));
// "Am Montag 3 Anlagen": a count followed by a noun is prose, not a house number.
const NOUN_AFTER = /^[ \u00A0]+\p{Lu}/u;
const UPPER = /\p{Lu}/u;
// Letters (ASCII and, roughly, all Latin letters from U+00C0 on), "." and "-"; a cheap test
// because it runs for every candidate character.
const isNameChar = (code: number): boolean =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  code >= 0xc0 ||
  code === 46 ||
  code === 45;

/**
 * Start of the street whose name ends at `nameEnd` (where the house number begins, which ends at
 * `numberEnd`), or -1 if the text before the number is not a street.
 */
function streetStart(text: string, nameEnd: number, numberEnd: number): number {
  // Every street form ends in a capitalised word ("…straße", "Str.", "Mühlenbach", "Republik").
  let wordStart = nameEnd;
  while (wordStart > 0 && nameEnd - wordStart < 45 && isNameChar(text.charCodeAt(wordStart - 1))) {
    wordStart--;
  }
  if (!UPPER.test(text[wordStart] ?? '')) return -1;
  const before = text.slice(Math.max(0, nameEnd - 80), nameEnd);
  const ending = text.slice(Math.max(0, nameEnd - 8), nameEnd).toLowerCase();
  if (SUFFIXES.some((suffix) => ending.endsWith(suffix))) {
    const street = SUFFIX_STREET.exec(before);
    if (street !== null) {
      // "Am Sportplatz 5", "Zur Dorfstraße 2": the preposition belongs to the street name.
      const lead = LEADING_PREPOSITION.exec(before.slice(0, before.length - street[0].length));
      return nameEnd - street[0].length - (lead?.[1]?.length ?? 0);
    }
  }
  // No leading lookbehind in PREFIX_STREET (it would run at every position of the slice); the
  // boundary is checked here instead ("Team Nord 3" is not "am Nord 3").
  const street = PREFIX_STREET.exec(before);
  if (street === null || isNotStreetName(street[1]) || isNotStreetName(street[2])) return -1;
  const start = nameEnd - street[0].length;
  if (start > 0 && isNameChar(text.charCodeAt(start - 1))) return -1;
  // Only for prefix streets: "Hauptstraße 12 Kleve" is an address, "Am Montag 3 Anlagen" is not.
  return NOUN_AFTER.test(text.slice(numberEnd, numberEnd + 40)) ? -1 : start;
}

const LEADING_PREPOSITION = new RegExp(
  String.raw`(?:^|[^\p{L}])((?:${PREPOSITIONS})[ \u00A0])$`,
  'u',
);

// Letterhead: "Wiesengrund 33" or "Up de Hoff 4" on the line above "48599 Gronau". Street names
// without a suffix or a preposition are only recognisable by this position.
const HEAD_STREET = new RegExp(
  String.raw`(?:^|\n)[ \t]*(\p{Lu}[\p{L}.-]*(?:[ \u00A0][\p{L}.-]+){0,3}[ \u00A0][1-9]\d{0,2}[ \u00A0]?[a-zA-Z]?(?:[-/][1-9]\d{0,2})?)[ \t,]*\r?\n[ \t]*(?:D-?)?\d{5}[ \u00A0]+\p{Lu}`,
  'gu',
);

export function findHeadStreets(text: string, out: RedactionSpan[]): void {
  if (!/\n/.test(text)) return;
  for (const m of text.matchAll(HEAD_STREET)) {
    const street = m[1]!;
    const start = m.index + m[0].indexOf(street);
    out.push(makeSpan(text, start, start + street.length, 'address'));
  }
}

// "Kleve, den 12.03.2026", "Goch, 3. März 2026" at the start of a line: the place of writing is
// usually the author's town. "wohne in Goch", "wohnhaft in Kleve": the town of residence.
const PLACE_DATE = new RegExp(
  String.raw`(?:^|\n)[ \t]*(\p{Lu}\p{Ll}[\p{L}-]*(?:[ \u00A0](?:am|an[ \u00A0]der|im|in[ \u00A0]der|bei|ob[ \u00A0]der)[ \u00A0]\p{Lu}\p{L}+|[ \u00A0]?\([\p{L} .]{1,30}\))?),[ \u00A0]*(?:den|am)?[ \u00A0]*[0-3]?\d\.`,
  'gu',
);
const RESIDENCE = new RegExp(
  String.raw`(?<![\p{L}])(?:wohne|wohnen|wohnt|wohnhaft|lebe|leben|lebt|Wohnort)(?:[ \u00A0\n]+[\p{L}\d.,-]+){0,8}?[ \u00A0\n]+in[ \u00A0\n]+(\p{Lu}\p{Ll}[\p{L}-]*(?:[ \u00A0]?\([\p{L} .]{1,30}\))?)`,
  'gu',
);
const NOT_PLACES = new Set(
  'Deutschland NRW Nordrhein-Westfalen Ruhe Sorge Angst Frieden Nähe Sichtweite Richtung Betrieb Zukunft'.split(
    ' ',
  ),
);

export function findTowns(text: string, out: RedactionSpan[]): void {
  for (const pattern of [PLACE_DATE, RESIDENCE]) {
    for (const m of text.matchAll(pattern)) {
      const town = m[1]!;
      if (NOT_PLACES.has(town) || NOT_TOWNS.has(town)) continue;
      const start = m.index + m[0].lastIndexOf(town);
      out.push(makeSpan(text, start, start + town.length, 'postcode'));
    }
  }
}

export function findStreets(text: string, out: RedactionSpan[]): void {
  NUMBER_AFTER_WORD.lastIndex = 0;
  for (let m = NUMBER_AFTER_WORD.exec(text); m !== null; m = NUMBER_AFTER_WORD.exec(text)) {
    const nameEnd = m.index + 1;
    HOUSE_NUMBER.lastIndex = nameEnd;
    const number = HOUSE_NUMBER.exec(text);
    if (number === null) continue;
    const numberEnd = nameEnd + number[0].length;
    const start = streetStart(text, nameEnd, numberEnd);
    if (start < 0) continue;
    out.push(makeSpan(text, start, numberEnd, 'address'));
    NUMBER_AFTER_WORD.lastIndex = numberEnd;
  }
}

const POSTCODE = new RegExp(
  String.raw`(?:D[- ]?)?(?!00)\d{5}[ \u00A0]+(\p{Lu}\p{L}+)(?:-\p{L}+){0,3}` +
    String.raw`(?:[ \u00A0](?:am|an[ \u00A0]der|im|in[ \u00A0]der|bei|ob[ \u00A0]der)[ \u00A0]\p{Lu}\p{L}+)?` +
    String.raw`(?:[ \u00A0]?\([\p{L} .]{1,30}\))?`,
  'gu',
);
// Five-digit amounts followed by a noun ("12000 Einwohner") look like postcodes.
const NOT_TOWNS = new Set(
  (
    'Euro EUR Einwohner Einwohnern Menschen Bürger Haushalte Haushalten Stunden Tonnen Jahre Jahren ' +
    'Quadratmeter Unterschriften Meter Kilometer Liter Kilowattstunden Megawattstunden Fahrten ' +
    'Vögel Bäume Bäumen Stimmen Seiten Fahrzeuge Lkw Tiere Exemplare Brutpaare Besucher Personen ' +
    'Einwendungen Anlagen Windräder Hektar Mal Schritte Arbeitsplätze'
  ).split(' '),
);
const GLUED_BEFORE = /[\p{L}\p{N}.,]/u;

export function findPostcodes(text: string, out: RedactionSpan[]): void {
  POSTCODE.lastIndex = 0;
  for (let m = POSTCODE.exec(text); m !== null; m = POSTCODE.exec(text)) {
    if (m.index > 0 && GLUED_BEFORE.test(text[m.index - 1]!)) continue;
    if (NOT_TOWNS.has(m[1]!)) continue;
    out.push(makeSpan(text, m.index, m.index + m[0].length, 'postcode'));
  }
}
