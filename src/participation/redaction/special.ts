/**
 * Special categories of personal data (Art. 9 Abs. 1 DSGVO) in objections: health first, then
 * religious belief, political opinion, trade-union membership, sexual orientation and ethnic
 * origin. They are withheld from the applicant and the public whatever the objector chose
 * (Art. 9 Abs. 1 DSGVO; no exception of Art. 9 Abs. 2 covers passing them on). [open] legal
 * sign-off on treating every mention as disclosable only in redacted form.
 *
 * A term alone is not personal data: "Infraschall kann Tinnitus auslösen" states a fear, "meine
 * Tochter hat Asthma" discloses a person's health. A term counts only when its sentence speaks of
 * a person (first person, a relative, a diagnosis). The detector still favours recall: the case
 * worker reviews every proposal.
 */
import { makeSpan, type PersonalDataKind, type RedactionSpan } from './kinds.ts';

/** Makes the first letter of each alternative case-insensitive ("[Aa]sthma"); no "i" flag. */
function terms(list: readonly string[]): string {
  return list
    .map((t) => {
      const first = t[0]!;
      const upper = first.toUpperCase();
      const lower = first.toLowerCase();
      return (upper === lower ? first : `[${upper}${lower}]`) + t.slice(1);
    })
    .join('|');
}

const L = '[a-zäöüß]';
const ADJECTIVE = String.raw`(?:(?:[Cc]hronische?[nrs]?|[Ss]chwere?[nrs]?|[Ss]tarke?[nrs]?|[Ff]ortgeschrittene?[nrs]?|[Ll]eichte?[nrs]?|[Ss]chwerer?|[Pp]sychische?[nrs]?)\s+)?`;

const HEALTH_TERMS = [
  `asthma${L}*`,
  `migräne${L}*`,
  'tinnitus',
  `depression${L}*`,
  `depressiv${L}*`,
  `herzrhythmusstörung${L}*`,
  `herzinfarkt${L}*`,
  'herzinsuffizienz',
  `herzerkrankung${L}*`,
  `herzkrank${L}*`,
  `herzschrittmacher${L}*`,
  `schlaganfall${L}*`,
  'bluthochdruck',
  `krebs${L}*`,
  `(?:lungen|brust|haut|darm|prostata|blut)krebs${L}*`,
  'leukämie',
  `tumor${L}*`,
  `chemotherapie${L}*`,
  'epilepsie',
  `epileptiker${L}*`,
  `demenz${L}*`,
  `dement${L}*`,
  `alzheimer${L}*`,
  'parkinson',
  String.raw`multiple[nr]?\s+[Ss]klerose`,
  `diabet${L}*`,
  'copd',
  `angststörung${L}*`,
  `panikattacke${L}*`,
  'burn-?out',
  `long[- ][Cc]ovid`,
  `post-covid${L}*`,
  `schwanger${L}*`,
  String.raw`pflegegrad\s?[1-5]`,
  `pflegebedürftig${L}*`,
  `schwerbehinderung${L}*`,
  `schwerbehindert${L}*`,
  String.raw`grad\s+der\s+behinderung(?:\s+von)?\s+\d{2,3}`,
  String.raw`gdb\s+\d{2,3}`,
  `rollstuhl${L}*`,
  `dialyse${L}*`,
  `autis${L}*`,
  'adhs',
  `hörgerät${L}*`,
  'hyperakusis',
  `schwerhörig${L}*`,
  `bandscheibenvorf${L}*`,
  `rheuma${L}*`,
  'arthrose',
  `allergi${L}*`,
  'neurodermitis',
  `psychotherap${L}*`,
  `schlafapnoe${L}*`,
  `schlafstörung${L}*`,
  'reha',
  `kopfschmerz${L}*`,
  `erkrankung${L}*`,
  `schwindelanf${L}*`,
  `herz-op`,
  `krankenhausaufenthalt${L}*`,
  `bypass${L}*`,
  `lungenerkrankung${L}*`,
  `körperbehindert${L}*`,
  String.raw`geistig\s+behindert${L}*`,
  `behindert${L}*`,
  `behinderung${L}*`,
];

// Political parties as written in NRW objections.
const PARTIES = String.raw`SPD|CDU|CSU|FDP|AfD|BSW|ÖDP|Volt|Bündnis\s?90/Die\sGrünen|Grünen|Die\sLinke|Linken|Piratenpartei|Freien?\sWähler|Tierschutzpartei|Die\sPARTEI`;
const SPECIAL_TERMS = [
  // Religion or belief.
  `katholi${L}*`,
  `evangelisch${L}*`,
  `protestant${L}*`,
  `muslim${L}*`,
  `moslem${L}*`,
  `islamisch${L}*`,
  `jüdisch${L}*`,
  'jüdin',
  'jude',
  'juden',
  String.raw`zeugen\s+[Jj]ehovas`,
  `buddhist${L}*`,
  `hindu${L}*`,
  `gläubig${L}*`,
  'christin',
  'christ',
  `atheist${L}*`,
  `konfessionslos${L}*`,
  `moschee${L}*`,
  `synagoge${L}*`,
  `freikirch${L}*`,
  `kirchengemeinde${L}*`,
  `presbyter${L}*`,
  `alevit${L}*`,
  // Political opinion.
  String.raw`(?:[Mm]itglied|[Rr]atsmitglied|[Rr]atsherr|[Rr]atsfrau|[Pp]arteimitglied|[Vv]orsitzende[rn]?|[Ss]precher(?:in)?)\s+(?:der|bei\s+der|im|des)\s+(?:${PARTIES})`,
  `(?:${PARTIES})-(?:mitglied|wähler|ortsverband|fraktion)${L}*`,
  `parteimitglied${L}*`,
  String.raw`(?:[Mm]itglied|[Mm]itglieder)(?:\s+(?:bei|in|der|im|des|von)){1,2}\s+(?:ver\.di|Verdi|IG\s+(?:Metall|BCE|BAU|Bau)|GEW|EVG|NGG|${PARTIES})`,
  // Trade-union membership.
  `gewerkschaft${L}*`,
  String.raw`IG\s+(?:Metall|BCE|BAU|Bau)`,
  String.raw`ver\.di`,
  'verdi',
  // Sexual orientation.
  `homosexuell${L}*`,
  `schwul${L}*`,
  `lesbisch${L}*`,
  'lesbe',
  `bisexuell${L}*`,
  `queer${L}*`,
  'transgender',
  String.raw`eingetragene[nr]?\s+[Ll]ebenspartner${L}*`,
  // Ethnic origin.
  'sinti',
  'roma',
  'romni',
  `jesid${L}*`,
  `migrationshintergrund${L}*`,
  `spätaussiedler${L}*`,
  `russlanddeutsch${L}*`,
  String.raw`(?:[Tt]ürkische[nr]|[Dd]eutsch-türkische[nr]|kurdische[nr]|polnische[nr]|russische[nr]|syrische[nr]|marokkanische[nr]|italienische[nr]|griechische[nr]|afrikanische[nr]|arabische[nr]|sorbische[nr]|ghanaische[nr]|vietnamesische[nr])\s+(?:Herkunft|Abstammung|Wurzeln|Familie|Abkunft)`,
];

// Sticky patterns, tried only where a word starts (checked in code: cheaper than a lookbehind).
const HEALTH = new RegExp(`${ADJECTIVE}(?:${terms(HEALTH_TERMS)})(?![a-zA-ZäöüÄÖÜß])`, 'y');
const SPECIAL = new RegExp(`(?:${terms(SPECIAL_TERMS)})(?![a-zA-ZäöüÄÖÜß])`, 'y');
// First letters of all terms and adjectives: a cheap filter before the sticky patterns.
const STARTS = /[A-Za-zÄÖÜäöü]/;

// Words that make a sentence about a person: first person, relatives, diagnosis, membership.
const PERSONAL = new RegExp(
  '(?:^|[^a-zA-ZäöüÄÖÜß])(?:' +
    terms(
      (
        'ich mich mir mein meine meinem meinen meiner meines wir uns unser unsere unserem ' +
        'unseren unserer unseres tochter sohn söhne töchter ehefrau ehemann frau mann gattin ' +
        'gatte mutter vater eltern kind kinder enkel enkelin enkelkinder bruder schwester ' +
        'nachbar nachbarin nachbarn oma opa großmutter großvater schwiegermutter schwiegervater ' +
        'lebensgefährte lebensgefährtin partner partnerin leide leidet leiden litt erkrankt ' +
        'diagnose diagnostiziert attest bin sind seit herr mitglied familie hat habe haben sie er ' +
        'ihr ihre ihren ihrem sein seine seinen seinem'
      ).split(' '),
    ) +
    ')(?![a-zA-ZäöüÄÖÜß])',
);
const SENTENCE_END = /[.!?](?=\s)|\n[ \t]*\n/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The sentence around [start, end): at most 300 characters either side. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 300), start);
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(before); m !== null; m = SENTENCE_END.exec(before)) {
    from = m.index + m[0].length;
  }
  const after = text.slice(end, end + 300);
  SENTENCE_END.lastIndex = 0;
  const next = SENTENCE_END.exec(after);
  return before.slice(from) + text.slice(start, end) + after.slice(0, next?.index ?? after.length);
}

function scan(text: string, pattern: RegExp, kind: PersonalDataKind, out: RedactionSpan[]): void {
  for (let i = 0; i < text.length; i++) {
    if (!STARTS.test(text[i]!)) continue;
    if (i > 0 && WORD_CHAR.test(text[i - 1]!)) continue;
    pattern.lastIndex = i;
    const m = pattern.exec(text);
    if (m === null) continue;
    const end = i + m[0].length;
    if (PERSONAL.test(sentenceAround(text, i, end))) {
      out.push(makeSpan(text, i, end, kind));
      i = end - 1;
    }
  }
}

export function findSpecialCategories(text: string, out: RedactionSpan[]): void {
  scan(text, HEALTH, 'health', out);
  scan(text, SPECIAL, 'special', out);
}
