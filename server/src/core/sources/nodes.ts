import { isIntrinsicKey } from '../model/intrinsics';
import type { IntrinsicNode, ObjectNode, ValueNode } from '../model/types';

/** The text of a mapping key node (keys may be numbers or booleans in YAML). */
export function keyText(node: ValueNode): string {
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
    case 'boolean':
      return String(node.value);
    case 'null':
      return '';
    default:
      return '';
  }
}

/** `{"Fn::GetAtt": [...]}` / `Ref: X` as the single key of an object is a long-form intrinsic call. */
export function intrinsicFromObject(obj: ObjectNode): IntrinsicNode | undefined {
  if (obj.entries.length !== 1) return undefined;
  const only = obj.entries[0];
  if (!only || !isIntrinsicKey(only.key)) return undefined;
  return { kind: 'intrinsic', fn: only.key, style: 'long', nameSpan: only.keySpan, arg: only.value, span: obj.span };
}
