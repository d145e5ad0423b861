import * as assert from 'node:assert/strict';
import * as yaml from 'js-yaml';
import { analyze } from '../../../server/src/core';
import { logicalId, toCloudFormation } from '../../../client/src/explorer/cfnExport';
import type { Mrap } from '../../../client/src/explorer/s3Control';

const MRAP: Mrap = {
  name: 'orders-global',
  alias: 'mfzwi23gnjvgw.mrap',
  arn: 'arn:aws:s3::111122223333:accesspoint/mfzwi23gnjvgw.mrap',
  accountId: '111122223333',
  status: 'READY',
  publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
  regions: [
    { bucket: 'orders-use1', region: 'us-east-1', bucketAccountId: '111122223333' },
    { bucket: 'orders-apne1', region: 'ap-northeast-1', bucketAccountId: '444455556666' },
  ],
};
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: ['arn:aws:s3::111122223333:accesspoint/mfzwi23gnjvgw.mrap/object/${aws:username}/*', 'arn:aws:s3::111122223333:accesspoint/mfzwi23gnjvgw.mrap'],
    },
    { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  ],
});

/** js-yaml schema that keeps CloudFormation short-form tags as plain data. */
function loadCfn(text: string): unknown {
  const sub = new yaml.Type('!Sub', { kind: 'scalar', construct: (data: string) => ({ 'Fn::Sub': data }) });
  return yaml.load(text, { schema: yaml.DEFAULT_SCHEMA.extend([sub]) });
}

describe('explorer: export as CloudFormation', () => {
  it('produces a template the analyzer finds clean', () => {
    const yaml = toCloudFormation(MRAP, POLICY, [{ bucket: 'orders-use1', trafficDialPercentage: 100 }]);
    const result = analyze(yaml, { fileName: 'exported.yaml', languageId: 'yaml' });
    assert.ok(result.template, 'the analyzer recognises the export as a template');
    assert.deepEqual(result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`), []);
  });

  it('is equivalent to the live MRAP, with policy ARNs retargeted to the new alias', () => {
    const doc = loadCfn(toCloudFormation(MRAP, POLICY)) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const mrap = doc.Resources.OrdersGlobal!;
    assert.equal(mrap.Type, 'AWS::S3::MultiRegionAccessPoint');
    assert.deepEqual(mrap.Properties, {
      Name: 'orders-global',
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      Regions: [{ Bucket: 'orders-use1' }, { Bucket: 'orders-apne1', BucketAccountId: '444455556666' }],
    });
    const policy = doc.Resources.OrdersGlobalPolicy!;
    assert.equal(policy.Type, 'AWS::S3::MultiRegionAccessPointPolicy');
    assert.deepEqual(policy.Properties.MrapName, { Ref: 'OrdersGlobal' });
    const statements = (policy.Properties.Policy as { Statement: { Resource: unknown; Principal: unknown }[] }).Statement;
    assert.deepEqual(statements[0]!.Resource, [
      { 'Fn::Sub': 'arn:${AWS::Partition}:s3::${AWS::AccountId}:accesspoint/${OrdersGlobal.Alias}/object/${!aws:username}/*' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:s3::${AWS::AccountId}:accesspoint/${OrdersGlobal.Alias}' },
    ]);
    assert.equal(statements[1]!.Principal, '*');
    assert.equal(statements[1]!.Resource, '*');
  });

  it('leaves out the policy resource when there is no policy, and names logical ids safely', () => {
    const doc = loadCfn(toCloudFormation(MRAP)) as { Resources: Record<string, unknown> };
    assert.deepEqual(Object.keys(doc.Resources), ['OrdersGlobal']);
    assert.equal(logicalId('1st-mrap'), 'Mrap1stMrap');
  });
});
