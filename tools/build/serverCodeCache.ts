/**
 * Writes dist/serverMain.cache, V8's code cache for the language server (see server/src/lsp/launcher.ts):
 * a session like an editor's (templates of each kind opened, edited, completed, hovered, fixed) compiles
 * the functions a user's session needs, and the server saves their bytecode when it exits.
 * Run by esbuild.mjs after bundling; the server is started with the same flags as the extension's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionRequest, CompletionRequest, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../lspClient';
import { jsonTemplate, yamlTemplate } from '../bench/generate';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TARGET = path.join(ROOT, 'dist', 'serverMain.cache');

async function session(client: LspTestClient): Promise<void> {
  const inputs: [string, string, string][] = [
    ['file:///cache/template.yaml', yamlTemplate(300).replace('StorageClass: STANDARD_IA', 'StorageClass: STANDARD_IAX'), 'yaml'],
    ['file:///cache/template.json', jsonTemplate(100), 'json'],
    ['file:///cache/example.yaml', fs.readFileSync(path.join(ROOT, 'examples', 'replicated-mrap.yaml'), 'utf8'), 'yaml'],
  ];
  for (const [uri, text, languageId] of inputs) {
    const diagnostics: Diagnostic[] = await client.openAndWait(uri, text, languageId);
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i += Math.max(1, Math.floor(lines.length / 40))) {
      const position = { line: i, character: (lines[i] ?? '').length };
      await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: i, character: 6 } });
    }
    const first = diagnostics[0];
    if (first) await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } });
    const version = await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: ' ' }]);
    await client.diagnosticsFor(uri, version);
  }
}

async function main(): Promise<void> {
  fs.rmSync(TARGET, { force: true });
  // The spawned server inherits the environment: it compiles without a cache and writes one on exit.
  process.env.S3MRAP_CODE_CACHE_WRITE = TARGET;
  const client = new LspTestClient(path.join(ROOT, 'dist', 'server.js'));
  try {
    await client.initialize();
    await session(client);
  } finally {
    await client.stop();
  }
  if (!fs.existsSync(TARGET)) throw new Error(`the language server wrote no code cache (${TARGET})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`serverCodeCache: ${String(error)}\n`);
  process.exitCode = 1;
});
