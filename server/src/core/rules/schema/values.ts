import type { ValueNode } from '../../model/types';
import type { JsonType } from '../../schema/registry';

/** How the schema checks read values (code points, patterns, structural identity) and put them in words. */

export function typeWords(types: readonly JsonType[]): string {
  const words: Record<JsonType, string> = { string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false', object: 'an object (key: value pairs)', array: 'a list' };
  return types.map((t) => words[t]).join(' or ');
}

export function kindWords(v: ValueNode): string {
  switch (v.kind) {
    case 'string':
      return `the string '${v.value}'`;
    case 'number':
      return `the number ${v.value}`;
    case 'boolean':
      return `the boolean ${v.value}`;
    case 'null':
      return 'empty (null)';
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    default:
      return 'this value';
  }
}

export function limitWords(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return min === max ? `it must have exactly ${min} ${unit}` : `it must have ${min} to ${max} ${unit}`;
  if (min !== undefined) return `it must have at least ${min} ${min === 1 ? unit.replace(/s$/, '') : unit}`;
  return `it must have at most ${max ?? 0} ${unit}`;
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

export function codePoints(s: string): number {
  // Surrogate pairs count once, as in JSON schema; plain strings take the fast path.
  return HIGH_SURROGATE.test(s) ? Array.from(s).length : s.length;
}

const patterns = new Map<string, RegExp | null>();

export function patternOf(source: string): RegExp | undefined {
  let re = patterns.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source);
    } catch {
      re = null; // A pattern JavaScript cannot read is not judged.
    }
    patterns.set(source, re);
  }
  return re ?? undefined;
}

/** A structural key for uniqueness; undefined when the item holds a value we cannot know. */
export function canonical(v: ValueNode): string | undefined {
  switch (v.kind) {
    case 'string':
      return `s${JSON.stringify(v.value)}`;
    case 'number':
    case 'boolean':
      return `${v.kind[0] ?? ''}${String(v.value)}`;
    case 'null':
      return 'null';
    case 'intrinsic': {
      const arg = canonical(v.arg);
      return arg === undefined ? undefined : `${v.fn}(${arg})`;
    }
    case 'array': {
      const parts = v.items.map(canonical);
      return parts.some((p) => p === undefined) ? undefined : `[${parts.join(',')}]`;
    }
    case 'object': {
      const parts = [...v.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((e) => {
        const c = canonical(e.value);
        return c === undefined ? undefined : `${JSON.stringify(e.key)}:${c}`;
      });
      return parts.some((p) => p === undefined) ? undefined : `{${parts.join(',')}}`;
    }
    default:
      return undefined;
  }
}
