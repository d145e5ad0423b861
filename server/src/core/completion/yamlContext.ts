import type { CursorContext } from './context';

/**
 * Text-based "where am I" for YAML: works on half-typed lines that no parser accepts, by reading the
 * indentation of the lines above the cursor. Only the cursor's neighbourhood is read, never the whole text.
 */

interface LineShape {
  /** Column of the last `- ` item marker, when the line starts list items. */
  readonly dashCol: number | undefined;
  /** Column where the content (key or scalar) starts. */
  readonly keyCol: number;
  readonly key: string | undefined;
  /** Text after `key:` (trimmed), or undefined when the line has no key. */
  readonly value: string | undefined;
  readonly blank: boolean;
}

const LINE = /^( *)((?:-[ \t]+)*)(.*)$/;
const KEY = /^("[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?)[ \t]*:(?:[ \t]+(.*)|$)/;

function unquote(k: string): string {
  return /^(["']).*\1$/.test(k) ? k.slice(1, -1) : k;
}

export function shapeOf(line: string): LineShape {
  const m = LINE.exec(line) ?? ['', '', '', line];
  const indent = (m[1] ?? '').length;
  const dashes = m[2] ?? '';
  const content = m[3] ?? '';
  const keyCol = indent + dashes.length;
  const dashCol = dashes ? indent + dashes.trimEnd().lastIndexOf('-') : undefined;
  const blank = content.trim() === '' && !dashes ? true : content.trimStart().startsWith('#') && !dashes;
  const k = KEY.exec(content);
  return { dashCol, keyCol, key: k ? unquote((k[1] ?? '').trim()) : undefined, value: k ? (k[2] ?? '').trim() : undefined, blank };
}

/** Lines as [start, end) offsets, walked lazily from a point. */
function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAt(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  return n < 0 ? text.length : n;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * Lines above `lineStart`, bottom up. Lines indented by at least `deeper()` columns are skipped without
 * being read (they cannot be the parent), which keeps the walk to `Resources:` cheap in big templates.
 */
function* linesAbove(text: string, lineStart: number, deeper: () => number): Generator<string> {
  let end = lineStart - 1;
  while (end >= 0) {
    const start = lineStartAt(text, end);
    const skip = deeper();
    let p = start;
    while (p < end && p - start < skip && text.charCodeAt(p) === 32) p++;
    if (p - start < skip || p >= end) yield stripCr(text.slice(start, end));
    end = start - 1;
  }
}

function* linesBelow(text: string, lineEnd: number): Generator<string> {
  let start = lineEnd + 1;
  while (start <= text.length && lineEnd < text.length) {
    const end = lineEndAt(text, start);
    yield stripCr(text.slice(start, end));
    if (end >= text.length) return;
    start = end + 1;
  }
}

/** The keys of the block scalar that is open at the cursor line are ignored: good enough for templates. */
export function yamlContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = lineStartAt(text, offset);
  const lineEnd = lineEndAt(text, offset);
  const before = text.slice(lineStart, offset);
  const after = stripCr(text.slice(offset, lineEnd));
  if (before.trimStart().startsWith('#')) return undefined;
  const head = LINE.exec(before);
  const dashes = head?.[2] ?? '';
  const content = head?.[3] ?? '';
  const contentCol = (head?.[1] ?? '').length + dashes.length;
  const listItem = dashes !== '';
  const wordAfter = /^[\w:.-]*/.exec(after)?.[0] ?? '';

  let position: 'key' | 'value';
  let key: string | undefined;
  let prefix: string;
  let replaceStart: number;
  let replaceEnd: number;
  let keyOnly = false;
  const keyTyping = /^[\w-]*$/.exec(content);
  const valueTyping = KEY.exec(content);
  if (keyTyping) {
    position = 'key';
    prefix = content;
    replaceStart = offset - content.length;
    const rest = /^[\w-]*/.exec(after)?.[0] ?? '';
    replaceEnd = offset + rest.length;
    keyOnly = /^\s*:/.test(after.slice(rest.length));
  } else if (valueTyping && valueTyping[2] !== undefined) {
    position = 'value';
    key = unquote((valueTyping[1] ?? '').trim());
    prefix = valueTyping[2];
    replaceStart = offset - prefix.length;
    replaceEnd = offset + wordAfter.length;
  } else {
    return undefined;
  }

  // Walk up: the first line less indented than `need` that has a key is the parent.
  let need = contentCol;
  const path: string[] = [];
  const siblings: string[] = [];
  // A new list item (`- |`) starts a fresh object: keys above belong to earlier items.
  let sameObject = !listItem;
  // Once we left the cursor's object, lines indented deeper than `need` are of no interest.
  for (const line of linesAbove(text, lineStart, () => (sameObject ? Number.MAX_SAFE_INTEGER : need))) {
    const s = shapeOf(line);
    if (s.blank) continue;
    if (s.keyCol >= need) {
      if (sameObject && s.keyCol === need && s.key !== undefined) siblings.push(s.key);
      if (s.dashCol !== undefined && s.dashCol < need) {
        // The first line of the list item we are in: its parent is less indented than the dash.
        need = s.dashCol;
        sameObject = false;
      }
      continue;
    }
    if (s.key === undefined) continue;
    path.unshift(s.key);
    sameObject = false;
    need = s.dashCol ?? s.keyCol;
    if (need === 0) break;
  }
  // Siblings below the cursor line, until the object ends.
  for (const line of linesBelow(text, lineEnd)) {
    const s = shapeOf(line);
    if (s.blank) continue;
    if (s.keyCol < contentCol || (s.dashCol !== undefined && s.dashCol < contentCol)) break;
    if (s.keyCol === contentCol && s.key !== undefined) siblings.push(s.key);
  }
  return { path, position, key, prefix, replaceStart, replaceEnd, siblings, listItem, format: 'yaml', keyOnly };
}
