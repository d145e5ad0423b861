import { analyze, type AnalyzeOptions, type Diagnostic } from './analyze';
import type { Fix, TextEdit } from './rules/types';

/**
 * Apply text edits the way an editor does: all spans refer to the original text, must not
 * overlap, and insertions at the same offset keep their order.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.span.start - a.e.span.start || b.i - a.i);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const { e } of ordered) {
    if (e.span.end > limit) throw new Error(`overlapping edits at ${e.span.start}-${e.span.end}`);
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    limit = e.span.start;
  }
  return out;
}

/**
 * A fix is offered only if it works: applied to the text, it leaves it parseable and the finding
 * gone (same rule, same place before the edit). This guards every rule's edits in every syntax,
 * CDK code included, at the cost of one re-analysis per offered fix.
 */
export function fixWorks(text: string, options: AnalyzeOptions, finding: Diagnostic, fix: Fix): boolean {
  let after: string;
  try {
    after = applyEdits(text, fix.edits);
  } catch {
    return false;
  }
  const before = analyze(text, options).template?.parseProblems.length ?? 0;
  const reanalysis = analyze(after, options);
  if ((reanalysis.template?.parseProblems.length ?? 0) > before) return false;
  const result = reanalysis.diagnostics;
  const shift = (offset: number): number => fix.edits.reduce((o, e) => (e.span.end <= offset ? o + e.newText.length - (e.span.end - e.span.start) : o), offset);
  const start = shift(finding.span.start);
  return !result.some((d) => d.ruleId === finding.ruleId && d.message === finding.message && Math.abs(d.span.start - start) <= 1);
}
