import * as vscode from 'vscode';
import type { ServerState } from './api';
import { SHOW_OUTPUT_COMMAND } from './commands';
import { DOCUMENT_SELECTOR, type LanguageServer } from './languageClient';

const PRESENTATION: Record<ServerState, { text: string; severity: vscode.LanguageStatusSeverity; busy: boolean }> = {
  starting: { text: 'S3 MRAP: starting', severity: vscode.LanguageStatusSeverity.Information, busy: true },
  running: { text: 'S3 MRAP: running', severity: vscode.LanguageStatusSeverity.Information, busy: false },
  stopped: { text: 'S3 MRAP: stopped', severity: vscode.LanguageStatusSeverity.Warning, busy: false },
  error: { text: 'S3 MRAP: error', severity: vscode.LanguageStatusSeverity.Error, busy: false },
};

/** A language status item (the `{}` next to the language mode) showing the server state; clicking opens the log. */
export function createServerStatus(server: LanguageServer): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('s3mrap.server', DOCUMENT_SELECTOR);
  item.name = 'S3 MRAP Language Server';
  item.command = { title: 'Show Output', command: SHOW_OUTPUT_COMMAND };
  const show = (state: ServerState): void => {
    const p = PRESENTATION[state];
    item.text = p.text;
    item.severity = p.severity;
    item.busy = p.busy;
    item.detail = state === 'error' || state === 'stopped' ? 'Run "S3 MRAP: Restart Language Server"' : undefined;
  };
  show(server.state);
  const subscription = server.onDidChangeState(show);
  return vscode.Disposable.from(item, subscription);
}
