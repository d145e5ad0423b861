import type { ObjectNode, Span, Template } from '../model/types';
import { camelKey, cdkInsertion, l1Value } from './cdkEdits';
import type { TextEdit } from './types';

/**
 * Text edits that keep the user's style: YAML block indentation, JSON layout, quoting.
 * Values are plain data rendered in the document's own syntax.
 */
export type PlainValue = string | number | boolean | { readonly [key: string]: PlainValue } | readonly PlainValue[];

/** Rule-specific edits are written for text templates (YAML, JSON, AWS CLI JSON); CDK code gets only the translated ones. */
export function canFix(template: Template): boolean {
  return template.format === 'yaml' || template.format === 'json';
}

/** Column of the first non-blank character on the line holding `offset`. */
export function indentAt(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let i = lineStart;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i - lineStart;
}

export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The document's indentation step (2 when it cannot tell). */
export function indentUnit(text: string): number {
  const m = /\n( +)\S/.exec(text);
  const n = m?.[1]?.length ?? 2;
  return n > 0 && n <= 8 ? n : 2;
}

function yamlScalar(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  if (v === '' || /^[\s]|[\s]$|[:#{}[\],&*!|>'"%@`]|^(true|false|yes|no|null|~|on|off)$|^[-?]|^\d/i.test(v)) return `'${v.replace(/'/g, "''")}'`;
  return v;
}

/** Render as YAML at a given indentation; objects and arrays become block style. */
export function renderYaml(value: PlainValue, indent: number, unit: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value.map((v: PlainValue) => `\n${' '.repeat(indent)}- ${renderYaml(v, indent + 2, unit).replace(/^\n\s*/, '')}`).join('');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, PlainValue>);
    if (entries.length === 0) return '{}';
    return entries.map(([k, v]) => `\n${' '.repeat(indent)}${k}: ${renderYaml(v, indent + unit, unit)}`.replace(/: \n/, ':\n')).join('');
  }
  return yamlScalar(value as string | number | boolean);
}

/** YAML flow style, `{Status: Enabled, EventThreshold: {Minutes: 15}}`, quoting scalars only when needed. */
export function renderFlowYaml(value: PlainValue): string {
  if (Array.isArray(value)) return `[${value.map((v: PlainValue) => renderFlowYaml(v)).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, PlainValue>).map(([k, v]) => `${k}: ${renderFlowYaml(v)}`).join(', ')}}`;
  }
  return yamlScalar(value as string | number | boolean);
}

/** Render as JSON; `indent` is the column of the property being written. */
export function renderJson(value: PlainValue, indent: number, unit: number): string {
  const s = JSON.stringify(value, null, unit);
  return s.split('\n').join(`\n${' '.repeat(indent)}`);
}

/**
 * Insert `key: value` as the last entry of `obj`, in the object's own style.
 * Returns undefined when the object's layout is too odd to edit safely.
 */
export function insertProperty(template: Template, text: string, obj: ObjectNode, key: string, value: PlainValue): TextEdit | undefined {
  if (template.dialect === 'cdk') {
    if (obj.cdkOrigin) {
      const ins = cdkInsertion(text, obj, key, value);
      return ins ? insertCode(text, ins.target, ins.key, ins.valueText) : undefined;
    }
    return insertCode(text, obj, camelKey(key), renderCode(l1Value(value), 0, indentUnit(text)));
  }
  const unit = indentUnit(text);
  const last = obj.entries[obj.entries.length - 1];
  if (template.format === 'yaml' && !obj.flow) {
    if (!last) return undefined;
    const indent = columnOf(text, last.keySpan.start);
    const rendered = renderYaml({ [key]: value }, indent, unit).replace(/^\n/, '');
    return { span: at(last.value.span.end), newText: `\n${rendered}` };
  }
  // Flow YAML, JSON and code literals share the `, "key": value` shape.
  const json = template.format === 'json' || template.format === 'yaml';
  const k = template.format === 'json' ? JSON.stringify(key) : key;
  if (!last) {
    const v = template.format === 'yaml' ? renderFlowYaml(value) : json ? JSON.stringify(value) : renderCode(value);
    return { span: { start: obj.span.start + 1, end: obj.span.start + 1 }, newText: ` ${k}: ${v} ` };
  }
  const multiline = text.slice(obj.span.start, obj.span.end).includes('\n');
  const indent = columnOf(text, last.keySpan.start);
  const v = template.format === 'json' ? renderJson(value, indent, unit) : template.format === 'yaml' ? renderFlowYaml(value) : renderCode(value, indent, unit);
  const sep = multiline ? `,\n${' '.repeat(indent)}` : ', ';
  return { span: at(last.value.span.end), newText: `${sep}${k}: ${v}` };
}

/** Insert `key: value` into a TypeScript object literal, on its own line when the literal spans lines. */
function insertCode(text: string, obj: ObjectNode, key: string, valueText: string): TextEdit | undefined {
  // `versioned: false` already there: a second key would not compile, so replace its value
  // (only when written in this literal, not in a const shared with other code).
  const existing = obj.entries.find((e) => e.rawKey === key);
  if (existing) return existing.value.span.start >= obj.span.start && existing.value.span.end <= obj.span.end ? { span: existing.value.span, newText: valueText } : undefined;
  const last = obj.entries[obj.entries.length - 1];
  if (!last) {
    const inner = text.slice(obj.span.start + 1, obj.span.end - 1);
    if (inner.trim() !== '') return undefined;
    return { span: { start: obj.span.start + 1, end: obj.span.end - 1 }, newText: ` ${key}: ${valueText} ` };
  }
  // After the last entry and its trailing comma, if any.
  let end = last.value.span.end;
  const comma = /^\s*,/.exec(text.slice(end));
  if (comma) end += comma[0].length;
  const multiline = text.slice(obj.span.start, obj.span.end).includes('\n');
  const indent = ' '.repeat(columnOf(text, last.keySpan.start));
  if (multiline) return { span: { start: end, end }, newText: comma ? `\n${indent}${key}: ${valueText},` : `,\n${indent}${key}: ${valueText}` };
  return { span: { start: end, end }, newText: `${comma ? ' ' : ', '}${key}: ${valueText}` };
}

/** TypeScript/JavaScript object literal text (single quotes, unquoted keys). */
export function renderCode(value: PlainValue, indent = 0, unit = 2): string {
  if (Array.isArray(value)) return `[${value.map((v: PlainValue) => renderCode(v, indent, unit)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, PlainValue>);
    return `{ ${entries.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${renderCode(v, indent + unit, unit)}`).join(', ')} }`;
  }
  return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value);
}

/** Replace a scalar's text, keeping its quotes. */
export function replaceScalar(text: string, span: Span, newValue: string): TextEdit {
  const first = text[span.start];
  const quoted = (first === '"' || first === "'") && text[span.end - 1] === first && span.end - span.start >= 2;
  if (quoted) return { span: { start: span.start + 1, end: span.end - 1 }, newText: newValue };
  return { span, newText: newValue };
}

/** The span of an entry including its line, for removal (YAML block) or with its comma (flow). */
export function removeEntry(text: string, obj: ObjectNode, index: number): TextEdit | undefined {
  const e = obj.entries[index];
  if (!e) return undefined;
  if (!obj.flow) {
    const lineStart = text.lastIndexOf('\n', e.keySpan.start - 1) + 1;
    const nl = text.indexOf('\n', e.value.span.end);
    const stop = nl === -1 ? text.length : nl + 1;
    return { span: { start: lineStart, end: stop }, newText: '' };
  }
  // Key spans include their quotes in every reader.
  const keyStart = e.keySpan.start;
  const next = obj.entries[index + 1];
  const prev = obj.entries[index - 1];
  if (next) return { span: { start: keyStart, end: next.keySpan.start }, newText: '' };
  if (prev) return { span: { start: prev.value.span.end, end: e.value.span.end }, newText: '' };
  return { span: { start: keyStart, end: e.value.span.end }, newText: '' };
}

function at(offset: number): Span {
  return { start: offset, end: offset };
}
