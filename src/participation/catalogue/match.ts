/**
 * Keyword index over a concern catalogue and the per-text matching. The index is built once per
 * catalogue (cached by identity), so suggesting for thousands of texts costs one pass each.
 */
import type { ConcernDefinition } from './concerns.ts';
import { foldGerman, stemGerman, type Token } from './text.ts';

export interface Keyword {
  concern: number;
  /** Distinct id per (concern, normalised keyword), for counting distinct hits. */
  id: number;
  stems: readonly string[];
  /** Set for single words matched inside compounds (at least five characters). */
  infix: string | null;
  weight: number;
}

interface KeywordIndex {
  exact: Map<string, Keyword[]>;
  /** Infix keywords by their first three characters, probed at every position of a token. */
  infix: Map<string, Keyword[]>;
  /** Phrases by the stem of their first word. */
  phrases: Map<string, Keyword[]>;
}

const MIN_INFIX = 5;
const PHRASE_WEIGHT = 1.5;
const cache = new WeakMap<readonly ConcernDefinition[], KeywordIndex>();

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function buildIndex(concerns: readonly ConcernDefinition[]): KeywordIndex {
  const keywords: Keyword[] = [];
  const concernsPerKeyword = new Map<string, Set<number>>();
  concerns.forEach((concern, c) => {
    for (const keyword of new Set(concern.keywords)) {
      const folded = keyword
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .map(foldGerman);
      if (folded.length === 0) continue;
      const stems = folded.map(stemGerman);
      const normalised = stems.join(' ');
      if (concernsPerKeyword.get(normalised)?.has(c) === true) continue;
      if (!concernsPerKeyword.has(normalised)) concernsPerKeyword.set(normalised, new Set());
      concernsPerKeyword.get(normalised)!.add(c);
      // "wasser" stems to "wass", too short to look for inside words; then the unstemmed form is.
      const single = stems.length === 1 ? stems[0]! : null;
      const infix =
        single === null
          ? null
          : single.length >= MIN_INFIX
            ? single
            : folded[0]!.length >= MIN_INFIX
              ? folded[0]!
              : null;
      keywords.push({
        concern: c,
        id: keywords.length,
        stems,
        infix,
        weight: stems.length > 1 ? PHRASE_WEIGHT : 1,
      });
    }
  });
  const index: KeywordIndex = { exact: new Map(), infix: new Map(), phrases: new Map() };
  for (const keyword of keywords) {
    // A keyword shared by several concerns ("rotor", "windrad") says less about each of them.
    keyword.weight /= concernsPerKeyword.get(keyword.stems.join(' '))!.size;
    if (keyword.stems.length > 1) push(index.phrases, keyword.stems[0]!, keyword);
    else push(index.exact, keyword.stems[0]!, keyword);
    if (keyword.infix !== null) push(index.infix, keyword.infix.slice(0, 3), keyword);
  }
  return index;
}

export function keywordIndex(concerns: readonly ConcernDefinition[]): KeywordIndex {
  let index = cache.get(concerns);
  if (index === undefined) {
    index = buildIndex(concerns);
    cache.set(concerns, index);
  }
  return index;
}

// Inside a word, a keyword followed only by an adjective ending is a different word:
// "kurzfristig" is not about a deadline ("Frist"), "unerheblich" not about "Erheblich…".
const ADJECTIVE_TAIL = /^(?:ig|lich|isch)(?:e[mnrs]?)?$/;

export interface Hit {
  keyword: Keyword;
  /** Token range [first, last] in the text. */
  first: number;
  last: number;
}

/** Keeps the better keyword per concern for the current token (higher weight wins). */
function offer(best: (Hit | undefined)[], touched: number[], hit: Hit): void {
  const current = best[hit.keyword.concern];
  if (current === undefined) touched.push(hit.keyword.concern);
  if (current === undefined || hit.keyword.weight > current.keyword.weight) {
    best[hit.keyword.concern] = hit;
  }
}

function phraseMatches(tokens: readonly Token[], i: number, stems: readonly string[]): boolean {
  for (let k = 1; k < stems.length; k++) if (tokens[i + k]?.stem !== stems[k]) return false;
  return true;
}

// Street names are proper names: "Brunnenstraße" is not about wells, "Stresemannstraße" not
// about stress. They still match keywords exactly.
const STREET_NAME = /(?:strasse|str)$/;

/**
 * All keyword hits in the tokens; per token and concern only the best keyword counts, so that
 * "Rotmilanhorst" is one hit, not three. Plain loops: this runs for every token of every text.
 */
export function findHits(tokens: readonly Token[], index: KeywordIndex): Hit[] {
  const hits: Hit[] = [];
  const best: (Hit | undefined)[] = [];
  const touched: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    for (const keyword of index.exact.get(token.stem) ?? []) {
      offer(best, touched, { keyword, first: i, last: i });
    }
    for (const keyword of index.phrases.get(token.stem) ?? []) {
      if (phraseMatches(tokens, i, keyword.stems)) {
        offer(best, touched, { keyword, first: i, last: i + keyword.stems.length - 1 });
      }
    }
    const word = token.folded;
    const infixAllowed = word.length >= MIN_INFIX && !STREET_NAME.test(word);
    for (let p = 0; infixAllowed && p + MIN_INFIX <= word.length; p++) {
      for (const keyword of index.infix.get(word.slice(p, p + 3)) ?? []) {
        const infix = keyword.infix!;
        if (!word.startsWith(infix, p)) continue;
        if (p > 0 && ADJECTIVE_TAIL.test(word.slice(p + infix.length))) continue;
        offer(best, touched, { keyword, first: i, last: i });
      }
    }
    for (const concern of touched) {
      hits.push(best[concern]!);
      best[concern] = undefined;
    }
    touched.length = 0;
  }
  return hits;
}
