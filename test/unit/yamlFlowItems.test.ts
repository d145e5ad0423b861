import * as assert from 'node:assert/strict';
import { parseSource, type ValueNode } from '../../server/src/core';

/** Plain data of a located node, intrinsics as `{fn: arg}`, to compare parses at a glance. */
function plain(n: ValueNode | undefined): unknown {
  if (!n) return undefined;
  switch (n.kind) {
    case 'object':
      return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
    case 'array':
      return n.items.map(plain);
    case 'intrinsic':
      return { [n.fn]: plain(n.arg) };
    case 'string':
    case 'number':
    case 'boolean':
      return n.value;
    default:
      return n.kind;
  }
}

describe('YAML reader: flow collections as block sequence items', () => {
  it('keeps the entries of `- {...}` and the items of `- [...]` (js-yaml composes them twice)', () => {
    const text = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      Statement:
        - {Effect: Allow, Principal: {Service: s3.amazonaws.com}, Action: sts:AssumeRole}
        - [a, b]
        - {}
        - !If [c, {x: 1}, !Ref AWS::NoValue]
        - Effect: Deny
`;
    const template = parseSource(text, { fileName: 't.yaml' });
    assert.deepEqual(plain(template?.resourcesById.get('Role')?.properties), {
      Statement: [
        { Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ['a', 'b'],
        {},
        { 'Fn::If': ['c', { x: 1 }, { Ref: 'AWS::NoValue' }] },
        { Effect: 'Deny' },
      ],
    });
  });
});
