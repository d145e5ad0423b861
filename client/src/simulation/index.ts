import * as vscode from 'vscode';
import { REGIONS, resolveLocation } from '../../../server/src/core/routing';
import { SimulationPanel } from './panelHost';
import { mrapsInText, scenarioFor } from './scenario';

export const SIMULATE_COMMAND = 's3mrap.simulateRouting';
const LAST_FROM = 's3mrap.simulation.from';
const REGION_OF = 's3mrap.simulation.regionOf';

/** `S3 MRAP: Simulate routing` (command palette and a CodeLens above every MRAP). */
export function registerSimulation(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SIMULATE_COMMAND, (uri?: vscode.Uri, logicalId?: string) => simulateRouting(context, uri, logicalId)),
    vscode.languages.registerCodeLensProvider(
      ['yaml', 'json', 'jsonc', 'typescript', 'javascript'].map((language) => ({ scheme: 'file', language })),
      { provideCodeLenses },
    ),
  );
}

function provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
  const text = doc.getText();
  if (!text.includes('MultiRegionAccessPoint')) return [];
  return mrapsInText(text, doc.fileName).map((m) => {
    const at = doc.positionAt(m.idSpan.start);
    return new vscode.CodeLens(new vscode.Range(at, at), { title: 'Simulate routing', command: SIMULATE_COMMAND, arguments: [doc.uri, m.logicalId] });
  });
}

async function simulateRouting(context: vscode.ExtensionContext, uri: vscode.Uri | undefined, logicalId: string | undefined): Promise<void> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage('Open a template with an AWS::S3::MultiRegionAccessPoint to simulate its routing.');
    return;
  }
  const text = doc.getText();
  const mraps = mrapsInText(text, doc.fileName);
  let id = logicalId;
  if (!id) {
    if (mraps.length === 0) {
      void vscode.window.showInformationMessage('This file has no AWS::S3::MultiRegionAccessPoint.');
      return;
    }
    id = mraps.length === 1 ? mraps[0]?.logicalId : (await vscode.window.showQuickPick(mraps.map((m) => ({ label: m.label, id: m.logicalId })), { placeHolder: 'Which Multi-Region Access Point?' }))?.id;
    if (!id) return;
  }
  const from = await vscode.window.showInputBox({
    prompt: 'Where is the client? An AWS edge city, latitude,longitude, or a Region code for a client inside AWS',
    value: context.globalState.get<string>(LAST_FROM) ?? 'Frankfurt',
    validateInput: (v) => {
      const r = resolveLocation(v);
      return r.ok ? undefined : r.message;
    },
  });
  if (from === undefined) return;
  await context.globalState.update(LAST_FROM, from);
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
