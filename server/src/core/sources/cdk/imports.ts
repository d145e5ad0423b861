import type * as TS from 'typescript';
import { typescript } from './typescript';

/** The CDK classes we read, by what they are, whatever the import style. */
export type CdkClass = 'Bucket' | 'CfnBucket' | 'CfnMultiRegionAccessPoint' | 'CfnMultiRegionAccessPointPolicy' | 'Stack' | 'App' | 'Role';

const S3_CLASSES = new Set<CdkClass>(['Bucket', 'CfnBucket', 'CfnMultiRegionAccessPoint', 'CfnMultiRegionAccessPointPolicy']);
const CORE_CLASSES = new Set<CdkClass>(['Stack', 'App']);
const IAM_CLASSES = new Set<CdkClass>(['Role']);

/**
 * Local names bound to aws-cdk-lib modules and classes:
 * `import * as s3 from 'aws-cdk-lib/aws-s3'`, `import { aws_s3 as s3 } from 'aws-cdk-lib'`,
 * `import { Bucket } from 'aws-cdk-lib/aws-s3'`, `import * as cdk from 'aws-cdk-lib'`, and `require` forms.
 */
export class CdkBindings {
  /** local name -> module ('s3' | 'iam' | 'core' (the aws-cdk-lib root)) */
  readonly modules = new Map<string, 's3' | 'iam' | 'core'>();
  /** local name -> class */
  readonly classes = new Map<string, CdkClass>();
  /** User classes that extend Stack. */
  readonly stackClasses = new Set<string>();

  get usesS3(): boolean {
    return [...this.modules.values()].some((m) => m === 's3' || m === 'core') || [...this.classes.values()].some((c) => S3_CLASSES.has(c));
  }

  /** What `new <expr>(...)` constructs, if it is one of ours. */
  classOf(expr: TS.Expression): CdkClass | 'UserStack' | undefined {
    const ts = typescript();
    if (ts.isIdentifier(expr)) {
      if (this.stackClasses.has(expr.text)) return 'UserStack';
      return this.classes.get(expr.text);
    }
    if (ts.isPropertyAccessExpression(expr)) {
      const name = expr.name.text as CdkClass;
      const owner = expr.expression;
      if (ts.isIdentifier(owner)) {
        const mod = this.modules.get(owner.text);
        if (mod === 's3' && S3_CLASSES.has(name)) return name;
        if (mod === 'iam' && IAM_CLASSES.has(name)) return name;
        if (mod === 'core' && CORE_CLASSES.has(name)) return name;
      }
      // cdk.aws_s3.Bucket
      if (ts.isPropertyAccessExpression(owner) && ts.isIdentifier(owner.expression) && this.modules.get(owner.expression.text) === 'core') {
        if (owner.name.text === 'aws_s3' && S3_CLASSES.has(name)) return name;
        if (owner.name.text === 'aws_iam' && IAM_CLASSES.has(name)) return name;
      }
    }
    return undefined;
  }
}

function moduleOf(spec: string): 's3' | 'iam' | 'core' | undefined {
  if (spec === 'aws-cdk-lib/aws-s3') return 's3';
  if (spec === 'aws-cdk-lib/aws-iam') return 'iam';
  if (spec === 'aws-cdk-lib' || spec === 'aws-cdk-lib/core') return 'core';
  return undefined;
}

function bindNamed(b: CdkBindings, mod: 's3' | 'iam' | 'core', imported: string, local: string): void {
  if (mod === 'core' && imported === 'aws_s3') b.modules.set(local, 's3');
  else if (mod === 'core' && imported === 'aws_iam') b.modules.set(local, 'iam');
  else if ((mod === 's3' && S3_CLASSES.has(imported as CdkClass)) || (mod === 'iam' && IAM_CLASSES.has(imported as CdkClass)) || (mod === 'core' && CORE_CLASSES.has(imported as CdkClass))) {
    b.classes.set(local, imported as CdkClass);
  }
}

export function readBindings(sf: TS.SourceFile): CdkBindings {
  const ts = typescript();
  const b = new CdkBindings();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const mod = moduleOf(st.moduleSpecifier.text);
      const clause = st.importClause;
      if (!mod || !clause) continue;
      if (clause.name) b.modules.set(clause.name.text, mod);
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) b.modules.set(nb.name.text, mod);
      if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) bindNamed(b, mod, (el.propertyName ?? el.name).text, el.name.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') continue;
        const arg = init.arguments[0];
        const mod = arg && ts.isStringLiteral(arg) ? moduleOf(arg.text) : undefined;
        if (!mod) continue;
        if (ts.isIdentifier(d.name)) b.modules.set(d.name.text, mod);
        else if (ts.isObjectBindingPattern(d.name)) {
          for (const el of d.name.elements) {
            if (!ts.isIdentifier(el.name)) continue;
            const imported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
            bindNamed(b, mod, imported, el.name.text);
          }
        }
      }
    }
  }
  // class MyStack extends Stack / cdk.Stack
  const visit = (node: TS.Node): void => {
    if (ts.isClassDeclaration(node) && node.name) {
      const ext = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      if (ext && (b.classOf(ext) === 'Stack' || (ts.isIdentifier(ext) && b.stackClasses.has(ext.text)))) b.stackClasses.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return b;
}
