/**
 * Suggestions which concerns ("Belange") an objection raises, for the caseworker who sorts the
 * objections for the discussion date (Erörterungstermin, § 10 Abs. 6 BImSchG). Only a
 * suggestion: the caseworker confirms it, so recall on short texts matters more than precision.
 */
import { DEFAULT_CONCERNS, type ConcernDefinition } from './concerns.ts';
import { findHits, keywordIndex } from './match.ts';
import { tokenize } from './text.ts';

export { DEFAULT_CONCERNS, type ConcernDefinition };

export interface ConcernSuggestion {
  key: string;
  score: number;
  /** The matched words or phrases as written in the text, first occurrences first (at most 5). */
  evidence: string[];
}

export interface SuggestOptions {
  /** Default 0.3: one clear keyword is enough; a keyword shared by concerns alone is not. */
  minScore?: number;
  /** Default 5. */
  max?: number;
}

const MAX_EVIDENCE = 5;
// Score = W / (W + 2) for the summed weight W of the distinct keywords hit: 1 keyword → 0.33,
// 2 → 0.5, 4 → 0.67. Saturating, so that concerns with long keyword lists do not win by size.
const SATURATION = 2;

export function suggestConcerns(
  text: string,
  concerns: readonly ConcernDefinition[] = DEFAULT_CONCERNS,
  options: SuggestOptions = {},
): ConcernSuggestion[] {
  const { minScore = 0.3, max = 5 } = options;
  const tokens = tokenize(text);
  const perConcern = new Map<
    number,
    { weight: number; seen: Set<number>; hits: number; evidence: string[] }
  >();
  for (const hit of findHits(tokens, keywordIndex(concerns))) {
    const { concern, id, weight } = hit.keyword;
    let entry = perConcern.get(concern);
    if (entry === undefined) {
      entry = { weight: 0, seen: new Set(), hits: 0, evidence: [] };
      perConcern.set(concern, entry);
    }
    entry.hits++;
    if (!entry.seen.has(id)) {
      entry.seen.add(id);
      entry.weight += weight;
    }
    const written = text.slice(tokens[hit.first]!.start, tokens[hit.last]!.end);
    if (entry.evidence.length < MAX_EVIDENCE && !entry.evidence.includes(written)) {
      entry.evidence.push(written);
    }
  }
  return (
    [...perConcern.entries()]
      .map(([c, entry]) => ({
        key: concerns[c]!.key,
        score: Math.round((entry.weight / (entry.weight + SATURATION)) * 1000) / 1000,
        evidence: entry.evidence,
        hits: entry.hits,
        order: c,
      }))
      .filter((s) => s.score >= minScore)
      // Best first; ties by number of occurrences, then catalogue order (deterministic).
      .sort((a, b) => b.score - a.score || b.hits - a.hits || a.order - b.order)
      .slice(0, max)
      .map(({ key, score, evidence }) => ({ key, score, evidence }))
  );
}
