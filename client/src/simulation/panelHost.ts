import * as vscode from 'vscode';
import { panelHtml } from './html';
import { parseScenario } from '../../../server/src/core/routing';
import type { PanelScenario } from './scenario';

export const PANEL_VIEW_TYPE = 's3mrap.simulation';

/** What the webview reports after each render (it runs the simulation itself). */
export interface PanelResult {
  readonly name: string;
  readonly from: string;
  /** `problem`: the input could not be simulated (unknown location, no Regions...). */
  readonly outcome: 'routed' | 'failed' | 'problem';
  /** Region code of the Region the requests go to, or null. */
  readonly chosen: string | null;
}

/** Checks a `rendered` message from the webview (untrusted: it is just a page). */
function readResult(value: unknown): PanelResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.name !== 'string' || typeof v.from !== 'string') return undefined;
  if (v.outcome !== 'routed' && v.outcome !== 'failed' && v.outcome !== 'problem') return undefined;
  if (v.chosen !== null && typeof v.chosen !== 'string') return undefined;
  return { name: v.name, from: v.from, outcome: v.outcome, chosen: v.chosen };
}

function panelOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media')] };
}

/** Hosts the simulation webview (dist/webview.js + media/simulation.css); one panel, reused. */
export class SimulationPanel {
  private static current: SimulationPanel | undefined;
  private static readonly rendered = new vscode.EventEmitter<PanelResult>();
  /** Fires after the webview rendered a scenario (the extension API passes it on to tests). */
  static readonly onDidRender = SimulationPanel.rendered.event;
  private scenario: PanelScenario;

  static scenario(): PanelScenario | undefined {
    return SimulationPanel.current?.scenario;
  }

  static title(): string | undefined {
    return SimulationPanel.current?.panel.title;
  }

  /**
   * After a window reload VS Code hands back the panel with the state the webview saved last;
   * a state that does not read as a scenario closes the panel instead of showing garbage.
   */
  static revive(context: vscode.ExtensionContext, panel: vscode.WebviewPanel, state: unknown): void {
    const scenario = parseScenario(state);
    if (typeof scenario === 'string') {
      panel.dispose();
      return;
    }
    SimulationPanel.current?.panel.dispose();
    SimulationPanel.current = new SimulationPanel(context, scenario, panel);
  }

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
    private readonly panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'MRAP routing', vscode.ViewColumn.Beside, panelOptions(context)),
  ) {
    this.scenario = initial;
    panel.webview.options = panelOptions(context);
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
    webview.onDidReceiveMessage((m: { type?: string; scenario?: PanelScenario; result?: unknown }) => {
      // The webview reloads from its HTML when it becomes visible again: it says `ready`, we resend the latest state.
      if (m.type === 'ready') void webview.postMessage({ type: 'scenario', scenario: this.scenario });
      if (m.type === 'changed' && m.scenario) this.scenario = m.scenario;
      const result = m.type === 'rendered' ? readResult(m.result) : undefined;
      if (result) SimulationPanel.rendered.fire(result);
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
