/** The explorer's commands, run against the emulator with a scripted `vscode` stand-in. */
import { ui } from './fakeVscode';
import * as assert from 'node:assert/strict';
import { registerCommands } from '../../../client/src/explorer/commands';
import { ExplorerDocuments, documentUri } from '../../../client/src/explorer/documents';
import type { ExplorerNode } from '../../../client/src/explorer/nodes';
import { MrapTreeProvider } from '../../../client/src/explorer/treeProvider';
import type { RunningEmulator } from '../../../tools/emulator/server';
import { useEmulator } from './awsSandbox';

type RegionNode = Extract<ExplorerNode, { kind: 'region' }>;
type MrapNode = Extract<ExplorerNode, { kind: 'mrap' }>;

describe('explorer: commands', () => {
  let emulator: RunningEmulator;
  let tree: MrapTreeProvider;
  let disposables: { dispose(): void }[];
  const run = (id: string, node?: ExplorerNode): Promise<unknown> => {
    const command = ui.registered.get(`s3mrap.explorer.${id}`);
    assert.ok(command, `command ${id} is registered`);
    return Promise.resolve(command(node));
  };
  const mrapNode = async (name: string): Promise<MrapNode> => {
    const node = (await tree.getChildren()).find((n): n is MrapNode => n.kind === 'mrap' && n.mrap.name === name);
    assert.ok(node, `${name} is listed`);
    return node;
  };
  const regionNode = async (name: string, bucket: string): Promise<RegionNode> => {
    const node = (await tree.getChildren(await mrapNode(name))).find((n): n is RegionNode => n.kind === 'region' && n.region.bucket === bucket);
    assert.ok(node, `${bucket} is a Region of ${name}`);
    return node;
  };
  const dials = (name: string) => emulator.state.get(name).regions.map((r) => `${r.bucket}=${r.trafficDialPercentage}`);
  const submits = () => emulator.requests.filter((r) => r.operation === 'SubmitMultiRegionAccessPointRoutes');

  useEmulator((e) => {
    emulator = e;
  });
  beforeEach(() => {
    ui.reset();
    tree = new MrapTreeProvider(() => ({ endpoint: emulator.url, maxAttempts: 1 }), () => true);
    disposables = registerCommands(tree);
  });
  afterEach(() => {
    for (const d of disposables) d.dispose();
    tree.dispose();
  });

  describe('Set Region Active / Passive', () => {
    it('asks with a modal stating the effect and the ~2 minute delay, then submits the route change', async () => {
      ui.warningAnswers.push('Set Passive');
      await run('setRegionPassive', await regionNode('media-active-active', 'media-euc1'));
      assert.equal(ui.warnings.length, 1);
      const [warning] = ui.warnings;
      assert.match(warning!.message, /Set Passive: media-euc1 \(eu-central-1\) in media-active-active\?/);
      assert.deepEqual(warning!.items, ['Set Passive']);
      const options = warning!.options as { modal: boolean; detail: string };
      assert.equal(options.modal, true);
      assert.match(options.detail, /stop receiving requests/);
      assert.match(options.detail, /about 2 minutes/);
      assert.deepEqual(dials('media-active-active'), ['media-usw2=100', 'media-euc1=0']);
      assert.match(ui.infos[0]!, /submitted/);

      ui.warningAnswers.push('Set Active');
      await run('setRegionActive', await regionNode('media-active-active', 'media-euc1'));
      assert.deepEqual(dials('media-active-active'), ['media-usw2=100', 'media-euc1=100']);
    });

    it('changes nothing when the confirmation is dismissed', async () => {
      ui.warningAnswers.push(undefined);
      await run('setRegionPassive', await regionNode('media-active-active', 'media-usw2'));
      assert.equal(submits().length, 0);
      assert.deepEqual(dials('media-active-active'), ['media-usw2=100', 'media-euc1=100']);
    });

    it('refuses to make the last active Region passive, without asking AWS', async () => {
      emulator.state.submitRoutes(emulator.state.arnOf(emulator.state.get('media-active-active')), [{ bucket: 'media-euc1', trafficDialPercentage: 0 }]);
      try {
        await run('setRegionPassive', await regionNode('media-active-active', 'media-usw2'));
        assert.equal(ui.warnings.length, 0);
        assert.match(ui.errors[0]!.message, /last active Region/);
        assert.equal(submits().length, 0);
      } finally {
        emulator.state.submitRoutes(emulator.state.arnOf(emulator.state.get('media-active-active')), [{ bucket: 'media-euc1', trafficDialPercentage: 100 }]);
      }
    });

    it('shows a failure as one scrubbed error message', async () => {
      const node = await regionNode('media-active-active', 'media-euc1');
      emulator.faults.add({ kind: 'accessDenied', operation: 'GetMultiRegionAccessPointRoutes' });
      await run('setRegionPassive', node);
      assert.equal(ui.errors.length, 1);
      assert.match(ui.errors[0]!.message, /^Access denied while reading the routes of media-active-active/);
    });
  });

  it('copies the ARN, alias and global endpoint', async () => {
    const node = await mrapNode('orders-global');
    await run('copyArn', node);
    assert.equal(ui.clipboard, 'arn:aws:s3::111122223333:accesspoint/mfzwi23gnjvgw.mrap');
    await run('copyAlias', node);
    assert.equal(ui.clipboard, 'mfzwi23gnjvgw.mrap');
    await run('copyGlobalEndpoint', node);
    assert.equal(ui.clipboard, 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com');
  });

  it('opens the console page of the MRAP', async () => {
    await run('openInConsole', await mrapNode('orders-global'));
    assert.deepEqual(ui.opened, ['https://console.aws.amazon.com/s3/mraccesspoint/orders-global?region=us-west-2']);
  });

  it('opens the policy and the details as read-only explorer documents', async () => {
    await run('openPolicy', await mrapNode('orders-global'));
    await run('showDetails', await mrapNode('orders-global'));
    assert.deepEqual(ui.shown.map((d) => `${d.uri?.scheme}:${d.uri?.path}:${d.language}`), [
      's3mrap-explorer:/orders-global/policy.json:jsonc',
      's3mrap-explorer:/orders-global/details.json:jsonc',
    ]);
  });

  it('serves the policy (pretty JSON), a missing policy and the details', async () => {
    const docs = new ExplorerDocuments(tree);
    const content = (name: string, kind: 'policy' | 'details') => docs.provideTextDocumentContent(documentUri(name, kind) as never);
    const policy = JSON.parse(await content('orders-global', 'policy')) as { Statement: { Resource: string }[] };
    assert.equal(policy.Statement[0]!.Resource, 'arn:aws:s3::111122223333:accesspoint/mfzwi23gnjvgw.mrap/object/*');
    assert.equal(await content('media-active-active', 'policy'), '// media-active-active has no policy.\n');
    const details = JSON.parse(await content('orders-global', 'details')) as { Regions: { Routing: string }[] };
    assert.deepEqual(details.Regions.map((r) => r.Routing), ['active', 'active', 'passive']);
    assert.match(await content('no-such-mrap', 'details'), /^\/\/ Not found while reading no-such-mrap/);
    docs.dispose();
  });

  it('exports an untitled CloudFormation YAML document', async () => {
    await run('exportCloudFormation', await mrapNode('orders-global'));
    const [doc] = ui.shown;
    assert.equal(doc?.language, 'yaml');
    assert.match(doc!.content!, /Type: AWS::S3::MultiRegionAccessPoint\n/);
    assert.match(doc!.content!, /Type: AWS::S3::MultiRegionAccessPointPolicy\n/);
    assert.match(doc!.content!, /orders-apse2: passive/);
  });

  it('hands the MRAP and its Region states to s3mrap.simulateRouting, or says it is unavailable', async () => {
    await run('simulateRouting', await mrapNode('orders-global'));
    assert.match(ui.infos[0]!, /not available/);
    const received: unknown[] = [];
    ui.registered.set('s3mrap.simulateRouting', (input) => received.push(input));
    try {
      await run('simulateRouting', await mrapNode('orders-global'));
    } finally {
      ui.registered.delete('s3mrap.simulateRouting');
    }
    assert.deepEqual(received, [
      {
        name: 'orders-global',
        regions: [
          { bucket: 'orders-use1', region: 'us-east-1', state: 'active' },
          { bucket: 'orders-euw1', region: 'eu-west-1', state: 'active' },
          { bucket: 'orders-apse2', region: 'ap-southeast-2', state: 'passive' },
        ],
      },
    ]);
  });

  it('selects a profile from the shared files into the user setting', async () => {
    let offered: string[] = [];
    ui.quickPickAnswers.push((items) => {
      offered = items.map((i) => i.label);
      return items.find((i) => i.label === 'team');
    });
    await run('selectProfile');
    assert.deepEqual(offered.slice(0, 3), ['$(check) Default credential chain', 'default', 'assume']);
    assert.ok(offered.includes('sso-expired'));
    assert.deepEqual(ui.settingUpdates, [{ key: 's3mrap.explorer.profile', value: 'team', target: 1 }]);
    ui.settings.delete('s3mrap.explorer.profile');
  });
});
