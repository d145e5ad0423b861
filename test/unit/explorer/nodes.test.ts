import * as assert from 'node:assert/strict';
import { activeAfter, blockFlags, consoleUrl, details, mrapChildren, present, simulationInput, type ExplorerNode } from '../../../client/src/explorer/nodes';
import type { Mrap, MrapRoute } from '../../../client/src/explorer/s3Control';

const MRAP: Mrap = {
  name: 'orders-global',
  alias: 'mfzwi23gnjvgw.mrap',
  arn: 'arn:aws:s3::111122223333:accesspoint/mfzwi23gnjvgw.mrap',
  accountId: '111122223333',
  status: 'READY',
  createdAt: new Date('2025-03-14T09:26:53Z'),
  publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false },
  regions: [
    { bucket: 'orders-use1', region: 'us-east-1', bucketAccountId: '111122223333' },
    { bucket: 'orders-apne1', region: 'ap-northeast-1', bucketAccountId: '444455556666' },
  ],
};
const ROUTES: MrapRoute[] = [
  { bucket: 'orders-use1', region: 'us-east-1', trafficDialPercentage: 100 },
  { bucket: 'orders-apne1', region: 'ap-northeast-1', trafficDialPercentage: 0 },
];

describe('explorer: nodes', () => {
  it('presents an MRAP with status, Region count and a tooltip with alias, ARN, global endpoint and creation time', () => {
    const p = present({ kind: 'mrap', mrap: MRAP });
    assert.equal(p.label, 'orders-global');
    assert.equal(p.description, 'Ready · 2 Regions');
    assert.deepEqual(p.icon, { id: 'pass', color: 'testing.iconPassed' });
    assert.equal(p.contextValue, 'mrap');
    assert.equal(p.collapsible, 'collapsed');
    for (const part of ['`mfzwi23gnjvgw.mrap`', '`arn:aws:s3::111122223333:accesspoint/mfzwi23gnjvgw.mrap`', '`mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com`', '2025-03-14T09:26:53.000Z']) {
      assert.ok(p.tooltip.includes(part), `tooltip lacks ${part}`);
    }
  });

  it('shows transitional and broken statuses differently', () => {
    assert.equal(present({ kind: 'mrap', mrap: { ...MRAP, status: 'CREATING' } }).icon.id, 'sync~spin');
    const partial = present({ kind: 'mrap', mrap: { ...MRAP, status: 'PARTIALLY_CREATED' } });
    assert.equal(partial.icon.id, 'warning');
    assert.match(partial.description!, /^Partially created/);
  });

  it('lists Regions (active/passive with traffic dial, cross-account owner), then Public access block and Policy', () => {
    const children = mrapChildren(MRAP, ROUTES, false).map(present);
    assert.deepEqual(children.map((c) => [c.label, c.description, c.contextValue]), [
      ['orders-use1', 'us-east-1 · active (100%)', 'mrapRegion.active'],
      ['orders-apne1', 'ap-northeast-1 · passive (0%) · account 444455556666', 'mrapRegion.passive'],
      ['Public access block', '3 of 4 on', 'mrapPublicAccessBlock'],
      ['Policy', 'not public', 'mrapPolicy'],
    ]);
    assert.match(children[1]!.tooltip, /Bucket account: 444455556666/);
    assert.equal(children[3]!.command?.command, 's3mrap.explorer.openPolicy');
  });

  it('marks Regions unknown when routes could not be read', () => {
    const [first] = mrapChildren(MRAP, undefined).map(present);
    assert.equal(first!.contextValue, 'mrapRegion.unknown');
    assert.match(first!.description!, /unknown/);
  });

  it('shows each public access block flag', () => {
    assert.deepEqual(blockFlags(MRAP).map(present).map((p) => `${p.label}=${p.description}`), [
      'BlockPublicAcls=on',
      'IgnorePublicAcls=on',
      'BlockPublicPolicy=on',
      'RestrictPublicBuckets=off',
    ]);
  });

  it('gives every node a unique id', () => {
    const nodes: ExplorerNode[] = [{ kind: 'mrap', mrap: MRAP }, ...mrapChildren(MRAP, ROUTES), ...blockFlags(MRAP)];
    const ids = nodes.map((n) => present(n).id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('counts the active Regions a route change would leave', () => {
    assert.equal(activeAfter(ROUTES, 'orders-use1', false), 0);
    assert.equal(activeAfter(ROUTES, 'orders-apne1', true), 2);
    assert.equal(activeAfter(ROUTES, 'orders-apne1', false), 1);
  });

  it('builds the console URL, the simulation input and the details document', () => {
    assert.equal(consoleUrl(MRAP), 'https://console.aws.amazon.com/s3/mraccesspoint/orders-global?region=us-west-2');
    assert.deepEqual(simulationInput(MRAP, ROUTES), {
      name: 'orders-global',
      regions: [
        { bucket: 'orders-use1', region: 'us-east-1', state: 'active' },
        { bucket: 'orders-apne1', region: 'ap-northeast-1', state: 'passive' },
      ],
    });
    const d = JSON.parse(details(MRAP, ROUTES, false)) as { GlobalEndpoint: string; Regions: { Routing: string }[] };
    assert.equal(d.GlobalEndpoint, 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com');
    assert.deepEqual(d.Regions.map((r) => r.Routing), ['active', 'passive']);
  });
});
