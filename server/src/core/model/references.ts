import { alternatives, isIntrinsic, path, str } from './access';
import { memoize } from './memo';
import type { IntrinsicNode, Resource, Span, Template, ValueNode } from './types';

export interface ReferenceSite {
  /** The logical id (or parameter name) referred to. */
  readonly target: string;
  /** The attribute for GetAtt / `${X.Attr}`. */
  readonly attribute?: string | undefined;
  readonly span: Span;
  readonly kind: 'Ref' | 'GetAtt' | 'Sub';
  readonly node: IntrinsicNode;
}

/** `!Ref X` to a resource of the same template. */
export function refTarget(template: Template, node: ValueNode | undefined): Resource | undefined {
  if (!isIntrinsic(node, 'Ref')) return undefined;
  const name = str(node.arg);
  return name ? template.resourcesById.get(name) : undefined;
}

/** `!GetAtt X.Attr`, `!GetAtt [X, Attr]`, `{"Fn::GetAtt": ["X", "Attr"]}`. */
export function getAttParts(node: ValueNode | undefined): { target: string; attribute: string; targetSpan: Span; attributeSpan: Span } | undefined {
  if (!isIntrinsic(node, 'Fn::GetAtt')) return undefined;
  const arg = node.arg;
  if (arg.kind === 'string') {
    const dot = arg.value.indexOf('.');
    if (dot <= 0) return undefined;
    const offset = arg.span.end - arg.span.start === arg.value.length ? 0 : arg.quote === 'double' || arg.quote === 'single' ? 1 : 0;
    const base = arg.span.start + offset;
    return {
      target: arg.value.slice(0, dot),
      attribute: arg.value.slice(dot + 1),
      targetSpan: { start: base, end: base + dot },
      attributeSpan: { start: base + dot + 1, end: base + arg.value.length },
    };
  }
  if (arg.kind === 'array') {
    const [t, a] = arg.items;
    const target = str(t);
    const attribute = str(a);
    if (!t || !a || target === undefined || attribute === undefined) return undefined;
    return { target, attribute, targetSpan: t.span, attributeSpan: a.span };
  }
  return undefined;
}

export function getAttTarget(template: Template, node: ValueNode | undefined): { resource: Resource; attribute: string } | undefined {
  const parts = getAttParts(node);
  if (!parts) return undefined;
  const resource = template.resourcesById.get(parts.target);
  return resource ? { resource, attribute: parts.attribute } : undefined;
}

const SUB_VAR = /\$\{([^!}][^}]*)\}/g;

/** `${X}` and `${X.Attr}` inside an `Fn::Sub` string, with their spans. */
export function subVariables(node: IntrinsicNode): { name: string; attribute?: string; span: Span }[] {
  const tmpl = node.arg.kind === 'array' ? node.arg.items[0] : node.arg;
  if (tmpl?.kind !== 'string') return [];
  const raw = tmpl.span.end - tmpl.span.start;
  const quoted = raw === tmpl.value.length + 2;
  const exact = raw === tmpl.value.length || quoted;
  const base = tmpl.span.start + (quoted ? 1 : 0);
  const out: { name: string; attribute?: string; span: Span }[] = [];
  for (const m of tmpl.value.matchAll(SUB_VAR)) {
    const inner = (m[1] ?? '').trim();
    const dot = inner.indexOf('.');
    const name = dot > 0 ? inner.slice(0, dot) : inner;
    const at = exact ? base + (m.index ?? 0) : tmpl.span.start;
    const span = exact ? { start: at + 2, end: at + 2 + (m[1] ?? '').length } : tmpl.span;
    out.push(dot > 0 ? { name, attribute: inner.slice(dot + 1), span } : { name, span });
  }
  return out;
}

/** Every resource (other than itself) a value refers to, through Ref, GetAtt and Sub. */
export function referencedResources(template: Template, node: ValueNode | undefined): Resource[] {
  const out: Resource[] = [];
  for (const alt of alternatives(node)) {
    const r = refTarget(template, alt) ?? getAttTarget(template, alt)?.resource;
    if (r) out.push(r);
    if (isIntrinsic(alt, 'Fn::Sub')) {
      for (const v of subVariables(alt)) {
        const res = template.resourcesById.get(v.name);
        if (res) out.push(res);
      }
    }
  }
  return out;
}

/** The literal `BucketName` of an `AWS::S3::Bucket`, when written out. */
export function bucketName(resource: Resource): string | undefined {
  return str(path(resource.properties, 'BucketName'));
}

/** The template's buckets by literal `BucketName` (the first one of each name). */
const bucketsByName = memoize((template: Template): Map<string, Resource> => {
  const index = new Map<string, Resource>();
  for (const r of template.resources) {
    const n = r.type === 'AWS::S3::Bucket' ? bucketName(r) : undefined;
    if (n !== undefined && !index.has(n)) index.set(n, r);
  }
  return index;
});

/**
 * The template's `AWS::S3::Bucket` with this literal `BucketName`. Indexed once per template:
 * rules ask for every Regions entry and every destination, which would otherwise be quadratic.
 */
export function bucketByName(template: Template, name: string): Resource | undefined {
  return bucketsByName(template).get(name);
}

export type BucketRef =
  | { kind: 'resource'; resource: Resource }
  | { kind: 'literal'; name: string; resource?: Resource | undefined }
  | { kind: 'unknown' };

/**
 * Which bucket a value names. `expect` says what the property wants: a bucket `name`
 * (`!Ref B`, `my-bucket`) or a bucket `arn` (`!GetAtt B.Arn`, `arn:aws:s3:::my-bucket`, `!Sub arn:...:${B}`).
 * Values of the wrong shape still resolve, so rules can say "use !GetAtt B.Arn here".
 */
export function bucketOf(template: Template, node: ValueNode | undefined): BucketRef {
  if (!node) return { kind: 'unknown' };
  const byRef = refTarget(template, node);
  if (byRef) return byRef.type === 'AWS::S3::Bucket' ? { kind: 'resource', resource: byRef } : { kind: 'unknown' };
  const byAtt = getAttTarget(template, node);
  if (byAtt) return byAtt.resource.type === 'AWS::S3::Bucket' ? { kind: 'resource', resource: byAtt.resource } : { kind: 'unknown' };
  if (isIntrinsic(node, 'Fn::Sub')) {
    // `${AWS::Partition}` is part of the ARN pattern, not the bucket.
    const vars = subVariables(node).filter((v) => !v.name.startsWith('AWS::'));
    const tmpl = node.arg.kind === 'array' ? str(node.arg.items[0]) : str(node.arg);
    if (vars.length === 1 && tmpl && /^arn:\$\{AWS::Partition\}:s3:::\$\{[^}]+\}$|^arn:aws[\w-]*:s3:::\$\{[^}]+\}$/.test(tmpl)) {
      const v = vars[0];
      const res = v && !v.attribute ? template.resourcesById.get(v.name) : undefined;
      if (res?.type === 'AWS::S3::Bucket') return { kind: 'resource', resource: res };
    }
    return { kind: 'unknown' };
  }
  const s = str(node);
  if (s === undefined) return { kind: 'unknown' };
  const name = s.startsWith('arn:') ? s.replace(/^arn:[^:]*:s3:::/, '') : s;
  return { kind: 'literal', name, resource: bucketByName(template, name) };
}
