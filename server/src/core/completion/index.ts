import type { Resource, Span, Template } from '../model/types';
import { propertyDetails, type PropertyDetails } from '../schema/details';
import type { CursorContext } from './context';
import { jsonContext } from './jsonContext';
import { expectedRef, GETATT_ATTRIBUTES, RESOURCE_ATTRIBUTES, RESOURCE_TYPES, TEMPLATE_SECTIONS, type ExpectedRef } from './kinds';
import { MRAP_SNIPPET, REPLICATED_PAIR_SNIPPET, REPLICATION_RULE_SNIPPET, type Snippet } from './snippets';
import type { CompletionEntry } from './types';
import { yamlContext } from './yamlContext';

export type { CompletionEntry, CompletionKind } from './types';
export type { CursorContext } from './context';
export { yamlContext } from './yamlContext';

export interface CompleteOptions {
  readonly format: 'yaml' | 'json';
  /** The last parsed model of the document (may be a version behind): used to list resources. */
  readonly template?: Template | undefined;
}

/** Completion proposals at `offset`. Never throws on broken text: no context means no proposals. */
export function complete(text: string, offset: number, options: CompleteOptions): CompletionEntry[] {
  // AWS CLI input files and CDK code use other names: these proposals are for CloudFormation only.
  if (options.template && options.template.dialect !== 'cfn') return [];
  const ctx = options.format === 'json' ? jsonContext(text, offset) : yamlContext(text, offset);
  if (!ctx) return [];
  const span = { start: ctx.replaceStart, end: ctx.replaceEnd };
  const resources = options.template?.resources ?? [];
  const [section, logicalId, propsKey, ...propPath] = ctx.path;
  if (ctx.position === 'key') {
    if (section === undefined) return keywords(TEMPLATE_SECTIONS, ctx, span, 'Template section');
    if (section !== 'Resources') return [];
    if (logicalId === undefined) return ctx.format === 'yaml' ? [MRAP_SNIPPET, REPLICATED_PAIR_SNIPPET].map((s) => snippet(s, span)) : [];
    if (propsKey === undefined) return keywords(RESOURCE_ATTRIBUTES, ctx, span, 'Resource attribute', ['Type']);
    // `DependsOn:` followed by `- |`: a list of logical ids.
    if (propsKey === 'DependsOn' && propPath.length === 0 && ctx.listItem) return logicalIds(resources, logicalId, ctx, span);
    if (propsKey !== 'Properties') return [];
    const type = typeOf(text, logicalId, options.template);
    const out = propertyNames(type, propPath, ctx, span);
    if (ctx.format === 'yaml' && type === 'AWS::S3::Bucket' && propPath.join('.') === 'ReplicationConfiguration.Rules') {
      out.push(snippet({ ...REPLICATION_RULE_SNIPPET, body: ctx.listItem ? REPLICATION_RULE_SNIPPET.body.replace(/^- /, '').replace(/\n {2}/g, '\n') : REPLICATION_RULE_SNIPPET.body }, span));
    }
    return out;
  }
  if (section !== 'Resources' || logicalId === undefined) return [];
  const intrinsic = intrinsicProposals(ctx, resources, offset);
  if (intrinsic) return intrinsic;
  if (propsKey === undefined) {
    if (ctx.key === 'Type') return RESOURCE_TYPES.map((t, i) => value(t, 'type', ctx, span, i, 'Resource type'));
    if (ctx.key === 'DependsOn') return logicalIds(resources, logicalId, ctx, span);
    if (ctx.key === 'Condition') return [...(options.template?.conditions ?? [])].map((c, i) => value(c, 'type', ctx, span, i, 'Condition'));
    return [];
  }
  if (propsKey !== 'Properties' || ctx.key === undefined) return [];
  const type = typeOf(text, logicalId, options.template);
  const full = [...propPath, ctx.key];
  const info = propertyDetails(type, full);
  const out: CompletionEntry[] = [];
  (info?.enum ?? []).forEach((v, i) => out.push(value(v, 'value', ctx, span, i, info?.name)));
  if (info?.type === 'boolean') ['true', 'false'].forEach((v, i) => out.push(value(v, 'value', ctx, span, i, 'boolean')));
  const expected = expectedRef(type, full);
  if (expected) out.push(...referenceProposals(expected, resources, logicalId, ctx, span));
  return out;
}

function typeOf(text: string, logicalId: string, template: Template | undefined): string | undefined {
  const fromModel = template?.resourcesById.get(logicalId)?.type;
  if (fromModel) return fromModel;
  // Half-typed documents may not parse: find `Type:` in the resource's block by text.
  const escaped = logicalId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^( *)["']?${escaped}["']?\\s*:[^\\n]*\\n((?:\\1 [^\\n]*\\n|[ \\t]*\\n)*)`, 'm').exec(text);
  const typeLine = m?.[2] ? /^\s*["']?Type["']?\s*:\s*["']?([\w:]+)/m.exec(m[2]) : null;
  return typeLine?.[1];
}

function keywords(names: readonly string[], ctx: CursorContext, span: Span, detail: string, required: readonly string[] = []): CompletionEntry[] {
  return names
    .filter((n) => !ctx.siblings.includes(n))
    .map((n, i) => ({
      label: n,
      kind: 'keyword' as const,
      detail,
      insertText: ctx.keyOnly ? n : ctx.format === 'json' ? `"${n}": ` : `${n}: `,
      snippet: false,
      sortText: `${required.includes(n) ? 0 : 1}${String(i).padStart(3, '0')}`,
      span,
    }));
}

function propertyNames(type: string | undefined, path: readonly string[], ctx: CursorContext, span: Span): CompletionEntry[] {
  const parent = propertyDetails(type, path);
  if (!parent) return [];
  const out: CompletionEntry[] = [];
  parent.properties.forEach((name, i) => {
    if (ctx.siblings.includes(name)) return;
    const info = propertyDetails(type, [...path, name]);
    if (!info || info.readOnly) return;
    const required = parent.required.includes(name);
    out.push({
      label: name,
      kind: 'property',
      detail: `${required ? 'required ' : ''}${describeType(info)}${info.createOnly ? ' (replaces the resource when changed)' : ''}`,
      documentation: info.description,
      insertText: ctx.keyOnly ? name : keyInsert(name, info, ctx.format),
      snippet: true,
      sortText: `${required ? 0 : 1}${String(i).padStart(3, '0')}`,
      span,
    });
  });
  return out;
}

export function describeType(info: PropertyDetails): string {
  if (info.type === 'array') return `array of ${info.itemType ?? 'values'}`;
  return info.type ?? 'value';
}

function keyInsert(name: string, info: PropertyDetails, format: 'yaml' | 'json'): string {
  const choices = info.enum && info.enum.length > 1 ? `\${1|${info.enum.join(',')}|}` : info.enum?.[0];
  if (format === 'json') {
    if (info.type === 'object') return `"${name}": {$0}`;
    if (info.type === 'array') return `"${name}": [$0]`;
    if (info.type === 'boolean' || info.type === 'integer') return `"${name}": $0`;
    return `"${name}": "${choices ?? '$0'}"`;
  }
  if (info.type === 'object') return `${name}:\n  $0`;
  if (info.type === 'array') return info.itemType === 'object' ? `${name}:\n  - $0` : `${name}:\n  - $0`;
  return `${name}: ${choices ?? '$0'}`;
}

function value(v: string, kind: 'value' | 'type', ctx: CursorContext, span: Span, i: number, detail?: string): CompletionEntry {
  // JSON strings are quoted; booleans are not.
  const quoted = ctx.format === 'json' && !(kind === 'value' && /^(true|false)$/.test(v));
  return { label: v, kind, detail, insertText: quoted ? `"${v}"` : v, snippet: false, sortText: `0${String(i).padStart(3, '0')}`, span };
}

function candidates(resources: readonly Resource[], types: readonly string[] | undefined, self: string | undefined): Resource[] {
  return resources.filter((r) => r.logicalId !== self && (!types || (r.type !== undefined && types.includes(r.type))));
}

function referenceProposals(expected: ExpectedRef, resources: readonly Resource[], self: string, ctx: CursorContext, span: Span): CompletionEntry[] {
  return candidates(resources, expected.types, self).map((r, i) => {
    const yaml = expected.kind === 'ref' ? `!Ref ${r.logicalId}` : `!GetAtt ${r.logicalId}.${expected.attribute}`;
    const json = expected.kind === 'ref' ? `{"Ref": "${r.logicalId}"}` : `{"Fn::GetAtt": ["${r.logicalId}", "${expected.attribute}"]}`;
    return {
      label: yaml,
      kind: 'reference' as const,
      detail: `${expected.what} of ${r.logicalId} (${r.type ?? 'resource'})`,
      insertText: ctx.format === 'json' ? json : yaml,
      snippet: false,
      sortText: `1${String(i).padStart(4, '0')}`,
      filterText: ctx.format === 'json' ? json : yaml,
      span,
    };
  });
}

/** `!Ref |`, `!GetAtt |`, `!GetAtt X.|` in YAML, `{"Ref": "|"}` and `{"Fn::GetAtt": ["X", "|"]}` in JSON. */
function intrinsicProposals(ctx: CursorContext, resources: readonly Resource[], offset: number): CompletionEntry[] | undefined {
  const [, self, , ...rest] = ctx.path;
  const propertyPath = ctx.key === 'Ref' || ctx.key === 'Fn::GetAtt' ? rest : [...rest, ctx.key ?? ''];
  const type = resources.find((r) => r.logicalId === self)?.type;
  const expected = expectedRef(type, propertyPath);
  const types = expected?.types;
  let m: RegExpExecArray | null;
  if (ctx.format === 'yaml' && (m = /!GetAtt\s+([\w-]+)\.([\w]*)$/.exec(ctx.prefix))) {
    const target = resources.find((r) => r.logicalId === m?.[1]);
    const attrs = attributesOf(target?.type);
    const at = { start: offset - (m[2] ?? '').length, end: ctx.replaceEnd };
    return attrs.map((a, i) => ({ label: a, kind: 'reference' as const, detail: `${target?.type ?? ''} attribute`, insertText: a, snippet: false, sortText: String(i).padStart(3, '0'), span: at }));
  }
  if (ctx.format === 'yaml' && (m = /!(Ref|GetAtt)\s+([\w-]*)$/.exec(ctx.prefix))) {
    const getAtt = m[1] === 'GetAtt';
    const at = { start: offset - (m[2] ?? '').length, end: ctx.replaceEnd };
    return candidates(resources, types, self).flatMap((r, i) => {
      const attrs = getAtt ? (expected?.kind === 'getatt' ? [expected.attribute] : attributesOf(r.type)) : [''];
      return attrs.map((a) => {
        const text = a ? `${r.logicalId}.${a}` : r.logicalId;
        return { label: text, kind: 'reference' as const, detail: r.type, insertText: text, snippet: false, sortText: String(i).padStart(4, '0'), span: at };
      });
    });
  }
  if (ctx.format === 'json' && ctx.key === 'Ref') {
    return candidates(resources, types, self).map((r, i) => ({
      label: r.logicalId,
      kind: 'reference' as const,
      detail: r.type,
      insertText: `"${r.logicalId}"`,
      snippet: false,
      sortText: String(i).padStart(4, '0'),
      span: { start: ctx.replaceStart, end: ctx.replaceEnd },
    }));
  }
  return undefined;
}

function logicalIds(resources: readonly Resource[], self: string, ctx: CursorContext, span: Span): CompletionEntry[] {
  return candidates(resources, undefined, self).map((r, i) => ({
    label: r.logicalId,
    kind: 'reference' as const,
    detail: r.type,
    insertText: ctx.format === 'json' ? `"${r.logicalId}"` : r.logicalId,
    snippet: false,
    sortText: String(i).padStart(5, '0'),
    span,
  }));
}

function snippet(s: Snippet, span: Span): CompletionEntry {
  return { label: s.label, kind: 'snippet', detail: s.detail, insertText: s.body, snippet: true, sortText: `2${s.label}`, span };
}

function attributesOf(type: string | undefined): readonly string[] {
  return (type ? GETATT_ATTRIBUTES[type] : undefined) ?? [];
}
