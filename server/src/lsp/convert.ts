import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { CompletionEntry, Diagnostic, Fix, Lines, MrapInfo, Range, Span, SymbolEntry } from '../core';
import { ruleDocUrl } from '../cli/format';
import type { MrapEntry } from '../protocol';

/** The only place where core data becomes LSP data. */

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(d: Diagnostic, uri: string, lines: Lines): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.ruleId,
    codeDescription: { href: ruleDocUrl(d.ruleId) },
    source: 's3mrap',
    message: d.message,
    relatedInformation: d.related?.map((r) => ({ location: { uri, range: lines.rangeOf(r.span) }, message: r.message })),
  };
}

export function toLspEdits(fix: Fix, lines: Lines): LspTextEdit[] {
  return fix.edits.map((e) => ({ range: lines.rangeOf(e.span), newText: e.newText }));
}

export function toQuickFix(fix: Fix, diagnostic: LspDiagnostic, uri: string, lines: Lines): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred === true,
    edit: { changes: { [uri]: toLspEdits(fix, lines) } },
  };
}

const COMPLETION_KIND = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  type: CompletionItemKind.Class,
  snippet: CompletionItemKind.Snippet,
  keyword: CompletionItemKind.Keyword,
} as const;

/** Completion uses the live text (the analysis may be a version behind), so ranges come from the document. */
export function toCompletionItem(e: CompletionEntry, rangeOf: (span: Span) => Range): CompletionItem {
  return {
    label: e.label,
    kind: COMPLETION_KIND[e.kind],
    detail: e.detail,
    documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
    sortText: e.sortText,
    filterText: e.filterText,
    insertTextFormat: e.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: rangeOf(e.span), newText: e.insertText },
  };
}

const SYMBOL_KIND = {
  mrap: SymbolKind.Interface,
  bucket: SymbolKind.Package,
  role: SymbolKind.Key,
  rule: SymbolKind.Event,
  resource: SymbolKind.Object,
} as const;

export function toDocumentSymbol(s: SymbolEntry, lines: Lines): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: lines.rangeOf(s.span),
    selectionRange: lines.rangeOf(s.selectionSpan),
    children: s.children.map((c) => toDocumentSymbol(c, lines)),
  };
}

export function toMrapEntry(m: MrapInfo, lines: Lines): MrapEntry {
  return {
    logicalId: m.logicalId,
    ...(m.name !== undefined ? { name: m.name } : {}),
    range: lines.rangeOf(m.span),
    regions: m.regions.map((r) => ({
      bucket: r.bucket,
      ...(r.bucketLogicalId !== undefined ? { bucketLogicalId: r.bucketLogicalId } : {}),
      ...(r.region !== undefined ? { region: r.region } : {}),
    })),
  };
}
