import type { Entry, ObjectNode, ParseProblem, Span, ValueNode } from '../model/types';
import { isYamlException, parseYaml } from './cfnYaml';
import { type FastParseInfo, parseYamlFast } from './yamlEvents';

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
  /** @param groupSize resources per chunk, on average (tests use 1: every resource a chunk of its own). */
  constructor(readonly groupSize = GROUP) {}

  /** Chunk text -> its entries, parsed (or last shifted) at `offset`. Holds only the last parse's chunks. */
  private chunks = new Map<string, Chunk>();

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

  /** True before the first successful parse: nothing to reuse yet. */
  get isEmpty(): boolean {
    return this.chunks.size === 0;
  }

  /** @internal */
  replace(next: Map<string, Chunk>): void {
    this.chunks = next;
  }
}

const RESOURCES_LINE = /^Resources[ \t]*:[ \t]*(?:#.*)?$/m;
const TOP_LEVEL_LINE = /^[^\s#]/m;

/** Where the `Resources` section's resources are: line offsets of each resource and of each group. */
interface Layout {
  readonly headerAt: number;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** Column of the resource ids. */
  readonly indent: number;
  /** Offset of the line of every resource id. */
  readonly resources: readonly number[];
  /** Offset of the first line of every group (a subset of `resources`). */
  readonly groups: readonly number[];
}

function layoutOf(text: string, group: number): Layout | undefined {
  const header = RESOURCES_LINE.exec(text);
  if (!header) return undefined;
  const nl = text.indexOf('\n', header.index);
  if (nl < 0) return undefined;
  const bodyStart = nl + 1;
  TOP_LEVEL_LINE.lastIndex = 0;
  const after = TOP_LEVEL_LINE.exec(text.slice(bodyStart));
  const bodyEnd = after ? bodyStart + after.index : text.length;
  const lines = resourceLines(text, bodyStart, bodyEnd);
  if (!lines || lines.starts.length === 0) return undefined;
  return { headerAt: header.index, bodyStart, bodyEnd, indent: lines.indent, resources: lines.starts, groups: groupStarts(text, lines.starts, group) };
}

export interface ChunkedOptions {
  /**
   * With an empty cache (an editor's first open), parse the whole text in one go and fill the cache
   * from that model: one parser call instead of one per group, and no copy of every node. Tests turn
   * it off to compare with the group-by-group parse.
   */
  readonly seedFromFullParse?: boolean;
}

/**
 * A copy of a chunk's text that does not keep the document alive. V8 slices share their parent string,
 * the model keeps strings cut from the text it was parsed from, and a chunk's model lives as long as
 * the chunk is unchanged: parsed from a slice, every edited chunk would hold on to a whole version of
 * the document (3 MB per edit at 5,000 resources).
 */
function detached(text: string): string {
  return `${text} `.slice(0, -1);
}

export function parseYamlChunked(
  text: string,
  cache: YamlChunkCache,
  options: ChunkedOptions = {},
): { root: ValueNode | undefined; problems: ParseProblem[] } | undefined {
  const layout = layoutOf(text, cache.groupSize);
  if (!layout) return undefined;
  if (cache.isEmpty && options.seedFromFullParse !== false) {
    const whole = parseWholeAndSeed(text, layout, cache);
    if (whole) return whole;
  }
  const { bodyStart, bodyEnd } = layout;
  const starts = layout.groups;
  const next = new Map<string, Chunk>();
  const entries: Entry[] = [];
  const problems: ParseProblem[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    const end = starts[i + 1] ?? bodyEnd;
    const chunk = text.slice(start, end);
    let parsed = cache.take(chunk, start);
    if (!parsed) {
      const result = parseYaml(detached(chunk));
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

function groupStarts(text: string, starts: readonly number[], group: number): number[] {
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
function resourceLines(text: string, bodyStart: number, bodyEnd: number): { starts: number[]; indent: number } | undefined {
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
  return { starts, indent };
}

/**
 * The first open: the whole text parsed once. The cache is filled with the resource entries of that
 * model, grouped exactly as the group-by-group parse would, so the next edit reuses them. Seeding
 * needs the model's resources to line up with the lines found by the layout (so each group's text
 * holds exactly its entries) and no aliases (a group parsed alone could not resolve them); otherwise
 * the whole-text model is still returned, and the cache stays empty. Undefined when js-yaml rejects
 * the text: the group-by-group parse then keeps the error local.
 */
function parseWholeAndSeed(text: string, layout: Layout, cache: YamlChunkCache): { root: ValueNode | undefined; problems: ParseProblem[] } | undefined {
  const info: FastParseInfo = { aliases: 0 };
  let root: ValueNode | undefined;
  try {
    root = parseYamlFast(text, info);
  } catch (e) {
    if (isYamlException(e)) return undefined;
    throw e;
  }
  if (info.aliases === 0) {
    const groups = groupsOf(text, root, layout);
    if (groups) cache.replace(groups);
  }
  return { root, problems: [] };
}

/** The cache content for a whole-text model: group text -> its entries; undefined when they do not line up. */
function groupsOf(text: string, root: ValueNode | undefined, layout: Layout): Map<string, Chunk> | undefined {
  if (root?.kind !== 'object') return undefined;
  const section = root.entries.find((e) => e.key === 'Resources');
  if (!section || section.keySpan.start !== layout.headerAt || section.value.kind !== 'object') return undefined;
  const entries = section.value.entries;
  const lines = layout.resources;
  if (entries.length !== lines.length) return undefined;
  for (let i = 0; i < entries.length; i++) {
    if ((entries[i] as Entry).keySpan.start !== (lines[i] as number) + layout.indent) return undefined;
  }
  const last = entries[entries.length - 1];
  if (!last || last.value.span.end > layout.bodyEnd) return undefined;
  const next = new Map<string, Chunk>();
  let first = 0;
  for (let g = 0; g < layout.groups.length; g++) {
    const start = layout.groups[g] as number;
    const end = layout.groups[g + 1] ?? layout.bodyEnd;
    let stop = first;
    while (stop < entries.length && (lines[stop] as number) < end) stop++;
    const chunk = text.slice(start, end);
    if (stop === first || lines[first] !== start || next.has(chunk)) return undefined;
    next.set(chunk, { offset: start, entries: entries.slice(first, stop), problems: [] });
    first = stop;
  }
  return first === entries.length ? next : undefined;
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
