import { DEFAULT_SCHEMA } from 'js-yaml';
import { longNameOfTag } from '../model/intrinsics';

/*
 * The token level of the block YAML scanner (yamlBlockScanner.ts): lines, indentation, one-line
 * plain and quoted scalars, keys, short tags, and js-yaml's typing of plain scalars. Anything it does
 * not read exactly as js-yaml would makes it bail out.
 */

/** Thrown (one shared instance, never seen outside the scanner) to abandon the scan. */
const BAIL = { bail: true };

/** js-yaml's implicit types for plain scalars (null, bool, int, float, timestamp, merge), the very list and order it tries. */
interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}
const IMPLICIT = (DEFAULT_SCHEMA as unknown as { compiledImplicit: readonly ImplicitType[] }).compiledImplicit;

export function bail(): never {
  throw BAIL;
}

export function isBreakOrEnd(c: number): boolean {
  return c === 10 || Number.isNaN(c);
}

/** Characters that cannot start a plain scalar in block context (or that we leave to js-yaml). */
function isIndicator(c: number): boolean {
  // - ? : , [ ] { } # & * ! | > ' " % @ `
  return c === 45 || c === 63 || c === 58 || c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 35 || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96;
}

function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/** A line break or the end ends a plain scalar; inside a flow collection a flow indicator does too. */
function endsPlain(c: number, flow: boolean): boolean {
  return isBreakOrEnd(c) || (flow && isFlowIndicator(c));
}

/** First characters of the plain scalars that some implicit type (null, bool, int, float, timestamp, merge) may claim. */
function mayResolve(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 60 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
}

export class YamlTokens {
  // Second results of the token readers, in fields rather than fresh objects: less garbage, less GC.
  /** Offset after the last scalar, flow collection or tag read. */
  end = 0;
  /** Quote style of the last quoted scalar read. */
  quote: 'single' | 'double' = 'single';

  constructor(protected readonly text: string) {}

  /** The start of the first line at or after `lineStart` that has content (not blank, not only a comment). */
  contentLine(lineStart: number): number {
    const t = this.text;
    let p = lineStart;
    while (p < t.length) {
      let q = p;
      while (t.charCodeAt(q) === 32) q++;
      const c = t.charCodeAt(q);
      if (c !== 10 && c !== 35 && q < t.length) return p;
      const nl = t.indexOf('\n', q);
      if (nl < 0) return t.length;
      p = nl + 1;
    }
    return t.length;
  }

  indentOf(lineStart: number): number {
    let q = lineStart;
    while (this.text.charCodeAt(q) === 32) q++;
    return q - lineStart;
  }

  /** The start of the line after the one holding `pos`. */
  nextLine(pos: number): number {
    const nl = this.text.indexOf('\n', pos);
    return nl < 0 ? this.text.length : nl + 1;
  }

  /** After a value that ends at `pos`: only blanks or a comment may follow on the line. */
  endOfLine(pos: number): number {
    const t = this.text;
    let p = pos;
    while (t.charCodeAt(p) === 32) p++;
    const c = t.charCodeAt(p);
    if (isBreakOrEnd(c)) return this.nextLine(p);
    if (c === 35 && p > pos) return this.nextLine(p);
    return bail();
  }

  skipSpaces(pos: number): number {
    let p = pos;
    while (this.text.charCodeAt(p) === 32) p++;
    return p;
  }

  /**
   * End of a one-line plain scalar starting at `pos` (trailing blanks excluded); inside a flow
   * collection (`flow`) the flow indicators `,[]{}` end it too. Bails on what cannot start one.
   */
  plainEnd(pos: number, flow = false): number {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (isBreakOrEnd(c) || c === 32 || isIndicator(c)) {
      // `-`, `?`, `:` may start a plain scalar when a non-blank follows; only `-1` style values matter here.
      const n = t.charCodeAt(pos + 1);
      if (!(c === 45 && !(n === 32 || endsPlain(n, flow)))) bail();
    }
    let p = pos;
    let end = pos;
    for (;;) {
      const ch = t.charCodeAt(p);
      if (endsPlain(ch, flow)) break;
      if (ch === 58 /* : */) {
        const n = t.charCodeAt(p + 1);
        if (n === 32 || endsPlain(n, flow)) break;
      } else if (ch === 35 /* # */ && t.charCodeAt(p - 1) === 32) {
        break;
      }
      p++;
      if (ch !== 32) end = p;
    }
    if (end === pos) bail();
    return end;
  }


  /** A one-line quoted scalar at `pos`, its value (`end`, `quote` set); bails on escapes, line breaks and an unclosed quote. */
  quoted(pos: number): string {
    const t = this.text;
    const q = t.charCodeAt(pos);
    let p = pos + 1;
    let value = '';
    let from = p;
    for (;;) {
      const ch = t.charCodeAt(p);
      if (isBreakOrEnd(ch)) bail();
      if (q === 34 && ch === 92 /* \ */) bail();
      if (ch === q) {
        if (q === 39 && t.charCodeAt(p + 1) === 39) {
          value += t.slice(from, p + 1);
          p += 2;
          from = p;
          continue;
        }
        value += t.slice(from, p);
        this.end = p + 1;
        this.quote = q === 39 ? 'single' : 'double';
        return value;
      }
      p++;
    }
  }

  /** js-yaml's value for a plain scalar: null, boolean, number, Date, or the string itself. */
  resolve(raw: string): unknown {
    if (raw.length > 0 && !mayResolve(raw.charCodeAt(0))) return raw;
    for (const type of IMPLICIT) {
      if (type.resolve(raw)) return type.construct(raw);
    }
    return raw;
  }

  /**
   * A key's text at `pos`, quoted or plain (its end in `end`). Bails on a plain key js-yaml reads as
   * null, a boolean or a number (rare: left to js-yaml) and on a merge key `<<`.
   */
  keyText(pos: number, flow: boolean): string {
    const c = this.text.charCodeAt(pos);
    if (c === 39 || c === 34) return this.quoted(pos);
    const end = this.plainEnd(pos, flow);
    const value = this.text.slice(pos, end);
    if ((mayResolve(c) && this.resolve(value) !== value) || value === '<<') bail();
    this.end = end;
    return value;
  }

  /** A short intrinsic tag at `pos` (`!GetAtt`); bails on any other tag. */
  tagAt(pos: number): string {
    const t = this.text;
    let p = pos + 1;
    for (;;) {
      const ch = t.charCodeAt(p);
      if (ch === 32 || isBreakOrEnd(ch)) break;
      if (ch === 33 || ch === 60 || ch === 91 || ch === 123 || ch === 44 || ch === 93 || ch === 125) bail(); // `!!`, `!<...>`, flow
      p++;
    }
    const fn = longNameOfTag(t.slice(pos, p));
    if (!fn || p === pos + 1) bail(); // js-yaml rejects unknown tags
    this.end = p;
    return fn;
  }
}
