import * as vscode from 'vscode';
import { panelHtml } from './html';
import type { PanelScenario } from './scenario';

/** Hosts the simulation webview (dist/webview.js + media/simulation.css); one panel, reused. */
export class SimulationPanel {
  private static current: SimulationPanel | undefined;
  private scenario: PanelScenario;

  static show(context: vscode.ExtensionContext, scenario: PanelScenario): void {
    if (SimulationPanel.current) {
      SimulationPanel.current.update(scenario);
      return;
    }
    SimulationPanel.current = new SimulationPanel(context, scenario);
  }

  private constructor(
    context: vscode.ExtensionContext,
    initial: PanelScenario,
    private readonly panel = vscode.window.createWebviewPanel('s3mrap.simulation', 'MRAP routing', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media')],
    }),
  ) {
    this.scenario = initial;
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    const webview = this.panel.webview;
    this.panel.title = `MRAP routing: ${initial.name}`;
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', 'simulation.css')).toString(),
      title: 'MRAP routing',
      scenario: initial,
    });
    webview.onDidReceiveMessage((m: { type?: string; scenario?: PanelScenario }) => {
      // The webview reloads from its HTML when it becomes visible again: it says `ready`, we resend the latest state.
      if (m.type === 'ready') void webview.postMessage({ type: 'scenario', scenario: this.scenario });
      if (m.type === 'changed' && m.scenario) this.scenario = m.scenario;
    });
    this.panel.onDidDispose(() => {
      if (SimulationPanel.current === this) SimulationPanel.current = undefined;
    });
  }

  private update(scenario: PanelScenario): void {
    this.scenario = scenario;
    this.panel.title = `MRAP routing: ${scenario.name}`;
    this.panel.reveal(vscode.ViewColumn.Beside);
    void this.panel.webview.postMessage({ type: 'scenario', scenario });
  }
}
