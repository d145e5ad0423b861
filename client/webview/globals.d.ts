// esbuild emits imported CSS next to the bundle (dist/webview.css).
declare module '*.css';

/** Present inside a VS Code webview only. */
declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
