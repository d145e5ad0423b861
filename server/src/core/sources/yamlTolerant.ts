import { Alias, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import { longNameOfTag } from '../model/intrinsics';
import type { Entry, ParseProblem, Span, ValueNode } from '../model/types';
import { intrinsicFromObject, keyText, trimTrailing } from './nodes';

/**
 * Slow but forgiving path: the `yaml` package keeps going after syntax errors and still returns a
 * tree for everything it could read, which is what a half-typed document needs.
 */
export function parseYamlTolerant(text: string): { root: ValueNode | undefined; problems: ParseProblem[] } {
  const doc = parseDocument(text, { uniqueKeys: true, strict: false, prettyErrors: false, keepSourceTokens: false });
  const problems: ParseProblem[] = doc.errors.map((e) => ({
    message: e.message.split('\n')[0] ?? e.message,
    span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) },
  }));
  const root = doc.contents ? convert(text, doc.contents as YamlNode) : undefined;
  return { root, problems };
}

function rangeOf(node: YamlNode | null | undefined, fallback: number): Span {
  const r = node?.range;
  if (!r) return { start: fallback, end: fallback };
  return { start: r[0], end: Math.max(r[0], r[1]) };
}

function convert(text: string, node: YamlNode | null | undefined, at = 0): ValueNode {
  const raw = rangeOf(node, at);
  const span = { start: raw.start, end: trimTrailing(text, raw.start, raw.end) };
  let value: ValueNode;
  if (!node) return { kind: 'null', span };
  if (isAlias(node)) {
    return { kind: 'unknown', reason: `YAML alias *${(node as Alias).source}`, span };
  }
  if (isMap(node)) {
    const entries: Entry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const k = convert(text, keyNode, span.start);
      const v = convert(text, pair.value as YamlNode | null, k.span.end);
      entries.push({ key: keyText(k), rawKey: keyText(k), keySpan: k.span, value: v });
    }
    const obj = { kind: 'object' as const, entries, span, flow: node.flow === true };
    value = intrinsicFromObject(obj) ?? obj;
  } else if (isSeq(node)) {
    value = { kind: 'array', items: node.items.map((i) => convert(text, i as YamlNode, span.start)), span, flow: node.flow === true };
  } else if (isScalar(node)) {
    value = scalar(node, span);
  } else {
    value = { kind: 'unknown', reason: 'unsupported YAML node', span };
  }
  const tag = node.tag;
  const fn = tag ? longNameOfTag(tag) : undefined;
  if (!tag || !fn) return value;
  const tagStart = text.lastIndexOf(tag, span.start);
  const nameSpan = tagStart >= 0 && span.start - tagStart < tag.length + 64 ? { start: tagStart, end: tagStart + tag.length } : span;
  return { kind: 'intrinsic', fn, style: 'short', nameSpan, arg: value, span: { start: nameSpan.start, end: span.end } };
}

function scalar(node: Scalar, span: Span): ValueNode {
  const v: unknown = node.value;
  if (v === null || v === undefined) return { kind: 'null', span };
  if (typeof v === 'number') return { kind: 'number', value: v, span };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v, span };
  if (typeof v === 'string') {
    const quote = node.type === 'QUOTE_DOUBLE' ? 'double' : node.type === 'QUOTE_SINGLE' ? 'single' : node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL' ? 'block' : 'plain';
    return { kind: 'string', value: v, span, quote };
  }
  return { kind: 'unknown', reason: 'unsupported YAML scalar', span };
}
