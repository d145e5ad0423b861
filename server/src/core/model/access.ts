import type { ArrayNode, Entry, IntrinsicNode, ObjectNode, ValueNode } from './types';

/** The entry for `key` when `node` is an object (canonical name). */
export function entry(node: ValueNode | undefined, key: string): Entry | undefined {
  if (node?.kind !== 'object') return undefined;
  // The hottest accessor, mostly run before the JIT optimises it (a fresh language server): an
  // indexed loop, which the interpreter runs faster than `find` (a closure) or `for...of` (an iterator).
  const entries = node.entries;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e?.key === key) return e;
  }
  return undefined;
}

export function prop(node: ValueNode | undefined, key: string): ValueNode | undefined {
  return entry(node, key)?.value;
}

/** Follow a path of canonical keys through plain objects (no Fn::If branching). */
export function path(node: ValueNode | undefined, ...keys: string[]): ValueNode | undefined {
  let cur = node;
  for (const k of keys) cur = prop(cur, k);
  return cur;
}

export function isIntrinsic(node: ValueNode | undefined, fn?: string): node is IntrinsicNode {
  return node?.kind === 'intrinsic' && (fn === undefined || node.fn === fn);
}

export function isNoValue(node: ValueNode | undefined): boolean {
  return isIntrinsic(node, 'Ref') && node.arg.kind === 'string' && node.arg.value === 'AWS::NoValue';
}

/**
 * Results of the accessors below are read-only: when nothing needs expanding (no `Fn::If`, no
 * `AWS::NoValue`, the common case) they are the model's own arrays, a one-element array or this
 * shared empty one, never a chain of expanded, filtered and flattened copies.
 */
const NONE: readonly never[] = Object.freeze([]);

/** `Fn::If [cond, a, b]`: the intrinsic whose branches are alternatives. */
function isIfCall(node: ValueNode): node is IntrinsicNode & { arg: ArrayNode } {
  return node.kind === 'intrinsic' && node.fn === 'Fn::If' && node.arg.kind === 'array' && node.arg.items.length === 3;
}

/** True when a node stands for itself (not `Fn::If`, not `AWS::NoValue`), so expanding it is a no-op. */
function isPlain(node: ValueNode): boolean {
  return node.kind !== 'intrinsic' || !(isIfCall(node) || isNoValue(node));
}

/**
 * The values a node may take: `Fn::If` branches are checked each on their own, and
 * `!Ref AWS::NoValue` (the property is absent) is dropped.
 */
export function alternatives(node: ValueNode | undefined): readonly ValueNode[] {
  if (!node) return NONE;
  if (isPlain(node)) return [node];
  if (isIfCall(node)) return [...alternatives(node.arg.items[1]), ...alternatives(node.arg.items[2])];
  return NONE; // AWS::NoValue
}

export function objects(node: ValueNode | undefined): readonly ObjectNode[] {
  if (node?.kind === 'object') return [node];
  if (node?.kind !== 'intrinsic') return NONE;
  return alternatives(node).filter((n): n is ObjectNode => n.kind === 'object');
}

export function arrays(node: ValueNode | undefined): readonly ArrayNode[] {
  if (node?.kind === 'array') return [node];
  if (node?.kind !== 'intrinsic') return NONE;
  return alternatives(node).filter((n): n is ArrayNode => n.kind === 'array');
}

/** Items of an array value (every Fn::If branch), each item itself expanded. */
export function items(node: ValueNode | undefined): readonly ValueNode[] {
  if (node?.kind === 'array' && allPlain(node.items)) return node.items;
  return arrays(node).flatMap((a) => a.items.flatMap(alternatives));
}

export function objectItems(node: ValueNode | undefined): readonly ObjectNode[] {
  const all = items(node);
  return allObjects(all) ? all : all.filter(isObject);
}

// Indexed loops rather than `every(callback)`: these run for every list, mostly before the JIT
// has optimised them, where a callback per item costs more than the check itself.
function allPlain(list: readonly ValueNode[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    if (n && !isPlain(n)) return false;
  }
  return true;
}

/** True when every item of the list is an object. */
export function allObjects(list: readonly ValueNode[]): list is readonly ObjectNode[] {
  for (let i = 0; i < list.length; i++) if (list[i]?.kind !== 'object') return false;
  return true;
}

function isObject(node: ValueNode): node is ObjectNode {
  return node.kind === 'object';
}

/** A statically known string, or undefined (intrinsics, parameters, CDK expressions). */
export function str(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

/** A statically known number; CloudFormation also accepts numeric strings. */
export function num(node: ValueNode | undefined): number | undefined {
  if (node?.kind === 'number') return node.value;
  if (node?.kind === 'string' && node.value.trim() !== '' && !Number.isNaN(Number(node.value))) return Number(node.value);
  return undefined;
}

/** A statically known boolean; CloudFormation also accepts "true"/"false" strings. */
export function bool(node: ValueNode | undefined): boolean | undefined {
  if (node?.kind === 'boolean') return node.value;
  if (node?.kind === 'string') {
    const v = node.value.toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return undefined;
}

/** True for literals (strings, numbers, booleans, null, and objects/arrays), false for anything computed. */
export function isKnown(node: ValueNode | undefined): boolean {
  return node !== undefined && node.kind !== 'intrinsic' && node.kind !== 'unknown';
}

/** Visit a value and everything inside it (depth first); aliases and unknowns are leaves. */
export function forEachNode(node: ValueNode | undefined, visit: (n: ValueNode) => void): void {
  if (!node) return;
  visit(node);
  if (node.kind === 'object') for (const e of node.entries) forEachNode(e.value, visit);
  else if (node.kind === 'array') for (const i of node.items) forEachNode(i, visit);
  else if (node.kind === 'intrinsic') forEachNode(node.arg, visit);
}
