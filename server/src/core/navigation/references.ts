import { getAttParts, subVariables } from '../model/references';
import type { Span, Template, ValueNode } from '../model/types';

export interface ReferenceSpan {
  /** The logical id or parameter name referred to. */
  readonly target: string;
  /** Span of the name only (not `!Ref`, not `.Attr`). */
  readonly span: Span;
}

function visit(node: ValueNode, out: ReferenceSpan[], inDependsOn: boolean): void {
  switch (node.kind) {
    case 'object':
      for (const e of node.entries) visit(e.value, out, e.key === 'DependsOn');
      return;
    case 'array':
      for (const i of node.items) visit(i, out, inDependsOn);
      return;
    case 'string':
      if (inDependsOn) out.push({ target: node.value, span: nameSpan(node.span, node.value) });
      return;
    case 'intrinsic': {
      if (node.fn === 'Ref' && node.arg.kind === 'string') out.push({ target: node.arg.value, span: nameSpan(node.arg.span, node.arg.value) });
      else if (node.fn === 'Fn::GetAtt') {
        const parts = getAttParts(node);
        if (parts) out.push({ target: parts.target, span: parts.targetSpan });
      } else if (node.fn === 'Fn::Sub') {
        for (const v of subVariables(node)) out.push({ target: v.name, span: { start: v.span.start, end: v.span.start + v.name.length } });
      }
      visit(node.arg, out, false);
      return;
    }
    default:
  }
}

/** A quoted scalar's span includes the quotes: narrow it to the name. */
function nameSpan(span: Span, value: string): Span {
  const extra = span.end - span.start - value.length;
  return extra === 2 ? { start: span.start + 1, end: span.end - 1 } : span;
}

/** Every Ref / GetAtt / `${}` in Sub / DependsOn in the template. */
export function referenceSpans(template: Template): ReferenceSpan[] {
  const out: ReferenceSpan[] = [];
  if (template.root) visit(template.root, out, false);
  return out;
}

/** The declaration span of a logical id or parameter. */
export function declarationOf(template: Template, name: string): Span | undefined {
  const r = template.resourcesById.get(name);
  if (r) return r.idSpan;
  const params = template.root?.entries.find((e) => e.key === 'Parameters')?.value;
  return params?.kind === 'object' ? params.entries.find((e) => e.key === name)?.keySpan : undefined;
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The name at `offset`: a reference or a declaration. */
export function nameAt(template: Template, offset: number, refs = referenceSpans(template)): string | undefined {
  const ref = refs.find((r) => contains(r.span, offset));
  if (ref) return ref.target;
  const decl = template.resources.find((r) => contains(r.idSpan, offset));
  if (decl) return decl.logicalId;
  const params = template.root?.entries.find((e) => e.key === 'Parameters')?.value;
  return params?.kind === 'object' ? params.entries.find((e) => contains(e.keySpan, offset))?.key : undefined;
}

/** Go to definition: from a reference to the resource (or parameter) it names. */
export function definitionAt(template: Template, offset: number): Span | undefined {
  const ref = referenceSpans(template).find((r) => contains(r.span, offset));
  return ref ? declarationOf(template, ref.target) : undefined;
}

/** Find references: every use of the name at `offset` (and its declaration, when asked). */
export function referencesAt(template: Template, offset: number, includeDeclaration: boolean): Span[] {
  const refs = referenceSpans(template);
  const name = nameAt(template, offset, refs);
  if (name === undefined) return [];
  const out = refs.filter((r) => r.target === name).map((r) => r.span);
  const decl = includeDeclaration ? declarationOf(template, name) : undefined;
  return decl ? [decl, ...out] : out;
}
