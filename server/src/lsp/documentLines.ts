import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lines, Position, Range, Span } from '../core';

/**
 * The core's line index over an open document, backed by the document's own line offsets, which the
 * text document library updates edit by edit: a new index per version would rescan the whole text
 * (13 ms for a 3 MB template). The document changes in place, so an analysis's `lines` are only
 * used synchronously for the current version (the server recomputes an analysis of an older one).
 */
export class DocumentLines implements Lines {
  constructor(private readonly doc: TextDocument) {}

  get lineCount(): number {
    return this.doc.lineCount;
  }

  positionAt(offset: number): Position {
    return this.doc.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return position.line < 0 ? 0 : this.doc.offsetAt(position);
  }

  rangeOf(span: Span): Range {
    return { start: this.doc.positionAt(span.start), end: this.doc.positionAt(span.end) };
  }

  lineStart(line: number): number {
    return this.doc.offsetAt({ line: Math.max(0, Math.min(line, this.doc.lineCount - 1)), character: 0 });
  }
}
