import type { Entry, ObjectNode, ValueNode } from '../model/types';
import { intrinsicFromObject, trimTrailing } from './nodes';
import { bail, isBreakOrEnd, YamlTokens } from './yamlTokens';

/**
 * A scanner for the plain block YAML that CloudFormation templates are written in: block mappings
 * and sequences, one-line plain and quoted scalars, short-form intrinsic tags, comments. It builds
 * the very model the js-yaml path (yamlEvents.ts) builds, spans included, without js-yaml's own
 * value tree and without its per-node bookkeeping, which matters most in a fresh process where
 * js-yaml's large functions are still interpreted.
 *
 * Flow collections are read when they close on their line. It BAILS OUT (returns undefined) on
 * anything else: multi-line flow collections, anchors and aliases, multi-line and block scalars,
 * escapes in double quotes, tabs, CR, document markers, directives, complex or non-string keys,
 * duplicate keys, unusual indentation, deep nesting... The caller then runs js-yaml,
 * which reads (or rejects) the text exactly as before. Bailing is always correct; producing a model
 * that js-yaml would not is a bug (test/unit/yamlBlockScanner.test.ts compares the two).
 */

/** js-yaml rejects these anywhere in the stream; leave the error message to it. (js-yaml's own pattern.) */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/** Lines that start a document, end one, or hold a directive. */
const DOCUMENT_LINE = /^(?:---|\.\.\.|%)/m;

export function scanBlockYaml(text: string): ValueNode | undefined {
  // js-yaml appends a line break to a text without one, and spans that end at the end of the text then
  // end one past it: not worth copying.
  if (text.length === 0 || text.charCodeAt(0) === 0xfeff || text.charCodeAt(text.length - 1) !== 10) return undefined;
  if (text.includes('\t') || text.includes('\r') || NON_PRINTABLE.test(text) || DOCUMENT_LINE.test(text)) return undefined;
  const s = new Scanner(text);
  try {
    // The root may be indented: the editor's cache parses groups of resources cut out of `Resources`.
    const first = s.contentLine(0);
    if (first >= text.length) return undefined;
    const indent = s.indentOf(first);
    if (!s.isKeyLine(first + indent)) return undefined;
    const root = s.mapping(first, indent, first + indent);
    if (s.contentLine(s.stop) < text.length) return undefined; // something js-yaml would reject
    return root;
  } catch {
    // A bail-out, or (it would be a bug) any other failure: js-yaml, the reference, reads the text instead.
    return undefined;
  }
}

/** Keys seen in a mapping; a set only for long mappings (most have a handful of keys). */
interface KeySet {
  set: Set<string> | undefined;
}

/** js-yaml rejects duplicate keys: leave those mappings to it. */
function checkUnique(entries: readonly Entry[], keys: KeySet, key: string): void {
  if (entries.length < 12) {
    for (const e of entries) if (e.key === key) bail();
    return;
  }
  keys.set ??= new Set(entries.map((e) => e.key));
  if (keys.set.has(key)) bail();
  keys.set.add(key);
}

/** The structure: block mappings and sequences, one-line flow collections, tagged values. */
class Scanner extends YamlTokens {
  /** Line start where the last parsed collection stopped (the next content line, or the text's end). */
  stop = 0;
  /** End and `:` offset of the last key read. */
  keyEnd = 0;
  colon = 0;
  /** Collections and tags being read; js-yaml rejects nesting past 100 levels, we leave anything deep to it. */
  depth = 0;


  enter(): void {
    if (++this.depth > 40) bail();
  }




  /**
   * A block mapping whose keys sit at column `indent`; its first key is at `firstKey` (which, for a
   * compact mapping in a sequence item, is in the middle of a line). Sets `stop`.
   */
  mapping(lineStart: number, indent: number, firstKey: number): ValueNode {
    const t = this.text;
    this.enter();
    const entries: Entry[] = [];
    const keys: KeySet = { set: undefined };
    let keyAt = firstKey;
    let line = lineStart;
    for (;;) {
      const key = this.key(keyAt);
      const keyEnd = this.keyEnd;
      const colon = this.colon;
      checkUnique(entries, keys, key);
      let p = colon + 1;
      while (t.charCodeAt(p) === 32) p++;
      const c = t.charCodeAt(p);
      let value: ValueNode;
      if (isBreakOrEnd(c) || (c === 35 && p > colon + 1)) {
        value = this.valueBelow(colon + 1, this.nextLine(p), indent);
      } else {
        value = this.inlineValue(p, indent);
      }
      entries.push({ key, rawKey: key, keySpan: { start: keyAt, end: keyEnd }, value });
      line = this.stop;
      if (line >= t.length) break;
      const ind = this.indentOf(line);
      if (ind < indent) break;
      if (ind > indent) bail();
      keyAt = line + ind;
      // A sequence at the keys' column is only valid as the value of the key above (read there).
      if (t.charCodeAt(keyAt) === 45 /* - */ && (t.charCodeAt(keyAt + 1) === 32 || isBreakOrEnd(t.charCodeAt(keyAt + 1)))) bail();
    }
    this.stop = line;
    this.depth--;
    const start = firstKey;
    const obj: ObjectNode = { kind: 'object', entries: exact(entries), span: { start, end: trimTrailing(t, start, line) }, flow: false };
    return intrinsicFromObject(obj) ?? obj;
  }

  /** A mapping key at `pos`: its text (end and `:` offset in `keyEnd`, `colon`). Bails unless it is a one-line string key. */
  key(pos: number): string {
    const t = this.text;
    const value = this.keyText(pos, false);
    const end = this.end;
    let p = end;
    while (t.charCodeAt(p) === 32) p++;
    if (t.charCodeAt(p) !== 58 /* : */) bail();
    const n = t.charCodeAt(p + 1);
    if (!(n === 32 || isBreakOrEnd(n))) bail();
    if (end - pos > 1000 || value === '<<') bail(); // js-yaml's implicit key limit; merge keys
    this.keyEnd = end;
    this.colon = p;
    return value;
  }




  /** A scalar on the current line at `pos` (plain or quoted), as js-yaml's listener path models it. */
  scalar(pos: number): ValueNode {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === 39 || c === 34) {
      const value = this.quoted(pos);
      return { kind: 'string', value, span: { start: pos, end: this.end }, quote: this.quote };
    }
    const end = this.plainEnd(pos);
    this.end = end;
    return this.typed(t.slice(pos, end), { start: pos, end });
  }

  /** The node of an untagged plain scalar, typed as js-yaml types it. */
  typed(raw: string, span: { start: number; end: number }): ValueNode {
    const v = this.resolve(raw);
    if (v === raw) return { kind: 'string', value: raw, span, quote: 'plain' };
    if (v === null) return { kind: 'null', span };
    if (typeof v === 'number') return { kind: 'number', value: v, span };
    if (typeof v === 'boolean') return { kind: 'boolean', value: v, span };
    if (typeof v === 'string') return bail(); // the merge key `<<` as a value
    return { kind: 'unknown', reason: 'unsupported YAML value', span };
  }

  /**
   * A flow collection (`[...]` / `{...}`) that closes on its line, at `pos` (`end` set after its
   * closing bracket). Bails on anything but scalars, nested flow collections and short tags
   * separated by `, ` (no empty or trailing entries, no `key: value` pairs in sequences, no comments).
   */
  flow(pos: number): ValueNode {
    const t = this.text;
    this.enter();
    const isMap = t.charCodeAt(pos) === 123;
    const close = isMap ? 125 : 93;
    let p = this.skipSpaces(pos + 1);
    const items: ValueNode[] = [];
    const entries: Entry[] = [];
    const keys: KeySet = { set: undefined };
    if (t.charCodeAt(p) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.flowKey(p);
          const keyEnd = this.keyEnd;
          checkUnique(entries, keys, key);
          const value = this.flowNode(this.skipSpaces(this.colon + 1));
          entries.push({ key, rawKey: key, keySpan: { start: p, end: keyEnd }, value });
        } else {
          items.push(this.flowNode(p));
        }
        p = this.skipSpaces(this.end);
        const c = t.charCodeAt(p);
        if (c === close) break;
        if (c !== 44 /* , */) bail(); // includes `key: value` in a sequence, comments, line breaks
        p = this.skipSpaces(p + 1);
        if (t.charCodeAt(p) === close || t.charCodeAt(p) === 44) bail(); // trailing or empty entries
      }
    }
    this.depth--;
    const span = { start: pos, end: p + 1 };
    this.end = p + 1;
    if (!isMap) return { kind: 'array', items, span, flow: true };
    const obj: ObjectNode = { kind: 'object', entries, span, flow: true };
    return intrinsicFromObject(obj) ?? obj;
  }



  /** A key in a flow mapping: a plain or quoted string followed by `: `. */
  flowKey(pos: number): string {
    const t = this.text;
    const value = this.keyText(pos, true);
    const end = this.end;
    const p = this.skipSpaces(end);
    if (t.charCodeAt(p) !== 58 || t.charCodeAt(p + 1) !== 32) bail();
    this.keyEnd = end;
    this.colon = p;
    return value;
  }

  /** A node inside a flow collection: scalar, nested flow collection, or a short tag on either. */
  flowNode(pos: number): ValueNode {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === 91 || c === 123) return this.flow(pos);
    if (c === 39 || c === 34) {
      const value = this.quoted(pos);
      return { kind: 'string', value, span: { start: pos, end: this.end }, quote: this.quote };
    }
    if (c === 33 /* ! */) {
      const fn = this.tagAt(pos);
      const tagEnd = this.end;
      if (t.charCodeAt(tagEnd) !== 32) bail();
      const at = this.skipSpaces(tagEnd);
      const a = t.charCodeAt(at);
      let arg: ValueNode;
      if (a === 91 || a === 123 || a === 39 || a === 34) {
        arg = this.flowNode(at);
      } else {
        const end = this.plainEnd(at, true);
        this.end = end;
        arg = { kind: 'string', value: t.slice(at, end), span: { start: at, end }, quote: 'plain' };
      }
      return { kind: 'intrinsic', fn, style: 'short', nameSpan: { start: pos, end: tagEnd }, arg, span: { start: pos, end: this.end } };
    }
    const end = this.plainEnd(pos, true);
    this.end = end;
    return this.typed(t.slice(pos, end), { start: pos, end });
  }



  /** A value on the line of its key (or sequence dash) at `pos`; `indent` is the column of that key or dash. Sets `stop`. */
  inlineValue(pos: number, indent: number): ValueNode {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === 33 /* ! */) return this.tagged(pos, indent);
    const node = c === 91 || c === 123 ? this.flow(pos) : this.scalar(pos);
    this.afterScalar(this.end, indent);
    return node;
  }

  /** After a one-line scalar: the next content line must not be deeper (that would continue the scalar). */
  afterScalar(end: number, indent: number): void {
    const next = this.contentLine(this.endOfLine(end));
    if (next < this.text.length && this.indentOf(next) > indent) bail();
    this.stop = next;
  }

  /** `!Tag value` or `!Tag` with a block collection below. */
  tagged(pos: number, indent: number): ValueNode {
    const t = this.text;
    this.enter();
    const fn = this.tagAt(pos);
    const p = this.end;
    const nameSpan = { start: pos, end: p };
    let q = p;
    while (t.charCodeAt(q) === 32) q++;
    const c = t.charCodeAt(q);
    let arg: ValueNode;
    if (isBreakOrEnd(c) || (c === 35 && q > p)) {
      const below = this.contentLine(this.nextLine(q));
      if (below >= t.length || this.indentOf(below) <= indent) bail(); // a tagged null
      const at = below + this.indentOf(below);
      const isSequence = t.charCodeAt(at) === 45 && t.charCodeAt(at + 1) === 32;
      if (!isSequence && !this.isKeyLine(at)) bail(); // a tagged scalar on its own line
      arg = this.blockNode(below, indent);
    } else {
      if (c === 33 || c === 38 || c === 42 || c === 124 || c === 62) bail(); // a second tag, anchors, aliases, block scalars
      if (c === 91 || c === 123) {
        arg = this.flow(q);
        this.afterScalar(this.end, indent);
      } else {
        arg = this.taggedScalar(q, indent);
      }
    }
    this.depth--;
    return { kind: 'intrinsic', fn, style: 'short', nameSpan, arg, span: { start: pos, end: Math.max(arg.span.end, nameSpan.end) } };
  }

  /** The scalar after a tag: an explicit tag means no implicit typing, so it is the string as written. */
  taggedScalar(pos: number, indent: number): ValueNode {
    const t = this.text;
    const c = t.charCodeAt(pos);
    let node: ValueNode;
    let end: number;
    if (c === 39 || c === 34) {
      const value = this.quoted(pos);
      end = this.end;
      node = { kind: 'string', value, span: { start: pos, end }, quote: this.quote };
    } else {
      end = this.plainEnd(pos);
      node = { kind: 'string', value: t.slice(pos, end), span: { start: pos, end }, quote: 'plain' };
    }
    this.afterScalar(end, indent);
    return node;
  }

  /** The value of a key whose line ends after the `:` (at `afterColon`); `indent` is the key's column. Sets `stop`. */
  valueBelow(afterColon: number, next: number, indent: number): ValueNode {
    const t = this.text;
    const line = this.contentLine(next);
    if (line >= t.length) {
      this.stop = line;
      return { kind: 'null', span: { start: afterColon, end: afterColon } };
    }
    const ind = this.indentOf(line);
    if (ind > indent) return this.blockNode(line, indent);
    if (ind === indent && t.charCodeAt(line + ind) === 45 && t.charCodeAt(line + ind + 1) === 32) return this.sequence(line, ind);
    if (ind === indent && t.charCodeAt(line + ind) === 45 && isBreakOrEnd(t.charCodeAt(line + ind + 1))) bail();
    this.stop = line;
    return { kind: 'null', span: { start: afterColon, end: afterColon } };
  }

  /** A node that starts on its own line `line`, deeper than `parentIndent`: mapping, sequence or scalar. Sets `stop`. */
  blockNode(line: number, parentIndent: number): ValueNode {
    const t = this.text;
    const ind = this.indentOf(line);
    const pos = line + ind;
    const c = t.charCodeAt(pos);
    if (c === 45 /* - */) {
      const n = t.charCodeAt(pos + 1);
      if (n === 32) return this.sequence(line, ind);
      if (isBreakOrEnd(n)) bail();
    }
    if (c === 33 || c === 38 || c === 42 || c === 91 || c === 123 || c === 124 || c === 62) bail();
    if (this.isKeyLine(pos)) return this.mapping(line, ind, pos);
    const node = this.scalar(pos);
    this.afterScalar(this.end, parentIndent);
    return node;
  }

  /** Whether the line at `pos` holds a `key:` (a plain or quoted token followed by `:` and a blank). */
  isKeyLine(pos: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(pos);
    let end: number;
    if (c === 39 || c === 34) {
      this.quoted(pos);
      end = this.end;
    } else {
      end = this.plainEnd(pos);
    }
    let p = end;
    while (t.charCodeAt(p) === 32) p++;
    if (t.charCodeAt(p) !== 58) return false;
    const n = t.charCodeAt(p + 1);
    return n === 32 || isBreakOrEnd(n);
  }

  /** A block sequence whose dashes sit at column `indent`, the first one on `line`. Sets `stop`. */
  sequence(line: number, indent: number): ValueNode {
    const t = this.text;
    this.enter();
    const items: ValueNode[] = [];
    const start = line + indent;
    let at = line;
    for (;;) {
      const dash = at + indent;
      let p = dash + 1;
      while (t.charCodeAt(p) === 32) p++;
      const c = t.charCodeAt(p);
      if (isBreakOrEnd(c) || c === 35 || c === 45 || c === 63 || c === 58) bail(); // item below, nested `- -`, complex keys
      if (c === 33 /* ! */) items.push(this.tagged(p, indent));
      else if (c === 38 || c === 42 || c === 124 || c === 62) bail();
      else if (c === 91 || c === 123) items.push(this.inlineValue(p, indent));
      else if (this.isKeyLine(p)) items.push(this.mapping(at, p - at, p));
      else items.push(this.inlineValue(p, indent));
      at = this.stop;
      if (at >= t.length) break;
      const ind = this.indentOf(at);
      if (ind < indent) break;
      if (ind > indent) bail();
      const d = at + ind;
      if (t.charCodeAt(d) !== 45 || t.charCodeAt(d + 1) !== 32) break; // the next key of a mapping at this column
    }
    this.stop = at;
    this.depth--;
    return { kind: 'array', items: exact(items), span: { start, end: trimTrailing(t, start, at) }, flow: false };
  }
}

/**
 * The list with room for exactly its items: a list built by `push` keeps room for 16 or more, and
 * the model keeps tens of thousands of small ones for as long as the document is open (about 5 MB
 * of a 5,000-resource template's 39 MB).
 */
function exact<T>(list: T[]): T[] {
  return list.length < 16 ? list.slice() : list;
}
