import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerSimulation } from './simulation';
import { registerExplorer, type ExplorerApi } from './explorer';

let client: LanguageClient | undefined;

/** The returned object is the extension's API; tests reach the explorer through `exports.explorer`. */
export async function activate(context: vscode.ExtensionContext): Promise<{ explorer: ExplorerApi }> {
  const explorer = registerExplorer(context);
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('S3 MRAP', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['yaml', 'json', 'jsonc', 'typescript', 'javascript'].map((language) => ({ scheme: 'file', language })),
    outputChannel,
  };
  client = new LanguageClient('s3mrap', 'S3 MRAP', serverOptions, clientOptions);
  context.subscriptions.push(outputChannel);
  registerSimulation(context);
  await client.start();
  return { explorer };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
