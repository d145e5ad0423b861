import * as assert from 'node:assert/strict';
import { analyze, PARSE_RULE_ID } from '../../server/src/core';

/** Broken input never throws: a parse finding where the text is wrong, the rest still checked. */
const VALID_BUCKET = `  Good:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
`;
const BAD_MRAP = `  Mrap:
    Type: AWS::S3::MultiRegionAccessPoint
    Properties:
      Name: Bad_Name
      Regions:
        - Bucket: !Ref Good
`;

function aliasBomb(): string {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Metadata:', '  l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 12; i++) lines.push(`  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  lines.push('Resources:', VALID_BUCKET.trimEnd(), BAD_MRAP.trimEnd());
  return lines.join('\n') + '\n';
}

const cases: { name: string; text: string; fileName: string; parseError: boolean; alsoFinds?: string }[] = [
  { name: 'truncated YAML', fileName: 't.yaml', text: `Resources:\n${VALID_BUCKET}${BAD_MRAP}  Other:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: {Status: "Ena`, parseError: true },
  { name: 'invalid JSON', fileName: 't.json', text: '{"Resources": {"Mrap": {"Type": "AWS::S3::MultiRegionAccessPoint", "Properties": {"Name": "Bad_Name", "Regions": [{"Bucket": "b"} }}}', parseError: true, alsoFinds: 'mrap/name-format' },
  { name: 'tabs for indentation', fileName: 't.yaml', text: `Resources:\n${VALID_BUCKET}\tTabbed: 1\n${BAD_MRAP}`, parseError: true },
  { name: 'duplicate keys', fileName: 't.yaml', text: `Resources:\n${VALID_BUCKET}${BAD_MRAP}      Name: other-name\n`, parseError: true },
  { name: 'YAML alias bomb', fileName: 't.yaml', text: aliasBomb(), parseError: false, alsoFinds: 'mrap/name-format' },
  { name: 'empty file', fileName: 't.yaml', text: '', parseError: false },
  { name: 'binary noise', fileName: 't.template', text: '\u0000\u0001Resources:\u0002{{{[[[', parseError: false },
];

describe('broken input', () => {
  for (const c of cases) {
    it(`${c.name}: no throw${c.parseError ? ', a parse finding' : ''}`, () => {
      const { diagnostics } = analyze(c.text, { fileName: c.fileName });
      assert.equal(diagnostics.some((d) => d.ruleId === PARSE_RULE_ID), c.parseError, JSON.stringify(diagnostics.map((d) => d.ruleId)));
      if (c.alsoFinds) assert.ok(diagnostics.some((d) => d.ruleId === c.alsoFinds), `expected ${c.alsoFinds} besides the parse error`);
    });
  }

  it('a syntax error in one resource does not hide findings in others (YAML)', () => {
    const text = `Resources:\n${BAD_MRAP}  Broken:\n    Type: AWS::S3::Bucket\n    Properties: [unclosed\n`;
    const { diagnostics } = analyze(text, { fileName: 't.yaml' });
    assert.ok(diagnostics.some((d) => d.ruleId === PARSE_RULE_ID));
    assert.ok(diagnostics.some((d) => d.ruleId === 'mrap/name-format'), JSON.stringify(diagnostics));
  });

  it('a 20 MB template is analyzed without throwing', function () {
    this.timeout(60000);
    const parts = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
    let size = 0;
    for (let i = 0; size < 20 * 1024 * 1024; i++) {
      const chunk = `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: bucket-${i}\n      VersioningConfiguration:\n        Status: Enabled\n      Tags:\n        - Key: padding\n          Value: ${'x'.repeat(400)}`;
      parts.push(chunk);
      size += chunk.length;
    }
    parts.push(BAD_MRAP.trimEnd());
    const { diagnostics } = analyze(parts.join('\n') + '\n', { fileName: 'big.yaml' });
    assert.deepEqual(diagnostics.map((d) => d.ruleId), ['mrap/name-format']);
  });

  it('files that are not ours yield nothing', () => {
    for (const [fileName, text] of [
      ['docker-compose.yaml', 'services:\n  web:\n    image: nginx\n'],
      ['package.json', '{"name": "x", "version": "1.0.0"}'],
      ['k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Resources\n'],
      ['notes.json', '{"Resources": {"a": 1}}'],
    ] as const) {
      const result = analyze(text, { fileName });
      assert.equal(result.template, undefined, fileName);
      assert.deepEqual(result.diagnostics, []);
    }
  });
});
