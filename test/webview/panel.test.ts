import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { panelHtml } from '../../client/src/simulation/html';
import { DIST, REPO_ROOT } from '../support/paths';

/**
 * The simulation panel in headless Chromium, under a strict CSP like VS Code's webviews: scripts and
 * styles only from the panel's own origin, nothing inline. Every request is intercepted; only the
 * page's own three files are served.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ORIGIN = 'https://panel.s3mrap.test';
const EVIL_BUCKET = '<img src=x onerror=alert(1)>';

const scenario = {
  name: 'global-assets',
  from: 'tokyo',
  failOpen: false,
  regions: [
    { region: 'us-east-1', bucket: EVIL_BUCKET, state: 'active' },
    { region: 'eu-west-1', bucket: 'assets-eu-west-1', state: 'active' },
    { region: 'ap-northeast-1', bucket: 'assets-ap-northeast-1', state: 'active' },
  ],
};

/** The page exactly as the extension host builds it (client/src/simulation/html.ts), with this origin as the CSP source. */
function html(): string {
  return panelHtml({ cspSource: ORIGIN, scriptUri: `${ORIGIN}/webview.js`, styleUri: `${ORIGIN}/simulation.css`, title: 'MRAP routing', scenario });
}

const FILES: Record<string, { type: string; body: () => string | Buffer }> = {
  '/index.html': { type: 'text/html', body: html },
  '/webview.js': { type: 'text/javascript', body: () => fs.readFileSync(path.join(DIST, 'webview.js')) },
  '/simulation.css': { type: 'text/css', body: () => fs.readFileSync(path.join(REPO_ROOT, 'media', 'simulation.css')) },
};

describe('webview: routing simulation panel (headless Chromium)', function () {
  this.timeout(90000);
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH`);
    if (!fs.existsSync(path.join(DIST, 'webview.js'))) throw new Error('dist/webview.js is missing: run npm run build first');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext();
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === ORIGIN ? FILES[url.pathname] : undefined;
      if (file) await route.fulfill({ status: 200, contentType: file.type, body: file.body() });
      else await route.abort();
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForSelector('table.ranking tbody tr');
  });

  after(async () => {
    await browser?.close();
  });

  const outcome = (): Promise<string> => page.locator('.outcome').innerText();
  const order = (): Promise<string[]> => page.locator('table.ranking tbody tr td.region').allInnerTexts();
  const state = (region: string): Promise<string> => page.locator(`button.state[data-region="${region}"]`).innerText();

  it('renders the map and the ranking table', async () => {
    const land = await page.locator('svg.map path.land').getAttribute('d');
    assert.ok(land && land.length > 10000, 'the land outline is drawn from the bundled atlas');
    assert.equal(await page.locator('svg.map g.region').count(), 3);
    assert.equal(await page.locator('svg.map path.route').count(), 1);
    assert.deepEqual(await order(), ['ap-northeast-1', 'us-east-1', 'eu-west-1']);
    assert.match(await outcome(), /^Routed to ap-northeast-1 \(bucket assets-ap-northeast-1\), ≈14 ms from Tokyo\.$/);
    assert.equal(await page.locator('tr.chosen td.region').innerText(), 'ap-northeast-1');
    assert.ok((await page.locator('ol.steps li').count()) >= 5, 'the explanation steps are listed');
    const failover = await page.locator('ul.failover li').allInnerTexts();
    assert.match(failover[0] ?? '', /^After a failover \(ap-northeast-1 set passive\)/);
    assert.ok(failover.some((l) => /move to us-east-1: .*\bTokyo\b/.test(l)), failover.join('\n'));
  });

  it('shows a bucket name from AWS as text, never as markup', async () => {
    assert.equal(await page.locator('tr[data-region="us-east-1"] td.bucket').textContent(), EVIL_BUCKET);
    assert.equal(await page.locator('img').count(), 0);
    assert.deepEqual(dialogs, []);
  });

  it('clicking a Region state changes the outcome', async () => {
    await page.locator('button.state[data-region="ap-northeast-1"]').click();
    assert.equal(await state('ap-northeast-1'), 'passive');
    assert.match(await outcome(), /^Routed to us-east-1 \(bucket <img src=x onerror=alert\(1\)>\)/);
    assert.equal(await page.locator('tr.chosen td.region').innerText(), 'us-east-1');
  });

  it('map markers work from the keyboard and keep the focus', async () => {
    await page.locator('g.region[data-region="us-east-1"]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await state('us-east-1'), 'passive');
    assert.match(await outcome(), /^Routed to eu-west-1/);
    assert.equal(await page.locator(':focus').getAttribute('data-region'), 'us-east-1');
    await page.keyboard.press(' ');
    assert.equal(await state('us-east-1'), 'down');
  });

  it('with no active Region requests fail, unless GA-style fail-open is chosen', async () => {
    await page.locator('button.state[data-region="eu-west-1"]').click(); // active -> passive
    assert.match(await outcome(), /^Requests fail: every active Region is down/);
    assert.equal(await page.locator('svg.map path.route.failed').count(), 1);
    await page.locator('#fail-open').check();
    assert.match(await outcome(), /^Routed to ap-northeast-1 .*GA-style fail-open \(inferred\)/);
  });

  it('refuses an all-passive configuration with the AWS error', async () => {
    await page.locator('button.state[data-region="us-east-1"]').click(); // down -> active
    await page.locator('button.state[data-region="us-east-1"]').click(); // active -> passive
    assert.match(await outcome(), /^Cannot simulate: every Region is passive: AWS rejects this routing configuration \(InvalidRequest\)/);
  });

  it('re-simulates for a new client location, and explains unknown ones', async () => {
    await page.locator('button.state[data-region="eu-west-1"]').click(); // passive -> down
    await page.locator('button.state[data-region="eu-west-1"]').click(); // down -> active
    await page.locator('#fail-open').uncheck();
    await page.locator('#from').fill('São Paulo');
    await page.locator('#from').press('Enter');
    assert.match(await outcome(), /^Routed to eu-west-1 .* from Sao Paulo\.$/);
    await page.locator('#from').fill('Atlantis');
    await page.locator('form.controls button[type="submit"]').click();
    assert.match(await outcome(), /^Cannot simulate: unknown location 'Atlantis'; closest: /);
  });

  it('clicking the map puts the client there', async () => {
    const before = await outcome();
    const box = await page.locator('svg.map').boundingBox();
    assert.ok(box);
    // Left of the middle, a little above: the Atlantic off West Africa, well away from every Region marker.
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.42);
    const from = await page.locator('#from').inputValue();
    assert.match(from, /^-?\d+\.\d{2},-?\d+\.\d{2}$/);
    const [lat, lon] = from.split(',').map(Number);
    assert.ok(lat !== undefined && lon !== undefined && Math.abs(lat) < 40 && Math.abs(lon) < 40, from);
    assert.notEqual(await outcome(), before);
    assert.match(await outcome(), new RegExp(`from ${from.replace('.', '\\.')}`));
  });

  it('comes back after a reload as the user left it (webview state), and saves every change', async () => {
    const reloaded = await context.newPage();
    try {
      // What VS Code gives a webview: the state it saved before the reload, and a setState to save more.
      await reloaded.addInitScript(() => {
        const w = globalThis as unknown as { savedStates: unknown[] };
        w.savedStates = [];
        const saved = { name: 'global-assets', from: 'Frankfurt', failOpen: false, regions: [{ region: 'us-east-1', bucket: 'assets-us-east-1', state: 'active' }, { region: 'eu-west-1', bucket: 'assets-eu-west-1', state: 'active' }] };
        (globalThis as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({ postMessage: () => undefined, getState: () => saved, setState: (s: unknown) => w.savedStates.push(s) });
      });
      await reloaded.goto(`${ORIGIN}/index.html`);
      await reloaded.waitForSelector('table.ranking tbody tr');
      assert.match(await reloaded.locator('.outcome').innerText(), /^Routed to eu-west-1 .* from Frankfurt/);
      await reloaded.locator('button.state[data-region="eu-west-1"]').click();
      await reloaded.waitForFunction(() => (globalThis as unknown as { savedStates: unknown[] }).savedStates.length > 0);
      const last = await reloaded.evaluate(() => {
        const states = (globalThis as unknown as { savedStates: { regions: { region: string; state: string }[] }[] }).savedStates;
        return states[states.length - 1];
      });
      assert.equal(last?.regions.find((r) => r.region === 'eu-west-1')?.state, 'passive');
    } finally {
      await reloaded.close();
    }
  });

  it('logged no errors and made no request outside the page', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual([...new Set(requests)].sort(), [`${ORIGIN}/index.html`, `${ORIGIN}/simulation.css`, `${ORIGIN}/webview.js`]);
    assert.deepEqual(dialogs, []);
  });
});
