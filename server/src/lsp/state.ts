import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, RuleCache, YamlChunkCache, type Analysis } from '../core';
import { DocumentLines } from './documentLines';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';

interface Cached {
  readonly version: number;
  readonly settings: Settings;
  readonly analysis: Analysis;
}

/**
 * What the server knows about each open document: its settings (pulled from the client) and the
 * analysis of one version. Every feature reads from here, so one edit costs at most one analysis.
 */
export class ServerState {
  /** Set from the client's capabilities at initialize. */
  pullConfiguration = false;
  /** Settings pushed through didChangeConfiguration, for clients that cannot be asked. */
  pushedSettings: Settings = DEFAULT_SETTINGS;
  private readonly settingsByUri = new Map<string, Promise<Settings>>();
  private readonly analyses = new Map<string, Cached>();
  /** Per document: parsed resources and their resource-scoped findings, reused across versions (only edited resources are redone). */
  private readonly documentCaches = new Map<string, { yamlCache: YamlChunkCache; ruleCache: RuleCache }>();

  constructor(
    private readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {}

  settingsFor(uri: string): Promise<Settings> {
    if (!this.pullConfiguration) return Promise.resolve(this.pushedSettings);
    let p = this.settingsByUri.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 's3mrap' }).then(normalizeSettings, (error: unknown) => {
        this.connection.console.error(`s3mrap: could not read settings, using defaults: ${String(error)}`);
        return DEFAULT_SETTINGS;
      });
      this.settingsByUri.set(uri, p);
    }
    return p;
  }

  forgetSettings(): void {
    this.settingsByUri.clear();
  }

  forget(uri: string): void {
    this.settingsByUri.delete(uri);
    this.analyses.delete(uri);
    this.documentCaches.delete(uri);
  }

  /** The latest analysis of any version (for completion, which only needs the resource list). */
  latest(uri: string): Analysis | undefined {
    return this.analyses.get(uri)?.analysis;
  }

  /** The analysis of the document's current version, computed now when missing. */
  analysisOf(doc: TextDocument, settings: Settings): Analysis {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version && cached.settings === settings) return cached.analysis;
    const version = doc.version;
    let caches = this.documentCaches.get(doc.uri);
    if (!caches) {
      caches = { yamlCache: new YamlChunkCache(), ruleCache: new RuleCache() };
      this.documentCaches.set(doc.uri, caches);
    }
    const analysis = analyze(doc.getText(), {
      ...caches,
      lines: new DocumentLines(doc),
      fileName: doc.uri,
      languageId: doc.languageId,
      stackRegion: settings.stackRegion,
      rules: settings.rules,
      onRuleError: (ruleId, error) => this.connection.console.error(`s3mrap: rule ${ruleId} failed and was skipped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      isCancelled: () => this.documents.get(doc.uri)?.version !== version,
    });
    this.analyses.set(doc.uri, { version, settings, analysis });
    return analysis;
  }
}
