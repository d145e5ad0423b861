import type * as vscode from 'vscode';
import type { ExplorerApi } from './explorer';
import type { SimulationApi } from './simulation';

/** What the status item shows; `error` means the server failed to start or stopped after crashing. */
export type ServerState = 'starting' | 'running' | 'stopped' | 'error';

/**
 * The value `activate` returns (`vscode.extensions.getExtension('s3mrap.s3mrap').exports`).
 * Kept small: the in-VS Code tests read the server state and which LSP features the server offers.
 */
export interface S3MrapApi {
  /** The live MRAP tree (state, refresh, the tree view), for tests. */
  readonly explorer: ExplorerApi;
  /** The routing simulation panel (its scenario and what the webview rendered), for tests. */
  readonly simulation: SimulationApi;
  readonly serverState: ServerState;
  readonly onDidChangeServerState: vscode.Event<ServerState>;
  /** Capabilities from the server's `initialize` result; undefined while it is not running. */
  readonly serverCapabilities: Readonly<Record<string, unknown>> | undefined;
}
