import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * dist/server.js: starts the language server (dist/serverMain.js) with V8's code cache, the bytecode
 * of the functions a session compiled, so that a new server does not parse and compile them again
 * (about 20 ms of start-up and 20 ms of the first analysis of a 1,000-resource template).
 *
 * The cache comes from the build (`esbuild.mjs` runs a session with S3MRAP_CODE_CACHE_WRITE) for the
 * Node version that built it; V8 rejects a cache made by another V8 or with other flags, and the
 * server then simply compiles as usual. Editors whose runtime differs (VS Code's Electron) pass
 * S3MRAP_CODE_CACHE_DIR, a folder of their own: the server reads its cache there and writes one
 * when it exits if there was none it could use.
 */

declare const S3MRAP_VERSION: string;

const MAIN = path.join(__dirname, 'serverMain.js');
const BUILT = path.join(__dirname, 'serverMain.cache');

function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(file: string, script: vm.Script): void {
  try {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, script.createCachedData());
    // Atomic: two servers exiting together never leave half a file.
    fs.renameSync(temp, file);
    // Caches of earlier versions (of the extension or of the editor's Node) are of no use any more.
    for (const old of fs.readdirSync(dir)) if (/^serverMain-.*\.cache$/.test(old) && old !== path.basename(file)) fs.rmSync(path.join(dir, old), { force: true });
  } catch {
    // A cache is an optimisation: without one the server only starts a little slower.
  }
}

function start(): void {
  const dir = process.env.S3MRAP_CODE_CACHE_DIR;
  const own = dir ? path.join(dir, `serverMain-${S3MRAP_VERSION}-${process.version}.cache`) : undefined;
  const buildTarget = process.env.S3MRAP_CODE_CACHE_WRITE;
  const cachedData = buildTarget ? undefined : (readCache(own) ?? readCache(BUILT));
  const source = fs.readFileSync(MAIN, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: MAIN, cachedData });
  const rejected = cachedData !== undefined && script.cachedDataRejected === true;
  // For the server's log (and the test that the build's cache is used).
  process.env.S3MRAP_CODE_CACHE_STATE = buildTarget ? 'writing' : !cachedData ? 'none' : rejected ? 'rejected' : 'used';
  const target = buildTarget ?? (own && (!cachedData || rejected) ? own : undefined);
  if (target) process.on('exit', () => writeCache(target, script));
  const main = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  const module = { exports: {} };
  main(module.exports, createRequire(MAIN), module, MAIN, __dirname);
}

start();
