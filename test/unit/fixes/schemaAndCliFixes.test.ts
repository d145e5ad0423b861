import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, PARSE_RULE_ID, type Diagnostic } from '../../../server/src/core';
import { applyEdits } from '../../support/applyEdits';
import { fixtureSources } from '../../support/fixtures';
import { FIXTURES } from '../../support/paths';

/**
 * Every quick fix offered by the schema and AWS CLI rules on their bad fixtures, applied to the
 * fixture text: the result must still parse and must no longer carry that finding. Fix-all fixes
 * applied together must clear every finding they were offered for.
 */
const RULES_WITH_FIXES = [
  'schema/unknown-property',
  'schema/enum',
  'cli/routes-mrap-arn',
  'cli/route-item-shape',
  'cli/traffic-dial-value',
  'cli/mrap-details-shape',
  'cli/replication-api-names',
  'cli/existing-object-replication',
];

function findings(text: string, file: string): readonly Diagnostic[] {
  return analyze(text, { fileName: file }).diagnostics;
}

function count(ds: readonly Diagnostic[], d: Diagnostic): number {
  return ds.filter((x) => x.ruleId === d.ruleId && x.message === d.message).length;
}

describe('quick fixes of the schema and AWS CLI rules', () => {
  for (const ruleId of RULES_WITH_FIXES) {
    const dir = path.join(FIXTURES, 'rules', ruleId);
    const files = fixtureSources(dir).filter((f) => f.startsWith('bad'));
    it(`${ruleId}: each fix removes its finding and keeps the file valid`, () => {
      const formats = new Set<string>();
      let applied = 0;
      for (const file of files) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        const before = findings(text, file);
        for (const d of before.filter((x) => x.ruleId === ruleId)) {
          for (const fix of d.fixes ?? []) {
            const fixed = applyEdits(text, fix.edits);
            const after = findings(fixed, file);
            assert.deepEqual(after.filter((x) => x.ruleId === PARSE_RULE_ID), [], `${file}: '${fix.title}' broke the syntax:\n${fixed}`);
            assert.equal(count(after, d), count(before, d) - 1, `${file}: '${fix.title}' left the finding '${d.message}':\n${fixed}`);
            applied++;
            formats.add(path.extname(file));
          }
        }
      }
      assert.ok(applied > 0, `${ruleId}: no fix was exercised`);
      if (ruleId.startsWith('schema/')) assert.deepEqual([...formats].sort(), ['.json', '.yaml'], `${ruleId}: fixes must be exercised in YAML and JSON`);
    });

    it(`${ruleId}: fix-all fixes applied together clear their findings`, () => {
      for (const file of files) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        const fixable = findings(text, file).filter((d) => d.ruleId === ruleId && d.fixes?.some((f) => f.fixAll));
        if (fixable.length === 0) continue;
        const edits = fixable.flatMap((d) => d.fixes?.find((f) => f.fixAll)?.edits ?? []);
        const after = findings(applyEdits(text, edits), file);
        assert.deepEqual(after.filter((x) => x.ruleId === PARSE_RULE_ID), []);
        for (const d of fixable) assert.equal(count(after, d), 0, `${file}: fix-all left '${d.message}'`);
      }
    });
  }
});
