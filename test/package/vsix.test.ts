import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/paths';
import { zipEntries } from '../support/zip';

/** What the .vsix may hold: the bundles, grammars, media and the documents (plus vsce's own manifest files). */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/(LICENSE|NOTICE)(\.txt)?$/i,
  /^extension\/dist\/(extension|server|serverMain|webview|scenario|s3Control|credentials|typescript)\.js$/,
  /^extension\/dist\/serverMain\.cache$/,
  /^extension\/syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^extension\/media\/[\w./-]+\.(png|svg|css|json)$/,
];

describe('the .vsix package', function () {
  this.timeout(180000);
  let entries: string[] = [];
  let size = 0;
  before(() => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 's3mrap-vsix-')), 's3mrap.vsix');
    const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
    const r = spawnSync(vsce, ['package', '--no-dependencies', '-o', out], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `vsce package failed:\n${r.stdout}\n${r.stderr}`);
    entries = zipEntries(out);
    size = fs.statSync(out).size;
  });

  it('holds only allowlisted files', () => {
    const outside = entries.filter((e) => !ALLOWED.some((re) => re.test(e)));
    assert.deepEqual(outside, []);
  });

  it('holds the bundles, grammars and documents the extension needs', () => {
    // scenario/s3Control/credentials: bundles the extension loads on first use (esbuild.mjs, LAZY)
    const lazy = ['scenario', 's3Control', 'credentials', 'typescript'].map((m) => `extension/dist/${m}.js`);
    // server.js starts serverMain.js with its V8 code cache (server/src/lsp/launcher.ts).
    const server = ['server.js', 'serverMain.js', 'serverMain.cache'].map((f) => `extension/dist/${f}`);
    for (const needed of ['extension/dist/extension.js', ...server, ...lazy, 'extension/package.json', 'extension/media/icon.png']) {
      assert.ok(entries.includes(needed), `missing ${needed}`);
    }
    assert.ok(entries.some((e) => /^extension\/readme\.md$/i.test(e)));
    assert.ok(entries.some((e) => e.startsWith('extension/syntaxes/')));
  });

  it('keeps the activation bundle small (compiling it is most of the activation time)', () => {
    // 5 MB with the analysis core, TypeScript and the AWS SDK inside: 261 ms activation; 0.5 MB: 45 ms.
    const bundle = fs.statSync(path.join(REPO_ROOT, 'dist', 'extension.js')).size;
    assert.ok(bundle < 1024 * 1024, `dist/extension.js is ${(bundle / 1024 / 1024).toFixed(2)} MB`);
  });

  it('is smaller than 5 MB', () => {
    assert.ok(size < 5 * 1024 * 1024, `${(size / 1024 / 1024).toFixed(2)} MB`);
  });
});
