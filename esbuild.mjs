// Bundles: dist/cli.js, dist/server.js (+ serverMain.js and its code cache), dist/extension.js, dist/webview.js, and the lazily loaded pieces below.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
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

// Modules the extension loads on first use (dynamic import), bundled as files of their own so that activation
// does not compile them: the template reader (the analysis core with TypeScript, for CDK apps) and the AWS SDK.
const LAZY = {
  'client/src/simulation/index.ts': './scenario.js',
  'client/src/explorer/treeProvider.ts': './s3Control.js',
  'client/src/explorer/commands.ts': './credentials.js',
};
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\/(scenario|s3Control|credentials)\.js$/ }, (args) => {
      const importer = args.importer.replaceAll('\\', '/');
      const entry = Object.entries(LAZY).find(([file, spec]) => importer.endsWith(file) && spec === args.path);
      return entry ? { path: args.path, external: true } : undefined;
    });
  },
};

// The TypeScript compiler (about 3.5 MB minified) reads CDK apps only: a file of its own, required on the
// first CDK file, so that the language server and the CLI start without compiling it.
const typescriptApart = {
  name: 'typescript-apart',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, () => ({ path: './typescript.js', external: true }));
  },
};

const entries = [
  { entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js', plugins: [typescriptApart] },
  { entryPoints: ['server/src/lsp/index.ts'], outfile: 'dist/serverMain.js', plugins: [typescriptApart] },
  // Starts serverMain.js with V8's code cache (server/src/lsp/launcher.ts).
  { entryPoints: ['server/src/lsp/launcher.ts'], outfile: 'dist/server.js', sourcemap: false },
  { entryPoints: ['node_modules/typescript/lib/typescript.js'], outfile: 'dist/typescript.js', sourcemap: false },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyModules], supported: { 'dynamic-import': false } },
  { entryPoints: ['client/src/simulation/scenario.ts'], outfile: 'dist/scenario.js', plugins: [typescriptApart] },
  { entryPoints: ['client/src/explorer/s3Control.ts'], outfile: 'dist/s3Control.js', external: ['vscode'] },
  { entryPoints: ['client/src/explorer/credentials.ts'], outfile: 'dist/credentials.js', external: ['vscode'] },
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
  // The language server's code cache, from a session run on the bundle just built (needs `tsc -b` first).
  const cacheTool = 'out/tools/build/serverCodeCache.js';
  if (fs.existsSync(cacheTool)) {
    const run = spawnSync(process.execPath, [cacheTool], { stdio: 'inherit' });
    if (run.status !== 0) process.exitCode = 1;
  }
}
