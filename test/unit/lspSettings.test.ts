import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, isIncluded } from '../../server/src/lsp/settings';

describe('language server file settings', () => {
  const uri = 'file:///home/me/project/templates/app.yaml';
  const cases: { include: string[]; exclude: string[]; expected: boolean }[] = [
    { include: [], exclude: [], expected: true },
    { include: ['**/*'], exclude: [], expected: true },
    { include: ['templates/*.yaml'], exclude: [], expected: true },
    { include: ['./templates/**'], exclude: [], expected: true },
    { include: ['infra/**'], exclude: [], expected: false },
    { include: [], exclude: ['templates/**'], expected: false },
    { include: [], exclude: ['**/node_modules/**'], expected: true },
  ];
  for (const c of cases) {
    it(`include ${JSON.stringify(c.include)} exclude ${JSON.stringify(c.exclude)} -> ${c.expected}`, () => {
      assert.equal(isIncluded({ ...DEFAULT_SETTINGS, include: c.include, exclude: c.exclude }, uri), c.expected);
    });
  }
  it('disabled means nothing is checked', () => {
    assert.equal(isIncluded({ ...DEFAULT_SETTINGS, enable: false }, uri), false);
  });
});
