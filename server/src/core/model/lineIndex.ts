import type { Position, Range, Span } from './types';

/** Offsets to LSP positions (0-based line, UTF-16 character) and back. */
export interface Lines {
  readonly lineCount: number;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(span: Span): Range;
  lineStart(line: number): number;
}

/** Maps offsets to LSP positions with a binary search over line starts. */
export class LineIndex implements Lines {
  /** Line start offsets. A typed array sized exactly (two passes): editors build one per version of big documents. */
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    let count = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) count++;
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        count++;
      }
    }
    const starts = new Int32Array(count);
    let n = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts[n++] = i + 1;
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts[n++] = i + 1;
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line] ?? 0;
    const next = this.starts[position.line + 1] ?? this.text.length + 1;
    return Math.min(start + Math.max(0, position.character), next - 1, this.text.length);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))] ?? 0;
  }
}
