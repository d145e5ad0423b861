import { TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../core';
import { toLspDiagnostic } from './convert';

/** Minimal server: diagnostics on open/change. The language-server issue grows this into the full server. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  connection.onInitialize(() => ({
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
    serverInfo: { name: 's3mrap' },
  }));
  const validate = (doc: TextDocument): void => {
    const analysis = analyze(doc.getText(), { fileName: doc.uri, languageId: doc.languageId });
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: analysis.diagnostics.map(toLspDiagnostic) });
  };
  documents.onDidChangeContent((e) => validate(e.document));
  documents.listen(connection);
  connection.listen();
}
