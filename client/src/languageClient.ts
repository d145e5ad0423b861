import * as vscode from 'vscode';
import {
  CloseAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { ServerState } from './api';
import { SERVER_EXEC_ARGV } from '../../server/src/protocol';

/** Languages the server analyses: CloudFormation/SAM (YAML, JSON), AWS CLI input (JSON), CDK apps (TS/JS). */
export const ANALYSED_LANGUAGES = ['yaml', 'json', 'jsonc', 'typescript', 'javascript'] as const;

export const DOCUMENT_SELECTOR: { scheme: string; language: string }[] = ANALYSED_LANGUAGES.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

/**
 * Owns the vscode-languageclient instance (server = dist/server.js over IPC) and maps its states to the
 * four the user sees. Settings reach the server through the standard `workspace/configuration` pull
 * (section `s3mrap`); `synchronize` only tells it when they change.
 */
export class LanguageServer implements vscode.Disposable {
  private readonly client: LanguageClient;
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private current: ServerState = 'stopped';
  /** A stop we asked for (restart, deactivate) shows as `stopped`; any other stop is an `error`. */
  private stopRequested = false;
  /** Set while the library restarts a crashed server, so that its brief `Stopped` shows as `starting`. */
  private autoRestarting = false;
  private defaultErrorHandler: ErrorHandler | undefined;
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {
    const module = context.asAbsolutePath('dist/server.js');
    // VS Code's runtime cannot use the code cache built with the project's Node: the server keeps one of its own here.
    const env = { ...process.env, S3MRAP_CODE_CACHE_DIR: vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath };
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'], env } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      // One channel for the client log and the protocol trace (`s3mrap.trace.server`).
      outputChannel: output,
      traceOutputChannel: output,
      synchronize: { configurationSection: 's3mrap' },
      // The library's policy (restart a crashed server, give up after repeated crashes or connection errors),
      // noting when it decides to restart.
      errorHandler: {
        error: (error, message, count) => this.fallbackErrorHandler().error(error, message, count),
        closed: async () => {
          const result = await this.fallbackErrorHandler().closed();
          this.autoRestarting = result.action === CloseAction.Restart;
          return result;
        },
      },
    };
    // The id `s3mrap` makes the client read `s3mrap.trace.server`.
    this.client = new LanguageClient('s3mrap', 'S3 MRAP', serverOptions, clientOptions);
    this.client.onDidChangeState((e) => this.setState(this.toServerState(e.newState)));
  }

  get state(): ServerState {
    return this.current;
  }

  get capabilities(): Readonly<Record<string, unknown>> | undefined {
    return this.client.isRunning() ? { ...this.client.initializeResult?.capabilities } : undefined;
  }

  /** Starts the server; a failure is logged and shown as the `error` state rather than failing activation. */
  async start(): Promise<void> {
    await this.guard('start', () => this.client.start());
  }

  async restart(): Promise<void> {
    this.output.info('Restarting the language server');
    this.defaultErrorHandler = undefined; // a fresh crash count: earlier crashes must not make it give up at once
    await this.guard('restart', async () => {
      // Also waits for a stop in progress: after repeated connection errors the client stops on its own, and
      // start() refuses to run until that stop is over. A start in progress is simply awaited.
      if (this.client.state !== State.Starting) {
        await this.client.stop().catch((error: unknown) => this.output.warn(`Stopping the language server: ${messageOf(error)}`));
      }
      await this.client.start();
    });
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    if (this.client.needsStop()) await this.client.stop();
  }

  dispose(): void {
    this.stateEmitter.dispose();
  }

  private fallbackErrorHandler(): ErrorHandler {
    this.defaultErrorHandler ??= this.client.createDefaultErrorHandler();
    return this.defaultErrorHandler;
  }

  private async guard(what: string, action: () => Promise<void>): Promise<void> {
    this.stopRequested = true;
    try {
      await action();
    } catch (error) {
      this.output.error(`Language server ${what} failed: ${messageOf(error)}`);
      this.setState('error');
    } finally {
      this.stopRequested = false;
    }
  }

  private toServerState(state: State): ServerState {
    switch (state) {
      case State.Starting:
        return 'starting';
      case State.Running:
        this.autoRestarting = false;
        return 'running';
      case State.StartFailed:
        this.autoRestarting = false;
        return 'error';
      default:
        if (this.stopRequested) return 'stopped';
        return this.autoRestarting ? 'starting' : 'error';
    }
  }

  private setState(state: ServerState): void {
    if (state === this.current) return;
    this.current = state;
    this.stateEmitter.fire(state);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
