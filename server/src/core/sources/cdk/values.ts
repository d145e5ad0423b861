import type * as TS from 'typescript';
import type { Entry, IntrinsicNode, ObjectNode, Span, ValueNode } from '../../model/types';
import { typescript } from './typescript';

/** `s3.Bucket.fromBucketName(scope, 'Id', <arg>)` and its siblings: a bucket the app does not create. */
export interface ImportedBucket {
  how: 'fromBucketName' | 'fromBucketArn' | 'fromBucketAttributes';
  arg: TS.Expression | undefined;
}

/** What a local name stands for: a `const` initializer, or a construct created in this file. */
export interface Scope {
  consts: Map<string, TS.Expression | null>;
  /** Variable name (`bucket`, `MyStack.this.bucket`) -> construct logical id. */
  constructs: Map<string, string>;
  /** Variable name -> imported bucket (null: declared twice, ambiguous). */
  imported: Map<string, ImportedBucket | null>;
  sf: TS.SourceFile;
}

/** CFN name of a CDK L1 prop: capitalised, with the few names CloudFormation spells otherwise. */
const L1_EXCEPTIONS: Record<string, string> = { replicaKmsKeyId: 'ReplicaKmsKeyID' };
export function l1Key(key: string): string {
  return L1_EXCEPTIONS[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

const ATTRIBUTES: Record<string, { fn: 'Ref' | 'Fn::GetAtt'; attribute?: string }> = {
  bucketName: { fn: 'Ref' },
  ref: { fn: 'Ref' },
  bucketArn: { fn: 'Fn::GetAtt', attribute: 'Arn' },
  roleArn: { fn: 'Fn::GetAtt', attribute: 'Arn' },
  roleName: { fn: 'Ref' },
  bucketRegionalDomainName: { fn: 'Fn::GetAtt', attribute: 'RegionalDomainName' },
  bucketDomainName: { fn: 'Fn::GetAtt', attribute: 'DomainName' },
};

const PSEUDO: Record<string, string> = { ACCOUNT_ID: 'AWS::AccountId', REGION: 'AWS::Region', PARTITION: 'AWS::Partition', URL_SUFFIX: 'AWS::URLSuffix', STACK_NAME: 'AWS::StackName', NO_VALUE: 'AWS::NoValue' };

/** aws-cdk-lib StorageClass members -> the CloudFormation value they render to. */
const STORAGE_CLASSES: Record<string, string> = {
  INFREQUENT_ACCESS: 'STANDARD_IA',
  ONE_ZONE_INFREQUENT_ACCESS: 'ONEZONE_IA',
  GLACIER: 'GLACIER',
  GLACIER_INSTANT_RETRIEVAL: 'GLACIER_IR',
  DEEP_ARCHIVE: 'DEEP_ARCHIVE',
  INTELLIGENT_TIERING: 'INTELLIGENT_TIERING',
  STANDARD: 'STANDARD',
};

export function spanOf(node: TS.Node, sf: TS.SourceFile): Span {
  return { start: node.getStart(sf), end: node.getEnd() };
}

export function unwrap(expr: TS.Expression): TS.Expression {
  const ts = typescript();
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

export function enclosingClass(node: TS.Node): string | undefined {
  const ts = typescript();
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isClassDeclaration(n) || ts.isClassExpression(n)) return n.name?.text;
  }
  return undefined;
}

/** Key of `this.<member>`: qualified by the class, so `this.bucket` of two stack classes stay apart. */
export function thisKey(node: TS.Node, member: string): string {
  return `${enclosingClass(node) ?? ''}.this.${member}`;
}

/** `this.bucket` / `bucket` as a lookup key. */
export function nameOf(expr: TS.Expression): string | undefined {
  const ts = typescript();
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) return thisKey(e, e.name.text);
  return undefined;
}

const BUCKET_ARN = /^arn:[a-z0-9-]+:s3:::([^/:]+)$/;

/** Name and ARN of an imported bucket, when they are literals (CDK renders the ARN in the stack's partition; 'aws' stands in). */
function importedBucket(imp: ImportedBucket, scope: Scope, depth: number): { name?: string | undefined; arn?: string | undefined } {
  const v = imp.arg ? toValue(imp.arg, scope, (k) => k, depth + 1) : undefined;
  const literal = (x: ValueNode | undefined): string | undefined => (x?.kind === 'string' ? x.value : undefined);
  const fromName = (name: string | undefined) => ({ name, arn: name !== undefined ? `arn:aws:s3:::${name}` : undefined });
  const fromArn = (arn: string | undefined) => ({ arn: arn !== undefined && BUCKET_ARN.test(arn) ? arn : undefined, name: arn !== undefined ? BUCKET_ARN.exec(arn)?.[1] : undefined });
  if (imp.how === 'fromBucketName') return fromName(literal(v));
  if (imp.how === 'fromBucketArn') return fromArn(literal(v));
  if (v?.kind !== 'object') return {};
  const named = v.entries.find((e) => e.key === 'bucketName');
  const arned = v.entries.find((e) => e.key === 'bucketArn');
  if (named && arned) return { name: literal(named.value), arn: literal(arned.value) };
  return named ? fromName(literal(named.value)) : arned ? fromArn(literal(arned.value)) : {};
}

export function constructRef(logicalId: string, fn: 'Ref' | 'Fn::GetAtt', attribute: string | undefined, span: Span): IntrinsicNode {
  const arg: ValueNode = attribute
    ? { kind: 'array', items: [{ kind: 'string', value: logicalId, span }, { kind: 'string', value: attribute, span }], span, flow: true }
    : { kind: 'string', value: logicalId, span };
  return { kind: 'intrinsic', fn, style: 'cdk', nameSpan: span, arg, span };
}

/** A TypeScript expression as a model value; anything not statically known is `unknown`. */
export function toValue(expr: TS.Expression, scope: Scope, mapKey: (k: string) => string, depth = 0): ValueNode {
  const ts = typescript();
  const e = unwrap(expr);
  const span = spanOf(e, scope.sf);
  const unknown = (reason: string): ValueNode => ({ kind: 'unknown', reason, span });
  if (depth > 20) return unknown('too deep');
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
    const q = scope.sf.text[span.start];
    return { kind: 'string', value: e.text, span, quote: q === '"' ? 'double' : q === "'" ? 'single' : 'plain' };
  }
  if (ts.isNumericLiteral(e)) return { kind: 'number', value: Number(e.text), span };
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return { kind: 'number', value: -Number(e.operand.text), span };
  if (e.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'boolean', value: true, span };
  if (e.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'boolean', value: false, span };
  if (e.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null', span };
  if (ts.isObjectLiteralExpression(e)) return objectValue(e, scope, mapKey, depth) ?? unknown('object with a spread that cannot be followed');
  if (ts.isArrayLiteralExpression(e)) {
    const items: ValueNode[] = [];
    for (const el of e.elements) {
      if (ts.isSpreadElement(el)) {
        const spread = toValue(el.expression, scope, mapKey, depth + 1);
        if (spread.kind !== 'array') return unknown('array with a spread that cannot be followed');
        items.push(...spread.items);
      } else if (!ts.isOmittedExpression(el)) items.push(toValue(el, scope, mapKey, depth + 1));
    }
    return { kind: 'array', items, span, flow: true };
  }
  const name = nameOf(e);
  if (name !== undefined) {
    const construct = scope.constructs.get(name);
    if (construct) return constructRef(construct, 'Ref', undefined, span);
    const imp = scope.imported.get(name);
    if (imp) {
      // Only ever a replication destination (an IBucket): it renders as the bucket ARN.
      const arn = importedBucket(imp, scope, depth).arn;
      return arn !== undefined ? { kind: 'string', value: arn, span } : unknown(`'${name}' is an imported bucket whose ARN is not known statically`);
    }
    const init = scope.consts.get(name);
    if (init) return { ...toValue(init, scope, mapKey, depth + 1), span: spanOfValue(init, scope, span) };
    return unknown(`'${name}' is not known statically`);
  }
  if (ts.isPropertyAccessExpression(e)) {
    const member = e.name.text;
    const owner = nameOf(e.expression);
    const construct = owner !== undefined ? scope.constructs.get(owner) : undefined;
    if (construct) {
      const attr = ATTRIBUTES[member];
      if (attr) return constructRef(construct, attr.fn, attr.attribute, span);
      if (member.startsWith('attr') && member.length > 4) return constructRef(construct, 'Fn::GetAtt', member.slice(4), span);
      return unknown(`${member} of a construct`);
    }
    const imp = owner !== undefined ? scope.imported.get(owner) : undefined;
    if (imp) {
      const known = importedBucket(imp, scope, depth);
      const value = member === 'bucketName' ? known.name : member === 'bucketArn' ? known.arn : undefined;
      return value !== undefined ? { kind: 'string', value, span } : unknown(`${member} of an imported bucket`);
    }
    const base = unwrap(e.expression);
    const baseName = ts.isPropertyAccessExpression(base) ? base.name.text : ts.isIdentifier(base) ? base.text : '';
    const pseudo = PSEUDO[member];
    if (baseName === 'Aws' && pseudo) return { kind: 'intrinsic', fn: 'Ref', style: 'cdk', nameSpan: span, arg: { kind: 'string', value: pseudo, span }, span };
    const storage = STORAGE_CLASSES[member];
    if (baseName === 'StorageClass' && storage) return { kind: 'string', value: storage, span };
    return unknown(`${e.getText(scope.sf)} is not known statically`);
  }
  return unknown('expression is not known statically');
}

function spanOfValue(init: TS.Expression, scope: Scope, fallback: Span): Span {
  // A const's literal is reported where it is written, so the finding points at the value.
  const ts = typescript();
  const e = unwrap(init);
  return ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e) || ts.isStringLiteral(e) || ts.isNumericLiteral(e) ? spanOf(e, scope.sf) : fallback;
}

function objectValue(e: TS.ObjectLiteralExpression, scope: Scope, mapKey: (k: string) => string, depth: number): ObjectNode | undefined {
  const ts = typescript();
  const entries: Entry[] = [];
  for (const p of e.properties) {
    if (ts.isSpreadAssignment(p)) {
      const spread = toValue(p.expression, scope, mapKey, depth + 1);
      if (spread.kind !== 'object') return undefined;
      entries.push(...spread.entries);
      continue;
    }
    let raw: string | undefined;
    let value: ValueNode | undefined;
    if (ts.isPropertyAssignment(p)) {
      if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)) raw = p.name.text;
      value = toValue(p.initializer, scope, mapKey, depth + 1);
    } else if (ts.isShorthandPropertyAssignment(p)) {
      raw = p.name.text;
      value = toValue(p.name, scope, mapKey, depth + 1);
    } else {
      return undefined; // methods, accessors: not a plain props object
    }
    if (raw === undefined || !value) return undefined;
    // `undefined` means the prop is absent, as in CDK.
    if (value.kind === 'unknown' && ts.isPropertyAssignment(p) && ts.isIdentifier(p.initializer) && p.initializer.text === 'undefined') continue;
    const nameNode = p.name;
    entries.push({ key: mapKey(raw), rawKey: raw, keySpan: spanOf(nameNode, scope.sf), value });
  }
  return { kind: 'object', entries, span: spanOf(e, scope.sf), flow: true };
}
