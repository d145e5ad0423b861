import * as vscode from 'vscode';
import type { S3MrapApi } from './api';
import { registerCommands } from './commands';
import { LanguageServer } from './languageClient';
import { createServerStatus } from './status';

let server: LanguageServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<S3MrapApi> {
  const output = vscode.window.createOutputChannel('S3 MRAP', { log: true });
  const languageServer = new LanguageServer(context, output);
  server = languageServer;
  context.subscriptions.push(output, languageServer, createServerStatus(languageServer));
  registerCommands(context, languageServer, output);

  // Feature areas register here, one line each:
  // registerExplorer(context);   (client/src/explorer/)
  // registerSimulation(context); (client/src/simulation/)

  await languageServer.start();
  return {
    get serverState() {
      return languageServer.state;
    },
    onDidChangeServerState: languageServer.onDidChangeState,
    get serverCapabilities() {
      return languageServer.capabilities;
    },
  };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
