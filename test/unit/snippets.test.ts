import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core';
import { MRAP_SNIPPET, REPLICATED_PAIR_SNIPPET, REPLICATION_RULE_SNIPPET } from '../../server/src/core/completion/snippets';

/** A snippet as an editor inserts it with its defaults: placeholders become their default text. */
function expand(body: string, indent: string): string {
  const text = body
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\\$/g, '$');
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? l : indent + l))
    .join('\n');
}

describe('completion snippets analyze clean as inserted', () => {
  it('replicated bucket pair with role', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ${expand(REPLICATED_PAIR_SNIPPET.body, '  ')}\n`;
    const a = analyze(text, { languageId: 'yaml' });
    assert.ok(a.template, 'a template');
    assert.deepEqual(a.template.resources.map((r) => r.logicalId), ['SourceBucket', 'DestinationBucket', 'ReplicationRole']);
    assert.deepEqual(a.diagnostics.map((d) => `${d.ruleId}: ${d.message}`), []);
  });

  it('Multi-Region Access Point over two buckets', () => {
    const buckets = '  BucketA:\n    Type: AWS::S3::Bucket\n  BucketB:\n    Type: AWS::S3::Bucket\n';
    const text = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${buckets}  ${expand(MRAP_SNIPPET.body, '  ')}\n`;
    const a = analyze(text, { languageId: 'yaml' });
    assert.equal(a.template?.resourcesById.get('MultiRegionAccessPoint')?.type, 'AWS::S3::MultiRegionAccessPoint');
    assert.deepEqual(a.diagnostics.map((d) => `${d.ruleId}: ${d.message}`), []);
  });

  it('replication rule, added to an existing configuration', () => {
    const pair = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ${expand(REPLICATED_PAIR_SNIPPET.body, '  ')}\n`;
    const rulesLine = '      Rules:\n';
    const at = pair.indexOf(rulesLine) + rulesLine.length;
    const text = `${pair.slice(0, at)}          ${expand(REPLICATION_RULE_SNIPPET.body, '          ').replace('Id: ReplicateAll', 'Id: Second').replace('Priority: 1', 'Priority: 2')}\n${pair.slice(at)}`;
    const a = analyze(text, { languageId: 'yaml' });
    assert.equal(a.template?.resourcesById.get('SourceBucket')?.properties?.entries.length, 2);
    assert.deepEqual(a.diagnostics.map((d) => `${d.ruleId}: ${d.message}`), []);
  });
});
