import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core';
import { formatFinding, walk } from '../support/fixtures';
import { FIXTURES } from '../support/paths';

/** Realistic valid templates (test/fixtures/clean/): no errors and no warnings from any rule. */
const CLEAN = path.join(FIXTURES, 'clean');

describe('clean templates', () => {
  it('the folder has templates', () => {
    assert.ok(walk(CLEAN).length > 0, 'no files in test/fixtures/clean');
  });
  for (const file of walk(CLEAN)) {
    it(`${file} has no errors or warnings`, () => {
      const text = fs.readFileSync(path.join(CLEAN, file), 'utf8');
      const analysis = analyze(text, { fileName: file });
      assert.ok(analysis.template, `${file} is not recognised as a template`);
      const problems = analysis.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${formatFinding(file, d)}: ${d.message}`);
      assert.deepEqual(problems, []);
    });
  }
});
