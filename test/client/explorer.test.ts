import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { S3MrapApi } from '../../client/src/api';
import type { ExplorerNode } from '../../client/src/explorer/nodes';
import type { ExplorerState } from '../../client/src/explorer/treeProvider';
import type { Seed } from '../../tools/emulator/seed';
import { startEmulator, type RunningEmulator } from '../../tools/emulator/server';
import { activate, nextRender } from './helpers';

type MrapNode = Extract<ExplorerNode, { kind: 'mrap' }>;
type RegionNode = Extract<ExplorerNode, { kind: 'region' }>;

const ACCOUNT = '123456789012';
const SEED: Seed = {
  accountId: ACCOUNT,
  buckets: [
    { name: 'orders-use1', region: 'us-east-1' },
    { name: 'orders-apse2', region: 'ap-southeast-2' },
    { name: 'media-usw2', region: 'us-west-2' },
    { name: 'media-euc1', region: 'eu-central-1' },
  ],
  mraps: [
    { name: 'orders-global', alias: 'mfzwi23gnjvgw.mrap', regions: [{ bucket: 'orders-use1' }, { bucket: 'orders-apse2', trafficDialPercentage: 0 }] },
    { name: 'media-active-active', regions: [{ bucket: 'media-usw2' }, { bucket: 'media-euc1' }], status: 'CREATING' },
  ],
};

/** Dummy keys for the emulator (it checks the SigV4 shape, not the secret). */
const CREDENTIALS = '[default]\naws_access_key_id = AKIAVSCODETESTKEY001\naws_secret_access_key = vscodeTestSecretKeyNotReal0000000000000\n';
const CONFIG = '[default]\nregion = us-west-2\n\n[profile no-credentials]\nregion = eu-west-1\n';
const AWS_ENV = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE'];

/** Resolves once the explorer is in a state for which `wanted` holds (the current one included). */
function waitForExplorerState(api: S3MrapApi, wanted: ExplorerState, timeoutMs = 20000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (api.explorer.state() === wanted) return resolve();
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for the explorer to be ${wanted}; it is ${api.explorer.state()} (${api.explorer.provider.error?.message ?? 'no error'})`));
    }, timeoutMs);
    const subscription = api.explorer.provider.onDidChangeState((s) => {
      if (s !== wanted) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** The viewsWelcome text the workbench shows for a state (the `s3mrap.explorer.state` context key). */
function welcomeFor(state: ExplorerState): string {
  const welcome = (vscode.extensions.getExtension('s3mrap.s3mrap')?.packageJSON as { contributes: { viewsWelcome: { view: string; contents: string; when: string }[] } }).contributes.viewsWelcome;
  const entries = welcome.filter((w) => w.view === 's3mrap.explorer' && w.when.includes(`s3mrap.explorer.state == ${state}`));
  assert.equal(entries.length, 1, `one welcome entry for ${state}`);
  return entries[0]!.contents;
}

suite('Explorer (against the S3 Control emulator)', () => {
  let api: S3MrapApi;
  let emulator: RunningEmulator;
  let scratch: string;
  const savedEnv = new Map<string, string | undefined>();
  const config = () => vscode.workspace.getConfiguration('s3mrap.explorer');

  const item = (node: ExplorerNode) => api.explorer.provider.getTreeItem(node);
  const mrapNode = async (name: string): Promise<MrapNode> => {
    const node = (await api.explorer.provider.getChildren()).find((n): n is MrapNode => n.kind === 'mrap' && n.mrap.name === name);
    assert.ok(node, `${name} is listed`);
    return node;
  };
  const regionNode = async (mrap: MrapNode, bucket: string): Promise<RegionNode> => {
    const node = (await api.explorer.provider.getChildren(mrap)).find((n): n is RegionNode => n.kind === 'region' && n.region.bucket === bucket);
    assert.ok(node, `${bucket} is a Region of ${mrap.mrap.name}`);
    return node;
  };
  const dials = (name: string) => emulator.state.get(name).regions.map((r) => `${r.bucket}=${r.trafficDialPercentage}`);

  suiteSetup(async () => {
    api = await activate();
    // Credentials come only from temporary shared files: no real AWS identity, no instance metadata call.
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 's3mrap-explorer-'));
    fs.writeFileSync(path.join(scratch, 'config'), CONFIG);
    fs.writeFileSync(path.join(scratch, 'credentials'), CREDENTIALS);
    for (const key of AWS_ENV) {
      savedEnv.set(key, process.env[key]);
      delete process.env[key];
    }
    process.env.AWS_CONFIG_FILE = path.join(scratch, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(scratch, 'credentials');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    emulator = await startEmulator({ seed: SEED });
    // The endpoint first: a visible view loads at once, and must never reach AWS.
    await config().update('endpoint', emulator.url, vscode.ConfigurationTarget.Global);
    await waitForExplorerState(api, 'ready');
    const shown = new Promise<void>((resolve) => {
      if (api.explorer.treeView.visible) return resolve();
      const subscription = api.explorer.treeView.onDidChangeVisibility((e) => {
        if (!e.visible) return;
        subscription.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.view.extension.s3mrap');
    await shown;
  });

  suiteTeardown(async () => {
    // Without the endpoint the explorer would call AWS: leave it no credentials (and no metadata service) first.
    fs.rmSync(scratch, { recursive: true, force: true });
    await config().update('profile', undefined, vscode.ConfigurationTarget.Global);
    await config().update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    await waitForExplorerState(api, 'noCredentials');
    await emulator.close();
    for (const [key, value] of savedEnv) if (key !== 'AWS_EC2_METADATA_DISABLED' && value !== undefined) process.env[key] = value;
  });

  setup(async () => {
    emulator.faults.clear();
    if (api.explorer.state() !== 'ready') await api.explorer.refresh();
  });

  test('the view lists the emulator\'s MRAPs with their status, and shows the account id', async () => {
    assert.equal(api.explorer.treeView.visible, true);
    const roots = await api.explorer.provider.getChildren();
    assert.deepEqual(
      roots.map((n) => [item(n).label, item(n).description]),
      [
        ['media-active-active', 'Creating · 2 Regions'],
        ['orders-global', 'Ready · 2 Regions'],
      ],
    );
    assert.equal(api.explorer.treeView.description, ACCOUNT);
    assert.equal(api.explorer.treeView.message, undefined);
    assert.ok(emulator.requests.some((r) => r.operation === 'ListMultiRegionAccessPoints' && r.signingRegion === 'us-west-2' && r.status === 200));
  });

  test('expanding an MRAP shows its Regions with active and passive', async () => {
    const orders = await mrapNode('orders-global');
    const expanded = new Promise<ExplorerNode>((resolve) => {
      const subscription = api.explorer.treeView.onDidExpandElement((e) => {
        subscription.dispose();
        resolve(e.element as ExplorerNode);
      });
    });
    await api.explorer.treeView.reveal(orders, { expand: true, select: true, focus: false });
    const element = await expanded;
    assert.equal(element.kind === 'mrap' && element.mrap.name, 'orders-global');
    const regions = (await api.explorer.provider.getChildren(orders)).filter((n) => n.kind === 'region').map((n) => item(n));
    assert.deepEqual(
      regions.map((i) => [i.label, i.description, i.contextValue]),
      [
        ['orders-use1', 'us-east-1 · active (100%)', 'mrapRegion.active'],
        ['orders-apse2', 'ap-southeast-2 · passive (0%)', 'mrapRegion.passive'],
      ],
    );
  });

  test('S3 MRAP: Copy ARN on a tree item puts the ARN on the clipboard', async () => {
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('s3mrap.explorer.copyArn', await mrapNode('orders-global'));
    assert.equal(await vscode.env.clipboard.readText(), `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap`);
  });

  test('Set Region Passive asks first; Cancel changes nothing, confirming changes the routes', async () => {
    const media = await mrapNode('media-active-active');
    const asked: string[] = [];
    let answer: string | undefined;
    const seam = api.explorer.answerConfirmations(async (message, detail, action) => {
      asked.push(`${message} [${action}] ${detail}`);
      return answer;
    });
    try {
      answer = undefined; // Cancel
      await vscode.commands.executeCommand('s3mrap.explorer.setRegionPassive', await regionNode(media, 'media-euc1'));
      assert.deepEqual(dials('media-active-active'), ['media-usw2=100', 'media-euc1=100']);
      answer = 'Set Passive';
      await vscode.commands.executeCommand('s3mrap.explorer.setRegionPassive', await regionNode(media, 'media-euc1'));
    } finally {
      seam.dispose();
    }
    assert.equal(asked.length, 2);
    assert.match(asked[1]!, /^Set Passive: media-euc1 \(eu-central-1\) in media-active-active\? \[Set Passive\] .*stop receiving requests/s);
    assert.deepEqual(dials('media-active-active'), ['media-usw2=100', 'media-euc1=0']);
    // The tree re-reads the routes of that MRAP.
    assert.equal(item(await regionNode(media, 'media-euc1')).description, 'eu-central-1 · passive (0%)');
    // The last active Region cannot be set passive: the command refuses without asking.
    let askedForLast = false;
    const refusals: string[] = [];
    const refused = api.explorer.answerConfirmations(
      async (_message, _detail, action) => {
        askedForLast = true;
        return action;
      },
      (message) => refusals.push(message),
    );
    try {
      await vscode.commands.executeCommand('s3mrap.explorer.setRegionPassive', await regionNode(media, 'media-usw2'));
    } finally {
      refused.dispose();
    }
    assert.equal(askedForLast, false, 'no confirmation for the last active Region');
    assert.deepEqual(refusals, ['media-usw2 is the last active Region of media-active-active. At least one Region must stay active; set another Region active first.']);
    assert.deepEqual(dials('media-active-active'), ['media-usw2=100', 'media-euc1=0']);
  });

  test('Set Region Active on a passive Region, confirmed, makes it active again', async () => {
    const media = await mrapNode('media-active-active');
    const passive = await regionNode(media, 'media-euc1');
    assert.equal(item(passive).contextValue, 'mrapRegion.passive', 'left passive by the previous test');
    const actions: string[] = [];
    const seam = api.explorer.answerConfirmations(async (_message, _detail, action) => {
      actions.push(action);
      return action;
    });
    try {
      await vscode.commands.executeCommand('s3mrap.explorer.setRegionActive', passive);
    } finally {
      seam.dispose();
    }
    assert.deepEqual(actions, ['Set Active']);
    assert.deepEqual(dials('media-active-active'), ['media-usw2=100', 'media-euc1=100']);
    assert.equal(item(await regionNode(media, 'media-euc1')).description, 'eu-central-1 · active (100%)');
  });

  test('Simulate Routing on a tree item opens the panel with the live Regions and their routes', async () => {
    const rendered = nextRender(api, (r) => r.name === 'orders-global', 'orders-global');
    const done = Promise.resolve(vscode.commands.executeCommand('s3mrap.explorer.simulateRouting', await mrapNode('orders-global')));
    // It asks where the client is: a quick pick whose first item is the last location (Frankfurt in a new profile). Nothing
    // signals that the box is open, so accept whatever quick input is open until the command has finished.
    let finished = false;
    void done.finally(() => (finished = true));
    while (!finished) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    await done;
    const result = await rendered;
    try {
      assert.deepEqual(api.simulation.scenario()?.regions, [
        { region: 'us-east-1', bucket: 'orders-use1', state: 'active' },
        { region: 'ap-southeast-2', bucket: 'orders-apse2', state: 'passive' },
      ]);
      assert.equal(result.from, 'Frankfurt');
      assert.equal(result.outcome, 'routed');
      assert.equal(result.chosen, 'us-east-1');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('AccessDenied from AWS shows the access-denied welcome, and Refresh recovers', async () => {
    emulator.faults.add({ kind: 'accessDenied', operation: 'ListMultiRegionAccessPoints' });
    await api.explorer.refresh();
    assert.equal(api.explorer.state(), 'accessDenied');
    assert.deepEqual(await api.explorer.provider.getChildren(), []);
    assert.match(api.explorer.treeView.message ?? '', /^Access denied while listing Multi-Region Access Points \(AccessDenied\)/);
    assert.equal(api.explorer.treeView.description, undefined);
    assert.match(welcomeFor('accessDenied'), /s3:ListMultiRegionAccessPoints/);
    emulator.faults.clear();
    await vscode.commands.executeCommand('s3mrap.explorer.refresh');
    assert.equal(api.explorer.state(), 'ready');
    assert.equal(api.explorer.treeView.message, undefined);
  });

  test('a profile without credentials shows the no-credentials welcome; the default profile works again', async () => {
    const before = emulator.requests.length;
    await config().update('profile', 'no-credentials', vscode.ConfigurationTarget.Global);
    await waitForExplorerState(api, 'noCredentials');
    assert.match(api.explorer.treeView.message ?? '', /^No AWS credentials were found/);
    assert.equal(api.explorer.treeView.description, 'no-credentials');
    assert.match(welcomeFor('noCredentials'), /Select AWS Profile/);
    assert.equal(emulator.requests.length, before, 'nothing is sent without credentials');
    await config().update('profile', undefined, vscode.ConfigurationTarget.Global);
    await waitForExplorerState(api, 'ready');
    assert.equal(api.explorer.treeView.description, ACCOUNT);
  });
});
