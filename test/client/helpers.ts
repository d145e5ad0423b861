import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { S3MrapApi } from '../../client/src/api';
import type { PanelResult } from '../../client/src/simulation/panelHost';

export const EXTENSION_ID = 's3mrap.s3mrap';
export const SOURCE = 's3mrap';

export function extension(): vscode.Extension<S3MrapApi> {
  const ext = vscode.extensions.getExtension<S3MrapApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

export async function activate(): Promise<S3MrapApi> {
  return extension().activate();
}

/** A file of test/fixtures/workspace (the folder the test window has open). */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc);
}

/** Discards unsaved edits so fixtures on disk never change and closing never prompts. */
export async function revertAndClose(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** The rule id of a diagnostic (the server sends it as `code` with a documentation link). */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

export function s3mrapDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * Resolves with the file's s3mrap diagnostics once `ready` holds for them, checking now and on every
 * `onDidChangeDiagnostics` for the file. The time limit only turns a hang into a readable failure.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ready: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = s3mrapDiagnostics(uri);
      if (!ready(current)) return false;
      finish();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const seen = s3mrapDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}`);
      reject(new Error(`timed out waiting for ${what} on ${uri.path}; current s3mrap diagnostics: [${seen.join(', ')}]`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

export const hasCode = (code: string) => (ds: vscode.Diagnostic[]): boolean => ds.some((d) => codeOf(d) === code);

/** Resolves with the first server state for which `wanted` holds (the current one included). */
export function waitForServerState(api: S3MrapApi, wanted: (s: string) => boolean, what: string, timeoutMs = 20000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (wanted(api.serverState)) return resolve(api.serverState);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for the server to be ${what}; it is ${api.serverState}`));
    }, timeoutMs);
    const subscription = api.onDidChangeServerState((s) => {
      if (!wanted(s)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(s);
    });
  });
}

/** Process ids of this extension host's language server children (Linux /proc). */
export function languageServerPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === process.pid && /dist[/\\]server\.js/.test(cmdline)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Resolves with the first result the webview renders for which `wanted` holds. */
export function nextRender(api: S3MrapApi, wanted: (r: PanelResult) => boolean, what: string, timeoutMs = 20000): Promise<PanelResult> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for the panel to render ${what}; it rendered [${seen.join('; ')}]`));
    }, timeoutMs);
    const subscription = api.simulation.onDidRender((r) => {
      seen.push(`${r.name} from ${r.from}: ${r.outcome} ${r.chosen ?? '-'}`);
      if (!wanted(r)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(r);
    });
  });
}

/**
 * Code actions as the light bulb asks for them. VS Code cancels a provider request that overlaps a
 * document or diagnostics update (the editor simply asks again): ask again on `Canceled`.
 */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, attempts = 5): Promise<vscode.CodeAction[]> {
  for (let i = 1; ; i++) {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, 10);
    } catch (e) {
      if (i >= attempts || !(e instanceof Error) || !/Canceled/i.test(e.message)) throw e;
    }
  }
}
