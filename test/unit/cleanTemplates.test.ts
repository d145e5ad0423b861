import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core';
import { formatFinding, walk } from '../support/fixtures';
import { FIXTURES } from '../support/paths';

/** Realistic valid templates (test/fixtures/clean/): no error and no warning from any rule. */
const CLEAN = path.join(FIXTURES, 'clean');

describe('clean templates', () => {
  const files = walk(CLEAN).filter((f) => /\.(ya?ml|json|template|ts|js)$/.test(f));
  it('exist', () => assert.ok(files.length > 0, 'no file in test/fixtures/clean'));
  for (const file of files) {
    it(`${file} has no error or warning`, () => {
      const text = fs.readFileSync(path.join(CLEAN, file), 'utf8');
      const analysis = analyze(text, { fileName: file });
      assert.ok(analysis.template, `${file} is not recognised as a template`);
      const serious = analysis.diagnostics.filter((d) => d.severity !== 'info');
      assert.deepEqual(serious.map((d) => `${formatFinding(file, d)}: ${d.message}`), []);
    });
  }
});
