// Bundles: dist/cli.js, dist/server.js, dist/extension.js (and dist/webview.js once the panel exists).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  define: { S3MRAP_VERSION: JSON.stringify(pkg.version) },
};

const entries = [
  { entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js'},
  { entryPoints: ['server/src/lsp/index.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
];
if (fs.existsSync('client/webview/main.ts')) {
  entries.push({ entryPoints: ['client/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' });
}

const optional = entries.filter((e) => fs.existsSync(e.entryPoints[0]));
if (watch) {
  for (const e of optional) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(optional.map((e) => esbuild.build({ ...common, ...e })));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}
