import * as assert from 'node:assert/strict';
import { analyze, parseSource } from '../../server/src/core';
import { schemaIssues } from '../../server/src/core/rules/schema/validate';

/** Targeted behaviour of the schema pass that the fixtures do not show on their own. */
const schemaFindings = (text: string, fileName = 't.yaml'): string[] =>
  analyze(text, { fileName })
    .diagnostics.filter((d) => d.ruleId.startsWith('schema/'))
    .map((d) => `${d.ruleId}: ${d.message}`);

const header = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";

describe('schema checks', () => {
  it('accept an MRAP policy document given as a JSON string (CloudFormation does, the raw schema says object)', () => {
    const text = `${header}  Policy:\n    Type: AWS::S3::MultiRegionAccessPointPolicy\n    Properties:\n      MrapName: global-data\n      Policy: '{"Version":"2012-10-17","Statement":[]}'\n`;
    assert.deepEqual(schemaFindings(text), []);
    assert.equal(schemaFindings(text.replace(`'{"Version":"2012-10-17","Statement":[]}'`, '[]')).length, 1, 'a list is still the wrong type');
  });

  it('do not judge bucket properties outside replication and versioning (the saved bucket schema lags AWS)', () => {
    const text = `${header}  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      AbacStatus: Enabled\n      MetadataConfiguration: {}\n      VersioningConfiguration:\n        Status: Enabled\n`;
    assert.deepEqual(schemaFindings(text), []);
  });

  it('skip values computed by intrinsic functions and judge each Fn::If branch', () => {
    const text = `${header}  M:\n    Type: AWS::S3::MultiRegionAccessPoint\n    Properties:\n      Name: !Sub '\${AWS::StackName}-mrap'\n      Regions:\n        - Bucket: !ImportValue shared-bucket\n        - !If [Two, {Bucket: second-bucket}, !Ref AWS::NoValue]\n`;
    assert.deepEqual(schemaFindings(text), []);
    // The bad branch is judged (by the schema, or by the MRAP rule that explains bucket names better).
    const bad = analyze(text.replace('{Bucket: second-bucket}', '{Bucket: Second_Bucket}'), { fileName: 't.yaml' }).diagnostics;
    assert.deepEqual(bad.filter((d) => d.severity === 'error').map((d) => d.ruleId), ['mrap/bucket-not-name']);
  });

  it('apply CloudFormation conversions in templates but not in AWS CLI files', () => {
    const rule = '{"ID": "r", "Priority": "1", "Status": "Enabled", "Filter": {"Prefix": ""}, "DeleteMarkerReplication": {"Status": "Disabled"}, "Destination": {"Bucket": "arn:aws:s3:::d"}}';
    const cli = `{"Role": "arn:aws:iam::111122223333:role/r", "Rules": [${rule}]}`;
    assert.deepEqual(schemaFindings(cli, 'repl.json').map((f) => f.split(':')[0]), ['schema/type']);
    const template = `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"VersioningConfiguration": {"Status": "Enabled"}, "ReplicationConfiguration": ${cli.replace('"ID"', '"Id"')}}}}}`;
    assert.deepEqual(schemaFindings(template, 't.json'), []);
  });

  it('do not treat the misplaced maxLength on replication rules as a limit on rule objects', () => {
    const rules = Array.from({ length: 3 }, (_, i) => `          - {Id: r${i}, Priority: ${i}, Status: Enabled, Filter: {Prefix: p${i}/}, DeleteMarkerReplication: {Status: Disabled}, Destination: {Bucket: 'arn:aws:s3:::d'}}`).join('\n');
    const text = `${header}  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: {Status: Enabled}\n      ReplicationConfiguration:\n        Role: arn:aws:iam::111122223333:role/r\n        Rules:\n${rules}\n`;
    assert.deepEqual(schemaFindings(text), []);
  });

  it('leave unknown and missing keys to TypeScript in CDK apps, but still judge values', () => {
    const parsed = parseSource(`${header}  M:\n    Type: AWS::S3::MultiRegionAccessPoint\n    Properties:\n      Nmae: x\n      Regions: []\n`, { fileName: 't.yaml' });
    assert.ok(parsed);
    const kinds = (dialect: 'cfn' | 'cdk'): string[] => schemaIssues({ template: { ...parsed, dialect }, text: '', resourcesOfType: (type) => parsed.resources.filter((r) => r.type === type) }).map((i) => i.kind).sort();
    assert.deepEqual(kinds('cfn'), ['length', 'unknown-property']);
    assert.deepEqual(kinds('cdk'), ['length']);
  });
});
