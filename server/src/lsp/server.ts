import { DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MrapsInDocumentRequest } from '../protocol';
import { DEBOUNCE_MS, DiagnosticsScheduler } from './diagnostics';
import { Features, FIX_ALL_KIND } from './features';
import { normalizeSettings } from './settings';
import { ServerState } from './state';

/** Wires the LSP methods to the feature handlers. Nothing here knows about templates. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const state = new ServerState(connection, documents);
  const scheduler = new DiagnosticsScheduler(connection, state);
  const features = new Features(connection, state);
  let dynamicConfiguration = false;

  connection.onInitialize((params) => {
    state.pullConfiguration = params.capabilities.workspace?.configuration === true;
    dynamicConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [' ', ':', '.', '!', '"', '-'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
      },
      serverInfo: { name: 's3mrap' },
    };
  });
  connection.onInitialized(() => {
    const cache = process.env.S3MRAP_CODE_CACHE_STATE;
    if (cache) connection.console.log(`s3mrap: code cache ${cache}`);
    if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 's3mrap' });
  });
  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { s3mrap?: unknown } | null | undefined)?.s3mrap;
    state.pushedSettings = normalizeSettings(pushed);
    state.forgetSettings();
    for (const doc of documents.all()) scheduler.schedule(doc.uri, 0);
  });

  const justOpened = new Set<string>();
  documents.onDidOpen((e) => justOpened.add(e.document.uri));
  // First diagnostics right away; edits wait for the typing to settle.
  documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri, justOpened.delete(e.document.uri) ? 0 : DEBOUNCE_MS));
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    scheduler.clear(e.document.uri);
    state.forget(e.document.uri);
  });

  connection.onCompletion((p, token) => features.completion(p, token));
  connection.onHover((p, token) => features.hover(p, token));
  connection.onDefinition((p, token) => features.definition(p, token));
  connection.onReferences((p, token) => features.references(p, token));
  connection.onDocumentSymbol((p, token) => features.documentSymbol(p, token));
  connection.onCodeAction((p, token) => features.codeAction(p, token));
  connection.onRequest(MrapsInDocumentRequest, (p, token) => features.mrapsInDocument(p, token).then((r) => r ?? []));

  documents.listen(connection);
  connection.listen();
}
