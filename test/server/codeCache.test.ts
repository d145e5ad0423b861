import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspTestClient } from '../../tools/lspClient';
import { REPO_ROOT } from '../support/paths';

const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const BUCKET = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n';

/** Starts the server as the extension does, with the given environment; returns what it logged at start. */
async function startupLog(env: Record<string, string | undefined>): Promise<string[]> {
  const saved = Object.keys(env).map((k) => [k, process.env[k]] as const);
  const set = (k: string, v: string | undefined): void => {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  };
  for (const [k, v] of Object.entries(env)) set(k, v);
  const client = new LspTestClient();
  try {
    await client.initialize();
    // A published analysis proves the server really runs from the cached code.
    await client.openAndWait('file:///cache/t.yaml', BUCKET);
    return [...client.logs];
  } finally {
    await client.stop();
    for (const [k, v] of saved) set(k, v);
  }
}

describe('language server code cache (dist/server.js starts dist/serverMain.js with V8 code cache)', function () {
  this.timeout(30_000);

  it('the build ships a cache that this Node accepts', async () => {
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'dist', 'serverMain.cache')), 'npm run build writes dist/serverMain.cache');
    const logs = await startupLog({ S3MRAP_CODE_CACHE_DIR: undefined, S3MRAP_CODE_CACHE_WRITE: undefined });
    assert.ok(logs.includes('s3mrap: code cache used'), logs.join('\n'));
  });

  it('an editor folder gets a cache of its own when the shipped one cannot be used, and uses it next time', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3mrap-cache-'));
    try {
      // A cache V8 rejects (as the build's is for another Node): garbage of the same name.
      const built = path.join(REPO_ROOT, 'dist', 'serverMain.cache');
      const own = (): string[] => fs.readdirSync(dir).filter((f) => f.endsWith('.cache'));
      fs.writeFileSync(path.join(dir, `serverMain-${VERSION}-${process.version}.cache`), 'not a code cache');
      fs.writeFileSync(path.join(dir, 'serverMain-0.0.9-v18.0.0.cache'), 'an older version');
      assert.ok(fs.existsSync(built));
      const first = await startupLog({ S3MRAP_CODE_CACHE_DIR: dir, S3MRAP_CODE_CACHE_WRITE: undefined });
      assert.ok(first.includes('s3mrap: code cache rejected'), first.join('\n'));
      assert.deepEqual(own(), [`serverMain-${VERSION}-${process.version}.cache`], 'one cache, for this version; older ones removed');
      assert.ok(fs.statSync(path.join(dir, own()[0] as string)).size > 100_000, 'a real cache was written on exit');
      const second = await startupLog({ S3MRAP_CODE_CACHE_DIR: dir, S3MRAP_CODE_CACHE_WRITE: undefined });
      assert.ok(second.includes('s3mrap: code cache used'), second.join('\n'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
