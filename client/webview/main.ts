import { mountPanel } from './panel';
import { parseScenario, type Scenario } from './scenario';

/**
 * Entry of the simulation panel (bundled to dist/webview.js, no network). The scenario comes from a
 * `<script type="application/json" id="s3mrap-scenario">` data block or a `{ type: 'scenario' }` message.
 */
const host = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;

function start(): void {
  const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
  const block = document.getElementById('s3mrap-scenario')?.textContent;
  let initial: Scenario | string = { name: 'MRAP', regions: [], from: 'Frankfurt', failOpen: false };
  if (block) {
    try {
      initial = parseScenario(JSON.parse(block));
    } catch {
      initial = 'the scenario is not valid JSON';
    }
  }
  // After a reload (or when the tab comes back) the webview keeps what the user last set up.
  const saved = host ? parseScenario(host.getState()) : 'no host';
  if (typeof saved !== 'string') initial = saved;
  if (typeof initial === 'string') {
    root.textContent = `Cannot show the simulation: ${initial}`;
    return;
  }
  const panel = mountPanel(
    root,
    initial,
    (scenario) => {
      host?.setState(scenario);
      host?.postMessage({ type: 'changed', scenario });
    },
    (result) => host?.postMessage({ type: 'rendered', result }),
  );
  window.addEventListener('message', (e: MessageEvent<unknown>) => {
    const data = e.data as { type?: unknown; scenario?: unknown } | null;
    if (data?.type !== 'scenario') return;
    const s = parseScenario(data.scenario);
    if (typeof s === 'string') return;
    host?.setState(s);
    panel.show(s);
  });
  host?.postMessage({ type: 'ready' });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
