import * as vscode from 'vscode';
import type { S3MrapApi } from './api';
import { registerCommands } from './commands';
import { registerExplorer } from './explorer';
import { LanguageServer } from './languageClient';
import { registerSimulation } from './simulation';
import { createServerStatus } from './status';

let server: LanguageServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<S3MrapApi> {
  const output = vscode.window.createOutputChannel('S3 MRAP', { log: true });
  const languageServer = new LanguageServer(context, output);
  server = languageServer;
  context.subscriptions.push(output, languageServer, createServerStatus(languageServer));
  registerCommands(context, languageServer, output);
  const explorer = registerExplorer(context);
  const simulation = registerSimulation(context);

  await languageServer.start();
  return {
    explorer,
    simulation,
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
