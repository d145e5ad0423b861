import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, analyze } from '../../server/src/core';
import { fixtureSources, formatFinding, optionsOf } from '../support/fixtures';
import { FIXTURES } from '../support/paths';

/**
 * Data-driven rule fixtures: test/fixtures/rules/<rule-id>/{good,bad}*.{yaml,json,ts} and
 * expected.txt. Bad files must produce exactly the findings listed (every rule, not only this one);
 * good files must produce none. `UPDATE_FIXTURES=1 npm test` rewrites expected.txt from the findings.
 */
const RULES_DIR = path.join(FIXTURES, 'rules');
const update = process.env.UPDATE_FIXTURES === '1';


function findingsOf(dir: string, file: string): string[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const { diagnostics } = analyze(text, { fileName: file, ...optionsOf(dir, file) });
  return diagnostics.map((d) => formatFinding(file, d));
}

describe('rule fixtures', () => {
  for (const rule of ALL_RULES) {
    const dir = path.join(RULES_DIR, rule.id);
    describe(rule.id, () => {
      it('has fixtures: bad and good cases in YAML and JSON (and expected.txt)', () => {
        assert.ok(fs.existsSync(dir), `missing fixture folder ${path.relative(FIXTURES, dir)}`);
        const files = fixtureSources(dir);
        const wanted = rule.dialects?.length === 1 && rule.dialects[0] === 'cdk' ? [/^bad.*\.ts$/, /^good.*\.ts$/] : rule.dialects?.length === 1 && rule.dialects[0] === 'api' ? [/^bad.*\.json$/, /^good.*\.json$/] : [/^bad.*\.ya?ml$/, /^bad.*\.json$/, /^good.*\.ya?ml$/, /^good.*\.json$/];
        for (const re of wanted) assert.ok(files.some((f) => re.test(f)), `${rule.id}: no fixture matching ${re}`);
      });
      if (!fs.existsSync(dir)) return;
      const files = fixtureSources(dir);
      const bad = files.filter((f) => f.startsWith('bad'));
      const good = files.filter((f) => f.startsWith('good'));
      it('bad cases produce exactly the expected findings', () => {
        const actual = bad.flatMap((f) => findingsOf(dir, f));
        const expectedFile = path.join(dir, 'expected.txt');
        if (update) fs.writeFileSync(expectedFile, actual.join('\n') + '\n');
        const expected = fs.readFileSync(expectedFile, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
        assert.deepEqual(actual, expected);
        assert.ok(actual.some((l) => l.endsWith(` ${rule.id}`)), `${rule.id}: no bad case triggers the rule`);
      });
      it('good cases produce no finding of this rule, and no error or warning of any rule', () => {
        for (const f of good) {
          const found = findingsOf(dir, f).filter((l) => l.endsWith(` ${rule.id}`) || / (error|warning) /.test(l));
          assert.deepEqual(found, [], `${f} should be clean`);
        }
      });
    });
  }
});
