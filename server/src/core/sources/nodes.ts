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
    while (e > start) {
      const c = text.charCodeAt(e - 1);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      e--;
    }
    // The last line's start, looking no further back than `start` (a one-line value has none).
    let lineStart = e;
    while (lineStart > start && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
    if (lineStart <= start) return e;
    let p = lineStart;
    while (p < e && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    if (text.charCodeAt(p) !== 35 /* # */) return e;
    e = lineStart;
  }
}
