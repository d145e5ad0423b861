import * as vscode from 'vscode';
import type { LanguageServer } from './languageClient';

export const SHOW_OUTPUT_COMMAND = 's3mrap.showOutput';
export const RESTART_SERVER_COMMAND = 's3mrap.restartServer';

/** "S3 MRAP: Show Output" and "S3 MRAP: Restart Language Server". */
export function registerCommands(context: vscode.ExtensionContext, server: LanguageServer, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
    vscode.commands.registerCommand(RESTART_SERVER_COMMAND, () => server.restart()),
  );
}
