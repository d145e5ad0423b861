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

const entries = [
  { entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js'},
  { entryPoints: ['server/src/lsp/index.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyModules], supported: { 'dynamic-import': false } },
  { entryPoints: ['client/src/simulation/scenario.ts'], outfile: 'dist/scenario.js' },
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
}
