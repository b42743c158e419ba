/**
 * Names, found only by position (after "Mein Name ist", "gez.", "Herr", a closing formula, …).
 * German capitalises every noun, so "any capitalised word" would redact half the objection;
 * the positional rules plus a list of words that are never names keep precision high.
 */
import { makeSpan, type RedactionSpan } from './kinds.ts';

const TITLE = String.raw`Prof\.|Dr\.|Dipl\.-\p{L}{2,5}\.|med\.|rer\.[ \u00A0]?nat\.|jur\.|phil\.|h\.[ \u00A0]?c\.`;
const PARTICLE = 'von|van|de|der|den|du|zu|zur|vom|ten|ter|la|le|di|da|dos';
const NAME_START_PARTICLES = new Set(['von', 'van', 'vom', 'de', 'du', 'ten', 'ter']);
const WORD = String.raw`\p{Lu}(?:\p{Ll}|['’]\p{Lu})[\p{Ll}'’]{0,30}(?:-\p{Lu}[\p{Ll}'’]{1,30}){0,2}`;
// One name token at a time (sticky): groups 1 title, 2 initial, 3 particle, 4 "und", 5 word.
// Titles and initials may be glued to the next word ("Prof.Kohlenbrenner", "A.Müller").
const TOKEN = new RegExp(
  String.raw`[ \u00A0]*(?:(${TITLE})|(\p{Lu}\.)|(?:(${PARTICLE})|(und|&)|(${WORD}))(?![\p{L}\p{N}]))`,
  'uy',
);

// Capitalised words that stand where a name could, but are not names.
const ROLES = new Set(
  (
    'bürgermeister bürgermeisterin oberbürgermeister oberbürgermeisterin landrat landrätin ' +
    'minister ministerin präsident präsidentin vorsitzender vorsitzende abgeordneter abgeordnete ' +
    'staatssekretär staatssekretärin dezernent dezernentin rechtsanwalt rechtsanwältin kollege ' +
    'kollegin pfarrer pfarrerin professor professorin doktor nachbar nachbarin sachbearbeiter ' +
    'sachbearbeiterin regierungspräsident regierungspräsidentin ortsvorsteher ortsvorsteherin'
  ).split(' '),
);
const NOT_NAMES = new Set([
  ...ROLES,
  ...(
    'ich wir sie er es die der das den dem des ein eine einen einer mein meine meinen unser ' +
    'unsere ihr ihre ihren euer eure und oder sehr bitte damen herren anlage anlagen anhang ' +
    'gemeinde stadt kreis bürgerinitiative initiative verein interessengemeinschaft team vorstand ' +
    'nachbarschaft dorfgemeinschaft anwohner anwohnerin anwohnerinnen bürger bürgerin eigentümer ' +
    'eigentümerin landwirt landwirtin mitglied mitglieder vertreter vertreterin windenergie ' +
    'windkraft windenergieanlage windenergieanlagen windpark gegenwind grüßen grüße gruß postfach ' +
    'telefon einwendung einwender einwenderin stellungnahme betreff datum ort unterschrift ' +
    'hochachtungsvoll familie eheleute herr herrn frau danke vielen dank guten tag hallo moin ' +
    'liebe lieber servus kontoinhaber kontoinhaberin inhaber inhaberin tochter sohn mutter vater ' +
    'bruder schwester'
  ).split(' '),
]);

interface NameRule {
  maxWords: number;
  minWords: number;
  allowConnector: boolean;
}
interface Range {
  start: number;
  end: number;
}

/** Reads a name starting at `from` (leading spaces allowed); null if there is none. */
function readName(text: string, from: number, rule: NameRule): Range | null {
  let position = from;
  let start = -1;
  let end = -1;
  let words = 0;
  let previousWasParticle = false;
  while (words < rule.maxWords) {
    TOKEN.lastIndex = position;
    const m = TOKEN.exec(text);
    if (m === null) break;
    const [token, title, initial, particle, connector, word] = m;
    const tokenStart = position + token.length - token.trimStart().length;
    if (title !== undefined && words > 0) break;
    // "Frau von Berg" is a name, "Familie zu Besuch" is not; "der/den" only inside "von der",
    // "van den", otherwise "Anwohner der Gemeinde" would pass.
    if (particle !== undefined && words === 0 && !NAME_START_PARTICLES.has(particle)) break;
    if (particle !== undefined && /^de[rn]$/.test(particle) && !previousWasParticle) break;
    if (connector !== undefined && (words === 0 || !rule.allowConnector)) break;
    if (word !== undefined && NOT_NAMES.has(word.toLowerCase())) break;
    if (start === -1) start = tokenStart;
    if (initial !== undefined || word !== undefined) {
      words++;
      end = position + token.length;
    }
    previousWasParticle = particle !== undefined;
    position += token.length;
  }
  return words >= rule.minWords && end > start ? { start, end } : null;
}

const INTRO: NameRule = { maxWords: 4, minWords: 1, allowConnector: false };
const SELF_WITH_COMMA: NameRule = { maxWords: 4, minWords: 2, allowConnector: false };
const FAMILY: NameRule = { maxWords: 1, minWords: 1, allowConnector: false };
const SALUTATION: NameRule = { maxWords: 3, minWords: 1, allowConnector: false };
const SIGNATURE_LINE: NameRule = { maxWords: 4, minWords: 1, allowConnector: true };
const LETTERHEAD_LINE: NameRule = { maxWords: 4, minWords: 2, allowConnector: false };

const G = String.raw`[Gg]r(?:ü|ue)(?:ß|ss)`;
const SP = String.raw`[ \u00A0]+`;
// Explicit case classes and no "u" flag: this pattern runs over every text, and Unicode or
// case-insensitive matching is much slower. Word boundaries are checked in code.
const CLOSINGS = [
  `[Mm]it${SP}(?:freundlichen|besten|herzlichen|lieben|solidarischen)${SP}${G}en`,
  `[Mm]it${SP}freundlichem${SP}[Gg]ru(?:ß|ss)`,
  `(?:[Ff]reundliche|[Bb]este|[Vv]iele|[Ll]iebe|[Hh]erzliche)${SP}${G}e`,
  '[Hh]ochachtungsvoll',
  'M[Ff][Gg]',
  'mfg',
  'Gru(?:ß|ss)',
].join('|');
// Groups: 1 introduction, 2 "Ich,", 3 family, 4 salutation, 5 closing formula.
const TRIGGER = new RegExp(
  String.raw`(?:([Mm]ein${SP}[Nn]ame${SP}ist|[Ii]ch${SP}hei(?:ß|ss)e|gez\.)|([Ii]ch,)` +
    String.raw`|([Ff]amilie|[Ff]am\.|[Ee]heleute)|(Herrn?|Frau)|(${CLOSINGS}))`,
  'g',
);
const LINE_END = /[ \u00A0,.]*(?:\r?\n|$)/y;
const BLANK_LINE = /[ \t\u00A0\r]*(?:\n|$)/y;

/** A whole line that is a name, e.g. a signature; returns its range or null. */
function readNameLine(text: string, from: number, rule: NameRule): Range | null {
  const name = readName(text, from, rule);
  if (name === null) return null;
  LINE_END.lastIndex = name.end;
  return LINE_END.test(text) ? name : null;
}

/** The signature after a closing formula: the rest of its line, or up to two following lines. */
function readSignature(text: string, from: number, out: RedactionSpan[]): void {
  let position = from;
  const sameLine = /[ \u00A0]*[,.!:;-]?[ \u00A0]*/y;
  sameLine.lastIndex = position;
  if (sameLine.test(text)) position = sameLine.lastIndex;
  let found = 0;
  let skippedBlank = 0;
  while (position < text.length && found < 2) {
    BLANK_LINE.lastIndex = position;
    if (BLANK_LINE.test(text)) {
      // The rest of the closing's own line counts as one of the blank lines.
      if (found > 0 || ++skippedBlank > 3) return;
      position = BLANK_LINE.lastIndex;
      continue;
    }
    const name = readNameLine(text, position, SIGNATURE_LINE);
    if (name === null) return;
    out.push(makeSpan(text, name.start, name.end, 'name'));
    found++;
    LINE_END.lastIndex = name.end;
    LINE_END.test(text);
    position = LINE_END.lastIndex;
  }
}

const LETTER = /\p{L}/u;

export function findNames(text: string, out: RedactionSpan[]): void {
  TRIGGER.lastIndex = 0;
  for (let match = TRIGGER.exec(text); match !== null; match = TRIGGER.exec(text)) {
    const [trigger, intro, selfWithComma, family, salutation] = match;
    let position = match.index + trigger.length;
    if (match.index > 0 && LETTER.test(text[match.index - 1]!)) continue;
    if (LETTER.test(text[position] ?? '')) continue;
    let name: Range | null = null;
    if (intro !== undefined) name = readName(text, position, INTRO);
    else if (selfWithComma !== undefined) name = readName(text, position, SELF_WITH_COMMA);
    else if (family !== undefined) name = readName(text, position, FAMILY);
    else if (salutation !== undefined) {
      // "Herr Bürgermeister Müller": skip the office, redact the person.
      for (let skipped = 0; skipped < 2; skipped++) {
        TOKEN.lastIndex = position;
        const role = TOKEN.exec(text)?.[5];
        if (role === undefined || !ROLES.has(role.toLowerCase())) break;
        position = TOKEN.lastIndex;
      }
      name = readName(text, position, SALUTATION);
    } else readSignature(text, position, out);
    if (name !== null) out.push(makeSpan(text, name.start, name.end, 'name'));
  }
}

/** Letterhead: a name line directly above a line that starts with a detected street address. */
export function findLetterheadNames(
  text: string,
  streets: readonly RedactionSpan[],
  out: RedactionSpan[],
): void {
  for (const street of streets) {
    if (street.start < 2 || text[street.start - 1] !== '\n') continue;
    const previousLineEnd = street.start - (text[street.start - 2] === '\r' ? 2 : 1);
    const previousLineStart = text.lastIndexOf('\n', previousLineEnd - 1) + 1;
    const name = readNameLine(text, previousLineStart, LETTERHEAD_LINE);
    if (name !== null && name.end <= previousLineEnd) {
      out.push(makeSpan(text, name.start, name.end, 'name'));
    }
  }
}

// Third persons named by their relation to the author: "meine Tochter Lena", "unser Nachbar
// Klaus Becker", "Landwirt Bernd Hölscher". They never consented to being named to the applicant.
const RELATION =
  'Tochter|Sohn|Ehefrau|Ehemann|Frau|Mann|Gattin|Gatte|Mutter|Vater|Schwester|Bruder|' +
  'Enkel(?:in|tochter|sohn)?|Oma|Opa|Großmutter|Großvater|Schwieger(?:mutter|vater|sohn|tochter)|' +
  'Lebensgefährt(?:e|in)|Partner(?:in)?|Freund(?:in)?|Nachbar(?:in)?|Onkel|Tante|Neffe|Nichte|' +
  'Cousine?|Schwager|Schwägerin|Kollege|Kollegin|Mitbewohner(?:in)?|Pflegekind|Stief(?:sohn|tochter|vater|mutter)';
const PLURAL_RELATION =
  'Kinder|Enkel(?:kinder)?|Eltern|Söhne|Töchter|Nachbarn|Geschwister|Großeltern';
const RELATIVE = new RegExp(
  String.raw`(?:(?:[Mm]ein|[Uu]nser|[Ss]ein|[Ii]hr|[Dd]eren|[Dd]essen)(?:e[mnrs]?)?${SP}` +
    String.raw`(?:(?:jüngste|älteste|kleine|ältere|jüngere|beste|verstorbene|direkte|neue)[nrs]?${SP})?` +
    // Genitive and dative too: "im Namen meines Bruders Tim", "mit meinem Sohn Ben".
    String.raw`(?:(${RELATION})(?:e?s|n)?|(${PLURAL_RELATION})n?)` +
    String.raw`|(Kontoinhaber(?:in)?|Nachbar(?:in)?|Landwirt(?:in)?|Nachbarsohn|Nachbarstochter|Anwohner(?:in)?|Jäger(?:in)?|Förster(?:in)?))` +
    String.raw`[ \u00A0]*,?(?=[ \u00A0\n])`,
  'g',
);
const RELATIVE_ONE: NameRule = { maxWords: 3, minWords: 1, allowConnector: false };
const RELATIVES_MANY: NameRule = { maxWords: 5, minWords: 1, allowConnector: true };

export function findRelativesNames(text: string, out: RedactionSpan[]): void {
  RELATIVE.lastIndex = 0;
  for (let m = RELATIVE.exec(text); m !== null; m = RELATIVE.exec(text)) {
    if (m.index > 0 && LETTER.test(text[m.index - 1]!)) continue;
    const position = m.index + m[0].length;
    const name = readName(text, position, m[2] === undefined ? RELATIVE_ONE : RELATIVES_MANY);
    if (name !== null) out.push(makeSpan(text, name.start, name.end, 'name'));
  }
}

/**
 * A signature without a recognised closing formula ("Viele Grße", none at all): the last line of
 * the text, if it is nothing but a name of two to four words, or the name line above a final
 * street/town block.
 */
export function findClosingName(text: string, out: RedactionSpan[]): void {
  const lines: Range[] = [];
  let end = text.length;
  while (lines.length < 4 && end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (text.slice(start, end).trim() !== '') lines.push({ start, end });
    end = start - 1;
  }
  for (const line of lines) {
    const name = readNameLine(text, line.start, LETTERHEAD_LINE);
    if (name !== null && name.end <= line.end) {
      out.push(makeSpan(text, name.start, name.end, 'name'));
      return;
    }
  }
}

// Signers named in a signature list or a joint letter ("Unterzeichnet haben unter anderem Anna
// Berg und Paul Kern", "Unterzeichner: …", "gemeinsam mit Jonas Weber"): third persons to the
// applicant like relatives, never passed on (§ 12 Abs. 2 9. BImSchV, Art. 6 Abs. 1 lit. e DSGVO).
const SIGNERS = new RegExp(
  String.raw`(?:(?:[Uu]nterzeichnet|[Uu]nterschrieben)${SP}(?:haben|hat|von|wurde${SP}(?:die${SP}Liste${SP})?von)` +
    String.raw`|[Uu]nterzeichne(?:r|nde)(?:innen|in)?${SP}(?:sind|waren)|[Uu]nterzeichne(?:r|nde)(?:innen|in)?:` +
    String.raw`|[Gg]emeinsam${SP}mit|[Zz]usammen${SP}mit)` +
    String.raw`(?:${SP}(?:u\.${SP}?a\.|unter${SP}anderem|außerdem|auch|ebenfalls|neben${SP}mir)){0,2}` +
    String.raw`[ \u00A0]*,?(?=[ \u00A0\n])`,
  'g',
);
const SIGNER_NAMES: NameRule = { maxWords: 9, minWords: 2, allowConnector: true };

export function findSignerNames(text: string, out: RedactionSpan[]): void {
  SIGNERS.lastIndex = 0;
  for (let m = SIGNERS.exec(text); m !== null; m = SIGNERS.exec(text)) {
    if (m.index > 0 && LETTER.test(text[m.index - 1]!)) continue;
    // A list of names separated by commas: each run of name words is one span.
    let position = m.index + m[0].length;
    for (let names = 0; names < 20; names++) {
      const name = readName(text, position, SIGNER_NAMES);
      if (name === null) break;
      out.push(makeSpan(text, name.start, name.end, 'name'));
      const comma = /[ \u00A0]*,[ \u00A0]*/y;
      comma.lastIndex = name.end;
      if (!comma.test(text)) break;
      position = comma.lastIndex;
    }
  }
}
