import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSource } from '../../../server/src/core';
import { describeFailover, failoverImpact, failoverPreview, mrapsFromTemplate, notFoundRisk, type ReplicationInput } from '../../../server/src/core/routing';
import { regionInName } from '../../../server/src/core/routing/fromTemplate';
import { FIXTURES } from '../../support/paths';

function template(file: string) {
  const full = path.join(FIXTURES, 'routing', file);
  const t = parseSource(fs.readFileSync(full, 'utf8'), { fileName: full });
  assert.ok(t, `${file} parses`);
  return t;
}

describe('routing: MRAPs from templates', () => {
  it('reads the Region from full Region codes in bucket names only', () => {
    const cases: [string, string | undefined][] = [
      ['data-us-east-1', 'us-east-1'],
      ['us-east-1-logs', 'us-east-1'],
      ['eu-data.eu-north-1', 'eu-north-1'],
      ['logs-euw1', undefined], // abbreviations are ambiguous
      ['data-us-east-10', undefined],
      ['copy-us-east-1-to-eu-west-1', undefined], // two Regions: cannot tell
      ['plain-bucket', undefined],
    ];
    for (const [name, region] of cases) assert.equal(regionInName(name), region, name);
  });

  it('extracts literal buckets with Regions from their names', () => {
    const [m, ...more] = mrapsFromTemplate(template('three-regions.yaml'));
    assert.equal(more.length, 0);
    assert.equal(m?.name, 'global-assets');
    assert.deepEqual(
      m?.regions.map((r) => [r.bucket, r.region, r.regionSource]),
      [
        ['assets-us-east-1', 'us-east-1', 'name'],
        ['assets-eu-west-1', 'eu-west-1', 'name'],
        ['assets-ap-northeast-1', 'ap-northeast-1', 'name'],
      ],
    );
    // buckets defined elsewhere: their replication rules are not visible
    assert.deepEqual(m?.replication, { links: [], unknownFrom: ['us-east-1', 'eu-west-1', 'ap-northeast-1'] });
  });

  it('uses the user map and same-template replication rules', () => {
    const t = template('replicated.yaml');
    const [unknown] = mrapsFromTemplate(t);
    assert.deepEqual(unknown?.regions.map((r) => r.region), [undefined, undefined]);
    const [m] = mrapsFromTemplate(t, { Primary: 'us-east-1', Secondary: 'eu-west-1' });
    assert.equal(m?.logicalId, 'Mrap');
    assert.deepEqual(m?.regions.map((r) => [r.bucket, r.region, r.regionSource]), [
      ['Primary', 'us-east-1', 'user'],
      ['Secondary', 'eu-west-1', 'user'],
    ]);
    assert.deepEqual(m?.replication, { links: [{ from: 'us-east-1', to: 'eu-west-1', filtered: false }], unknownFrom: [] });
  });

  it('finds every MRAP of a JSON template', () => {
    const ms = mrapsFromTemplate(template('two-mraps.json'), { 'legacy-bucket': 'us-east-2' });
    assert.deepEqual(ms.map((m) => [m.logicalId, m.name, m.regions.map((r) => r.region)]), [
      ['Europe', 'europe', ['eu-central-1', 'eu-north-1']],
      ['Americas', 'americas', ['us-west-2', 'sa-east-1', 'us-east-2']],
    ]);
  });
});

describe('routing: 404 risk', () => {
  const regions = ['us-east-1', 'eu-west-1', 'ap-northeast-1'];
  const cases: [string, ReplicationInput | undefined, string, string[]][] = [
    ['no replication information', undefined, 'unknown', ['us-east-1', 'eu-west-1']],
    ['summary none', 'none', 'missing', ['us-east-1', 'eu-west-1']],
    ['summary partial', 'partial', 'partial', ['us-east-1', 'eu-west-1']],
    ['summary full', 'full', 'lag', []],
    ['links from both others', { links: [{ from: 'us-east-1', to: 'ap-northeast-1' }, { from: 'eu-west-1', to: 'ap-northeast-1' }] }, 'lag', []],
    ['a link in the wrong direction', { links: [{ from: 'ap-northeast-1', to: 'us-east-1' }, { from: 'eu-west-1', to: 'ap-northeast-1' }] }, 'missing', ['us-east-1']],
    ['a filtered link', { links: [{ from: 'us-east-1', to: 'ap-northeast-1', filtered: true }, { from: 'eu-west-1', to: 'ap-northeast-1' }] }, 'partial', ['us-east-1']],
    ['a source defined elsewhere', { links: [{ from: 'eu-west-1', to: 'ap-northeast-1' }], unknownFrom: ['us-east-1'] }, 'unknown', ['us-east-1']],
  ];
  for (const [title, replication, level, missing] of cases) {
    it(`${title}: ${level}`, () => {
      const r = notFoundRisk('ap-northeast-1', regions, replication);
      assert.equal(r.level, level);
      assert.deepEqual(r.regions, missing);
      assert.match(r.message, /404/);
    });
  }
  it('a single bucket has no routing 404 risk', () => {
    assert.equal(notFoundRisk('us-east-1', ['us-east-1'], 'none').level, 'none');
  });
});

describe('routing: failover impact', () => {
  it('only the clients of the Region that goes passive move, to the next closest active Region', () => {
    const before = [
      { region: 'us-east-1', bucket: 'a', state: 'active' as const },
      { region: 'eu-west-1', bucket: 'b', state: 'active' as const },
    ];
    const after = [before[0]!, { ...before[1]!, state: 'passive' as const }];
    const impact = failoverImpact(before, after);
    assert.ok(impact.moves.length > 0);
    assert.ok(impact.moves.every((m) => m.from === 'eu-west-1' && m.to === 'us-east-1'));
    const moved = impact.moves.map((m) => m.edge);
    assert.ok(moved.includes('FRA') && moved.includes('LHR'), 'European edges move');
    assert.ok(!moved.includes('JFK') && !moved.includes('IAD'), 'US edges stay');
    assert.equal(impact.moves.length + impact.unchanged, 103);
    assert.ok(impact.notes.some((n) => /about 2 minutes/.test(n)) && impact.notes.some((n) => /Existing connections are not terminated/.test(n)));
  });

  it('previews a failover: the only active Region swaps with the closest passive one', () => {
    const regions = [
      { region: 'us-east-1', bucket: 'a', state: 'passive' as const },
      { region: 'eu-west-1', bucket: 'b', state: 'active' as const },
      { region: 'ap-northeast-1', bucket: 'c', state: 'passive' as const },
    ];
    const tokyo = { lat: 35.76, lon: 140.39 };
    const p = failoverPreview(regions, 'eu-west-1', tokyo);
    assert.equal(p?.promoted, 'ap-northeast-1');
    assert.deepEqual(p?.after.map((r) => r.state), ['passive', 'passive', 'active']);
    assert.equal(p?.impact.unchanged, 0, 'every client moves: there is one active Region before and after');
    assert.match(describeFailover(p!)[0] ?? '', /eu-west-1 set passive, ap-northeast-1 set active: the Failover control swaps the pair/);
    assert.equal(failoverPreview(regions, 'us-east-1', tokyo), undefined, 'a passive Region has nothing to fail over');
    assert.equal(failoverPreview([regions[1]!], 'eu-west-1', tokyo), undefined, 'a single Region has nothing to fail over to');
  });
});
