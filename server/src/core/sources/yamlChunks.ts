import type { Entry, ObjectNode, ParseProblem, Span, ValueNode } from '../model/types';
import { parseYaml } from './cfnYaml';

/**
 * Incremental YAML parsing for editors: the `Resources` section is split at the lines that start a
 * resource, each resource is parsed on its own, and a resource whose text did not change since the
 * last parse is reused (its spans shifted when an edit above it moved it). An edit inside one resource
 * of a 1,000-resource template re-parses that resource and a whitespace-blanked skeleton only.
 * A syntax error is handled inside its chunk (the forgiving parser reads that chunk only), so typing
 * in a big template stays cheap while lines are half written. Anything unusual (duplicate ids,
 * aliases across resources, tabs, a chunk that is not a mapping) returns undefined and the caller
 * parses the whole text as before. Valid documents give exactly the model of a full parse.
 */

interface Chunk {
  offset: number;
  readonly entries: readonly Entry[];
  readonly problems: readonly ParseProblem[];
}
export class YamlChunkCache {
  /** Chunk text -> its entries, parsed (or last shifted) at `offset`. Holds only the last parse's chunks. */
  private chunks = new Map<string, Chunk>();

  /** @param groupSize resources per chunk, on average (tests use 1: every resource a chunk of its own). */
  constructor(readonly groupSize = GROUP) {}

  /**
   * The cached entries of a chunk, moved to `offset`. Moving happens IN PLACE (copying every node
   * after an edit would make garbage proportional to the document): a model parsed with a cache is
   * only valid until the next parse with the same cache. The LSP keeps one cache per document and
   * only ever uses the analysis of the current version.
   */
  take(text: string, offset: number): Chunk | undefined {
    const hit = this.chunks.get(text);
    if (!hit) return undefined;
    if (hit.offset !== offset) {
      const delta = offset - hit.offset;
      for (const e of hit.entries) moveEntry(e, delta);
      for (const p of hit.problems) move(p.span, delta);
      hit.offset = offset;
    }
    return hit;
  }

  /** @internal */
  replace(next: Map<string, Chunk>): void {
    this.chunks = next;
  }
}

const RESOURCES_LINE = /^Resources[ \t]*:[ \t]*(?:#.*)?$/m;
const TOP_LEVEL_LINE = /^[^\s#]/m;

export function parseYamlChunked(text: string, cache: YamlChunkCache): { root: ObjectNode; problems: ParseProblem[] } | undefined {
  const header = RESOURCES_LINE.exec(text);
  if (!header) return undefined;
  const nl = text.indexOf('\n', header.index);
  if (nl < 0) return undefined;
  const bodyStart = nl + 1;
  TOP_LEVEL_LINE.lastIndex = 0;
  const after = TOP_LEVEL_LINE.exec(text.slice(bodyStart));
  const bodyEnd = after ? bodyStart + after.index : text.length;

  const starts = groupStarts(text, chunkStarts(text, bodyStart, bodyEnd), cache.groupSize);
  if (!starts || starts.length === 0) return undefined;
  const next = new Map<string, Chunk>();
  const entries: Entry[] = [];
  const problems: ParseProblem[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    const end = starts[i + 1] ?? bodyEnd;
    const chunk = text.slice(start, end);
    let parsed = cache.take(chunk, start);
    if (!parsed) {
      const result = parseYaml(chunk);
      if (result.root?.kind !== 'object' || result.root.entries.length === 0) return undefined;
      // A fresh copy: every node gets its own span objects, so later in-place moves touch each once.
      parsed = {
        offset: start,
        entries: result.root.entries.map((e) => copyEntry(e, start)),
        problems: result.problems.map((p) => ({ message: p.message, span: { start: p.span.start + start, end: p.span.end + start } })),
      };
    }
    if (next.has(chunk)) return undefined; // two identical resources: a duplicate id, let the full parse say so
    next.set(chunk, parsed);
    entries.push(...parsed.entries);
    problems.push(...parsed.problems);
  }
  if (new Set(entries.map((e) => e.key)).size !== entries.length) return undefined;

  // The text around the section: header (up to `Resources:`) and trailer (Outputs, ...), parsed on their own.
  const headParse = parseYaml(text.slice(0, bodyStart));
  const head = headParse.root;
  if (head?.kind !== 'object' || headParse.problems.length > 0) return undefined;
  const trailerText = text.slice(bodyEnd);
  const trailerParse = /\S/.test(trailerText) ? parseYaml(trailerText) : undefined;
  const trailerRoot = trailerParse?.root?.kind === 'object' ? trailerParse.root : undefined;
  if (trailerParse && (!trailerRoot || trailerParse.problems.length > 0)) return undefined;
  const trailer = trailerRoot?.entries.map((e) => copyEntry(e, bodyEnd)) ?? [];
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (!first || !last) return undefined;
  const resources: ObjectNode = { kind: 'object', entries, span: { start: first.keySpan.start, end: last.value.span.end }, flow: false };
  let found = false;
  const rootEntries = head.entries.map((e) => {
    if (e.key !== 'Resources' || e.value.kind !== 'null') return e;
    found = true;
    return { ...e, value: resources };
  });
  rootEntries.push(...trailer);
  if (!found || new Set(rootEntries.map((e) => e.key)).size !== rootEntries.length) return undefined;
  cache.replace(next);
  const end = trailerRoot ? trailerRoot.span.end + bodyEnd : resources.span.end;
  return { root: { kind: 'object', entries: rootEntries, span: { start: head.span.start, end }, flow: false }, problems };
}

/**
 * Resources grouped into chunks of about GROUP resources, with content-defined boundaries: a group
 * starts at a resource whose first line hashes to 0 mod GROUP. An edit moves no boundary (unless it
 * edits a resource's id line), so every other group is still found in the cache. Groups rather than
 * single resources because each parser call has a fixed cost: a 1,000-resource open is 1,000 calls.
 */
const GROUP = 8;

function groupStarts(text: string, starts: number[] | undefined, group: number): number[] | undefined {
  if (!starts) return undefined;
  const out: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    let h = 2166136261;
    for (let p = start; p < text.length; p++) {
      const c = text.charCodeAt(p);
      if (c === 10) break;
      h = Math.imul(h ^ c, 16777619);
    }
    if (i === 0 || (h >>> 0) % group === 0) out.push(start);
  }
  return out;
}

/** Offsets of the lines starting a resource (the body's first indentation); undefined when the layout is unusual. */
function chunkStarts(text: string, bodyStart: number, bodyEnd: number): number[] | undefined {
  const starts: number[] = [];
  let indent = -1;
  let pos = bodyStart;
  while (pos < bodyEnd) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0 || eol > bodyEnd) eol = bodyEnd;
    let p = pos;
    while (p < eol && text.charCodeAt(p) === 32) p++;
    const c = text.charCodeAt(p);
    const blank = p >= eol || c === 35 /* # */ || c === 13;
    if (!blank) {
      if (c === 9 /* tab */) return undefined;
      const col = p - pos;
      if (indent < 0) indent = col;
      if (col < indent) return undefined;
      if (col === indent) {
        if (c === 45 /* - */ || c === 123 /* { */ || c === 91 /* [ */ || c === 38 /* & */ || c === 42 /* * */) return undefined;
        starts.push(pos);
      }
    }
    pos = eol + 1;
  }
  return starts;
}

function copyEntry(e: Entry, delta: number): Entry {
  return { key: e.key, rawKey: e.rawKey, keySpan: { start: e.keySpan.start + delta, end: e.keySpan.end + delta }, value: copyNode(e.value, delta) };
}

function copyNode(node: ValueNode, delta: number): ValueNode {
  const span = { start: node.span.start + delta, end: node.span.end + delta };
  switch (node.kind) {
    case 'object':
      return { ...node, span, entries: node.entries.map((e) => copyEntry(e, delta)) };
    case 'array':
      return { ...node, span, items: node.items.map((i) => copyNode(i, delta)) };
    case 'intrinsic':
      return { ...node, span, nameSpan: { start: node.nameSpan.start + delta, end: node.nameSpan.end + delta }, arg: copyNode(node.arg, delta) };
    default:
      return { ...node, span };
  }
}

type MutableSpan = { start: number; end: number };

function move(span: Span, delta: number): void {
  const m = span as MutableSpan;
  m.start += delta;
  m.end += delta;
}

function moveEntry(e: Entry, delta: number): void {
  move(e.keySpan, delta);
  moveNode(e.value, delta);
}

function moveNode(node: ValueNode, delta: number): void {
  move(node.span, delta);
  if (node.kind === 'object') for (const e of node.entries) moveEntry(e, delta);
  else if (node.kind === 'array') for (const i of node.items) moveNode(i, delta);
  else if (node.kind === 'intrinsic') {
    move(node.nameSpan, delta);
    moveNode(node.arg, delta);
  }
}
