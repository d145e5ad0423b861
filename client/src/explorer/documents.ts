/**
 * Read-only documents for the explorer: an MRAP's policy and its details, served by a
 * TextDocumentContentProvider so they open as JSON the user cannot accidentally edit.
 */
import * as vscode from 'vscode';
import { details } from './nodes';
import type { MrapTreeProvider } from './treeProvider';

export const SCHEME = 's3mrap-explorer';

export type DocumentKind = 'policy' | 'details';

export function documentUri(name: string, kind: DocumentKind): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `/${name}/${kind}.json` });
}

export class ExplorerDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly tree: MrapTreeProvider) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const match = /^\/([^/]+)\/(policy|details)\.json$/.exec(uri.path);
    if (!match) return `// Unknown explorer document: ${uri.path}\n`;
    const [, name, kind] = match as unknown as [string, string, DocumentKind];
    try {
      const api = await this.tree.getApi();
      if (kind === 'policy') {
        const policy = await api.getPolicy(name);
        if (policy.established === undefined && policy.proposed === undefined) return `// ${name} has no policy.\n`;
        const pretty = (text: string): string => {
          try {
            return JSON.stringify(JSON.parse(text), null, 2);
          } catch {
            return text;
          }
        };
        const parts: string[] = [];
        if (policy.proposed !== undefined) parts.push(`// A new policy is being applied (Proposed):\n${pretty(policy.proposed)}\n// In force (Established):`);
        parts.push(policy.established !== undefined ? pretty(policy.established) : '// none yet');
        return `${parts.join('\n')}\n`;
      }
      const mrap = this.tree.items.find((m) => m.name === name) ?? (await api.getMrap(name));
      const extras = await this.tree.extrasOf(mrap);
      return details(mrap, extras.routes, extras.isPublic);
    } catch (e) {
      return `// ${e instanceof Error ? e.message : 'The document could not be loaded.'}\n`;
    }
  }

  /** Re-reads an open document (after Refresh). */
  reload(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
