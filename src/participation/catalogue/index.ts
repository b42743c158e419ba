/** The catalogue of concerns ("Belange") and keyword-based suggestions. Pure, no I/O. */
export {
  DEFAULT_CONCERNS,
  suggestConcerns,
  type ConcernDefinition,
  type ConcernSuggestion,
  type SuggestOptions,
} from './suggest.ts';
export { foldGerman, stemGerman, tokenize, type Token } from './text.ts';
