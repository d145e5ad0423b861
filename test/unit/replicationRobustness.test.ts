import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core';

/**
 * Replication configurations of odd shapes (wrong types, intrinsics where objects belong,
 * conditional rules) never make a replication rule throw, and unknown values never produce
 * cross-rule findings.
 */
function run(yaml: string): { ids: string[]; errors: string[] } {
  const errors: string[] = [];
  const { diagnostics } = analyze(yaml, { fileName: 't.yaml', onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`) });
  return { ids: diagnostics.map((d) => d.ruleId), errors };
}

const HEAD = `Resources:
  Source:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
      ReplicationConfiguration:
        Role: arn:aws:iam::111122223333:role/r
`;

describe('replication rules on odd input', () => {
  const odd: Record<string, string> = {
    'Rules is a string': '        Rules: everything\n',
    'Rules is null': '        Rules:\n',
    'a rule is a string': '        Rules:\n          - all\n',
    'Filter and Destination are scalars': '        Rules:\n          - Status: Enabled\n            Filter: logs/\n            Destination: bucket\n            Priority: high\n',
    'Filter is an import': '        Rules:\n          - Status: Enabled\n            Priority: 1\n            Filter: !ImportValue f\n            DeleteMarkerReplication: {Status: Disabled}\n            Destination: {Bucket: arn:aws:s3:::b}\n',
    'And is a list': '        Rules:\n          - Status: Enabled\n            Priority: 1\n            Filter: {And: [1, 2]}\n            DeleteMarkerReplication: {Status: Enabled}\n            Destination: {Bucket: arn:aws:s3:::b}\n',
    'rules behind a malformed Fn::If': '        Rules:\n          - !If [c, {Status: Enabled}]\n',
  };
  for (const [name, rules] of Object.entries(odd)) {
    it(`${name}: no rule throws`, () => {
      assert.deepEqual(run(HEAD + rules).errors, []);
    });
  }

  it('priorities that are not statically known are not compared', () => {
    const rules = `        Rules:
          - Status: Enabled
            Priority: !Ref P1
            Filter: {Prefix: a/}
            DeleteMarkerReplication: {Status: Disabled}
            Destination: {Bucket: arn:aws:s3:::b}
          - Status: Enabled
            Priority: !Ref P2
            Filter: {Prefix: b/}
            DeleteMarkerReplication: {Status: Disabled}
            Destination: {Bucket: arn:aws:s3:::c}
Parameters:
  P1: {Type: Number}
  P2: {Type: Number}
`;
    const { ids, errors } = run(HEAD + rules);
    assert.deepEqual(errors, []);
    assert.deepEqual(ids.filter((id) => id.startsWith('replication/')), []);
  });

  it('a Filter that exists only under a condition decides neither V1 nor V2', () => {
    const rules = `        Rules:
          - Status: Enabled
            Prefix: a/
            Destination: {Bucket: arn:aws:s3:::b}
          - Status: Enabled
            Filter: !If [C, {Prefix: b/}, !Ref AWS::NoValue]
            Destination: {Bucket: arn:aws:s3:::b}
Conditions:
  C: !Equals [a, b]
`;
    const { ids, errors } = run(HEAD + rules);
    assert.deepEqual(errors, []);
    assert.deepEqual(ids.filter((id) => id.startsWith('replication/')), []);
  });

  it('duplicate priorities in two branches of one conditional rule are still caught against a fixed rule', () => {
    const rules = `        Rules:
          - Status: Enabled
            Priority: 1
            Filter: {Prefix: a/}
            DeleteMarkerReplication: {Status: Disabled}
            Destination: {Bucket: arn:aws:s3:::b}
          - !If
            - C
            - {Status: Enabled, Priority: 1, Filter: {Prefix: b/}, DeleteMarkerReplication: {Status: Disabled}, Destination: {Bucket: arn:aws:s3:::b}}
            - {Status: Enabled, Priority: 2, Filter: {Prefix: b/}, DeleteMarkerReplication: {Status: Disabled}, Destination: {Bucket: arn:aws:s3:::b}}
Conditions:
  C: !Equals [a, b]
`;
    const { ids, errors } = run(HEAD + rules);
    assert.deepEqual(errors, []);
    assert.deepEqual(ids.filter((id) => id.startsWith('replication/')), ['replication/duplicate-priority']);
  });
});
