import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Diagnostic } from '../../../server/src/core';
import { replicationRules } from '../../../server/src/core/rules/replication';
import { applyEdits } from '../../support/applyEdits';
import { fixtureSources } from '../../support/fixtures';
import { FIXTURES } from '../../support/paths';

/**
 * Every fix offered by a replication rule on its bad fixtures (YAML, JSON, AWS CLI JSON): applied
 * to the text, the result still parses and the finding is gone; fixes marked `fixAll` applied
 * together remove every finding of the rule.
 */
function findings(text: string, file: string, ruleId: string): Diagnostic[] {
  return analyze(text, { fileName: file }).diagnostics.filter((d) => d.ruleId === ruleId);
}

function assertParses(text: string, file: string): void {
  const { template, diagnostics } = analyze(text, { fileName: file });
  assert.ok(template, `${file}: the fixed text is no longer recognised`);
  assert.deepEqual(diagnostics.filter((d) => d.ruleId === 'syntax/parse-error').map((d) => d.message), [], `${file}: the fixed text does not parse`);
  if (file.endsWith('.json')) JSON.parse(text);
}

describe('replication fixes', () => {
  for (const rule of replicationRules) {
    const dir = path.join(FIXTURES, 'rules', rule.id);
    if (!fs.existsSync(dir)) continue;
    for (const file of fixtureSources(dir).filter((f) => f.startsWith('bad'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const before = findings(text, file, rule.id);
      const fixable = before.filter((d) => (d.fixes ?? []).length > 0);
      if (fixable.length === 0) continue;
      describe(`${rule.id} ${file}`, () => {
        for (const d of fixable) {
          for (const fix of d.fixes ?? []) {
            it(`line ${d.range.start.line + 1}: "${fix.title}" removes the finding`, () => {
              const fixed = applyEdits(text, fix.edits);
              assertParses(fixed, file);
              const after = findings(fixed, file, rule.id);
              assert.equal(after.length, before.length - 1, `expected one ${rule.id} finding fewer:\n${fixed}`);
              assert.ok(!after.some((a) => a.message === d.message), `the same finding is still there:\n${fixed}`);
            });
          }
        }
        const all = fixable.flatMap((d) => (d.fixes ?? []).filter((f) => f.fixAll).slice(0, 1));
        if (all.length > 1) {
          it('fixAll fixes applied together remove every one of their findings', () => {
            const fixed = applyEdits(text, all.flatMap((f) => f.edits));
            assertParses(fixed, file);
            assert.equal(findings(fixed, file, rule.id).length, before.length - all.length, fixed);
          });
        }
      });
    }
  }
});
