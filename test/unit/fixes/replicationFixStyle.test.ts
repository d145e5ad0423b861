import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core';
import { applyEdits } from '../../support/applyEdits';
import { FIXTURES } from '../../support/paths';

/** The preferred fix of a finding keeps the user's style: exact text expected after applying it. */
function preferredFix(file: string, ruleId: string, line: number): string {
  const full = path.join(FIXTURES, 'rules', ruleId, file);
  const text = fs.readFileSync(full, 'utf8');
  const finding = analyze(text, { fileName: file }).diagnostics.find((d) => d.ruleId === ruleId && d.range.start.line + 1 === line);
  assert.ok(finding, `no ${ruleId} finding on line ${line} of ${file}`);
  const fix = finding.fixes?.find((f) => f.preferred);
  assert.ok(fix, 'no preferred fix');
  return applyEdits(text, fix.edits);
}

const cases: { name: string; rule: string; file: string; line: number; expect: string }[] = [
  { name: 'short !Ref becomes short !GetAtt', rule: 'replication/destination-bucket-arn', file: 'bad.yaml', line: 20, expect: 'Bucket: !GetAtt Destination.Arn\n' },
  { name: 'YAML long Ref becomes long Fn::GetAtt', rule: 'replication/destination-bucket-arn', file: 'bad-long.yaml', line: 17, expect: 'Bucket:\n                Fn::GetAtt: [Destination, Arn]\n' },
  { name: 'JSON Ref becomes JSON Fn::GetAtt', rule: 'replication/destination-bucket-arn', file: 'bad.json', line: 27, expect: '"Bucket": {\n                  "Fn::GetAtt": ["Destination", "Arn"]\n                }' },
  { name: "a template bucket's name becomes !GetAtt", rule: 'replication/destination-bucket-arn', file: 'bad.yaml', line: 29, expect: 'Bucket: !GetAtt Destination.Arn\n          - Id: external-name' },
  { name: 'a name-building !Sub gets the ARN prefix inside its quotes', rule: 'replication/destination-bucket-arn', file: 'bad.yaml', line: 65, expect: "Bucket: !Sub 'arn:${AWS::Partition}:s3:::backup-${AWS::AccountId}-${AWS::Region}'" },
  { name: 'an AWS CLI name uses the partition of the role', rule: 'replication/destination-bucket-arn', file: 'bad-cli.json', line: 10, expect: '"Bucket": "arn:aws-cn:s3:::backup-bucket-111122223333"' },
  { name: 'ID is renamed in place', rule: 'replication/rule-shape', file: 'bad.json', line: 53, expect: '"Id": "api-spelling"' },
  { name: 'duplicate priorities are renumbered in order', rule: 'replication/duplicate-priority', file: 'bad.yaml', line: 22, expect: 'Id: first\n            Priority: 1\n' },
  { name: 'a V1 rule becomes V2 in block YAML', rule: 'replication/mixed-rule-versions', file: 'bad.yaml', line: 12, expect: '- Id: legacy\n            Filter:\n              Prefix: old/\n            Status: Enabled\n            Destination:\n              Bucket: arn:aws:s3:::backup-bucket-111122223333\n            DeleteMarkerReplication:\n              Status: Disabled\n            Priority: 2\n' },
  { name: 'Prefix and TagFilter move under And', rule: 'replication/filter-one-condition', file: 'bad.yaml', line: 15, expect: 'Filter:\n              And:\n                Prefix: logs/\n                TagFilters:\n                  - Key: team\n                    Value: data\n            DeleteMarkerReplication:' },
  { name: 'AWS CLI And uses Tags', rule: 'replication/filter-one-condition', file: 'bad-cli.json', line: 8, expect: '"Tags": [' },
  { name: 'versioning is added to a destination without Properties', rule: 'replication/destination-versioning-required', file: 'bad.yaml', line: 47, expect: '  Bare:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled' },
];

describe('replication fixes keep the style', () => {
  for (const c of cases) {
    it(c.name, () => {
      const fixed = preferredFix(c.file, c.rule, c.line);
      assert.ok(fixed.includes(c.expect), `expected to find:\n${c.expect}\nin:\n${fixed}`);
    });
  }

  it('duplicate priorities: the later duplicate and the rules above it move up', () => {
    const fixed = preferredFix('bad.yaml', 'replication/duplicate-priority', 22);
    assert.deepEqual([...fixed.matchAll(/Priority: (\d+)/g)].map((m) => m[1]), ['1', '2', '3']);
  });
});
