import type { Span } from '../model/types';

export type CompletionKind = 'property' | 'value' | 'reference' | 'type' | 'snippet' | 'keyword';

/** One completion proposal: plain data; the LSP layer turns it into a CompletionItem. */
export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string | undefined;
  /** Markdown. */
  readonly documentation?: string | undefined;
  readonly insertText: string;
  /** `insertText` uses snippet syntax (`$1`, `${1:x}`, `$0`); relative indentation, first line at the cursor. */
  readonly snippet: boolean;
  readonly sortText: string;
  readonly filterText?: string | undefined;
  /** The text replaced by the proposal. */
  readonly span: Span;
}
