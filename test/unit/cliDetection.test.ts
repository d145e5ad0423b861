import * as assert from 'node:assert/strict';
import { parseSource } from '../../server/src/core';

/** AWS CLI input files are recognised by shape (sources/cliJson.ts). */
describe('AWS CLI input detection', () => {
  const shapeOf = (text: string): string | undefined => parseSource(text, { fileName: 'input.json' })?.cliShape;

  it('recognises put-multi-region-access-point-policy --details with the policy as a string', () => {
    assert.equal(shapeOf('{"Name": "global-data", "Policy": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[]}"}'), 'mrap-policy-details');
  });

  it('recognises policy details written with the CloudFormation name MrapName or a policy object', () => {
    assert.equal(shapeOf('{"MrapName": "global-data", "Policy": {"Version": "2012-10-17", "Statement": []}}'), 'mrap-policy-details');
  });

  it('recognises a --cli-input-json skeleton for the policy', () => {
    const t = parseSource('{"AccountId": "111122223333", "Details": {"Name": "global-data", "Policy": "{}"}}', { fileName: 'skeleton.json' });
    assert.equal(t?.cliShape, 'mrap-policy-details');
    assert.equal(t?.dialect, 'api');
  });

  it('recognises route updates as a plain list and as a skeleton', () => {
    assert.equal(shapeOf('[{"Bucket": "b1", "TrafficDialPercentage": 100}]'), 'route-updates');
    assert.equal(shapeOf('{"Mrap": "arn:aws:s3::111122223333:accesspoint/a.mrap", "RouteUpdates": [{"Region": "us-east-1"}]}'), 'route-updates');
  });

  it('leaves other JSON alone: an IAM policy document, a file with Name and Policy among other keys', () => {
    assert.equal(parseSource('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}', { fileName: 'p.json' }), undefined);
    assert.equal(shapeOf('{"Name": "x", "Policy": "{}", "Description": "a role", "Path": "/"}'), undefined);
  });
});
