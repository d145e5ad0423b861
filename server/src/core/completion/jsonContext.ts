import { getLocation } from 'jsonc-parser';
import type { CursorContext } from './context';

/** "Where am I" for JSON templates: jsonc-parser's scanner copes with half-typed documents. */
export function jsonContext(text: string, offset: number): CursorContext | undefined {
  const loc = getLocation(text, offset);
  const segments = loc.path.filter((p): p is string => typeof p === 'string');
  const listItem = typeof loc.path[loc.path.length - 1] === 'number';
  const node = loc.previousNode;
  const onString = node?.type === 'string' && offset > node.offset && offset <= node.offset + node.length;
  const replaceStart = onString && node ? node.offset : offset;
  const replaceEnd = onString && node ? node.offset + node.length : offset;
  const prefix = onString && node ? text.slice(node.offset + 1, offset) : '';
  if (loc.isAtPropertyKey) {
    return { path: segments.slice(0, -1), position: 'key', prefix, replaceStart, replaceEnd, siblings: [], listItem: false, format: 'json' };
  }
  const key = listItem ? undefined : segments[segments.length - 1];
  const path = listItem ? segments : segments.slice(0, -1);
  return { path, position: 'value', key, prefix, replaceStart, replaceEnd, siblings: [], listItem, format: 'json' };
}
