import * as assert from 'node:assert/strict';
import { parseSource } from '../../server/src/core';

/** js-yaml composes a flow mapping that is a block sequence item twice; the model must keep its entries. */
describe('YAML flow collections as block sequence items', () => {
  it('keeps the entries of `- { A: x, B: y }` and the items of `- [1, 2]`', () => {
    const text = 'Resources:\n  M:\n    Type: AWS::S3::Bucket\n    Properties:\n      L:\n        - { A: x, B: y }\n        - [1, 2]\n';
    const list = parseSource(text, { fileName: 't.yaml' })?.resources[0]?.properties?.entries[0]?.value;
    assert.equal(list?.kind, 'array');
    const [obj, arr] = list.kind === 'array' ? list.items : [];
    assert.deepEqual(obj?.kind === 'object' ? obj.entries.map((e) => e.key) : obj?.kind, ['A', 'B']);
    assert.deepEqual(arr?.kind === 'array' ? arr.items.map((i) => (i.kind === 'number' ? i.value : i.kind)) : arr?.kind, [1, 2]);
  });
});
