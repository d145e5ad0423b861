import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core';
import { FIXTURES } from '../support/paths';

/** Realistic valid templates (MRAP, two-way replication, SAM, conditions, cross-account KMS...) must be clean. */
const DIR = path.join(FIXTURES, 'clean');

describe('realistic valid templates', () => {
  const files = fs.readdirSync(DIR).filter((f) => /\.(ya?ml|json|template)$/.test(f)).sort();
  it('has realistic templates to check', () => assert.ok(files.length >= 4));
  for (const f of files) {
    it(`${f} has no error or warning`, () => {
      const { template, diagnostics } = analyze(fs.readFileSync(path.join(DIR, f), 'utf8'), { fileName: f });
      assert.ok(template, `${f} should be recognised`);
      assert.deepEqual(diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.range.start.line + 1}: ${d.ruleId} ${d.message}`), []);
    });
  }
});
