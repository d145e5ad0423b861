import { isIntrinsic } from '../../model/access';
import { getAttParts, subVariables } from '../../model/references';
import type { ArrayNode, IntrinsicNode, ObjectNode, Resource, Span, Template, ValueNode } from '../../model/types';
import { columnOf } from '../edits';
import type { RuleContext, TextEdit } from '../types';

/** Helpers shared by the MRAP and MRAP policy rules (not a rule: not listed in the index). */
export const MRAP_TYPE = 'AWS::S3::MultiRegionAccessPoint';
export const MRAP_POLICY_TYPE = 'AWS::S3::MultiRegionAccessPointPolicy';

/** The ARN of an MRAP, for `!Sub` (CloudFormation has no Arn attribute). */
export function mrapArnSub(logicalId: string): string {
  return `arn:\${AWS::Partition}:s3::\${AWS::AccountId}:accesspoint/\${${logicalId}.Alias}`;
}

/** The global hostname of an MRAP: built from the alias, never from the name. */
export function mrapHostSub(logicalId: string): string {
  return `\${${logicalId}.Alias}.accesspoint.s3-global.amazonaws.com`;
}

export { canFix } from '../edits';

/** `Properties` written as something other than a plain object (an intrinsic, a Transform): unknowable. */
export function propertiesUnknown(resource: Resource): boolean {
  const written = resource.body.entries.find((e) => e.key === 'Properties');
  return written !== undefined && resource.properties === undefined;
}

/** Where a finding about a missing property goes: the `Properties` key, else the logical id. */
export function missingPropertySpan(resource: Resource): Span {
  return resource.body.entries.find((e) => e.key === 'Properties')?.keySpan ?? resource.idSpan;
}

type IntrinsicStyle = 'short' | 'flow' | 'block' | 'json';

/** How to write a new intrinsic in place of `replaced`, following the user's own style. */
function styleFor(template: Template, text: string, replaced: ValueNode): IntrinsicStyle {
  if (template.format === 'json') return 'json';
  if (isIntrinsic(replaced) && replaced.style === 'long') return text[replaced.span.start] === '{' ? 'flow' : 'block';
  if (isIntrinsic(replaced)) return 'short';
  // A scalar is replaced: follow the document's neighbouring intrinsics.
  const usesShort = /!(Ref|GetAtt|Sub)\b/.test(text);
  const usesLong = /\b(Ref|"Ref"|Fn::\w+|"Fn::\w+"):/.test(text);
  return usesLong && !usesShort ? 'flow' : 'short';
}

function yamlQuoted(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function intrinsicText(template: Template, text: string, replaced: ValueNode, fn: 'Ref' | 'Fn::Sub', arg: string): string {
  const style = styleFor(template, text, replaced);
  const yamlArg = fn === 'Ref' ? arg : yamlQuoted(arg);
  switch (style) {
    case 'json':
      return `{ ${JSON.stringify(fn)}: ${JSON.stringify(arg)} }`;
    case 'flow':
      return `{ ${fn}: ${yamlArg} }`;
    case 'block':
      return `${fn}: ${yamlArg}`;
    default:
      return `${fn === 'Ref' ? '!Ref' : '!Sub'} ${yamlArg}`;
  }
}

/** Replace a value with `Ref <target>` in the user's intrinsic style. */
export function replaceWithRef(template: Template, text: string, replaced: ValueNode, target: string): TextEdit {
  return { span: replaced.span, newText: intrinsicText(template, text, replaced, 'Ref', target) };
}

/** Replace a value with `Fn::Sub <template>` in the user's intrinsic style. */
export function replaceWithSub(template: Template, text: string, replaced: ValueNode, sub: string): TextEdit {
  return { span: replaced.span, newText: intrinsicText(template, text, replaced, 'Fn::Sub', sub) };
}

/** Rename a key, keeping its quotes. */
export function renameKey(text: string, keySpan: Span, newName: string): TextEdit {
  const first = text[keySpan.start];
  const quoted = (first === '"' || first === "'") && text[keySpan.end - 1] === first;
  return quoted ? { span: { start: keySpan.start + 1, end: keySpan.end - 1 }, newText: newName } : { span: keySpan, newText: newName };
}

/** Remove one item of an array: its whole line(s) in block YAML, the item and a comma in flow/JSON. */
export function removeItem(text: string, array: ArrayNode, index: number): TextEdit | undefined {
  const item = array.items[index];
  if (!item) return undefined;
  if (!array.flow) {
    const dash = text.lastIndexOf('-', item.span.start);
    if (dash < 0) return undefined;
    const lineStart = text.lastIndexOf('\n', dash - 1) + 1;
    if (text.slice(lineStart, dash).trim() !== '') return undefined;
    const nl = text.indexOf('\n', item.span.end);
    return { span: { start: lineStart, end: nl === -1 ? text.length : nl + 1 }, newText: '' };
  }
  const next = array.items[index + 1];
  const prev = array.items[index - 1];
  if (next) return { span: { start: item.span.start, end: next.span.start }, newText: '' };
  if (prev) return { span: { start: prev.span.end, end: item.span.end }, newText: '' };
  return { span: item.span, newText: '' };
}

/**
 * Every intrinsic in a value, depth first (intrinsic arguments included). A direct recursion rather
 * than `forEachNode` with a callback: it walks the whole template, and a call per node doubles that.
 */
function collectIntrinsics(node: ValueNode, out: IntrinsicNode[]): void {
  // Indexed loops: faster than `for...of` before the JIT has optimised this (a fresh server).
  switch (node.kind) {
    case 'object': {
      const entries = node.entries;
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i];
        if (e) collectIntrinsics(e.value, out);
      }
      return;
    }
    case 'array': {
      const items = node.items;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (item) collectIntrinsics(item, out);
      }
      return;
    }
    case 'intrinsic':
      out.push(node);
      collectIntrinsics(node.arg, out);
      return;
    default:
      return;
  }
}

/** Names that an `Fn::Sub` array form defines locally (`!Sub [ '${X}', { X: ... } ]`): they shadow resources. */
export function subLocalNames(node: IntrinsicNode): Set<string> {
  if (node.arg.kind !== 'array') return new Set();
  const vars = node.arg.items[1];
  return new Set(vars?.kind === 'object' ? vars.entries.map((e) => e.key) : []);
}

export interface AttributeSite {
  readonly resource: Resource;
  readonly attribute: string;
  /** The attribute text (`Arn` in `!GetAtt Mrap.Arn` or in `${Mrap.Arn}`). */
  readonly attributeSpan: Span;
  readonly node: IntrinsicNode;
  /** `GetAtt`: the whole intrinsic is the reference. `Sub`: `variableSpan` is the `Mrap.Arn` inside `${...}`. */
  readonly kind: 'GetAtt' | 'Sub';
  readonly variableSpan?: Span | undefined;
}

const sitesOf = new WeakMap<Template, AttributeSite[]>();

/** `!GetAtt X.Attr` and `${X.Attr}` on resources of `type`, anywhere in the template (one walk per template). */
export function attributeSites(ctx: Pick<RuleContext, 'template' | 'resources'>, type: string): AttributeSite[] {
  const template = ctx.template;
  // Most templates have no MRAP: no need to walk them.
  if (!template.resources.some((r) => r.type === type)) return [];
  let all = sitesOf.get(template);
  if (!all) {
    all = collectAttributeSites(template, ctx.resources);
    sitesOf.set(template, all);
  }
  return all.filter((s) => s.resource.type === type);
}

function collectAttributeSites(template: Template, resources: readonly Resource[]): AttributeSite[] {
  const out: AttributeSite[] = [];
  const intrinsics: IntrinsicNode[] = [];
  // The resources to check (editors: the changed ones), then every other section (Outputs, Conditions, ...).
  for (const r of resources) collectIntrinsics(r.body, intrinsics);
  for (const e of template.root?.entries ?? []) if (e.key !== 'Resources') collectIntrinsics(e.value, intrinsics);
  for (const node of intrinsics) {
    if (node.fn === 'Fn::GetAtt') {
      const parts = getAttParts(node);
      const resource = parts ? template.resourcesById.get(parts.target) : undefined;
      if (parts && resource) out.push({ resource, attribute: parts.attribute, attributeSpan: parts.attributeSpan, node, kind: 'GetAtt' });
      continue;
    }
    if (node.fn !== 'Fn::Sub') continue;
    const local = subLocalNames(node);
    for (const v of subVariables(node)) {
      const resource = v.attribute !== undefined && !local.has(v.name) ? template.resourcesById.get(v.name) : undefined;
      if (!resource || v.attribute === undefined) continue;
      const exact = v.span.end - v.span.start === v.name.length + 1 + v.attribute.length;
      const attributeSpan = exact ? { start: v.span.start + v.name.length + 1, end: v.span.end } : v.span;
      out.push({ resource, attribute: v.attribute, attributeSpan, node, kind: 'Sub', variableSpan: exact ? v.span : undefined });
    }
  }
  return out;
}

/**
 * Replace `Details: {A: 1, B: 2}` by its own entries `A: 1` and `B: 2`, moved one level out
 * (an API request pasted into a template). Undefined when the value is not a non-empty object.
 */
export function unwrapEntry(text: string, owner: ObjectNode, index: number): TextEdit | undefined {
  const wrapper = owner.entries[index];
  const inner = wrapper?.value;
  if (!wrapper || inner?.kind !== 'object') return undefined;
  const first = inner.entries[0];
  const last = inner.entries[inner.entries.length - 1];
  if (!first || !last) return undefined;
  const keyStart = (span: Span): number => (text[span.start - 1] === '"' || text[span.start - 1] === "'" ? span.start - 1 : span.start);
  const shift = columnOf(text, first.keySpan.start) - columnOf(text, wrapper.keySpan.start);
  const body = text.slice(keyStart(first.keySpan), last.value.span.end);
  // Continuation lines move left by the wrapper's extra indentation (only where it is blank).
  const dedented = shift > 0 ? body.replace(new RegExp(`\\n {${shift}}`, 'g'), '\n') : body;
  if (!owner.flow && !inner.flow && dedented.split('\n').length !== body.split('\n').length) return undefined;
  return { span: { start: keyStart(wrapper.keySpan), end: wrapper.value.span.end }, newText: dedented };
}
