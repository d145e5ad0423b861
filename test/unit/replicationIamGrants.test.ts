import * as assert from 'node:assert/strict';
import { parseSource } from '../../server/src/core';
import { allows, notAllowed, roleActions, trustsS3 } from '../../server/src/core/rules/replication/iamGrants';

describe('replication IAM reading (R25/R26)', () => {
  it('matches IAM actions case-insensitively with * and ? wildcards', () => {
    const cases: [string[], string, boolean][] = [
      [['s3:ReplicateObject'], 's3:ReplicateObject', true],
      [['S3:replicateobject'], 's3:ReplicateObject', true],
      [['s3:Replicate*'], 's3:ReplicateTags', true],
      [['s3:GetObjectVersion*'], 's3:GetObjectVersionForReplication', true],
      [['s3:*'], 's3:ListBucket', true],
      [['*'], 'kms:Decrypt', true],
      [['kms:?ncrypt'], 'kms:Encrypt', true],
      [['s3:GetObjectVersion'], 's3:GetObjectVersionForReplication', false],
      [['s3:Replicate*'], 's3:GetReplicationConfiguration', false],
      [['s3.ListBucket'], 's3:ListBucket', false],
      [[], 's3:ListBucket', false],
    ];
    for (const [patterns, action, expected] of cases) assert.equal(allows(patterns, action), expected, `${patterns.join(',')} vs ${action}`);
  });

  it('lists the wanted actions no pattern allows, the same on every call (answers are remembered per pair of lists)', () => {
    const wanted = ['s3:ReplicateObject', 's3:ReplicateTags', 'kms:Decrypt'];
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(notAllowed(['s3:Replicate*'], wanted), ['kms:Decrypt']);
      assert.deepEqual(notAllowed(['s3:ReplicateObject'], wanted), ['s3:ReplicateTags', 'kms:Decrypt']);
      assert.deepEqual(notAllowed([], wanted), wanted);
      // Lists that would read the same once joined are still told apart.
      assert.deepEqual(notAllowed(['s3:ReplicateObject,s3:ReplicateTags'], wanted), wanted);
      assert.deepEqual(notAllowed(['s3:ReplicateObject', 's3:ReplicateTags'], wanted), ['kms:Decrypt']);
    }
  });

  const template = (roleProps: string, extra = ''): string => `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
${roleProps}
${extra}`;
  const roleOf = (text: string) => {
    const t = parseSource(text, { fileName: 't.yaml' });
    const role = t?.resourcesById.get('Role');
    assert.ok(t && role);
    return { t, role };
  };

  it('reads inline policies and attached policy resources, and gives up on anything computed', () => {
    const trust = `      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: s3.amazonaws.com}, Action: sts:AssumeRole}`;
    const inline = `${trust}
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: [s3:ListBucket], Resource: '*'}
              - {Effect: Deny, Action: ['*'], Resource: '*'}`;
    const attached = `  Extra:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: extra
      Roles: [!Ref Role]
      PolicyDocument:
        Statement:
          - {Effect: Allow, Action: 's3:Replicate*', Resource: '*'}`;
    let { t, role } = roleOf(template(inline, attached));
    assert.deepEqual(roleActions(t, role), ['s3:ListBucket', 's3:Replicate*']);
    assert.equal(trustsS3(role), true);
    ({ t, role } = roleOf(template(`${trust}\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonS3FullAccess]`)));
    assert.equal(roleActions(t, role), undefined, 'an AWS managed policy cannot be read');
    ({ t, role } = roleOf(template(inline.replace('Action: [s3:ListBucket]', 'Action: !Ref Actions'))));
    assert.equal(roleActions(t, role), undefined, 'a computed Action cannot be read');
    ({ t, role } = roleOf(template(inline, attached.replace('[!Ref Role]', '[!Ref RoleNameParameter]'))));
    assert.equal(roleActions(t, role), undefined, 'a policy attached to a parameter may be attached to this role');
  });

  it('tells a trust policy without s3.amazonaws.com from one it cannot read', () => {
    const doc = (service: string) => `      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: ${service}}, Action: sts:AssumeRole}`;
    assert.equal(trustsS3(roleOf(template(doc('ec2.amazonaws.com'))).role), false);
    assert.equal(trustsS3(roleOf(template(doc('[ec2.amazonaws.com, s3.amazonaws.com]'))).role), true);
    assert.equal(trustsS3(roleOf(template(doc("!Sub 's3.${AWS::URLSuffix}'"))).role), undefined);
  });
});
