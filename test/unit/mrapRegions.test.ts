import * as assert from 'node:assert/strict';
import { LineIndex, parseSource, runRules, type Resource, type Template } from '../../server/src/core';
import { lacksMrapTypes } from '../../server/src/core/rules/mrap/unsupportedStackRegion';

/**
 * Region-aware MRAP rules. CDK apps give each resource its stack's Region (`Resource.region`);
 * the template below is given those Regions by hand, the way the CDK reader would.
 */
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Mrap:
    Type: AWS::S3::MultiRegionAccessPoint
    Properties:
      Regions:
        - Bucket: !Ref UsBucket
        - Bucket: !Ref EuBucket
  UsBucket:
    Type: AWS::S3::Bucket
  EuBucket:
    Type: AWS::S3::Bucket
`;

function withRegions(regions: Record<string, string>): Template {
  const parsed = parseSource(TEMPLATE, { fileName: 't.yaml' });
  assert.ok(parsed);
  const resources: Resource[] = parsed.resources.map((r) => ({ ...r, region: regions[r.logicalId] }));
  return { ...parsed, resources, resourcesById: new Map(resources.map((r) => [r.logicalId, r])) };
}

function ruleIds(template: Template): string[] {
  return runRules(template, TEMPLATE, new LineIndex(TEMPLATE)).map((d) => d.ruleId);
}

describe('MRAP rules and Regions', () => {
  it('buckets of one template without Regions of their own share the stack Region: one bucket per Region is broken', () => {
    assert.deepEqual(ruleIds(withRegions({})), ['mrap/buckets-not-replicated', 'mrap/one-bucket-per-region']);
  });

  it('buckets whose resources carry different Regions (CDK stacks) are fine for one-bucket-per-region, and still get the replication hint', () => {
    assert.deepEqual(ruleIds(withRegions({ UsBucket: 'us-east-1', EuBucket: 'eu-west-1', Mrap: 'us-east-1' })), ['mrap/buckets-not-replicated']);
  });

  it('buckets whose resources carry the same Region are compared', () => {
    assert.ok(ruleIds(withRegions({ UsBucket: 'eu-west-1', EuBucket: 'eu-west-1' })).includes('mrap/one-bucket-per-region'));
  });

  it('a resource in a Region without the MRAP types is reported even without a stack Region', () => {
    assert.ok(ruleIds(withRegions({ Mrap: 'cn-northwest-1', UsBucket: 'us-east-1', EuBucket: 'eu-west-1' })).includes('mrap/unsupported-stack-region'));
  });

  it('knows which Regions lack the MRAP resource types', () => {
    for (const r of ['cn-north-1', 'cn-northwest-1', 'us-gov-east-1', 'us-gov-west-1', 'ap-east-2', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'mx-central-1']) {
      assert.equal(lacksMrapTypes(r), true, r);
    }
    for (const r of ['us-east-1', 'us-west-2', 'eu-central-1', 'ap-east-1', 'ap-southeast-1', 'ap-southeast-4', 'il-central-1']) {
      assert.equal(lacksMrapTypes(r), false, r);
    }
  });
});
