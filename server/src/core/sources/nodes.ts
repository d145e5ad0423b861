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

/** End of a value without trailing blanks and comment-only lines (which belong to no value). */
export function trimTrailing(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
    // A comment on the last line belongs to no value: step back over it.
    const lineStart = text.lastIndexOf('\n', e - 1) + 1;
    if (lineStart > start && /^\s*#/.test(text.slice(lineStart, e))) {
      e = lineStart;
      continue;
    }
    return e;
  }
}
