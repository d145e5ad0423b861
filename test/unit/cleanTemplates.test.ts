import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core';
import { formatFinding, walk } from '../support/fixtures';
import { FIXTURES } from '../support/paths';

/** Realistic valid templates: no errors and no warnings from any rule (infos are hints and allowed). */
const CLEAN = path.join(FIXTURES, 'clean');

describe('clean templates', () => {
  const files = walk(CLEAN).filter((f) => /\.(ya?ml|json|template|ts)$/.test(f));
  it('exist', () => assert.ok(files.length > 0, 'no templates in test/fixtures/clean'));
  for (const file of files) {
    it(`${file} has no errors or warnings`, () => {
      const text = fs.readFileSync(path.join(CLEAN, file), 'utf8');
      const analysis = analyze(text, { fileName: file });
      assert.ok(analysis.template, `${file} is not recognised as a template`);
      const loud = analysis.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${formatFinding(file, d)}: ${d.message}`);
      assert.deepEqual(loud, []);
    });
  }
});
