import { DEFAULT_SCHEMA, Type, load } from 'js-yaml';
import { INTRINSIC_FUNCTIONS, longNameOfTag } from '../model/intrinsics';
import type { Entry, ObjectNode, Span, ValueNode } from '../model/types';
import { intrinsicFromObject, keyText, trimTrailing } from './nodes';

/**
 * Fast path: js-yaml (a complete YAML 1.2 parser) with its event listener, turned into located
 * nodes. About ten times faster than building the `yaml` package's CST; documents it rejects go
 * through the tolerant `yaml` path instead (see cfnYaml.ts).
 */

const shortTags = INTRINSIC_FUNCTIONS.map((fn) => `!${fn.startsWith('Fn::') ? fn.slice(4) : fn}`);
const tagTypes = shortTags.flatMap((tag) =>
  (['scalar', 'sequence', 'mapping'] as const).map((kind) => new Type(tag, { kind, construct: (d: unknown) => d })),
);
const SCHEMA = DEFAULT_SCHEMA.extend(tagTypes);

/** The parts of js-yaml's loader state that its listener sees (not in its type declarations). */
interface State {
  position: number;
  kind: string | null;
  tag: string | null;
  result: unknown;
}

interface Frame {
  open: number;
  children: ValueNode[];
  raws: unknown[];
}

export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function skipBlank(text: string, pos: number, limit: number): number {
  let p = pos;
  while (p < limit) {
    const c = text.charCodeAt(p);
    if (isSpace(c)) p++;
    else if (c === 35 /* # */ && (p === 0 || isSpace(text.charCodeAt(p - 1)))) {
      while (p < limit && text.charCodeAt(p) !== 10) p++;
    } else break;
  }
  return p;
}


function quoteOf(c: number): 'single' | 'double' | 'block' | 'plain' {
  if (c === 39) return 'single';
  if (c === 34) return 'double';
  if (c === 124 || c === 62) return 'block';
  return 'plain';
}

/** What a parse saw besides the model: aliases make parts of a document depend on each other. */
export interface FastParseInfo {
  aliases: number;
}

/** Throws YamlSyntaxError on anything js-yaml rejects (including duplicate keys and tabs). */
export function parseYamlFast(text: string, info?: FastParseInfo): ValueNode | undefined {
  const stack: Frame[] = [{ open: 0, children: [], raws: [] }];
  load(text, {
    schema: SCHEMA,
    listener(this: unknown, event: 'open' | 'close', state: State) {
      if (event === 'open') {
        stack.push({ open: state.position, children: [], raws: [] });
        return;
      }
      const frame = stack.pop();
      const parent = stack[stack.length - 1];
      if (!frame || !parent) return;
      const node = closeNode(text, frame, state);
      if (info && node.kind === 'unknown' && node.reason === 'YAML alias') info.aliases++;
      parent.children.push(node);
      parent.raws.push(state.result);
    },
  } as unknown as Parameters<typeof load>[1]);
  return stack[0]?.children[0];
}

function closeNode(text: string, frame: Frame, state: State): ValueNode {
  const tag = state.tag as string | null;
  const only = frame.children[0];
  // js-yaml composes some nodes twice (a value that might have been a mapping key, or a flow `{...}` /
  // `[...]` item of a block sequence): keep the inner one. A real mapping or sequence never has a single
  // child that is the very same object as its own result, so identity tells the two cases apart.
  if (frame.children.length === 1 && only && frame.raws[0] === state.result) {
    return only;
  }
  const close = state.position as number;
  const start = Math.min(skipBlank(text, frame.open, close), close);
  const result: unknown = state.result;
  let node: ValueNode;
  if (text.charCodeAt(start) === 42 /* * */) {
    // CloudFormation does not support YAML aliases; never expand them (alias bombs).
    node = { kind: 'unknown', reason: 'YAML alias', span: { start, end: trimTrailing(text, start, close) } };
  } else if (state.kind === 'mapping') {
    const entries: Entry[] = [];
    for (let i = 0; i + 1 < frame.children.length; i += 2) {
      const k = frame.children[i] as ValueNode;
      const key = keyText(k);
      entries.push({ key, rawKey: key, keySpan: k.span, value: frame.children[i + 1] as ValueNode });
    }
    const span = { start, end: trimTrailing(text, start, close) };
    const obj: ObjectNode = { kind: 'object', entries, span, flow: isFlowAt(text, start, tag) };
    node = intrinsicFromObject(obj) ?? obj;
  } else if (state.kind === 'sequence') {
    node = { kind: 'array', items: frame.children, span: { start, end: trimTrailing(text, start, close) }, flow: isFlowAt(text, start, tag) };
  } else if (result === null || result === undefined) {
    const at = frame.open;
    node = tag && tag !== '?' && tag.startsWith('!') && !tag.startsWith('!!')
      ? { kind: 'null', span: { start: at, end: at } }
      : { kind: 'null', span: start < close ? { start, end: trimTrailing(text, start, close) } : { start: at, end: at } };
  } else {
    const span = { start, end: trimTrailing(text, start, close) };
    const contentStart = tag && tag.startsWith('!') && text.charCodeAt(start) === 33 ? skipBlank(text, start + tagLength(text, start), close) : start;
    if (typeof result === 'number') node = { kind: 'number', value: result, span };
    else if (typeof result === 'boolean') node = { kind: 'boolean', value: result, span };
    else if (typeof result === 'string') node = { kind: 'string', value: result, span, quote: quoteOf(text.charCodeAt(contentStart)) };
    else node = { kind: 'unknown', reason: 'unsupported YAML value', span };
  }
  return applyTag(text, node, tag, start);
}

function tagLength(text: string, start: number): number {
  let p = start;
  while (p < text.length && !isSpace(text.charCodeAt(p)) && text.charCodeAt(p) !== 91 && text.charCodeAt(p) !== 123) p++;
  return p - start;
}

function isFlowAt(text: string, start: number, tag: string | null): boolean {
  let p = start;
  if (tag && tag.startsWith('!') && text.charCodeAt(p) === 33) p = skipBlank(text, p + tagLength(text, p), text.length);
  const c = text.charCodeAt(p);
  return c === 91 || c === 123;
}

function applyTag(text: string, node: ValueNode, tag: string | null, start: number): ValueNode {
  if (!tag || !tag.startsWith('!') || tag.startsWith('!!') || text.charCodeAt(start) !== 33) return node;
  const fn = longNameOfTag(tag);
  if (!fn) return node;
  const nameSpan: Span = { start, end: start + tag.length };
  const argStart = skipBlank(text, nameSpan.end, node.span.end);
  const arg: ValueNode = node.kind === 'null' ? node : { ...node, span: { start: Math.min(argStart, node.span.end), end: node.span.end } };
  return { kind: 'intrinsic', fn, style: 'short', nameSpan, arg, span: { start, end: Math.max(node.span.end, nameSpan.end) } };
}
