/**
 * Bridges the stored catalogue of a procedure (rows with ids) and the pure keyword matcher.
 * Default concerns bring their curated keywords; a concern the authority added gets the longer
 * words of its label, so that it can be suggested too ("Kloster Dalheim" → "kloster", "dalheim").
 */
import { DEFAULT_CONCERNS, suggestConcerns, type ConcernDefinition } from './suggest.ts';

export interface StoredConcern {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  readonly description: string;
}

export interface PreparedCatalogue {
  /** Kept by identity: the matcher caches its keyword index per definitions array. */
  readonly definitions: readonly ConcernDefinition[];
  readonly idByKey: ReadonlyMap<string, string>;
}

const DEFAULTS = new Map(DEFAULT_CONCERNS.map((c) => [c.key, c]));
const MIN_LABEL_WORD = 5;

export function prepareCatalogue(concerns: readonly StoredConcern[]): PreparedCatalogue {
  const definitions = concerns.map(
    (c): ConcernDefinition =>
      DEFAULTS.get(c.key) ?? {
        key: c.key,
        label: c.label,
        description: c.description,
        keywords: c.label
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter((w) => w.length >= MIN_LABEL_WORD),
      },
  );
  return { definitions, idByKey: new Map(concerns.map((c) => [c.key, c.id])) };
}

export interface StoredSuggestion {
  readonly concernId: string;
  readonly score: number;
  readonly evidence: string[];
}

export function concernSuggestions(text: string, catalogue: PreparedCatalogue): StoredSuggestion[] {
  return suggestConcerns(text, catalogue.definitions).flatMap((s) => {
    const concernId = catalogue.idByKey.get(s.key);
    return concernId === undefined ? [] : [{ concernId, score: s.score, evidence: s.evidence }];
  });
}
