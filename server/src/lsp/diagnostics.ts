import type { Connection } from 'vscode-languageserver/node';
import { toLspDiagnostic } from './convert';
import { isIncluded } from './settings';
import type { ServerState } from './state';

/**
 * Debounce after an edit. It merges the bursts an editor sends at once (multi-cursor edits,
 * auto-closing pairs, snippet insertion, paste): they reach the server together, within a
 * millisecond. It does not wait for the user to stop typing: keystrokes are ~100 ms apart, and an
 * edit costs only the resources it touched (the parse and resource-scoped findings of the others
 * are reused), so each keystroke gets its own fresh result. The delay counts in edit-to-diagnostics
 * time, so it is kept just above a burst.
 */
export const DEBOUNCE_MS = 3;

/** Schedules, runs and publishes analyses; a result for a version that is no longer current is dropped. */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** URIs we published findings for (so closing or excluding them clears the list). */
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly state: ServerState,
  ) {}

  schedule(uri: string, delay: number): void {
    const previous = this.timers.get(uri);
    if (previous) clearTimeout(previous);
    const version = this.state.documents.get(uri)?.version;
    if (version === undefined) return;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.run(uri, version).catch((error: unknown) => this.connection.console.error(`s3mrap: validation of ${uri} failed: ${String(error)}`));
      }, delay),
    );
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private isCurrent(uri: string, version: number): boolean {
    return this.state.documents.get(uri)?.version === version;
  }

  private async run(uri: string, version: number): Promise<void> {
    const settings = await this.state.settingsFor(uri);
    const doc = this.state.documents.get(uri);
    if (!doc || doc.version !== version) return;
    if (!isIncluded(settings, uri)) {
      this.clear(uri);
      return;
    }
    const analysis = this.state.analysisOf(doc, settings);
    if (!this.isCurrent(uri, version)) return;
    // Not ours (no template, no CLI input): nothing is published, unless we must clear older findings.
    if (!analysis.template && !this.published.has(uri)) return;
    const diagnostics = analysis.diagnostics.map((d) => toLspDiagnostic(d, uri, analysis.lines));
    if (analysis.template) this.published.add(uri);
    else this.published.delete(uri);
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
