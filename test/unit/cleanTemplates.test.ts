import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core';
import { formatFinding, walk } from '../support/fixtures';
import { FIXTURES } from '../support/paths';

/** Realistic valid inputs (test/fixtures/clean/<group>-*): recognised, and without any error or warning. */
describe('clean templates', () => {
  const dir = path.join(FIXTURES, 'clean');
  const files = walk(dir);
  it('has clean fixtures', () => assert.ok(files.length > 0));
  for (const file of files) {
    it(`${file} is recognised and has no errors or warnings`, () => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const analysis = analyze(text, { fileName: file });
      assert.ok(analysis.template, `${file} was not recognised as a template or AWS CLI input`);
      const problems = analysis.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${formatFinding(file, d)}: ${d.message}`);
      assert.deepEqual(problems, []);
    });
  }
});
