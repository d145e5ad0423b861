/** The tree provider's states and children against the emulator (with a minimal `vscode` stand-in). */
import { contextKeys } from './fakeVscode';
import * as assert from 'node:assert/strict';
import type { ExplorerNode } from '../../../client/src/explorer/nodes';
import type { Mrap, MrapApi, S3ControlOptions } from '../../../client/src/explorer/s3Control';
import { MrapTreeProvider } from '../../../client/src/explorer/treeProvider';
import { startEmulator, type RunningEmulator } from '../../../tools/emulator/server';
import { useEmulator } from './awsSandbox';

describe('explorer: tree provider', () => {
  let emulator: RunningEmulator;
  const providers: MrapTreeProvider[] = [];
  const provider = (options: S3ControlOptions = {}, trusted = true): MrapTreeProvider => {
    const p = new MrapTreeProvider(() => ({ endpoint: emulator.url, maxAttempts: 1, ...options }), () => trusted);
    providers.push(p);
    return p;
  };
  const labels = (p: MrapTreeProvider, nodes: ExplorerNode[]) => nodes.map((n) => {
    const item = p.getTreeItem(n);
    return `${String(item.label)} | ${item.description ?? ''} | ${item.contextValue}`;
  });

  useEmulator((e) => {
    emulator = e;
  });
  beforeEach(() => {
    contextKeys.clear();
  });
  afterEach(() => {
    for (const p of providers.splice(0)) p.dispose();
  });

  it('lists the MRAPs at the root, loading once for concurrent callers, and sets the state to ready', async () => {
    const p = provider();
    const [roots] = await Promise.all([p.getChildren(), p.getChildren()]);
    assert.deepEqual(labels(p, roots), [
      'media-active-active | Ready · 2 Regions | mrap',
      'orders-global | Ready · 3 Regions | mrap',
      'shared-cross-account | Ready · 2 Regions | mrap',
    ]);
    assert.equal(p.state, 'ready');
    assert.equal(contextKeys.get('s3mrap.explorer.state'), 'ready');
    assert.equal(p.accountId, '111122223333');
    assert.equal(emulator.requests.filter((r) => r.operation === 'ListMultiRegionAccessPoints').length, 1);
  });

  it('expands an MRAP into its Regions with routing state, Public access block and Policy', async () => {
    const p = provider();
    const orders = (await p.getChildren()).find((n) => n.kind === 'mrap' && n.mrap.name === 'orders-global')!;
    const children = await p.getChildren(orders);
    assert.deepEqual(labels(p, children), [
      'orders-use1 | us-east-1 · active (100%) | mrapRegion.active',
      'orders-euw1 | eu-west-1 · active (100%) | mrapRegion.active',
      'orders-apse2 | ap-southeast-2 · passive (0%) | mrapRegion.passive',
      'Public access block | all blocked | mrapPublicAccessBlock',
      'Policy | not public | mrapPolicy',
    ]);
    const flags = await p.getChildren(children[3]);
    assert.equal(flags.length, 4);
  });

  it('shows a message node when routes cannot be read, and leaves Regions unknown', async () => {
    emulator.faults.add({ kind: 'accessDenied', operation: 'GetMultiRegionAccessPointRoutes' });
    const p = provider();
    const first = (await p.getChildren())[0]!;
    const children = await p.getChildren(first);
    const shown = labels(p, children);
    assert.match(shown[0]!, /unknown \| mrapRegion\.unknown$/);
    assert.match(shown[shown.length - 1]!, /^Routes unavailable \| Access denied while reading the routes of media-active-active/);
  });

  it('turns failures into view states, not exceptions', async () => {
    const noCreds = provider({ profile: 'empty' });
    assert.deepEqual(await noCreds.getChildren(), []);
    assert.equal(noCreds.state, 'noCredentials');
    assert.equal(contextKeys.get('s3mrap.explorer.state'), 'noCredentials');

    const expired = provider({ profile: 'sso-expired' });
    await expired.getChildren();
    assert.equal(expired.state, 'expiredSso');

    emulator.faults.add({ kind: 'accessDenied', operation: 'ListMultiRegionAccessPoints', count: 1 });
    const denied = provider();
    await denied.getChildren();
    assert.equal(denied.state, 'accessDenied');
    assert.match(denied.error!.message, /^Access denied while listing/);

    emulator.faults.add({ kind: 'drop', operation: 'GetCallerIdentity' });
    const offline = provider({ profile: 'team' });
    await offline.getChildren();
    assert.equal(offline.state, 'network');
  });

  it('reports an account without MRAPs as empty', async () => {
    const bare = await startEmulator({ seed: { accountId: '999988887777', buckets: [], mraps: [] } });
    try {
      const p = new MrapTreeProvider(() => ({ endpoint: bare.url }), () => true);
      providers.push(p);
      assert.deepEqual(await p.getChildren(), []);
      assert.equal(p.state, 'empty');
      assert.equal(p.accountId, '999988887777');
    } finally {
      await bare.close();
    }
  });

  it('makes no AWS call in an untrusted workspace', async () => {
    const p = provider({}, false);
    assert.deepEqual(await p.getChildren(), []);
    assert.equal(p.state, 'untrusted');
    assert.equal(emulator.requests.length, 0);
  });

  it('re-reads routes of one MRAP after a route change', async () => {
    const p = provider();
    const orders = (await p.getChildren()).find((n) => n.kind === 'mrap' && n.mrap.name === 'orders-global')!;
    assert.ok(orders.kind === 'mrap');
    await p.getChildren(orders);
    const api = await p.getApi();
    await api.submitRoutes(orders.mrap, [{ bucket: 'orders-apse2', trafficDialPercentage: 100 }]);
    const changed: unknown[] = [];
    p.onDidChangeTreeData((n) => changed.push(n));
    p.refreshMrap(orders.mrap);
    assert.equal(changed.length, 1);
    assert.match(labels(p, await p.getChildren(orders))[2]!, /ap-southeast-2 · active \(100%\)/);
    await api.submitRoutes(orders.mrap, [{ bucket: 'orders-apse2', trafficDialPercentage: 0 }]);
  });

  it('a reset (settings changed) while a load is running supersedes that load: the old settings never set the state', async () => {
    const mrap = (name: string, accountId: string): Mrap => ({ name, alias: `${name}.mrap`, arn: `arn:aws:s3::${accountId}:accesspoint/${name}.mrap`, accountId, status: 'READY', regions: [] });
    let releaseOld: (accountId: string) => void = () => undefined;
    const disposed: string[] = [];
    const fakeApi = (endpoint: string, accountId: Promise<string>, mraps: Mrap[]): MrapApi =>
      ({ getAccountId: () => accountId, listMraps: async () => mraps, dispose: () => disposed.push(endpoint) }) as unknown as MrapApi;
    let endpoint = 'http://old.invalid';
    const p = new MrapTreeProvider(() => ({ endpoint }), () => true, async (o) =>
      o.endpoint === 'http://old.invalid'
        ? fakeApi('old', new Promise<string>((resolve) => (releaseOld = resolve)), [mrap('old-mrap', '111111111111')])
        : fakeApi('new', Promise.resolve('222222222222'), [mrap('new-mrap', '222222222222')]),
    );
    providers.push(p);
    const firstLoad = p.getChildren();
    endpoint = 'http://new.invalid';
    await p.reset();
    assert.equal(p.state, 'ready');
    assert.equal(p.accountId, '222222222222');
    assert.deepEqual(p.items.map((m) => m.name), ['new-mrap']);
    releaseOld('111111111111');
    const roots = await firstLoad;
    assert.deepEqual(roots.map((n) => n.mrap?.name), ['new-mrap']);
    assert.equal(p.accountId, '222222222222');
    assert.deepEqual(disposed, ['old']);
    assert.deepEqual((await (await p.getApi()).listMraps()).map((m) => m.name), ['new-mrap']);
  });
});
