import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, PARSE_RULE_ID, type Diagnostic } from '../../../server/src/core';
import { applyEdits } from '../../support/applyEdits';
import { fixtureSources } from '../../support/fixtures';
import { FIXTURES } from '../../support/paths';

/**
 * Quick fixes of the replication rules R16-R30, driven by their bad fixtures (YAML, JSON and AWS CLI JSON):
 * applying a fix must remove that finding, keep the text parseable, and add no finding of any other rule.
 * Rules whose fixes are marked `fixAll` must also be clean after applying every fixAll edit at once.
 */
const RULES_WITH_FIXES = [
  'replication/rtc-requires-metrics',
  'replication/rtc-metrics-disabled',
  'replication/rtc-minutes',
  'replication/kms-replica-key-required',
  'replication/encryption-without-sse-kms',
  'replication/acl-translation-account',
  'replication/acl-translation-owner',
  'replication/acl-translation-same-account',
  'replication/storage-class',
  'replication/role-arn',
  'replication/object-lock-destination',
  'replication/duplicate-rule-id',
];

function diagnostics(text: string, file: string): readonly Diagnostic[] {
  return analyze(text, { fileName: file }).diagnostics;
}

function countBy(ds: readonly Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) m.set(d.ruleId, (m.get(d.ruleId) ?? 0) + 1);
  return m;
}

function assertNoNewFindings(before: readonly Diagnostic[], after: readonly Diagnostic[], ruleId: string, label: string): void {
  const b = countBy(before);
  for (const [id, n] of countBy(after)) {
    if (id === ruleId) continue;
    assert.ok(n <= (b.get(id) ?? 0), `${label}: the fix added a '${id}' finding`);
  }
  assert.ok(!after.some((d) => d.ruleId === PARSE_RULE_ID), `${label}: the fixed text does not parse`);
}

describe('replication quick fixes (R16-R30)', () => {
  for (const ruleId of RULES_WITH_FIXES) {
    const dir = path.join(FIXTURES, 'rules', ruleId);
    const files = fixtureSources(dir).filter((f) => f.startsWith('bad'));
    describe(ruleId, () => {
      it('offers at least one fix in its bad fixtures', () => {
        const offered = files.some((f) => diagnostics(fs.readFileSync(path.join(dir, f), 'utf8'), f).some((d) => d.ruleId === ruleId && (d.fixes?.length ?? 0) > 0));
        assert.ok(offered, `${ruleId}: no fix offered`);
      });
      for (const file of files) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        const before = diagnostics(text, file);
        const own = before.filter((d) => d.ruleId === ruleId);
        own.forEach((finding, index) => {
          for (const fix of finding.fixes ?? []) {
            it(`${file} #${index + 1}: "${fix.title}" removes the finding`, () => {
              const fixed = applyEdits(text, fix.edits);
              assert.notEqual(fixed, text);
              const after = diagnostics(fixed, file);
              assert.equal(after.filter((d) => d.ruleId === ruleId).length, own.length - 1, `${file}: the finding is still there after "${fix.title}":\n${fixed}`);
              assertNoNewFindings(before, after, ruleId, `${file} "${fix.title}"`);
            });
          }
        });
        const fixAll = own.flatMap((d) => (d.fixes ?? []).filter((f) => f.fixAll).slice(0, 1));
        if (fixAll.length > 1 && fixAll.length === own.length) {
          it(`${file}: applying every fixAll fix at once leaves no finding`, () => {
            const fixed = applyEdits(text, fixAll.flatMap((f) => f.edits));
            const after = diagnostics(fixed, file);
            assert.deepEqual(after.filter((d) => d.ruleId === ruleId).map((d) => d.message), [], fixed);
            assertNoNewFindings(before, after, ruleId, `${file} fix all`);
          });
        }
      }
    });
  }
});
