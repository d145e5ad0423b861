import type { SourceFormat, Template } from '../../model/types';
import type { SourceOptions } from '../index';
import { makeTemplate } from '../template';
import { collectConstructs } from './constructs';
import { readBindings } from './imports';
import { typescript } from './typescript';

/** Quick test before loading the compiler: files that never mention aws-cdk-lib are not ours. */
const MENTIONS_CDK = /aws-cdk-lib/;

/**
 * AWS CDK apps (TypeScript or JavaScript) into the same model as templates: each construct is a
 * resource with CloudFormation property names (`key`) and the names as written (`rawKey`), so the
 * template rules fire unchanged and findings point at the code. Parse only: no program, no types.
 */
export function parseCdk(text: string, format: SourceFormat, options: SourceOptions): Template | undefined {
  if (!MENTIONS_CDK.test(text)) return undefined;
  const ts = typescript();
  const name = options.fileName ?? (format === 'typescript' ? 'app.ts' : 'app.js');
  const kind = /\.(m|c)?jsx?$/i.test(name) || format === 'javascript' ? ts.ScriptKind.JS : /x$/i.test(name) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, kind);
  const bindings = readBindings(sf);
  if (!bindings.usesS3) return undefined;
  const app = collectConstructs(sf, bindings);
  // Kept for fix verification; not reported (syntax errors in code are TypeScript's to report).
  const problems = ((sf as unknown as { parseDiagnostics?: { start?: number; length?: number }[] }).parseDiagnostics ?? []).map((d) => ({
    message: 'TypeScript syntax error',
    span: { start: d.start ?? 0, end: (d.start ?? 0) + (d.length ?? 1) },
  }));
  const regions = new Set(app.resources.map((r) => r.region));
  const stackRegion = regions.size === 1 ? [...regions][0] : undefined;
  return makeTemplate(format, 'cdk', undefined, app.resources, problems, { stackRegion: stackRegion ?? options.stackRegion, parameters: new Set(), conditions: new Set(), cdkStacks: app.stacks });
}
