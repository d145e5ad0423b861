import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../../server/src/core';

/** Every file below `dir`, recursively, as paths relative to it. */
export function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full).map((f) => path.join(e.name, f)));
    else out.push(e.name);
  }
  return out.sort();
}

/** One line per finding: `bad.yaml:12:7 error replication/versioning-required` (1-based line and column). */
export function formatFinding(file: string, d: Pick<Diagnostic, 'range' | 'severity' | 'ruleId'>): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.ruleId}`;
}

/** Source files of a fixture folder: `good*` / `bad*` with a supported extension. */
export function fixtureSources(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^(good|bad)[^/]*\.(ya?ml|json|template|ts|mts|js|mjs)$/.test(f))
    .sort();
}

/** Optional `options.json` in a fixture folder: per-file analyze options, e.g. `{"bad.yaml": {"stackRegion": "cn-north-1"}}`. */
export function optionsOf(dir: string, file: string): { stackRegion?: string } {
  const optionsFile = path.join(dir, 'options.json');
  if (!fs.existsSync(optionsFile)) return {};
  const all = JSON.parse(fs.readFileSync(optionsFile, 'utf8')) as Record<string, { stackRegion?: string }>;
  return all[file] ?? {};
}
