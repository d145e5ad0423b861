import type * as TS from 'typescript';
import { bool, prop, str } from '../../model/access';
import type { CdkStack, ObjectNode, Resource, Span, ValueNode } from '../../model/types';
import type { CdkBindings, CdkClass } from './imports';
import { l2BucketProperties } from './l2Bucket';
import { enclosingClass, l1Key, nameOf, spanOf, thisKey, toValue, type ImportedBucket, type Scope } from './values';
import { typescript } from './typescript';

const CFN_TYPES: Partial<Record<CdkClass, string>> = {
  Bucket: 'AWS::S3::Bucket',
  CfnBucket: 'AWS::S3::Bucket',
  CfnMultiRegionAccessPoint: 'AWS::S3::MultiRegionAccessPoint',
  CfnMultiRegionAccessPointPolicy: 'AWS::S3::MultiRegionAccessPointPolicy',
  Role: 'AWS::IAM::Role',
};

type StackInfo = CdkStack;

interface Found {
  cls: CdkClass | 'UserStack';
  node: TS.NewExpression;
  id: string;
  idSpan: Span;
  /** Where it was assigned (`bucket`, `this.bucket`). */
  variable: string | undefined;
  /** The user Stack class whose constructor creates it, when scope is `this`. */
  ownerClass: string | undefined;
  userClass: string | undefined;
}

export interface CdkApp {
  resources: Resource[];
  stacks: StackInfo[];
  /** Logical id -> the stack it is in. */
  stackOf: Map<string, StackInfo>;
}

function assignedTo(node: TS.NewExpression): string | undefined {
  const ts = typescript();
  const p = node.parent;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return nameOf(p.left);
  if (ts.isPropertyDeclaration(p) && ts.isIdentifier(p.name)) return thisKey(p, p.name.text);
  return undefined;
}

export function collectConstructs(sf: TS.SourceFile, bindings: CdkBindings): CdkApp {
  const ts = typescript();
  const found: Found[] = [];
  const consts = new Map<string, TS.Expression | null>();
  const imported = new Map<string, ImportedBucket | null>();
  const visit = (node: TS.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isVariableDeclarationList(node.parent) && node.parent.flags & ts.NodeFlags.Const) {
      // A name declared twice (in different functions) is ambiguous: never guess.
      consts.set(node.name.text, consts.has(node.name.text) ? null : node.initializer);
      const imp = importOf(node.initializer, bindings);
      if (imp) imported.set(node.name.text, imported.has(node.name.text) ? null : imp);
    }
    if (ts.isNewExpression(node)) {
      const cls = bindings.classOf(node.expression);
      const idArg = node.arguments?.[1];
      if (cls && idArg && (ts.isStringLiteral(idArg) || ts.isNoSubstitutionTemplateLiteral(idArg))) {
        found.push({
          cls,
          node,
          id: idArg.text,
          idSpan: spanOf(idArg, sf),
          variable: assignedTo(node),
          ownerClass: node.arguments?.[0]?.kind === ts.SyntaxKind.ThisKeyword ? enclosingClass(node) : undefined,
          userClass: cls === 'UserStack' && ts.isIdentifier(node.expression) ? node.expression.text : undefined,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);

  const scope: Scope = { consts, constructs: new Map(), imported, sf };
  const ids = new Map<Found, string>();
  const used = new Set<string>();
  const assigned = new Set<string>();
  for (const f of found) {
    let id = f.id;
    for (let n = 2; used.has(id); n++) id = `${f.id}${n}`;
    used.add(id);
    ids.set(f, id);
    if (f.variable && CFN_TYPES[f.cls as CdkClass]) {
      // The same variable name for two constructs (`const bucket` in two stack classes): never guess.
      if (assigned.has(f.variable)) scope.constructs.delete(f.variable);
      else scope.constructs.set(f.variable, id);
      assigned.add(f.variable);
    }
  }

  // Stacks: `new Stack(app, 'Id', {env})` and instances of user classes extending Stack.
  const stacks: StackInfo[] = [];
  const stackByVariable = new Map<string, StackInfo>();
  const stacksByClass = new Map<string, StackInfo[]>();
  for (const f of found) {
    if (f.cls !== 'Stack' && f.cls !== 'UserStack') continue;
    const propsArg = f.node.arguments?.[2];
    const props = propsArg ? toValue(propsArg, scope, (k) => k) : undefined;
    const env = prop(props, 'env');
    const info: StackInfo = { id: f.id, region: str(prop(env, 'region')), account: str(prop(env, 'account')), crossRegionReferences: bool(prop(props, 'crossRegionReferences')) === true, span: f.idSpan };
    stacks.push(info);
    if (f.variable) stackByVariable.set(f.variable, info);
    if (f.userClass) stacksByClass.set(f.userClass, [...(stacksByClass.get(f.userClass) ?? []), info]);
  }
  const stackFor = (f: Found): StackInfo | undefined => {
    const scopeArg = f.node.arguments?.[0];
    if (f.ownerClass) {
      const instances = stacksByClass.get(f.ownerClass) ?? [];
      return instances.length === 1 ? instances[0] : undefined;
    }
    const scopeName = scopeArg ? nameOf(scopeArg) : undefined;
    return scopeName ? stackByVariable.get(scopeName) : undefined;
  };

  const accounts = new Map<string, string | undefined>();
  for (const f of found) if (CFN_TYPES[f.cls as CdkClass]) accounts.set(ids.get(f) ?? f.id, stackFor(f)?.account);
  const accountOf = (id: string | undefined): string | undefined => (id === undefined ? undefined : accounts.get(id));

  const resources: Resource[] = [];
  const stackOf = new Map<string, StackInfo>();
  for (const f of found) {
    const type = CFN_TYPES[f.cls as CdkClass];
    if (!type) continue;
    const logicalId = ids.get(f) ?? f.id;
    const propsArg = f.node.arguments?.[2];
    const isL2 = f.cls === 'Bucket' || f.cls === 'Role';
    const raw = propsArg ? toValue(propsArg, scope, isL2 ? (k) => k : l1Key) : undefined;
    let properties: ObjectNode | undefined;
    if (raw?.kind === 'object') properties = f.cls === 'Bucket' ? l2BucketProperties(raw, (v) => roleArn(v), accountOf, logicalId) : f.cls === 'Role' ? undefined : raw;
    const stack = stackFor(f);
    if (stack) stackOf.set(logicalId, stack);
    const body: ObjectNode = raw?.kind === 'object' ? raw : { kind: 'object', entries: [], span: spanOf(f.node, sf), flow: true };
    resources.push({
      logicalId,
      idSpan: f.idSpan,
      type,
      typeSpan: spanOf(f.node.expression, sf),
      body,
      // An L1 whose props cannot be read, or a Role (whose policies CDK grants), is not checked.
      properties: f.cls === 'Role' ? undefined : properties,
      condition: undefined,
      region: stack?.region,
      account: stack?.account,
      stack: stack?.id,
      scope: stack ? `stack ${stack.id}` : f.ownerClass ? `class ${f.ownerClass}` : undefined,
      synthetic: f.cls === 'Role' || raw?.kind === 'unknown',
    });
  }
  return { resources, stacks, stackOf };
}

/** `replicationRole: role` -> its ARN, as CDK renders it. */
function roleArn(v: ValueNode | undefined): ValueNode | undefined {
  if (v?.kind === 'intrinsic' && v.fn === 'Ref' && v.style === 'cdk' && v.arg.kind === 'string') {
    const s = v.span;
    return { kind: 'intrinsic', fn: 'Fn::GetAtt', style: 'cdk', nameSpan: s, span: s, arg: { kind: 'array', flow: true, span: s, items: [{ kind: 'string', value: v.arg.value, span: s }, { kind: 'string', value: 'Arn', span: s }] } };
  }
  return v ? { kind: 'unknown', reason: 'role not known statically', span: v.span } : undefined;
}

const IMPORTS = new Set(['fromBucketName', 'fromBucketArn', 'fromBucketAttributes']);

/** `s3.Bucket.fromBucketName(scope, 'Id', 'name')` and siblings. */
function importOf(init: TS.Expression, bindings: CdkBindings): ImportedBucket | undefined {
  const ts = typescript();
  if (!ts.isCallExpression(init) || !ts.isPropertyAccessExpression(init.expression)) return undefined;
  const how = init.expression.name.text;
  if (!IMPORTS.has(how) || bindings.classOf(init.expression.expression) !== 'Bucket') return undefined;
  return { how: how as ImportedBucket['how'], arg: init.arguments[2] };
}
