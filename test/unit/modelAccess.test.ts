import * as assert from 'node:assert/strict';
import { parseSource } from '../../server/src/core';
import { alternatives, arrays, entry, items, objectItems, objects, prop, str } from '../../server/src/core/model/access';
import type { ValueNode } from '../../server/src/core/model/types';

/**
 * The accessors every rule uses. Their fast paths (no Fn::If, no AWS::NoValue) hand out the model's
 * own lists instead of copies; these tests pin down that the answers are the same as the general
 * path's, and that the shared results cannot be changed by a caller.
 */
describe('model accessors (Fn::If expansion and the allocation-free fast paths)', () => {
  const text = `Conditions:
  Prod: !Equals [!Ref Env, prod]
Parameters:
  Env: {Type: String}
Resources:
  Thing:
    Type: AWS::S3::Bucket
    Properties:
      Plain: [{A: 1}, {A: 2}]
      Mixed: [{A: 1}, text, !Ref Env]
      WithIf:
        - {A: 1}
        - !If [Prod, {A: 2}, !Ref AWS::NoValue]
        - !If [Prod, {A: 3}, {A: 4}]
      Gone: !Ref AWS::NoValue
      Either: !If [Prod, {B: 1}, [x, y]]
      Nested: !If [Prod, !If [Prod, one, two], !Ref AWS::NoValue]
      Name: plain
`;
  const props = (): ValueNode | undefined => {
    const t = parseSource(text, { fileName: 't.yaml' });
    const thing = t?.resourcesById.get('Thing');
    assert.ok(thing?.properties, 'the test template parses');
    return thing.properties;
  };
  const values = (list: readonly ValueNode[]): unknown[] =>
    list.map((n) => (n.kind === 'object' ? Object.fromEntries(n.entries.map((e) => [e.key, e.value.kind === 'number' ? e.value.value : e.value.kind])) : n.kind === 'string' ? n.value : n.kind));

  it('entry and prop find canonical keys, and nothing on non-objects', () => {
    const p = props();
    assert.equal(entry(p, 'Name')?.rawKey, 'Name');
    assert.equal(str(prop(p, 'Name')), 'plain');
    assert.equal(entry(p, 'Missing'), undefined);
    assert.equal(entry(prop(p, 'Name'), 'Name'), undefined);
    assert.equal(entry(undefined, 'Name'), undefined);
  });

  it('a plain list is handed out as the model list itself, with the same items as the general path', () => {
    const plain = prop(props(), 'Plain');
    assert.ok(plain?.kind === 'array');
    assert.equal(items(plain), plain.items, 'no copy for a list without Fn::If');
    assert.equal(objectItems(plain), plain.items, 'no copy when every item is an object');
    assert.deepEqual(values(items(plain)), [{ A: 1 }, { A: 2 }]);
  });

  it('drops AWS::NoValue and expands Fn::If branches, each on its own', () => {
    const p = props();
    assert.deepEqual(values(items(prop(p, 'WithIf'))), [{ A: 1 }, { A: 2 }, { A: 3 }, { A: 4 }]);
    assert.deepEqual(values(objectItems(prop(p, 'Mixed'))), [{ A: 1 }]);
    assert.deepEqual(values(items(prop(p, 'Mixed'))), [{ A: 1 }, 'text', 'intrinsic']);
    assert.deepEqual(alternatives(prop(p, 'Gone')), []);
    assert.deepEqual(values(alternatives(prop(p, 'Nested'))), ['one', 'two']);
    assert.deepEqual(values(objects(prop(p, 'Either'))), [{ B: 1 }]);
    assert.deepEqual(arrays(prop(p, 'Either')).map((a) => values(a.items)), [['x', 'y']]);
    assert.deepEqual(objects(prop(p, 'Name')), []);
    assert.deepEqual(arrays(prop(p, 'Plain')).length, 1);
  });

  it('the shared empty result cannot be changed by a caller', () => {
    const none = alternatives(undefined);
    const name = prop(props(), 'Name');
    assert.ok(name);
    assert.equal(none.length, 0);
    assert.throws(() => (none as ValueNode[]).push(name), TypeError);
    assert.equal(alternatives(prop(props(), 'Gone')).length, 0);
  });
});
