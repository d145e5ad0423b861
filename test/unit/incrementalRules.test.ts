import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, analyze, RuleCache, YamlChunkCache, type Diagnostic } from '../../server/src/core';
import { yamlTemplate } from '../../tools/bench/generate';
import { FIXTURES, REPO_ROOT } from '../support/paths';
import { walk } from '../support/fixtures';

/**
 * Editors re-run resource-scoped rules only for the resources an edit changed. Whatever the edits,
 * the findings must be exactly those of a fresh analysis: a rule marked `scope: 'resource'` that
 * reads another resource's properties shows up here as a stale or missing finding.
 */
describe('incremental rule evaluation (resource-scoped rules, per-resource cache)', () => {
  const yamlFiles = [
    ...walk(FIXTURES).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(FIXTURES, f)),
    ...walk(path.join(REPO_ROOT, 'examples')).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(REPO_ROOT, 'examples', f)),
  ];

  /** A small deterministic PRNG, so a failure names a reproducible seed. */
  function random(seed: number): () => number {
    let s = seed >>> 0 || 1;
    return () => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) / 4294967296;
    };
  }

  const SWAPS: [RegExp, string][] = [
    [/Enabled/, 'Disabled'],
    [/Disabled/, 'Enabled'],
    [/true/, 'false'],
    [/false/, 'true'],
    [/STANDARD_IA/, 'GLACIER'],
    [/\b15\b/, '10'],
    [/!GetAtt (\w+)\.Arn/, '!Ref $1'],
    [/!Ref (\w+)/, '!GetAtt $1.Arn'],
    [/\b\d{12}\b/, '1234'],
  ];

  /** One edit a person could make inside a resource: delete, duplicate or rewrite a line. */
  function edit(text: string, next: () => number): string {
    const lines = text.split('\n');
    const i = Math.floor(next() * lines.length);
    const line = lines[i] ?? '';
    const choice = next();
    if (choice < 0.3) lines.splice(i, 1);
    else if (choice < 0.4) lines.splice(i, 0, line);
    else {
      const swap = SWAPS.filter(([re]) => re.test(line));
      const picked = swap[Math.floor(next() * swap.length)];
      lines[i] = picked ? line.replace(picked[0], picked[1]) : `${line}x`;
    }
    return lines.join('\n');
  }

  const comparable = (d: readonly Diagnostic[]): unknown => JSON.parse(JSON.stringify(d));

  function assertSameAfterEdits(file: string, original: string, seed: number, steps: number): void {
    const next = random(seed);
    const yamlCache = new YamlChunkCache(1);
    const ruleCache = new RuleCache();
    let text = original;
    for (let step = 0; step <= steps; step++) {
      const incremental = analyze(text, { fileName: file, yamlCache, ruleCache });
      // Fresh = same reading of the text (a chunked parse places some syntax errors differently), no cached findings.
      const fresh = analyze(text, { fileName: file, yamlCache: new YamlChunkCache(1) });
      assert.deepEqual(comparable(incremental.diagnostics), comparable(fresh.diagnostics), `${file}, seed ${seed}, after ${step} edits:\n${text}`);
      text = next() < 0.15 ? original : edit(text, next);
    }
  }

  it('gives exactly the findings of a fresh analysis after random edits to every YAML fixture', function () {
    this.timeout(120_000);
    assert.ok(yamlFiles.length > 50, `${yamlFiles.length} files`);
    yamlFiles.forEach((f, n) => {
      const text = fs.readFileSync(f, 'utf8').replace('$0', '');
      for (let seed = 1; seed <= 3; seed++) assertSameAfterEdits(path.relative(REPO_ROOT, f), text, n * 100 + seed, 10);
    });
  });

  it('gives exactly the findings of a fresh analysis on a large template (resources grouped in chunks)', function () {
    this.timeout(60_000);
    const text = yamlTemplate(120);
    const yamlCache = new YamlChunkCache();
    const ruleCache = new RuleCache();
    const next = random(7);
    let current = text;
    for (let step = 0; step < 30; step++) {
      const incremental = analyze(current, { fileName: 'big.yaml', yamlCache, ruleCache });
      assert.deepEqual(comparable(incremental.diagnostics), comparable(analyze(current, { fileName: 'big.yaml', yamlCache: new YamlChunkCache() }).diagnostics), `step ${step}`);
      current = edit(current, next);
    }
  });

  it('really reuses findings: an edit inside one resource re-runs the resource-scoped rules for its chunk only', () => {
    assert.ok(ALL_RULES.some((r) => r.scope === 'resource'), 'some rules are resource-scoped');
    const text = yamlTemplate(60).replace('StorageClass: STANDARD_IA', 'StorageClass: GLACIER_FLEXIBLE');
    const yamlCache = new YamlChunkCache(1);
    const ruleCache = new RuleCache();
    const first = analyze(text, { fileName: 't.yaml', yamlCache, ruleCache });
    assert.ok(first.diagnostics.some((d) => d.ruleId === 'replication/storage-class'), 'the bad storage class is reported');
    // Shift everything below the edit by one line: the cached finding (in Bucket0) stays, those below move.
    const edited = text.replace('  Mrap5:\n', '  Mrap5:\n    Metadata: {}\n');
    const second = analyze(edited, { fileName: 't.yaml', yamlCache, ruleCache });
    const fresh = analyze(edited, { fileName: 't.yaml', yamlCache: new YamlChunkCache(1) });
    assert.deepEqual(comparable(second.diagnostics), comparable(fresh.diagnostics));
    assert.deepEqual(second.diagnostics.find((d) => d.ruleId === 'replication/storage-class')?.range, first.diagnostics.find((d) => d.ruleId === 'replication/storage-class')?.range);
    assert.equal(ruleCache.lastRun.checked, 1, 'only the edited resource is checked again');
    assert.equal(ruleCache.lastRun.reused, (second.template?.resources.length ?? 0) - 1);
  });
});
