import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { ALL_RULES, analyze, applyEdits, fixWorks, type Diagnostic } from '../../../server/src/core';
import { fixtureSources, optionsOf } from '../../support/fixtures';
import { FIXTURES } from '../../support/paths';

/**
 * Every quick fix of every rule, driven by the rules' bad fixtures (YAML, JSON, AWS CLI JSON, CDK):
 * applied to the text, the finding is gone, the text still parses, and no other rule gains a
 * finding. Fixes marked `fixAll`, applied together, remove every finding they were offered for.
 */
/** Errors and warnings by rule (a fix may reveal an info hint, e.g. cross-account once `Account` is spelled right). */
function countBy(ds: readonly Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) if (d.severity !== 'info') m.set(d.ruleId, (m.get(d.ruleId) ?? 0) + 1);
  return m;
}

function assertNoNewFindings(before: readonly Diagnostic[], after: readonly Diagnostic[], ruleId: string, label: string): void {
  const b = countBy(before);
  for (const [id, n] of countBy(after)) {
    if (id !== ruleId) assert.ok(n <= (b.get(id) ?? 0), `${label}: the fix added a '${id}' finding`);
  }
}

/** Keys written twice in one object literal: TypeScript rejects them, though the file still parses. */
function duplicateKeys(text: string, file: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const seen = new Set<string>();
      for (const p of node.properties) {
        const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
        if (name === undefined) continue;
        if (seen.has(name)) found.push(name);
        seen.add(name);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('quick fixes', () => {
  for (const rule of ALL_RULES) {
    const dir = path.join(FIXTURES, 'rules', rule.id);
    if (!fs.existsSync(dir)) continue;
    for (const file of fixtureSources(dir).filter((f) => f.startsWith('bad'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const options = { fileName: file, ...optionsOf(dir, file) };
      const before = analyze(text, options).diagnostics;
      const own = before.filter((d) => d.ruleId === rule.id && (d.fixes?.length ?? 0) > 0);
      if (own.length === 0) continue;
      describe(`${rule.id} ${file}`, () => {
        for (const d of own) {
          for (const fix of d.fixes ?? []) {
            it(`line ${d.range.start.line + 1}: "${fix.title}" removes the finding`, () => {
              const fixed = applyEdits(text, fix.edits);
              assert.notEqual(fixed, text);
              assert.ok(fixWorks(text, options, d, fix), `the finding is still there, or the text no longer parses:\n${fixed}`);
              if (file.endsWith('.json')) JSON.parse(fixed);
              if (/\.(m|c)?[jt]s$/.test(file)) assert.deepEqual(duplicateKeys(fixed, file), [], `the fix wrote a key twice (does not compile):\n${fixed}`);
              assertNoNewFindings(before, analyze(fixed, options).diagnostics, rule.id, `"${fix.title}"`);
            });
          }
        }
        const all = own.flatMap((d) => (d.fixes ?? []).filter((f) => f.fixAll).slice(0, 1));
        if (all.length > 1) {
          it('fixAll fixes applied together remove every one of their findings', () => {
            const fixed = applyEdits(text, all.flatMap((f) => f.edits));
            const after = analyze(fixed, options).diagnostics;
            assert.equal(after.filter((d) => d.ruleId === rule.id).length, before.filter((d) => d.ruleId === rule.id).length - all.length, fixed);
            assertNoNewFindings(before, after, rule.id, 'fix all');
          });
        }
      });
    }
  }
});
