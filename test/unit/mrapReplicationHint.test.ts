import * as assert from 'node:assert/strict';
import { LineIndex, parseSource, runRules, type Resource } from '../../server/src/core';

/**
 * mrap/buckets-not-replicated over buckets in three Regions (as CDK stacks give them), so that
 * one-bucket-per-region stays out of the way. Replication in either direction, direct or through
 * another bucket, counts as a link.
 */
function bucket(id: string, destinations: string[]): string {
  if (destinations.length === 0) return `  ${id}:\n    Type: AWS::S3::Bucket\n`;
  const rules = destinations
    .map((d, i) => `          - Id: r${i}\n            Status: Enabled\n            Priority: ${i + 1}\n            Filter:\n              Prefix: ''\n            DeleteMarkerReplication:\n              Status: Enabled\n            Destination:\n              Bucket: ${d}\n`)
    .join('');
  return `  ${id}:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n      ReplicationConfiguration:\n        Role: arn:aws:iam::111122223333:role/replication\n        Rules:\n${rules}`;
}

function hints(buckets: Record<string, string[]>): string[] {
  const text = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Elsewhere:
    Type: String
Resources:
  Mrap:
    Type: AWS::S3::MultiRegionAccessPoint
    Properties:
      Regions:
        - Bucket: !Ref A
        - Bucket: !Ref B
        - Bucket: !Ref C
${Object.entries(buckets).map(([id, d]) => bucket(id, d)).join('')}`;
  const parsed = parseSource(text, { fileName: 't.yaml' });
  assert.ok(parsed);
  const regions: Record<string, string> = { A: 'us-east-1', B: 'eu-west-1', C: 'ap-southeast-2' };
  const resources: Resource[] = parsed.resources.map((r) => ({ ...r, region: regions[r.logicalId] }));
  const template = { ...parsed, resources, resourcesById: new Map(resources.map((r) => [r.logicalId, r])) };
  return runRules(template, text, new LineIndex(text))
    .filter((d) => d.ruleId === 'mrap/buckets-not-replicated')
    .map((d) => d.message);
}

describe('mrap/buckets-not-replicated', () => {
  it('is quiet when every bucket is linked, here transitively A -> B -> C', () => {
    assert.deepEqual(hints({ A: ['!GetAtt B.Arn'], B: ['!GetAtt C.Arn'], C: [] }), []);
  });

  it('is quiet when the links go the other way (C -> A, B -> A)', () => {
    assert.deepEqual(hints({ A: [], B: ['!GetAtt A.Arn'], C: ['!Sub arn:${AWS::Partition}:s3:::${A}'] }), []);
  });

  it('names the buckets without a link to the others', () => {
    const [message, ...rest] = hints({ A: ['!GetAtt B.Arn'], B: [], C: [] });
    assert.equal(rest.length, 0);
    assert.match(message ?? '', /no replication links 'A' and 'B' with 'C'/);
    assert.match(message ?? '', /404/);
  });

  it('says nothing when a replication destination is not statically known', () => {
    assert.deepEqual(hints({ A: ['!Ref Elsewhere'], B: [], C: [] }), []);
  });

  it('fires when no bucket replicates at all', () => {
    assert.equal(hints({ A: [], B: [], C: [] }).length, 1);
  });
});
