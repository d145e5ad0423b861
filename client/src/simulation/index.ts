import * as vscode from 'vscode';
import { REGIONS, resolveLocation } from '../../../server/src/core/routing';
import { liveRegions, readSimulateArgs, type LiveMrap } from './args';
import { pickLocation } from './locationPick';
import { PANEL_VIEW_TYPE, SimulationPanel, type PanelResult } from './panelHost';
import type { PanelScenario } from './scenario';

/** The template reader pulls in the whole analysis core (with TypeScript, for CDK apps): loaded on first use, not at activation. */
const scenarioModule = () => import('./scenario.js');

export const SIMULATE_COMMAND = 's3mrap.simulateRouting';
const LAST_FROM = 's3mrap.simulation.from';
const REGION_OF = 's3mrap.simulation.regionOf';

/** What the extension API exposes of the panel, for tests: the scenario sent and what the webview rendered. */
export interface SimulationApi {
  /** The scenario the panel shows, if a panel is open. */
  readonly scenario: () => PanelScenario | undefined;
  /** The panel's title, if a panel is open. */
  readonly title: () => string | undefined;
  /** Fires each time the webview has rendered a scenario (computed in the webview itself). */
  readonly onDidRender: vscode.Event<PanelResult>;
}

/** `S3 MRAP: Simulate routing` (command palette, a CodeLens above every MRAP, the explorer). */
export function registerSimulation(context: vscode.ExtensionContext): SimulationApi {
  context.subscriptions.push(
    vscode.commands.registerCommand(SIMULATE_COMMAND, (...args: unknown[]) => simulateRouting(context, args)),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => SimulationPanel.revive(context, panel, state),
    }),
    vscode.languages.registerCodeLensProvider(
      ['yaml', 'json', 'jsonc', 'typescript', 'javascript'].map((language) => ({ scheme: 'file', language })),
      { provideCodeLenses },
    ),
  );
  return { scenario: () => SimulationPanel.scenario(), title: () => SimulationPanel.title(), onDidRender: SimulationPanel.onDidRender };
}

async function provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  const text = doc.getText();
  if (!text.includes('MultiRegionAccessPoint')) return [];
  const { mrapsInText } = await scenarioModule();
  return mrapsInText(text, doc.fileName).map((m) => {
    const at = doc.positionAt(m.idSpan.start);
    return new vscode.CodeLens(new vscode.Range(at, at), { title: 'Simulate routing', command: SIMULATE_COMMAND, arguments: [doc.uri, m.logicalId] });
  });
}

/** Every MRAP in the workspace's templates and CDK apps (or those named `wanted`), to pick one from a list. */
async function pickWorkspaceMrap(wanted?: string): Promise<{ uri: vscode.Uri; logicalId: string } | undefined> {
  const files = await vscode.workspace.findFiles('**/*.{yaml,yml,json,template,ts,js,mts,mjs}', '{**/node_modules/**,**/cdk.out/**,**/.git/**}', 500);
  const { mrapsInText } = await scenarioModule();
  const items: (vscode.QuickPickItem & { uri: vscode.Uri; logicalId: string })[] = [];
  for (const uri of files) {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      continue;
    }
    if (!text.includes('MultiRegionAccessPoint')) continue;
    for (const m of mrapsInText(text, uri.fsPath)) {
      if (wanted === undefined || m.logicalId === wanted || m.name === wanted) items.push({ label: m.label, description: vscode.workspace.asRelativePath(uri), uri, logicalId: m.logicalId });
    }
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(`No AWS::S3::MultiRegionAccessPoint${wanted === undefined ? '' : ` named ${wanted}`} in this workspace: open a template or CDK app with one, or simulate a live MRAP from the S3 MRAP view.`);
    return undefined;
  }
  return items.length === 1 ? items[0] : vscode.window.showQuickPick(items, { placeHolder: 'Which Multi-Region Access Point?', matchOnDescription: true });
}

function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string') {
    try {
      return vscode.Uri.parse(value, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

async function simulateRouting(context: vscode.ExtensionContext, rawArgs: readonly unknown[]): Promise<void> {
  const args = readSimulateArgs(rawArgs, asUri);
  if (typeof args === 'string') {
    void vscode.window.showErrorMessage(`S3 MRAP: Simulate routing: ${args}.`);
    return;
  }
  if (args.kind === 'live') return simulateLive(context, args.mrap, args.from);
  const editor = vscode.window.activeTextEditor;
  let doc = args.uri ? await vscode.workspace.openTextDocument(args.uri) : editor?.document;
  let mrapId = args.mrap;
  if (!doc || (!args.uri && !doc.getText().includes('MultiRegionAccessPoint'))) {
    // Nothing to read in the editor: offer the MRAPs of the workspace's templates and CDK apps.
    const found = await pickWorkspaceMrap(args.mrap);
    if (!found) return;
    doc = await vscode.workspace.openTextDocument(found.uri);
    mrapId = found.logicalId;
  }
  const text = doc.getText();
  const { mrapsInText, scenarioFor } = await scenarioModule();
  const mraps = mrapsInText(text, doc.fileName);
  let id = mrapId === undefined ? undefined : mraps.find((m) => m.logicalId === mrapId || m.name === mrapId)?.logicalId;
  if (mrapId !== undefined && !id) {
    void vscode.window.showWarningMessage(`${doc.uri.path.split('/').pop() ?? 'This file'} has no Multi-Region Access Point ${mrapId}.`);
    return;
  }
  if (!id) {
    if (mraps.length === 0) {
      void vscode.window.showInformationMessage('This file has no AWS::S3::MultiRegionAccessPoint.');
      return;
    }
    // The MRAP declared at or above the cursor comes first: the one the user is looking at.
    const cursor = editor?.document === doc ? doc.offsetAt(editor.selection.active) : -1;
    const here = [...mraps].reverse().find((m) => m.idSpan.start <= cursor);
    const ordered = here ? [here, ...mraps.filter((m) => m !== here)] : mraps;
    id = mraps.length === 1 ? mraps[0]?.logicalId : (await vscode.window.showQuickPick(ordered.map((m) => ({ label: m.label, id: m.logicalId })), { placeHolder: 'Which Multi-Region Access Point?' }))?.id;
    if (!id) return;
  }
  const from = await clientLocation(context, args.from);
  if (from === undefined) return;
  const regionOf: Record<string, string> = { ...context.workspaceState.get<Record<string, string>>(REGION_OF) };
  for (;;) {
    const result = scenarioFor(text, doc.fileName, id, regionOf, from);
    if (result.ok) {
      SimulationPanel.show(context, result.scenario);
      return;
    }
    const [bucket] = result.unknownBuckets;
    if (!bucket) {
      void vscode.window.showWarningMessage(result.message);
      return;
    }
    const picked = await vscode.window.showQuickPick(
      REGIONS.filter((r) => r.mrapSupported).map((r) => ({ label: r.code, description: r.name })),
      { placeHolder: `Which Region is bucket ${bucket} in? (the file does not say)` },
    );
    if (!picked) return;
    regionOf[bucket] = picked.label;
    await context.workspaceState.update(REGION_OF, regionOf);
  }
}

/** A live MRAP from the explorer: AWS reports every Region, and the routes say which are active. */
async function simulateLive(context: vscode.ExtensionContext, mrap: LiveMrap, given: string | undefined): Promise<void> {
  const { regions, unknown } = liveRegions(mrap);
  if (unknown.length > 0 || regions.length === 0) {
    void vscode.window.showWarningMessage(`Cannot simulate ${mrap.name}: AWS did not report the Region of ${unknown.join(', ') || 'any bucket'}.`);
    return;
  }
  const from = await clientLocation(context, given);
  if (from === undefined) return;
  SimulationPanel.show(context, { name: mrap.name, regions, from, failOpen: false });
}

/** The client location: the caller's (checked), else picked from a list that starts with the last one. */
async function clientLocation(context: vscode.ExtensionContext, given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) {
    const r = resolveLocation(given);
    if (r.ok) return given;
    void vscode.window.showErrorMessage(`S3 MRAP: Simulate routing: ${r.message}`);
    return undefined;
  }
  const from = await pickLocation(context.globalState.get<string>(LAST_FROM));
  if (from !== undefined) await context.globalState.update(LAST_FROM, from);
  return from;
}
