import { DEFAULT_SCHEMA, Type, load } from 'js-yaml';
import { INTRINSIC_FUNCTIONS, longNameOfTag } from '../model/intrinsics';
import type { Entry, ObjectNode, Span, ValueNode } from '../model/types';
import { intrinsicFromObject, keyText, trimTrailing } from './nodes';
import { scanBlockYaml } from './yamlBlockScanner';

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

/**
 * The nodes being built, as flat stacks rather than one frame object (and two arrays) per node: a
 * node's children are `nodes[base..]`, its start is where js-yaml opened it. Most nodes are scalars
 * without children; allocating nothing for them keeps the garbage (and the GC time) down.
 */
interface Builder {
  readonly text: string;
  readonly opens: number[];
  readonly bases: number[];
  /** Finished nodes waiting for their parent, up to `top` (shrinking `length` instead costs more). */
  readonly nodes: ValueNode[];
  readonly raws: unknown[];
  top: number;
}

/**
 * Throws js-yaml's exception on anything js-yaml rejects (including duplicate keys and tabs). The
 * common block-YAML subset of templates is read by a scanner that builds the same model directly;
 * it leaves everything else to js-yaml.
 */
export function parseYamlFast(text: string, info?: FastParseInfo): ValueNode | undefined {
  return scanBlockYaml(text) ?? parseWithJsYaml(text, info);
}

/** The js-yaml path alone (the reference the block scanner is tested against). */
export function parseWithJsYaml(text: string, info?: FastParseInfo): ValueNode | undefined {
  const b: Builder = { text, opens: [], bases: [], nodes: [], raws: [], top: 0 };
  load(text, {
    schema: SCHEMA,
    listener(this: unknown, event: 'open' | 'close', state: State) {
      if (event === 'open') {
        b.opens.push(state.position);
        b.bases.push(b.top);
        return;
      }
      const open = b.opens.pop();
      const base = b.bases.pop();
      if (open === undefined || base === undefined) return;
      const node = closeNode(b, open, base, state);
      if (info && node.kind === 'unknown' && node.reason === 'YAML alias') info.aliases++;
      b.nodes[base] = node;
      b.raws[base] = state.result;
      b.top = base + 1;
    },
  } as unknown as Parameters<typeof load>[1]);
  return b.nodes[0];
}

function closeNode(b: Builder, open: number, base: number, state: State): ValueNode {
  const { text, nodes } = b;
  const tag = state.tag as string | null;
  const count = b.top - base;
  const result: unknown = state.result;
  // js-yaml composes some nodes twice (a value that might have been a mapping key, or a flow `{...}` /
  // `[...]` item of a block sequence): keep the inner one. A real mapping or sequence never has a single
  // child that is the very same object as its own result, so identity tells the two cases apart.
  if (count === 1 && b.raws[base] === result) {
    return nodes[base] as ValueNode;
  }
  const close = state.position as number;
  const start = Math.min(skipBlank(text, open, close), close);
  let node: ValueNode;
  if (text.charCodeAt(start) === 42 /* * */) {
    // CloudFormation does not support YAML aliases; never expand them (alias bombs).
    node = { kind: 'unknown', reason: 'YAML alias', span: { start, end: trimTrailing(text, start, close) } };
  } else if (state.kind === 'mapping') {
    const entries: Entry[] = new Array<Entry>(count >> 1);
    for (let i = 0; i + 1 < count; i += 2) {
      const k = nodes[base + i] as ValueNode;
      const key = keyText(k);
      entries[i >> 1] = { key, rawKey: key, keySpan: k.span, value: nodes[base + i + 1] as ValueNode };
    }
    const span = { start, end: trimTrailing(text, start, close) };
    const obj: ObjectNode = { kind: 'object', entries, span, flow: isFlowAt(text, start, tag) };
    node = intrinsicFromObject(obj) ?? obj;
  } else if (state.kind === 'sequence') {
    node = { kind: 'array', items: nodes.slice(base, b.top), span: { start, end: trimTrailing(text, start, close) }, flow: isFlowAt(text, start, tag) };
  } else if (result === null || result === undefined) {
    node = isCustomTag(tag)
      ? { kind: 'null', span: { start: open, end: open } }
      : { kind: 'null', span: start < close ? { start, end: trimTrailing(text, start, close) } : { start: open, end: open } };
  } else {
    const span = { start, end: trimTrailing(text, start, close) };
    if (typeof result === 'string') {
      const contentStart = isCustomTag(tag) && text.charCodeAt(start) === 33 ? skipBlank(text, start + tagLength(text, start), close) : start;
      node = { kind: 'string', value: result, span, quote: quoteOf(text.charCodeAt(contentStart)) };
    } else if (typeof result === 'number') node = { kind: 'number', value: result, span };
    else if (typeof result === 'boolean') node = { kind: 'boolean', value: result, span };
    else node = { kind: 'unknown', reason: 'unsupported YAML value', span };
  }
  return isCustomTag(tag) ? applyTag(text, node, tag, start) : node;
}

/** A local tag (`!GetAtt`, or the bare `!`), as opposed to none, the plain-scalar `?` or a resolved `tag:yaml.org,...`. */
function isCustomTag(tag: string | null): tag is string {
  return tag !== null && tag.charCodeAt(0) === 33 /* ! */ && tag.charCodeAt(1) !== 33;
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

function applyTag(text: string, node: ValueNode, tag: string, start: number): ValueNode {
  if (text.charCodeAt(start) !== 33) return node;
  const fn = longNameOfTag(tag);
  if (!fn) return node;
  const nameSpan: Span = { start, end: start + tag.length };
  const argStart = skipBlank(text, nameSpan.end, node.span.end);
  const arg: ValueNode = node.kind === 'null' ? node : { ...node, span: { start: Math.min(argStart, node.span.end), end: node.span.end } };
  return { kind: 'intrinsic', fn, style: 'short', nameSpan, arg, span: { start, end: Math.max(node.span.end, nameSpan.end) } };
}
