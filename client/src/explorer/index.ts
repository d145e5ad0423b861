/**
 * The live MRAP explorer: the "S3 MRAP" activity-bar view. `registerExplorer` wires the tree, the
 * read-only documents, the commands, settings and workspace trust, and returns a handle for tests.
 */
import * as vscode from 'vscode';
import { CONFIG_SECTION, modalConfirm, modalRefuse, registerCommands, type CommandUi, type Confirm, type Refuse } from './commands';
import { ExplorerDocuments, SCHEME } from './documents';
import type { S3ControlOptions } from './s3Control';
import { MrapTreeProvider, STATE_CONTEXT_KEY, type ApiFactory, type ExplorerState } from './treeProvider';

export const VIEW_ID = 's3mrap.explorer';

export interface ExplorerApi {
  readonly provider: MrapTreeProvider;
  readonly treeView: vscode.TreeView<unknown>;
  /** Current view state (the value of the `s3mrap.explorer.state` context key). */
  readonly state: () => ExplorerState;
  refresh(): Promise<void>;
  /**
   * Tests only: answers the Set Region Active/Passive confirmation with `confirm`, and hands a refusal
   * ("the last active Region") to `refused`, instead of modal dialogs (which nothing in the extension host
   * can click), until the returned disposable is disposed.
   */
  answerConfirmations(confirm: Confirm, refused?: Refuse): vscode.Disposable;
}

function readOptions(): S3ControlOptions {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const profile = config.get<string>('profile')?.trim();
  const endpoint = config.get<string>('endpoint')?.trim();
  return { profile: profile || undefined, endpoint: endpoint || undefined };
}

export function registerExplorer(context: vscode.ExtensionContext, apiFactory?: ApiFactory): ExplorerApi {
  const provider = new MrapTreeProvider(readOptions, () => vscode.workspace.isTrusted, apiFactory);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const documents = new ExplorerDocuments(provider);
  const ui: CommandUi = { confirm: modalConfirm, refuse: modalRefuse };
  void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, provider.state);

  const updateTitle = (): void => {
    const profile = readOptions().profile;
    treeView.description = provider.accountId ? `${provider.accountId}${profile ? ` · ${profile}` : ''}` : profile;
    // viewsWelcome text is static; the scrubbed error message of the current state goes on the view.
    const error = provider.error;
    treeView.message = error && provider.state !== 'untrusted' ? error.message : undefined;
  };

  context.subscriptions.push(
    provider,
    treeView,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, documents),
    provider.onDidChangeState(updateTitle),
    ...registerCommands(provider, ui),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(CONFIG_SECTION)) void provider.reset();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void provider.refresh()),
  );
  return {
    provider,
    treeView,
    state: () => provider.state,
    refresh: () => provider.refresh(),
    answerConfirmations: (confirm, refused = () => undefined) => {
      ui.confirm = confirm;
      ui.refuse = refused;
      return new vscode.Disposable(() => {
        if (ui.confirm === confirm) ui.confirm = modalConfirm;
        if (ui.refuse === refused) ui.refuse = modalRefuse;
      });
    },
  };
}
