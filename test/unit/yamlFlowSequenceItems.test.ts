import * as assert from 'node:assert/strict';
import { parseSource } from '../../server/src/core/sources';

/** `- {Bucket: b}` (a flow mapping as a block sequence item) keeps its entries in the fast YAML reader. */
describe('YAML flow collections as block sequence items', () => {
  const text = `Resources:
  A:
    Type: AWS::S3::Bucket
    Properties:
      List:
        - {Bucket: one, Region: us-east-1}
        - [1, {Nested: two}]
`;
  const list = parseSource(text, { fileName: 't.yaml' })?.resources[0]?.properties?.entries[0]?.value;

  it('a flow mapping item has its entries and its own span', () => {
    assert.equal(list?.kind, 'array');
    const first = list.kind === 'array' ? list.items[0] : undefined;
    assert.equal(first?.kind, 'object');
    assert.deepEqual(first.kind === 'object' ? first.entries.map((e) => e.key) : [], ['Bucket', 'Region']);
    assert.equal(text.slice(first.span.start, first.span.end), '{Bucket: one, Region: us-east-1}');
  });

  it('a flow sequence item keeps its items', () => {
    const second = list?.kind === 'array' ? list.items[1] : undefined;
    assert.equal(second?.kind, 'array');
    assert.equal(second.kind === 'array' ? second.items.length : 0, 2);
  });
});
