import type { TextEdit } from '../../server/src/core/rules/types';

/**
 * Apply text edits the way an editor does: all spans refer to the original text, must not
 * overlap, and insertions at the same offset keep their order.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.span.start - a.e.span.start || b.i - a.i);
  let out = text;
  let limit = Infinity;
  for (const { e } of ordered) {
    if (e.span.end > limit) throw new Error(`overlapping edits at ${e.span.start}-${e.span.end}`);
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    limit = e.span.start;
  }
  return out;
}
