import * as fs from 'node:fs';
import { analyze } from '../core';
import { collectTargets } from './files';
import { formatJson, formatSarif, formatText, type FileResult } from './format';
import type { Io } from './io';

export interface CheckOptions {
  readonly format: 'text' | 'json' | 'sarif';
  readonly paths: readonly string[];
  readonly stackRegion?: string | undefined;
}

/** `s3mrap check`: 0 no errors (warnings allowed), 1 at least one error, 2 usage or I/O problem. */
export function runCheck(opts: CheckOptions, io: Io, version: string): number {
  let targets;
  try {
    targets = collectTargets(opts.paths);
  } catch (e) {
    io.err(`s3mrap: ${(e as Error).message}`);
    return 2;
  }
  const results: FileResult[] = [];
  let ioProblem = false;
  for (const t of targets) {
    let text: string;
    try {
      text = fs.readFileSync(t.file, 'utf8');
    } catch (e) {
      io.err(`s3mrap: cannot read '${t.file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      ioProblem = true;
      continue;
    }
    const analysis = analyze(text, { fileName: t.file, stackRegion: opts.stackRegion });
    if (!analysis.template) {
      if (t.explicit && opts.format === 'text') io.out(`${t.file}: skipped, not a CloudFormation/SAM template, CDK app or AWS CLI input file`);
      continue;
    }
    results.push({ file: t.file, diagnostics: analysis.diagnostics });
  }
  if (opts.format === 'json') io.out(formatJson(results));
  else if (opts.format === 'sarif') io.out(formatSarif(results, version));
  else io.out(formatText(results));
  if (ioProblem) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
