import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Entry, ParseProblem, ValueNode } from '../model/types';
import { intrinsicFromObject } from './nodes';

/** Tolerant JSON (with comments and trailing commas, as editors allow) into located nodes. */
export function parseJson(text: string): { root: ValueNode | undefined; problems: ParseProblem[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const problems = errors.map((e) => ({
    message: `JSON: ${printParseErrorCode(e.error)}`,
    span: { start: e.offset, end: e.offset + Math.max(e.length, 1) },
  }));
  return { root: tree ? convert(tree) : undefined, problems };
}

function convert(node: JsonNode): ValueNode {
  const span = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case 'object': {
      const entries: Entry[] = [];
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || typeof k.value !== 'string') continue;
        const keySpan = { start: k.offset, end: k.offset + k.length };
        const value: ValueNode = v ? convert(v) : { kind: 'null', span: { start: keySpan.end, end: keySpan.end } };
        entries.push({ key: k.value, rawKey: k.value, keySpan, value });
      }
      const obj = { kind: 'object' as const, entries, span, flow: true };
      return intrinsicFromObject(obj) ?? obj;
    }
    case 'array':
      return { kind: 'array', items: (node.children ?? []).map(convert), span, flow: true };
    case 'string':
      return { kind: 'string', value: String(node.value), span, quote: 'double' };
    case 'number':
      return { kind: 'number', value: Number(node.value), span };
    case 'boolean':
      return { kind: 'boolean', value: node.value === true, span };
    case 'null':
      return { kind: 'null', span };
    default:
      return { kind: 'unknown', reason: 'unsupported JSON node', span };
  }
}
