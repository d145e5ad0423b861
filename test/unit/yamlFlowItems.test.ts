import * as assert from 'node:assert/strict';
import { parseSource, type ValueNode } from '../../server/src/core';

/** Regression: a flow mapping as a block sequence item (`- {Id: r1, ...}`) lost its entries. */
describe('YAML flow collections inside block sequences', () => {
  const items = (yaml: string): readonly ValueNode[] => {
    const t = parseSource(`Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Items:\n${yaml}`, { fileName: 't.yaml' });
    const list = t?.resources[0]?.properties?.entries[0]?.value;
    assert.equal(list?.kind, 'array');
    return list.kind === 'array' ? list.items : [];
  };

  it('keeps the entries of a flow mapping item, with their locations', () => {
    const text = '        - {Id: r1, Destination: {Bucket: d}}\n        - {}\n';
    const [first, empty] = items(text);
    assert.equal(first?.kind, 'object');
    if (first?.kind !== 'object') return;
    assert.deepEqual(first.entries.map((e) => e.key), ['Id', 'Destination']);
    assert.equal(first.flow, true);
    const prefix = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Items:\n';
    assert.equal((prefix + text).slice(first.span.start, first.span.end), '{Id: r1, Destination: {Bucket: d}}');
    assert.deepEqual(empty?.kind === 'object' ? empty.entries : undefined, []);
  });

  it('keeps flow sequences and tagged flow collections as items', () => {
    const [seq, tagged] = items('        - [a, b]\n        - !If [c, {A: 1}, {B: 2}]\n');
    assert.deepEqual(seq?.kind === 'array' ? seq.items.map((i) => (i.kind === 'string' ? i.value : '?')) : undefined, ['a', 'b']);
    assert.equal(tagged?.kind === 'intrinsic' ? tagged.fn : undefined, 'Fn::If');
  });
});
