/**
 * The simulation panel's HTML (pure, no vscode import, so it is testable in a browser). Strict CSP:
 * scripts and styles only from the extension's own files, nothing inline, no network. The scenario
 * travels in a JSON data block, which the browser never executes; `<` is escaped so no bucket name can
 * close the block.
 */
export interface PanelHtmlOptions {
  /** `webview.cspSource` in VS Code. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
  readonly scenario: unknown;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function scenarioBlock(scenario: unknown): string {
  return JSON.stringify(scenario).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function panelHtml(o: PanelHtmlOptions): string {
  const src = escapeHtml(o.cspSource);
  const csp = `default-src 'none'; script-src ${src}; style-src ${src}; img-src ${src}; font-src ${src}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<main id="app"></main>
<script type="application/json" id="s3mrap-scenario">${scenarioBlock(o.scenario)}</script>
<script src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}
