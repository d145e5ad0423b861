import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits as applyOffsetEdits, LineIndex, type Range } from '../server/src/core';
import { SERVER_EXEC_ARGV } from '../server/src/protocol';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ConfigurationParams,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

type ConfigurationAnswer = (params: ConfigurationParams) => unknown[] | Promise<unknown[]>;

/**
 * A real LSP client over stdio for the protocol tests (test/server) and the benchmark (tools/bench): spawns dist/server.js,
 * answers workspace/configuration, records every publishDiagnostics.
 */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  private readonly process: ChildProcess;
  private readonly versions = new Map<string, number>();
  private readonly waiters: { uri: string; version: number | undefined; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  /** window/logMessage texts, in order. */
  readonly logs: string[] = [];
  /** How the client answers workspace/configuration; `null` items by default (= "nothing configured"). */
  configuration: ConfigurationAnswer = (p) => p.items.map(() => null);
  configurationRequests = 0;

  constructor(serverPath = path.resolve(__dirname, '..', '..', 'dist', 'server.js')) {
    if (!fs.existsSync(serverPath)) throw new Error(`${serverPath} is missing: run \`npm run build\` first`);
    // Started as the extension starts it: same Node flags.
    this.process = spawn(process.execPath, [...SERVER_EXEC_ARGV, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr?.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    if (!this.process.stdout || !this.process.stdin) throw new Error('no stdio');
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onRequest(ConfigurationRequest.type, (p) => {
      this.configurationRequests++;
      return this.configuration(p);
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      for (const w of this.waiters.filter((x) => x.uri === p.uri && (x.version === undefined || x.version === p.version))) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(p);
      }
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.listen();
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: { completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: { versionSupport: true, relatedInformation: true } },
      },
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves on the publishDiagnostics for exactly this version (earlier versions are ignored). */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    const already = this.published.find((p) => p.uri === uri && p.version === version);
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  /** Resolves on the next publishDiagnostics for `uri`, whatever its version (after a settings change). */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, version: undefined, resolve }));
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<number> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return 1;
  }

  async openAndWait(uri: string, text: string, languageId = 'yaml'): Promise<Diagnostic[]> {
    const version = await this.open(uri, text, languageId);
    return (await this.diagnosticsFor(uri, version)).diagnostics;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeConfiguration(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
      // Let it exit on its own (it writes its code cache then); kill it only if it does not.
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }
}

/** Fixture text with a `$0` cursor marker: the text without it and the marker's position. */
export function withCursor(source: string): { text: string; position: { line: number; character: number }; offset: number } {
  const offset = source.indexOf('$0');
  if (offset < 0) throw new Error('fixture has no $0 cursor marker');
  const text = source.slice(0, offset) + source.slice(offset + 2);
  const before = text.slice(0, offset).split('\n');
  return { text, offset, position: { line: before.length - 1, character: (before[before.length - 1] ?? '').length } };
}

/** Apply LSP text edits (non-overlapping) to a text. */
/** LSP edits (line/character ranges) applied as the product applies its own: the core's applyEdits over offsets. */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const lines = new LineIndex(text);
  return applyOffsetEdits(text, edits.map((e) => ({ span: { start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) }, newText: e.newText })));
}
