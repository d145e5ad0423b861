/** The explorer's commands. Tree-item commands take the clicked node; palette commands take nothing. */
import * as vscode from 'vscode';
import { toCloudFormation } from './cfnExport';
import { documentUri, type DocumentKind } from './documents';
import { activeAfter, consoleUrl, globalEndpointOf, simulationInput, type ExplorerNode } from './nodes';
import type { Mrap } from './s3Control';
import type { MrapTreeProvider } from './treeProvider';

export const CONFIG_SECTION = 's3mrap.explorer';
export const SIMULATE_COMMAND = 's3mrap.simulateRouting';

type RegionNode = Extract<ExplorerNode, { kind: 'region' }>;

/** Asks before a route change; resolves with the chosen action, or undefined when the user cancels. */
export type Confirm = (message: string, detail: string, action: string) => Thenable<string | undefined>;

/** The real question: a modal warning with one action button (Cancel is added by VS Code). */
export const modalConfirm: Confirm = (message, detail, action) => vscode.window.showWarningMessage(message, { modal: true, detail }, action);

/** Explains, modally, why a route change was refused. */
export type Refuse = (message: string) => void;

export const modalRefuse: Refuse = (message) => {
  // Nothing to do once it is closed (or when the workbench cannot show dialogs at all).
  vscode.window.showErrorMessage(message, { modal: true }).then(undefined, () => undefined);
};

/** How the commands ask and refuse; the extension's tests swap them (a modal dialog cannot be answered from the extension host). */
export interface CommandUi {
  confirm: Confirm;
  refuse: Refuse;
}

function mrapOf(node: ExplorerNode | undefined): Mrap | undefined {
  return node?.mrap;
}

async function pickMrap(tree: MrapTreeProvider, node: ExplorerNode | undefined): Promise<Mrap | undefined> {
  const fromNode = mrapOf(node);
  if (fromNode) return fromNode;
  if (tree.items.length === 0) {
    void vscode.window.showInformationMessage('No Multi-Region Access Points are loaded in the S3 MRAP explorer.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    tree.items.map((m) => ({ label: m.name, description: m.alias, mrap: m })),
    { placeHolder: 'Multi-Region Access Point' },
  );
  return picked?.mrap;
}

async function copy(what: string, value: string): Promise<void> {
  await vscode.env.clipboard.writeText(value);
  vscode.window.setStatusBarMessage(`Copied ${what}: ${value}`, 3000);
}

async function openDocument(name: string, kind: DocumentKind): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(documentUri(name, kind));
  await vscode.languages.setTextDocumentLanguage(doc, 'jsonc');
  await vscode.window.showTextDocument(doc, { preview: true });
}

async function selectProfile(tree: MrapTreeProvider): Promise<void> {
  const { listProfiles } = await import('./credentials.js');
  const current = vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>('profile') ?? '';
  const kindText: Record<string, string> = { sso: 'IAM Identity Center (SSO)', static: 'access keys', assumeRole: 'assume role', process: 'credential process', webIdentity: 'web identity', other: '' };
  const items: (vscode.QuickPickItem & { profile: string })[] = [
    { label: 'Default credential chain', description: 'environment, AWS_PROFILE, default profile, SSO, instance role', profile: '' },
    ...listProfiles().map((p) => ({ label: p.name, description: kindText[p.kind], detail: `in ${p.files.join(' and ')} file`, profile: p.name })),
  ].map((i) => (i.profile === current ? { ...i, label: `$(check) ${i.label}` } : i));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'AWS profile for the S3 MRAP explorer', matchOnDescription: true });
  if (!picked) return;
  // The same choice again means "try again" (e.g. after `aws sso login`); a changed setting reloads by itself.
  if (picked.profile === current) return tree.reset();
  // User settings: a profile is a property of this machine, not of the workspace.
  await vscode.workspace.getConfiguration(CONFIG_SECTION).update('profile', picked.profile, vscode.ConfigurationTarget.Global);
}

async function exportCloudFormation(tree: MrapTreeProvider, node: ExplorerNode | undefined): Promise<void> {
  const mrap = await pickMrap(tree, node);
  if (!mrap) return;
  const api = await tree.getApi();
  const [policy, extras] = await Promise.all([api.getPolicy(mrap.name).catch(() => undefined), tree.extrasOf(mrap)]);
  let text = toCloudFormation(mrap, policy?.established, extras.routes);
  if (!policy) text = `# The policy could not be read and is not included.\n${text}`;
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
  await vscode.window.showTextDocument(doc);
}

async function setRegionState(tree: MrapTreeProvider, ui: CommandUi, node: ExplorerNode | undefined, makeActive: boolean): Promise<void> {
  if (node?.kind !== 'region') return;
  const { mrap, region } = node as RegionNode;
  const api = await tree.getApi();
  // Decide on fresh routes, not on what the tree showed minutes ago.
  const routes = await api.getRoutes(mrap);
  if (!makeActive && activeAfter(routes, region.bucket, false) === 0) {
    ui.refuse(`${region.bucket} is the last active Region of ${mrap.name}. At least one Region must stay active; set another Region active first.`);
    return;
  }
  const where = `${region.bucket} (${region.region ?? 'unknown Region'})`;
  const effect = makeActive
    ? `${where} will start receiving requests routed to ${mrap.name} from clients nearest to it.`
    : `${where} will stop receiving requests; clients are routed to the nearest remaining active Region. Requests already in flight complete.`;
  const action = makeActive ? 'Set Active' : 'Set Passive';
  const answer = await ui.confirm(`${action}: ${where} in ${mrap.name}?`, `${effect}\n\nAWS applies route changes within about 2 minutes.`, action);
  if (answer !== action) return;
  await api.submitRoutes(mrap, [{ bucket: region.bucket, trafficDialPercentage: makeActive ? 100 : 0 }]);
  void vscode.window.showInformationMessage(`Route change for ${mrap.name} submitted: ${where} is now ${makeActive ? 'active' : 'passive'} (takes effect within about 2 minutes).`);
  tree.refreshMrap(mrap);
}

async function simulateRouting(tree: MrapTreeProvider, node: ExplorerNode | undefined): Promise<void> {
  const mrap = await pickMrap(tree, node);
  if (!mrap) return;
  const extras = await tree.extrasOf(mrap);
  const input = simulationInput(mrap, extras.routes);
  const available = await vscode.commands.getCommands(true);
  if (available.includes(SIMULATE_COMMAND)) {
    await vscode.commands.executeCommand(SIMULATE_COMMAND, input);
  } else {
    void vscode.window.showInformationMessage('Routing simulation is not available in this version of the extension.');
  }
}

/** Runs a command and shows failures (already scrubbed ExplorerErrors) as one error message. */
function guarded<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (e) {
      void vscode.window.showErrorMessage(e instanceof Error ? e.message : 'The S3 MRAP explorer command failed.');
    }
  };
}

export function registerCommands(tree: MrapTreeProvider, ui: CommandUi = { confirm: modalConfirm, refuse: modalRefuse }): vscode.Disposable[] {
  const command = (id: string, run: (node?: ExplorerNode) => Promise<void>): vscode.Disposable =>
    vscode.commands.registerCommand(`s3mrap.explorer.${id}`, guarded(run));
  return [
    command('refresh', () => tree.refresh()),
    command('selectProfile', () => selectProfile(tree)),
    command('copyArn', async (node) => {
      const m = await pickMrap(tree, node);
      if (m) await copy('ARN', m.arn);
    }),
    command('copyAlias', async (node) => {
      const m = await pickMrap(tree, node);
      if (m) await copy('alias', m.alias);
    }),
    command('copyGlobalEndpoint', async (node) => {
      const m = await pickMrap(tree, node);
      if (m) await copy('global endpoint', globalEndpointOf(m.alias));
    }),
    command('openInConsole', async (node) => {
      const m = await pickMrap(tree, node);
      if (m) await vscode.env.openExternal(vscode.Uri.parse(consoleUrl(m)));
    }),
    command('showDetails', async (node) => {
      const m = await pickMrap(tree, node);
      if (m) await openDocument(m.name, 'details');
    }),
    command('openPolicy', async (node) => {
      const m = await pickMrap(tree, node);
      if (m) await openDocument(m.name, 'policy');
    }),
    command('exportCloudFormation', (node) => exportCloudFormation(tree, node)),
    command('setRegionActive', (node) => setRegionState(tree, ui, node, true)),
    command('setRegionPassive', (node) => setRegionState(tree, ui, node, false)),
    command('simulateRouting', (node) => simulateRouting(tree, node)),
    command('openSettings', async () => {
      await vscode.commands.executeCommand('workbench.action.openSettings', CONFIG_SECTION);
    }),
  ];
}
