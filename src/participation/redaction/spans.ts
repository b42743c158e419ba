/** Merging of detector results and the replacement of spans by placeholders. */
import { KIND_LABELS, type RedactionSpan } from './kinds.ts';

/**
 * Sorts spans and merges overlapping ones into their union, so that nothing of either is left
 * visible; the merged span takes the kind of the wider of the two. Touching spans stay separate.
 */
export function mergeSpans(text: string, spans: readonly RedactionSpan[]): RedactionSpan[] {
  const sorted = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: RedactionSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last === undefined || span.start >= last.end) {
      merged.push(span);
      continue;
    }
    const kind = span.end - span.start > last.end - last.start ? span.kind : last.kind;
    const end = Math.max(last.end, span.end);
    merged[merged.length - 1] = { start: last.start, end, kind, text: text.slice(last.start, end) };
  }
  return merged;
}

/** Replaces every span by "[geschwärzt: <Label>]"; spans may come in any order and overlap. */
export function applyRedaction(text: string, spans: readonly RedactionSpan[]): string {
  let result = '';
  let position = 0;
  for (const span of mergeSpans(text, spans)) {
    result += `${text.slice(position, span.start)}[geschwärzt: ${KIND_LABELS[span.kind]}]`;
    position = span.end;
  }
  return result + text.slice(position);
}
