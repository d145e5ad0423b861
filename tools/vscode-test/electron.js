#!/usr/bin/env node
// The same in-VS Code suite on a desktop VS Code downloaded by @vscode/test-electron (needs internet access to
// update.code.visualstudio.com; offline machines use run-vscode-tests.js over code-server instead).
// usage: node tools/vscode-test/electron.js [--grep TEXT] [--version stable|1.91.0|...]
'use strict';
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

const ROOT = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

async function main() {
  const grep = option('grep');
  const code = await runTests({
    version: option('version') || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'client', 'index.js'),
    extensionTestsEnv: grep ? { MOCHA_GREP: grep } : {},
    // The fixture workspace, no other extensions, and a fresh profile under .vscode-test/ (gitignored).
    launchArgs: [path.join(ROOT, 'test', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
  process.exit(code);
}

main().catch((e) => {
  console.error('[test-electron]', e instanceof Error ? e.message : e);
  process.exit(1);
});
