/**
 * The "Multi-Region Access Points" tree. Loads MRAPs through the S3 Control API, turns the pure node
 * models into TreeItems, and reports failures as a view state (context key `s3mrap.explorer.state`,
 * shown by `viewsWelcome` entries) instead of pop-ups.
 */
import * as vscode from 'vscode';
import { ExplorerError, toExplorerError, type ExplorerErrorKind } from './errors';
import { blockFlags, mrapChildren, present, type ExplorerNode } from './nodes';
import type { Mrap, MrapApi, MrapRoute, S3ControlOptions } from './s3Control';

export type ExplorerState =
  | 'loading'
  | 'ready'
  | 'empty'
  | 'untrusted'
  | 'noCredentials'
  | 'expiredSso'
  | 'accessDenied'
  | 'throttled'
  | 'network'
  | 'error';

export const STATE_CONTEXT_KEY = 's3mrap.explorer.state';

const STATE_OF_ERROR: Readonly<Record<ExplorerErrorKind, ExplorerState>> = {
  NoCredentials: 'noCredentials',
  ExpiredSso: 'expiredSso',
  AccessDenied: 'accessDenied',
  Throttled: 'throttled',
  Network: 'network',
  NotFound: 'error',
  Other: 'error',
};

/** What an MRAP's children need besides the listing: routes and policy status, read on expand. */
export interface MrapExtras {
  readonly routes?: MrapRoute[];
  readonly isPublic?: boolean;
  readonly routesError?: ExplorerError;
}

export type ApiFactory = (options: S3ControlOptions) => Promise<MrapApi>;

/** Loads the SDK only when the view first needs it, so activation stays fast. */
export const defaultApiFactory: ApiFactory = async (options) => new (await import('./s3Control.js')).MrapApi(options);

export class MrapTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<ExplorerState>();
  readonly onDidChangeState = this.stateChanged.event;

  /** A promise, so a load that started before a reset cannot store an API built from the old settings. */
  private api: Promise<MrapApi> | undefined;
  private loading: Promise<void> | undefined;
  /** Counts loads; a load whose options were replaced meanwhile (reset) must not set the state. */
  private generation = 0;
  private loaded = false;
  private mraps: Mrap[] = [];
  private readonly extras = new Map<string, Promise<MrapExtras>>();
  /** The MRAP nodes last handed to the view, by ARN: VS Code refreshes an element only when given that same object. */
  private readonly mrapNodes = new Map<string, ExplorerNode>();
  private currentState: ExplorerState = 'loading';
  private currentAccountId: string | undefined;
  private currentError: ExplorerError | undefined;

  constructor(
    private readonly options: () => S3ControlOptions,
    private readonly isTrusted: () => boolean,
    private readonly apiFactory: ApiFactory = defaultApiFactory,
  ) {}

  get state(): ExplorerState {
    return this.currentState;
  }

  get accountId(): string | undefined {
    return this.currentAccountId;
  }

  /** The error behind the current state, if any (its message is already scrubbed). */
  get error(): ExplorerError | undefined {
    return this.currentError;
  }

  get items(): readonly Mrap[] {
    return this.mraps;
  }

  /**
   * Drops every cached result and the SDK clients (settings changed), then reloads. A load still running
   * with the old settings is superseded, not joined: its result would describe the old profile or endpoint.
   */
  async reset(): Promise<void> {
    this.disposeApi();
    this.loaded = false;
    this.extras.clear();
    await this.load(true);
    this.changed.fire(undefined);
  }

  /** Reloads the MRAP list; resolves when the view has its new state. */
  async refresh(): Promise<void> {
    this.loaded = false;
    this.extras.clear();
    await this.load();
    this.changed.fire(undefined);
  }

  /** Re-reads one MRAP's routes (after a route change). */
  refreshMrap(mrap: Mrap): void {
    this.extras.delete(mrap.arn);
    // An element the view does not know (a fresh object) would be ignored; unknown: refresh the whole tree.
    this.changed.fire(this.mrapNodes.get(mrap.arn));
  }

  async getApi(): Promise<MrapApi> {
    const pending = (this.api ??= this.apiFactory(this.options()));
    pending.catch(() => {
      if (this.api === pending) this.api = undefined;
    });
    return pending;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const p = present(node);
    const item = new vscode.TreeItem(p.label, p.collapsible === 'collapsed' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = p.id;
    item.description = p.description;
    item.tooltip = new vscode.MarkdownString(p.tooltip);
    item.iconPath = new vscode.ThemeIcon(p.icon.id, p.icon.color ? new vscode.ThemeColor(p.icon.color) : undefined);
    item.contextValue = p.contextValue;
    if (p.command) item.command = { command: p.command.command, title: p.command.title, arguments: [node] };
    return item;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) {
      if (!this.loaded) await this.load();
      const nodes = this.mraps.map((mrap): ExplorerNode => ({ kind: 'mrap', mrap }));
      this.mrapNodes.clear();
      for (const n of nodes) if (n.kind === 'mrap') this.mrapNodes.set(n.mrap.arn, n);
      return nodes;
    }
    if (node.kind === 'publicAccessBlock') return blockFlags(node.mrap);
    if (node.kind !== 'mrap') return [];
    const extras = await this.extrasOf(node.mrap);
    const children = mrapChildren(node.mrap, extras.routes, extras.isPublic);
    if (extras.routesError) {
      children.push({ kind: 'message', mrap: node.mrap, text: 'Routes unavailable', detail: extras.routesError.message, error: true });
    }
    return children;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    if (node.kind === 'mrap' || !node.mrap) return undefined;
    if (node.kind === 'blockFlag') return { kind: 'publicAccessBlock', mrap: node.mrap };
    return { kind: 'mrap', mrap: node.mrap };
  }

  /** Routes and policy status of an MRAP, read once per refresh (route failures become a message node). */
  extrasOf(mrap: Mrap): Promise<MrapExtras> {
    let pending = this.extras.get(mrap.arn);
    if (!pending) {
      pending = this.readExtras(mrap);
      this.extras.set(mrap.arn, pending);
    }
    return pending;
  }

  private disposeApi(): void {
    void this.api?.then((api) => api.dispose(), () => undefined);
    this.api = undefined;
  }

  dispose(): void {
    this.disposeApi();
    this.changed.dispose();
    this.stateChanged.dispose();
  }

  private async readExtras(mrap: Mrap): Promise<MrapExtras> {
    const api = await this.getApi();
    const [routes, status] = await Promise.allSettled([api.getRoutes(mrap), api.getPolicyStatus(mrap.name)]);
    return {
      routes: routes.status === 'fulfilled' ? routes.value : undefined,
      routesError: routes.status === 'rejected' ? toExplorerError(routes.reason, `reading the routes of ${mrap.name}`) : undefined,
      isPublic: status.status === 'fulfilled' ? status.value.isPublic : undefined,
    };
  }

  /** Joins the load in progress, or starts one; `fresh` always starts one (and supersedes the old). */
  private load(fresh = false): Promise<void> {
    if (fresh || !this.loading) {
      const generation = ++this.generation;
      const pending: Promise<void> = this.doLoad(generation).finally(() => {
        if (this.loading === pending) this.loading = undefined;
      });
      this.loading = pending;
    }
    return this.loading;
  }

  private async doLoad(generation: number): Promise<void> {
    const current = (): boolean => generation === this.generation;
    if (!this.isTrusted()) {
      this.mraps = [];
      this.currentAccountId = undefined;
      this.setState('untrusted', undefined);
      this.loaded = true;
      return;
    }
    this.setState('loading', undefined);
    try {
      const api = await this.getApi();
      const accountId = await api.getAccountId();
      const mraps = await api.listMraps();
      if (!current()) return;
      this.currentAccountId = accountId;
      this.mraps = mraps;
      this.setState(this.mraps.length === 0 ? 'empty' : 'ready', undefined);
    } catch (e) {
      if (!current()) return;
      const error = e instanceof ExplorerError ? e : toExplorerError(e, 'loading Multi-Region Access Points');
      this.mraps = [];
      this.setState(STATE_OF_ERROR[error.kind], error);
    }
    this.loaded = true;
  }

  private setState(state: ExplorerState, error: ExplorerError | undefined): void {
    this.currentError = error;
    if (state !== 'ready' && state !== 'empty') this.currentAccountId = state === 'loading' ? this.currentAccountId : undefined;
    this.currentState = state;
    void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, state);
    this.stateChanged.fire(state);
  }
}
