import {
  CodeActionKind,
  ErrorCodes,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type DefinitionParams,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type Hover,
  type HoverParams,
  type Location,
  type ReferenceParams,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, definitionAt, documentSymbols, formatOf, hover, mrapsInTemplate, referencesAt, type Analysis, type Diagnostic, type Fix } from '../core';
import type { MrapsInDocumentParams, MrapsInDocumentResult } from '../protocol';
import { toCompletionItem, toDocumentSymbol, toLspEdits, toMrapEntry, toQuickFix } from './convert';
import { isIncluded, type Settings } from './settings';
import type { ServerState } from './state';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.s3mrap`;

/** Text that may become a template while it is typed (the model needs a typed resource; completion does not). */
const TEMPLATE_MARKERS = /AWSTemplateFormatVersion|^Resources\s*:|"Resources"\s*:/m;

type Result<T> = T | null | ResponseError<void>;

/** Lets a `$/cancelRequest` that is already queued be processed before the work starts. */
function yieldToQueue(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');

/** The feature handlers: each one resolves settings, honours cancellation and never lets a bug escape. */
export class Features {
  constructor(
    private readonly connection: Connection,
    private readonly state: ServerState,
  ) {}

  /** Run `work` on an included document; errors are logged and answered as an internal error, not fatal. */
  private async guarded<T>(method: string, uri: string, token: CancellationToken, work: (doc: TextDocument, settings: Settings) => T | null): Promise<Result<T>> {
    try {
      await yieldToQueue();
      const settings = await this.state.settingsFor(uri);
      if (token.isCancellationRequested) return cancelled();
      const doc = this.state.documents.get(uri);
      if (!doc || !isIncluded(settings, uri)) return null;
      return work(doc, settings);
    } catch (error) {
      this.connection.console.error(`s3mrap: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `s3mrap: ${method} failed`);
    }
  }

  completion(params: CompletionParams, token: CancellationToken): Promise<Result<CompletionList>> {
    return this.guarded('completion', params.textDocument.uri, token, (doc) => {
      const text = doc.getText();
      const format = formatOf(text, { fileName: doc.uri, languageId: doc.languageId });
      if (format !== 'yaml' && format !== 'json') return null;
      const latest = this.state.latest(doc.uri);
      // CloudFormation templates only (AWS CLI input files have other names); a template being typed may not parse yet.
      if (latest?.template ? latest.template.dialect !== 'cfn' : !TEMPLATE_MARKERS.test(text)) return null;
      const offset = doc.offsetAt(params.position);
      const entries = complete(text, offset, { format, template: latest?.template });
      return { isIncomplete: false, items: entries.map((e) => toCompletionItem(e, (s) => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) }))) };
    });
  }

  hover(params: HoverParams, token: CancellationToken): Promise<Result<Hover>> {
    return this.guarded('hover', params.textDocument.uri, token, (doc, settings) => {
      const analysis = this.state.analysisOf(doc, settings);
      if (!analysis.template) return null;
      const h = hover(analysis.template, doc.offsetAt(params.position));
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: analysis.lines.rangeOf(h.span) } : null;
    });
  }

  definition(params: DefinitionParams, token: CancellationToken): Promise<Result<Location>> {
    return this.guarded('definition', params.textDocument.uri, token, (doc, settings) => {
      const analysis = this.state.analysisOf(doc, settings);
      const span = analysis.template ? definitionAt(analysis.template, doc.offsetAt(params.position)) : undefined;
      return span ? { uri: doc.uri, range: analysis.lines.rangeOf(span) } : null;
    });
  }

  references(params: ReferenceParams, token: CancellationToken): Promise<Result<Location[]>> {
    return this.guarded('references', params.textDocument.uri, token, (doc, settings) => {
      const analysis = this.state.analysisOf(doc, settings);
      if (!analysis.template) return null;
      return referencesAt(analysis.template, doc.offsetAt(params.position), params.context.includeDeclaration).map((s) => ({ uri: doc.uri, range: analysis.lines.rangeOf(s) }));
    });
  }

  documentSymbol(params: DocumentSymbolParams, token: CancellationToken): Promise<Result<DocumentSymbol[]>> {
    return this.guarded('documentSymbol', params.textDocument.uri, token, (doc, settings) => {
      const analysis = this.state.analysisOf(doc, settings);
      return analysis.template ? documentSymbols(analysis.template).map((s) => toDocumentSymbol(s, analysis.lines)) : null;
    });
  }

  mrapsInDocument(params: MrapsInDocumentParams, token: CancellationToken): Promise<Result<MrapsInDocumentResult>> {
    return this.guarded('mrapsInDocument', params.uri, token, (doc, settings) => {
      const analysis = this.state.analysisOf(doc, settings);
      if (!analysis.template) return [];
      const offset = params.position ? doc.offsetAt(params.position) : undefined;
      return mrapsInTemplate(analysis.template, offset).map((m) => toMrapEntry(m, analysis.lines));
    });
  }

  codeAction(params: CodeActionParams, token: CancellationToken): Promise<Result<CodeAction[]>> {
    return this.guarded('codeAction', params.textDocument.uri, token, (doc, settings) => {
      const analysis = this.state.analysisOf(doc, settings);
      const only = params.context.only;
      const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        for (const lsp of params.context.diagnostics) {
          if (lsp.source !== 's3mrap') continue;
          for (const finding of analysis.diagnostics.filter((d) => d.ruleId === lsp.code && sameRange(d, lsp.range))) {
            for (const fix of finding.fixes ?? []) actions.push(toQuickFix(fix, lsp, doc.uri, analysis.lines));
          }
        }
      }
      // Source fix-all is only offered when asked for (on save, or the "Fix all" command): never in the light bulb.
      if (only && wants(FIX_ALL_KIND)) {
        const edits = fixAllEdits(analysis);
        if (edits.length > 0) actions.push({ title: 'Fix all auto-fixable s3mrap problems', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } });
      }
      return actions;
    });
  }
}

function sameRange(d: Diagnostic, r: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
  return d.range.start.line === r.start.line && d.range.start.character === r.start.character && d.range.end.line === r.end.line && d.range.end.character === r.end.character;
}

/** One safe fix per finding (rules mark them `fixAll`); edits that would overlap an earlier one are left out. */
function fixAllEdits(analysis: Analysis): TextEdit[] {
  const chosen: Fix[] = [];
  for (const d of analysis.diagnostics) {
    const safe = (d.fixes ?? []).filter((f) => f.fixAll);
    const fix = safe.find((f) => f.preferred) ?? safe[0];
    if (fix) chosen.push(fix);
  }
  const spans = chosen.flatMap((f) => f.edits).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const kept: typeof spans = [];
  for (const e of spans) {
    const prev = kept[kept.length - 1];
    if (prev && (e.span.start < prev.span.end || (e.span.start === prev.span.start && e.span.end === prev.span.end))) continue;
    kept.push(e);
  }
  return toLspEdits({ title: '', edits: kept }, analysis.lines);
}
