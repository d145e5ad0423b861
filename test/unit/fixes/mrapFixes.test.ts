import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PARSE_RULE_ID, analyze, type Diagnostic } from '../../../server/src/core';
import { mrapRules } from '../../../server/src/core/rules/mrap';
import { mrapPolicyRules } from '../../../server/src/core/rules/mrapPolicy';
import { applyEdits } from '../../support/applyEdits';
import { fixtureSources } from '../../support/fixtures';
import { FIXTURES } from '../../support/paths';

/**
 * Every fix offered on the MRAP and MRAP policy fixtures, applied to the fixture text: the result
 * must still parse and no longer carry the finding it fixes. `fixAll` fixes are also applied all at
 * once. Data-driven from test/fixtures/rules/<rule-id>/bad*.
 */
function optionsOf(dir: string, file: string): { stackRegion?: string } {
  const optionsFile = path.join(dir, 'options.json');
  if (!fs.existsSync(optionsFile)) return {};
  const all = JSON.parse(fs.readFileSync(optionsFile, 'utf8')) as Record<string, { stackRegion?: string }>;
  return all[file] ?? {};
}

function same(ruleId: string, message: string): (d: Diagnostic) => boolean {
  return (d) => d.ruleId === ruleId && d.message === message;
}

describe('MRAP quick fixes', () => {
  const tested = { yaml: 0, json: 0 };
  for (const rule of [...mrapRules, ...mrapPolicyRules]) {
    const dir = path.join(FIXTURES, 'rules', rule.id);
    if (!fs.existsSync(dir)) continue;
    for (const file of fixtureSources(dir).filter((f) => f.startsWith('bad'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const options = { fileName: file, ...optionsOf(dir, file) };
      const findings = analyze(text, options).diagnostics.filter((d) => d.ruleId === rule.id && (d.fixes?.length ?? 0) > 0);
      findings.forEach((finding, n) => {
        for (const fix of finding.fixes ?? []) {
          it(`${rule.id} ${file} #${n + 1}: "${fix.title}" removes the finding`, () => {
            const fixed = applyEdits(text, fix.edits);
            const after = analyze(fixed, options).diagnostics;
            assert.deepEqual(after.filter((d) => d.ruleId === PARSE_RULE_ID).map((d) => d.message), [], `fixed text does not parse:\n${fixed}`);
            const before = analyze(text, options).diagnostics.filter(same(rule.id, finding.message)).length;
            assert.equal(after.filter(same(rule.id, finding.message)).length, before - 1, `finding still there after the fix:\n${fixed}`);
            tested[file.endsWith('.json') ? 'json' : 'yaml']++;
          });
        }
      });
      const all = findings.filter((f) => f.fixes?.some((x) => x.fixAll));
      if (all.length > 1) {
        it(`${rule.id} ${file}: all ${all.length} fix-all fixes at once remove their findings`, () => {
          const edits = all.flatMap((f) => f.fixes?.find((x) => x.fixAll)?.edits ?? []);
          const fixed = applyEdits(text, edits);
          const after = analyze(fixed, options).diagnostics;
          assert.deepEqual(after.filter((d) => d.ruleId === PARSE_RULE_ID).map((d) => d.message), []);
          for (const f of all) assert.equal(after.filter(same(rule.id, f.message)).length, 0, `still there: ${f.message}\n${fixed}`);
        });
      }
    }
  }
  after(() => {
    // Guards against the suite silently testing nothing (fixtures moved, fixes dropped).
    assert.ok(tested.yaml > 10 && tested.json > 5, `too few fixes exercised: ${JSON.stringify(tested)}`);
  });
});
